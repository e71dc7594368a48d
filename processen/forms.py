"""Forms of the werkvoorraad and the task screens. They check shape; the services check meaning
and their DomainError is shown on the form (core.forms.apply_domain_error)."""

from django import forms

from core.forms import SnelleSelect
from processen import regels
from processen.models import Stap
from processen.services import BEOORDELING_KEUZES, ESCALATIE_REDENEN
from processen.services.klantregie import klantregisseurs
from zaken.models import Informatieobjecttype, Resultaattype, Statustype, Zaaktype

STATUS_KEUZES = [("", "Vrij en opgepakt"), ("vrij", "Nog vrij"), ("opgepakt", "Opgepakt")]
DEADLINE_KEUZES = [
    ("", "Alle termijnen"),
    ("te_laat", "Te laat"),
    ("binnenkort", "Binnenkort"),
    ("op_tijd", "Op tijd"),
    ("opgeschort", "Opgeschort"),
]
KLANTREGIE_KEUZES = [("", "Met en zonder"), ("ja", "Met klantregisseur"), ("nee", "Zonder")]


class WerkvoorraadFilterForm(forms.Form):
    zaaktype = forms.ChoiceField(label="Zaaktype", required=False, widget=SnelleSelect)
    stap = forms.ChoiceField(
        label="Stap", required=False, choices=[("", "Alle stappen"), *Stap.choices]
    )
    status = forms.ChoiceField(label="Taak", required=False, choices=STATUS_KEUZES)
    zaakstatus = forms.ChoiceField(label="Status zaak", required=False, widget=SnelleSelect)
    deadline = forms.ChoiceField(label="Termijn", required=False, choices=DEADLINE_KEUZES)
    klantregie = forms.ChoiceField(label="Klantregie", required=False, choices=KLANTREGIE_KEUZES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        seen = {}
        for ident, oms in (
            Zaaktype.objects.filter(concept=False)
            .order_by("omschrijving")
            .values_list("identificatie", "omschrijving")
        ):
            seen.setdefault(ident, oms)
        self.fields["zaaktype"].choices = [
            ("", "Alle zaaktypen"),
            *sorted(seen.items(), key=lambda kv: kv[1]),
        ]
        statussen = (
            Statustype.objects.filter(zaaktype__concept=False)
            .order_by("omschrijving")
            .values_list("omschrijving", flat=True)
            .distinct()
        )
        self.fields["zaakstatus"].choices = [("", "Alle statussen"), *((s, s) for s in statussen)]


def _resultaat_field(zaaktype) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label="Resultaat",
        queryset=Resultaattype.objects.filter(zaaktype=zaaktype).order_by("omschrijving"),
        empty_label="Kies een resultaat",
        error_messages={
            "required": "Kies een resultaat.",
            "invalid_choice": "Kies een resultaat uit de lijst.",
        },
    )


class AfhandelenForm(forms.Form):
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, taak, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"resultaattype": _resultaat_field(taak.zaak.zaaktype), **self.fields}


