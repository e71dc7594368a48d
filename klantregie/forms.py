"""Forms check shape; the services check meaning. The contact screen is one form (kanaal, klant)
with a formset of questions, so that a validation error re-renders everything that was typed."""

from __future__ import annotations

import uuid as uuid_mod
from datetime import datetime

from django import forms
from django.core import signing
from django.utils import timezone

from core.forms import SnelleSelect
from klantregie.models import CONTACT_KANALEN, Kennisartikel, Terugbelpoging, Terugbelverzoek
from klantregie.services.contacten import KCC_RESULTATEN, MAX_VRAGEN
from organisatie.models import Team, User
from zaken.models import Kanaal, Resultaattype
from zaken.selectors import zaaktypen_geldig

SESSIE_SALT = "klantregie.contactscherm"
SESSIE_MAX_LEEFTIJD = 12 * 3600  # a contact screen left open longer than this starts afresh


def nieuwe_sessie() -> str:
    """A signed token with the moment the contact started and the contact's idempotency key."""
    return signing.dumps(
        {"start": timezone.now().isoformat(), "sleutel": uuid_mod.uuid4().hex}, salt=SESSIE_SALT
    )


def lees_sessie(token: str) -> tuple[datetime, uuid_mod.UUID] | None:
    try:
        data = signing.loads(token or "", salt=SESSIE_SALT, max_age=SESSIE_MAX_LEEFTIJD)
        return datetime.fromisoformat(data["start"]), uuid_mod.UUID(data["sleutel"])
    except (signing.BadSignature, KeyError, ValueError, TypeError):
        return None


class ContactForm(forms.Form):
    kanaal = forms.ChoiceField(label="Kanaal", choices=CONTACT_KANALEN, initial=Kanaal.TELEFOON)
    klant = forms.UUIDField(required=False, widget=forms.HiddenInput)
    sessie = forms.CharField(widget=forms.HiddenInput)
    geraadpleegd = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_geraadpleegd(self) -> list[uuid_mod.UUID]:
        uuids = []
        for deel in (self.cleaned_data.get("geraadpleegd") or "").split()[:50]:
            try:
                uuids.append(uuid_mod.UUID(deel))
            except ValueError:
                continue
        return uuids


class Keuzes:
    """The choice lists of a question, computed once per request for all question forms."""

    def __init__(self):
        # Plain tuples, not model instances: a catalogue has hundreds of zaaktypen.
        self.zaaktypen = [
            ("", "Kies het zaaktype"),
            *zaaktypen_geldig().values_list("identificatie", "omschrijving"),
        ]
        self.resultaattypen = [("", "Kies het resultaat van de zaak")] + [
            (str(pk), f"{zaaktype}: {omschrijving}")
            for pk, zaaktype, omschrijving in Resultaattype.objects.filter(
                zaaktype__kcc_mag_afhandelen=True, zaaktype__in=zaaktypen_geldig()
            )
            .order_by("zaaktype__omschrijving", "omschrijving")
            .values_list("pk", "zaaktype__omschrijving", "omschrijving")
        ]
        self.teams = [("", "Kies een team")] + [
            (str(t.pk), t.naam) for t in Team.objects.order_by("naam")
        ]
        self.medewerkers = [("", "Geen (het team)")] + [
            (str(u.pk), u.get_full_name() or u.username)
            for u in User.objects.filter(soort=User.Soort.MEDEWERKER, is_active=True).order_by(
                "first_name", "last_name", "username"
            )
        ]
        self.onderwerpen = sorted(
            {oms for _ident, oms in self.zaaktypen[1:]}
            | set(
                Kennisartikel.objects.filter(actief=True)
                .exclude(product="")
                .values_list("product", flat=True)
                .distinct()
            )
        )


class VraagForm(forms.Form):
    onderwerp = forms.CharField(
        label="Onderwerp",
        max_length=200,
        widget=forms.TextInput(attrs={"list": "onderwerpen", "autocomplete": "off"}),
    )
    vraag = forms.CharField(
        label="Vraag", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )
    antwoord = forms.CharField(
        label="Antwoord",
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    resultaat = forms.ChoiceField(label="Resultaat")
    kennisartikel = forms.UUIDField(required=False, widget=forms.HiddenInput)
    zaak = forms.UUIDField(required=False, widget=forms.HiddenInput)
    zaaktype = forms.ChoiceField(label="Zaaktype", required=False, widget=SnelleSelect)
    resultaattype = forms.ChoiceField(
        label="Resultaat van de zaak", required=False, widget=SnelleSelect
    )
    terugbel_team = forms.ChoiceField(
        label="Terugbellen door team", required=False, widget=SnelleSelect
    )
    terugbel_medewerker = forms.ChoiceField(
        label="of door medewerker", required=False, widget=SnelleSelect
    )
    terugbel_telefoon = forms.CharField(
        label="Terugbellen op",
        help_text="Leeg: het nummer van de klant.",
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    terugbel_naam = forms.CharField(
        label="Naam van de beller",
        required=False,
        max_length=200,
        help_text="Alleen nodig als de klant niet bekend is.",
    )
    terugbel_bereikbaarheid = forms.CharField(
        label="Bereikbaar", required=False, max_length=200, help_text="Bijvoorbeeld: na 14.00 uur."
    )

    def __init__(self, *args, keuzes: Keuzes | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = keuzes or Keuzes()
        self.fields["resultaat"].choices = [("", "Kies het resultaat")] + [
            (r.value, r.label) for r in KCC_RESULTATEN
        ]
        self.fields["zaaktype"].choices = keuzes.zaaktypen
        self.fields["resultaattype"].choices = keuzes.resultaattypen
        self.fields["terugbel_team"].choices = keuzes.teams
        self.fields["terugbel_medewerker"].choices = keuzes.medewerkers
        # Needed only for some results: the service says which (no "niet verplicht" marker).
        for naam in ("zaaktype", "resultaattype", "terugbel_team", "terugbel_telefoon"):
            self.fields[naam].voorwaardelijk = True

    def waarde(self, naam: str) -> str:
        """The current (bound or initial) value, for showing the right action fields."""
        return str(self[naam].value() or "")


class BaseVraagFormSet(forms.BaseFormSet):
    def __init__(self, *args, keuzes: Keuzes | None = None, **kwargs):
        self.keuzes = keuzes or Keuzes()
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "keuzes": self.keuzes}

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            keuzes=self.keuzes,
            renderer=self.renderer,
        )
        self.add_fields(form, None)
        return form


VraagFormSet = forms.formset_factory(
    VraagForm,
    formset=BaseVraagFormSet,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=MAX_VRAGEN,
    validate_max=True,
)


class TerugbelpogingForm(forms.Form):
    uitkomst = forms.ChoiceField(
        label="Uitkomst", choices=Terugbelpoging.Uitkomst.choices, widget=forms.RadioSelect
    )
    notitie = forms.CharField(label="Notitie", required=False, max_length=500)


class TerugbelAfhandelForm(forms.Form):
    resultaat = forms.ChoiceField(
        label="Resultaat", choices=[("", "Kies het resultaat"), *Terugbelverzoek.Resultaat.choices]
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AntwoordForm(forms.Form):
    antwoord = forms.CharField(
        label="Antwoord", max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )
