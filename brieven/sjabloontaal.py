"""The template language of letters: text with a fixed set of placeholders, nothing else.

A functioneel beheerder writes ``Geachte {{ aanvrager.naam }}, ... uiterlijk {{ termijn.uiterlijk }}``.
A placeholder is only a name from `PLAATSHOUDERS`; its value is a plain string computed
beforehand (a flat dict), never an object. There are no filters, tags, loops, includes or
attribute lookups, so a template cannot reach a model, a method, a setting or a file (ADR 0055).
Everything (the template's own text and every value) is HTML-escaped; blank lines make
paragraphs, single line breaks stay line breaks, and a paragraph whose first line starts with
"# " gets that line as its heading."""

from __future__ import annotations

import re
from html import escape

from django.utils.safestring import SafeString, mark_safe

# name -> description (shown in the admin). Which soort may use which names: see `toegestaan`.
ALGEMEEN = {
    "gemeente.naam": "naam van de gemeente",
    "gemeente.adres": "postadres van de gemeente",
    "gemeente.telefoon": "telefoonnummer van de gemeente",
    "gemeente.email": "e-mailadres van de gemeente",
    "gemeente.website": "website van de gemeente",
    "brief.datum": "datum van de brief (12 maart 2026)",
    "zaak.identificatie": "zaaknummer",
    "zaak.omschrijving": "omschrijving van de zaak",
    "zaak.zaaktype": "naam van het soort aanvraag (publieke omschrijving van het zaaktype)",
    "zaak.registratiedatum": "datum waarop de aanvraag is ontvangen",
    "zaak.startdatum": "startdatum van de zaak",
    "termijn.uiterlijk": "uiterlijke datum van het besluit (wettelijke termijn)",
    "termijn.gepland": "verwachte datum van het besluit (servicenorm)",
    "aanvrager.naam": "naam van de aanvrager",
    "aanvrager.adres": "adres van de aanvrager (als de gemeente het kent)",
    "contact.naam": "contactpersoon: klantregisseur, anders het behandelend team",
    "contact.telefoon": "telefoonnummer van de contactpersoon",
    "contact.email": "e-mailadres van de contactpersoon",
}
AFHANDELING = {
    "zaak.einddatum": "datum waarop de zaak is afgehandeld",
    "resultaat.omschrijving": "het resultaat (uitkomst voor de aanvrager)",
    "resultaat.toelichting": "toelichting bij het resultaat",
    "resultaat.datum": "datum van het besluit (einddatum van de zaak)",
}
PLAATSHOUDERS = {**ALGEMEEN, **AFHANDELING}

# `{{ name }}` with optional spaces; the name is checked against the fixed set.
_PLAATSHOUDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")


def toegestaan(soort: str) -> dict[str, str]:
    from brieven.models import BriefSoort

    return PLAATSHOUDERS if soort == BriefSoort.AFHANDELING else ALGEMEEN


def fouten(tekst: str, soort: str) -> list[str]:
    """Dutch messages for everything in `tekst` that is not a known placeholder of `soort`."""
    namen = toegestaan(soort)
    onbekend, verkeerde_soort = [], []
    for match in _PLAATSHOUDER.finditer(tekst or ""):
        naam = match.group(1)
        if naam in namen:
            continue
        (verkeerde_soort if naam in PLAATSHOUDERS else onbekend).append(naam)
    berichten = []
    if onbekend:
        lijst = ", ".join(f"{{{{ {n} }}}}" for n in dict.fromkeys(onbekend))
        berichten.append(
            f"Onbekende plaatshouder(s): {lijst}. Gebruik alleen de plaatshouders uit de lijst "
            "onder het formulier."
        )
    if verkeerde_soort:
        lijst = ", ".join(f"{{{{ {n} }}}}" for n in dict.fromkeys(verkeerde_soort))
        berichten.append(
            f"{lijst} kan alleen in een afhandelbrief: bij een ontvangstbevestiging is er nog "
            "geen resultaat."
        )
    rest = _PLAATSHOUDER.sub("", tekst or "")
    if "{{" in rest or "}}" in rest:
        berichten.append(
            "Er staat een onvolledige plaatshouder in de tekst: schrijf {{ naam }}, met twee "
            "accolades aan beide kanten."
        )
    if "{%" in rest or "%}" in rest:
        berichten.append(
            "Opdrachten tussen {% en %} zijn niet toegestaan; alleen plaatshouders als "
            "{{ zaak.identificatie }}."
        )
    return berichten


def vervang(tekst: str, waarden: dict[str, str]) -> str:
    """`tekst` with the placeholders filled in, as plain text (for a subject line). Unknown
    names are left as they are (the admin form refuses them before they get here)."""

    def _waarde(match):
        naam = match.group(1)
        return str(waarden[naam]) if naam in waarden else match.group(0)

    return _PLAATSHOUDER.sub(_waarde, tekst or "")


def render_html(tekst: str, waarden: dict[str, str]) -> SafeString:
    """`tekst` as safe HTML paragraphs: escaped text, escaped values, nothing else."""
    delen = []
    positie = 0
    for match in _PLAATSHOUDER.finditer(tekst or ""):
        delen.append(escape(tekst[positie : match.start()]))
        naam = match.group(1)
        delen.append(escape(str(waarden[naam])) if naam in waarden else escape(match.group(0)))
        positie = match.end()
    delen.append(escape((tekst or "")[positie:]))
    html = "".join(delen).replace("\r\n", "\n").strip()
    uit = []
    for alinea in re.split(r"\n\s*\n", html):
        regels = [r.strip() for r in alinea.strip().split("\n") if r.strip()]
        if regels and regels[0].startswith("# "):
            uit.append(f"<h2>{regels.pop(0)[2:].strip()}</h2>")
        if regels:
            uit.append(f"<p>{'<br>'.join(regels)}</p>")
    return mark_safe("".join(uit))  # noqa: S308  (every part was escaped above)