class BeoordelingForm(forms.Form):
    besluit = forms.ChoiceField(
        label="Hoe gaat de zaak verder?",
        widget=forms.RadioSelect,
        error_messages={"required": "Kies hoe de zaak verder gaat."},
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, taak, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = [("besluiten", BEOORDELING_KEUZES["besluiten"])]
        if regels.heeft_derde_lijn(taak.zaak.zaaktype):
            teams = ", ".join(t.naam for t in regels.uitvoerende_teams(taak.zaak))
            keuzes.insert(0, ("uitvoeren", f"{BEOORDELING_KEUZES['uitvoeren']}: {teams}"))
        self.fields["besluit"].choices = keuzes


class UitvoeringForm(forms.Form):
    advies = forms.CharField(
        label="Advies of verslag",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Vul uw advies of verslag in."},
    )
    titel = forms.CharField(label="Titel van het document", required=False, max_length=200)
    informatieobjecttype = forms.ModelChoiceField(
        label="Soort document", required=False, queryset=Informatieobjecttype.objects.none()
    )
    inhoud = forms.FileField(label="Document", required=False)

    def __init__(self, *args, taak, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["informatieobjecttype"].queryset = Informatieobjecttype.objects.filter(
            zaaktype_links__zaaktype=taak.zaak.zaaktype
        ).order_by("omschrijving")

    def clean(self):
        data = super().clean()
        if data.get("inhoud"):
            if not data.get("titel"):
                self.add_error("titel", "Geef het document een titel.")
            if not data.get("informatieobjecttype"):
                self.add_error("informatieobjecttype", "Kies het soort document.")
        return data

    def document(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("inhoud"):
            return None
        return {
            "titel": data["titel"],
            "informatieobjecttype": data["informatieobjecttype"],
            "inhoud": data["inhoud"],
            "bestandsnaam": data["inhoud"].name,
        }


class BesluitForm(AfhandelenForm):
    pass


class InformerenForm(forms.Form):
    bericht = forms.CharField(
        label="Wat heeft u de aanvrager laten weten?",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Komt bij de laatste status van de zaak.",
    )

    def __init__(self, *args, taak, **kwargs):
        super().__init__(*args, **kwargs)


STAP_FORMS = {
    Stap.AFHANDELEN: AfhandelenForm,
    Stap.BEOORDELING: BeoordelingForm,
    Stap.UITVOERING: UitvoeringForm,
    Stap.BESLUIT: BesluitForm,
    Stap.INFORMEREN: InformerenForm,
}


def afronden_gegevens(taak, form) -> dict:
    """The keyword arguments of the step's completion service."""
    data = form.cleaned_data
    if taak.stap == Stap.UITVOERING:
        return {"advies": data["advies"], "document": form.document()}
    return dict(data)


class ToewijzenForm(forms.Form):
    medewerker = forms.ModelChoiceField(
        label="Toewijzen aan",
        queryset=None,
        empty_label="Kies een medewerker",
        error_messages={"required": "Kies een medewerker."},
    )

    def __init__(self, *args, leden, **kwargs):
        super().__init__(*args, **kwargs)
        from organisatie.models import User

        self.fields["medewerker"].queryset = User.objects.filter(
            pk__in=[u.pk for u in leden]
        ).order_by("first_name", "last_name", "pk")


# --- zaak actions on the zaak page --------------------------------------------------------------
class OpschortenForm(forms.Form):
    reden = forms.CharField(
        label="Reden",
        max_length=200,
        error_messages={"required": "Geef een reden op voor het opschorten."},
        help_text="De aanvrager ziet deze reden op de PIP als u wacht op de aanvrager.",
    )
    wacht_op_aanvrager = forms.BooleanField(
        label="We wachten op de aanvrager (actie nodig)", required=False, initial=True
    )


class HervattenForm(forms.Form):
    toelichting = forms.CharField(label="Toelichting", required=False, max_length=200)


class VerlengenForm(forms.Form):
    duur = forms.CharField(
        label="Verlengen met",
        max_length=20,
        help_text="Als termijn, bijvoorbeeld P2W (2 weken) of P10D (10 dagen).",
        error_messages={"required": "Vul in met hoeveel de termijn wordt verlengd."},
    )
    reden = forms.CharField(
        label="Reden",
        max_length=200,
        error_messages={"required": "Geef een reden op voor de verlenging."},
    )

    def __init__(self, *args, zaak=None, **kwargs):
        super().__init__(*args, **kwargs)
        if zaak is not None and zaak.zaaktype.verlengingstermijn:
            self.fields["duur"].help_text += f" Ten hoogste {zaak.zaaktype.verlengingstermijn}."
            self.fields["duur"].initial = zaak.zaaktype.verlengingstermijn


class PolitiekGevoeligForm(forms.Form):
    reden = forms.CharField(
        label="Waarom is de zaak politiek gevoelig?",
        max_length=500,
        error_messages={"required": "Geef aan waarom de zaak politiek gevoelig is."},
    )


class KlantregieForm(forms.Form):
    reden = forms.ChoiceField(
        label="Waarom klantregie?",
        choices=[("", "Kies een reden"), *ESCALATIE_REDENEN.items()],
        error_messages={"required": "Kies waarom deze zaak klantregie nodig heeft."},
    )
    toelichting = forms.CharField(label="Toelichting", required=False, max_length=500)


class KlantregisseurForm(forms.Form):
    klantregisseur = forms.ModelChoiceField(
        label="Nieuwe klantregisseur",
        queryset=None,
        empty_label="Kies een klantregisseur",
        error_messages={"required": "Kies een klantregisseur."},
    )
    reden = forms.CharField(
        label="Reden", max_length=500, error_messages={"required": "Geef een reden op."}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["klantregisseur"].queryset = klantregisseurs()


ZAAK_ACTIE_FORMS = {
    "opschorten": OpschortenForm,
    "hervatten": HervattenForm,
    "verlengen": VerlengenForm,
    "politiek-gevoelig": PolitiekGevoeligForm,
    "klantregie": KlantregieForm,
    "klantregisseur": KlantregisseurForm,
}


def zaak_actie_form(actie: str, zaak, data=None) -> forms.Form:
    """The form of a zaak action, prefixed with the action so that several fit on one page."""
    form_class = ZAAK_ACTIE_FORMS[actie]
    kwargs = {"zaak": zaak} if form_class is VerlengenForm else {}
    return form_class(data, prefix=actie, **kwargs)
