from django import forms

from core.forms import SnelleSelect
from core.vertrouwelijkheid import Vertrouwelijkheid  # noqa: F401
from organisatie.models import Team
from zaken.models import Informatieobjecttype, Zaaktype

OPEN_KEUZES = [("open", "Open"), ("gesloten", "Afgesloten"), ("alle", "Alle")]
DEADLINE_KEUZES = [
    ("", "Alle termijnen"),
    ("te_laat", "Te laat"),
    ("binnenkort", "Binnen 5 dagen"),
    ("op_tijd", "Op tijd"),
]


class ZaakFilterForm(forms.Form):
    zoek = forms.CharField(
        label="Zoeken",
        required=False,
        max_length=80,
        widget=forms.TextInput(
            attrs={"placeholder": "Zaaknummer of omschrijving", "type": "search"}
        ),
    )
    zaaktype = forms.ChoiceField(label="Zaaktype", required=False, widget=SnelleSelect)
    statustype = forms.CharField(label="Status", required=False, max_length=80)
    team = forms.ModelChoiceField(
        label="Team", required=False, queryset=Team.objects.all(), empty_label="Alle teams"
    )
    open = forms.ChoiceField(
        label="Open of afgesloten", choices=OPEN_KEUZES, required=False, initial="open"
    )
    deadline = forms.ChoiceField(label="Termijn", choices=DEADLINE_KEUZES, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        types = (
            Zaaktype.objects.filter(concept=False)
            .order_by("omschrijving")
            .values_list("identificatie", "omschrijving")
            .distinct()
        )
        seen = {}
        for ident, oms in types:
            seen.setdefault(ident, oms)
        self.fields["zaaktype"].choices = [
            ("", "Alle zaaktypen"),
            *sorted(seen.items(), key=lambda kv: kv[1]),
        ]


class NotitieForm(forms.Form):
    onderwerp = forms.CharField(label="Onderwerp", required=False, max_length=100)
    tekst = forms.CharField(
        label="Notitie", max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DocumentForm(forms.Form):
    titel = forms.CharField(label="Titel", max_length=200)
    informatieobjecttype = forms.ModelChoiceField(
        label="Soort document", queryset=Informatieobjecttype.objects.none()
    )
    inhoud = forms.FileField(label="Bestand")
    beschrijving = forms.CharField(
        label="Beschrijving",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    zichtbaar_voor_initiator = forms.BooleanField(
        label="Zichtbaar voor de aanvrager (PIP)", required=False
    )

    def __init__(self, *args, zaak=None, **kwargs):
        super().__init__(*args, **kwargs)
        if zaak is not None:
            self.fields["informatieobjecttype"].queryset = Informatieobjecttype.objects.filter(
                zaaktype_links__zaaktype=zaak.zaaktype
            ).order_by("omschrijving")
