from datetime import timedelta

from django import forms

from organisatie.models import Lijn, Team
from zaken.models import Kanaal, Zaaktype

ALLE = "alle"


class DashboardFilterForm(forms.Form):
    van = forms.DateField(
        label="Van", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tot = forms.DateField(
        label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    zaaktype = forms.ChoiceField(label="Zaaktype", required=False)
    team = forms.ChoiceField(label="Team", required=False)
    lijn = forms.TypedChoiceField(
        label="Lijn",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Alle lijnen"), *Lijn.choices],
    )
    kanaal = forms.ChoiceField(label="Kanaal", required=False, choices=[("", "Alle kanalen"), *Kanaal.choices])  # fmt: skip

    def __init__(self, *args, eigen_teams_label: str, **kwargs):
        super().__init__(*args, **kwargs)
        idents = (
            Zaaktype.objects.filter(concept=False)
            .order_by("omschrijving")
            .values_list("identificatie", "omschrijving")
            .distinct()
        )
        self.fields["zaaktype"].choices = [("", "Alle zaaktypen"), *dict(idents).items()]
        self.fields["team"].choices = [
            ("", eigen_teams_label),
            (ALLE, "Alle teams"),
            *((str(t.pk), t.naam) for t in Team.objects.order_by("naam")),
        ]

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot:
            if van > tot:
                self.add_error("tot", "De einddatum ligt vóór de begindatum. Kies een latere einddatum.")  # fmt: skip
            elif tot - van > timedelta(days=5 * 366):
                self.add_error("van", "Kies een periode van hoogstens vijf jaar.")
        return data
