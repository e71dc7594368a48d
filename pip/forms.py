"""PIP forms. Labels and messages in plain Dutch (B1); the services check meaning."""

from __future__ import annotations

import uuid

from django import forms
from django.core.exceptions import ValidationError

from core.demo import DEMO_BURGERS, DEMO_ONDERNEMER
from core.validators import validate_bsn, validate_kvk_nummer, validate_vestigingsnummer
from zaken.models import Eigenschap

MAX_BIJLAGEN = 10


class PipForm(forms.Form):
    """Messages in plain language: an empty required field says what to do."""

    verplicht_meldingen: dict[str, str] = {}

    def full_clean(self):
        for naam, veld in self.fields.items():
            veld.error_messages["required"] = self.verplicht_meldingen.get(naam, "Vul dit in.")
        super().full_clean()


class DemoDigiDForm(forms.Form):
    persoon = forms.ChoiceField(
        label="Kies een inwoner",
        required=False,
        widget=forms.RadioSelect,
        choices=[(b, f"{' '.join(p for p in rest if p)} (BSN {b})") for b, *rest in DEMO_BURGERS],
    )
    bsn = forms.CharField(
        label="Of vul een ander BSN in",
        help_text="Alleen om te testen. Een BSN heeft 9 cijfers.",
        required=False,
        max_length=9,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean(self):
        data = super().clean()
        bsn = (data.get("bsn") or "").strip() or data.get("persoon") or ""
        if not bsn:
            raise ValidationError("Kies een inwoner of vul een BSN in.")
        try:
            validate_bsn(bsn)
        except ValidationError as exc:
            self.add_error("bsn", exc)
        data["gekozen_bsn"] = bsn
        return data


class DemoEHerkenningForm(forms.Form):
    bedrijf = forms.ChoiceField(
        label="Kies een bedrijf",
        required=False,
        widget=forms.RadioSelect,
        choices=[(DEMO_ONDERNEMER[0], f"{DEMO_ONDERNEMER[1]} (KvK-nummer {DEMO_ONDERNEMER[0]})")],
    )
    kvk_nummer = forms.CharField(
        label="Of vul een ander KvK-nummer in",
        help_text="Alleen om te testen. Een KvK-nummer heeft 8 cijfers.",
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    vestigingsnummer = forms.CharField(
        label="Vestigingsnummer (niet verplicht)",
        help_text="Alleen als u voor één vestiging inlogt. Een vestigingsnummer heeft 12 cijfers.",
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean(self):
        data = super().clean()
        kvk = (data.get("kvk_nummer") or "").strip() or data.get("bedrijf") or ""
        if not kvk:
            raise ValidationError("Kies een bedrijf of vul een KvK-nummer in.")
        try:
            validate_kvk_nummer(kvk)
        except ValidationError as exc:
            self.add_error("kvk_nummer", exc)
        vestiging = (data.get("vestigingsnummer") or "").strip()
        if vestiging:
            try:
                validate_vestigingsnummer(vestiging)
            except ValidationError as exc:
                self.add_error("vestigingsnummer", exc)
        data["gekozen_kvk"] = kvk
        data["gekozen_vestiging"] = vestiging
        return data


class ZakenFilterForm(forms.Form):
    zoek = forms.CharField(
        label="Zoeken",
        help_text="Zaaknummer, onderwerp of soort zaak.",
        required=False,
        max_length=80,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(
        label="Welke zaken",
        required=False,
        choices=[("", "Alle zaken"), ("lopend", "Lopende zaken"), ("afgerond", "Afgeronde zaken")],
    )


class UploadForm(PipForm):
    verplicht_meldingen = {
        "informatieobjecttype": "Kies wat voor document het is.",
        "titel": "Geef het document een naam.",
        "inhoud": "Kies een bestand.",
    }

    informatieobjecttype = forms.ModelChoiceField(
        label="Wat voor document is het?", queryset=None, empty_label=None
    )
    titel = forms.CharField(
        label="Naam van het document",
        help_text="Bijvoorbeeld: Bouwtekening voorkant.",
        max_length=200,
    )
    inhoud = forms.FileField(
        label="Bestand",
        help_text="PDF, JPG, PNG, Word, Excel of OpenDocument. Hoogstens {max} MB.",
    )

    def __init__(self, *args, uploadtypen, max_mb: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["informatieobjecttype"].queryset = uploadtypen
        self.fields["inhoud"].help_text = self.fields["inhoud"].help_text.format(max=max_mb)


class MeerdereBestandenInput(forms.FileInput):
    allow_multiple_selected = True


class MeerdereBestandenField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MeerdereBestandenInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        enkel = super().clean
        if isinstance(data, list | tuple):
            bestanden = [enkel(d, initial) for d in data if d]
        else:
            bestanden = [enkel(data, initial)] if data else []
        if len(bestanden) > MAX_BIJLAGEN:
            raise ValidationError(f"Stuur hoogstens {MAX_BIJLAGEN} bijlagen mee.")
        return bestanden


EIGENSCHAP_PREFIX = "eigenschap_"


class AanvraagForm(PipForm):
    omschrijving = forms.CharField(
        label="Waar gaat uw aanvraag over?",
        help_text="In een paar woorden. Bijvoorbeeld: Parkeervergunning voor mijn auto.",
        max_length=80,
    )
    toelichting = forms.CharField(
        label="Wilt u nog iets vertellen? (niet verplicht)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, zaaktype, bijlagen_mogelijk: bool, max_mb: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.eigenschap_namen = []
        for eigenschap in zaaktype.eigenschappen.order_by("pk"):
            naam = f"{EIGENSCHAP_PREFIX}{eigenschap.naam}"
            self.fields[naam] = _eigenschap_veld(eigenschap)
            self.eigenschap_namen.append(eigenschap.naam)
        if bijlagen_mogelijk:
            self.fields["bijlagen"] = MeerdereBestandenField(
                label="Bijlagen (niet verplicht)",
                help_text=(
                    f"Bijvoorbeeld een tekening of foto. PDF, JPG, PNG, Word, Excel of "
                    f"OpenDocument. Hoogstens {max_mb} MB per bestand, hoogstens {MAX_BIJLAGEN} "
                    "bestanden."
                ),
                required=False,
            )

    def eigenschappen(self) -> dict[str, str]:
        uit = {}
        for naam in self.eigenschap_namen:
            waarde = self.cleaned_data.get(f"{EIGENSCHAP_PREFIX}{naam}")
            if waarde not in (None, ""):
                uit[naam] = waarde.isoformat() if hasattr(waarde, "isoformat") else str(waarde)
        return uit


def _eigenschap_veld(eigenschap: Eigenschap) -> forms.Field:
    label = eigenschap.publiek_label or eigenschap.definitie
    if not eigenschap.verplicht:
        label = f"{label} (niet verplicht)"
    common = {"label": label, "required": eigenschap.verplicht, "help_text": eigenschap.toelichting}
    if eigenschap.waardenverzameling:
        return forms.ChoiceField(
            choices=[("", "Maak een keuze"), *[(w, w) for w in eigenschap.waardenverzameling]],
            **common,
        )
    if eigenschap.formaat == Eigenschap.Formaat.DATUM:
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            input_formats=["%Y-%m-%d", "%d-%m-%Y"],
            error_messages={"invalid": "Vul een datum in, bijvoorbeeld 31-12-2026."},
            **common,
        )
    if eigenschap.formaat == Eigenschap.Formaat.GETAL:
        return forms.CharField(
            max_length=20, widget=forms.TextInput(attrs={"inputmode": "decimal"}), **common
        )
    lengte = int(eigenschap.lengte) if eigenschap.lengte.isdigit() else 255
    return forms.CharField(max_length=lengte, **common)


class VraagForm(PipForm):
    """A question about a zaak. The length is checked by klantregie.services.vraag_stellen (no
    maxlength attribute: the browser would cut off a pasted text without saying so)."""

    verplicht_meldingen = {"vraag": "Schrijf uw vraag."}

    vraag = forms.CharField(
        label="Uw vraag",
        help_text="Schrijf zo duidelijk mogelijk wat u wilt weten. Bijvoorbeeld: Wanneer krijg "
        "ik een besluit? Hoogstens 4000 tekens.",
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    # Idempotency key: the same form sent twice (double click, back button) is stored once.
    sleutel = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("sleutel", str(uuid.uuid4()))
        super().__init__(*args, **kwargs)

    def clean_sleutel(self) -> uuid.UUID | None:
        try:
            return uuid.UUID(self.cleaned_data.get("sleutel") or "")
        except ValueError:
            return None  # a damaged key: store the question with a fresh one


class VoorkeurForm(PipForm):
    email = forms.EmailField(
        label="Uw e-mailadres",
        required=False,
        error_messages={
            "invalid": "Dit is geen geldig e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl."
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    email_ontvangen = forms.BooleanField(
        label="Ja, stuur mij een e-mail als er nieuws is over mijn zaken",
        required=False,
    )
