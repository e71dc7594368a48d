"""core.forms.SnelleSelect renders the same select as Django's, without a template per option."""

import re

from django import forms

from core.forms import SnelleSelect


class Keuze(forms.Form):
    zaaktype = forms.ChoiceField(
        label="Zaaktype",
        required=False,
        widget=SnelleSelect(attrs={"aria-describedby": "hulp"}),
        choices=[("", "Alle zaaktypen"), ("A", "Aanvraag <script>"), ("B", "Bezwaar & beroep")],
    )


def _options(html: str) -> list[tuple[str, bool, str]]:
    return [
        (value, bool(selected), label)
        for value, selected, label in re.findall(
            r'<option value="([^"]*)"( selected)?>([^<]*)</option>', html
        )
    ]


def test_snelle_select_matches_django_select_and_escapes():
    form = Keuze({"zaaktype": "B"})
    html = str(form["zaaktype"])
    django_html = forms.Select(choices=form.fields["zaaktype"].choices).render("zaaktype", "B")
    assert _options(html) == _options(django_html.replace("\n", ""))
    assert _options(html) == [
        ("", False, "Alle zaaktypen"),
        ("A", False, "Aanvraag &lt;script&gt;"),
        ("B", True, "Bezwaar &amp; beroep"),
    ]
    assert 'name="zaaktype"' in html and 'id="id_zaaktype"' in html
    assert 'aria-describedby="hulp"' in html
    assert "<script>" not in html


def test_snelle_select_keeps_grouped_choices_working():
    widget = SnelleSelect(choices=[("Groep", [("1", "Een")]), ("2", "Twee")])
    html = widget.render("x", "1")
    assert "<optgroup" in html and 'value="1" selected' in html
