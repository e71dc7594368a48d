"""Template helpers for the PIP: accessible form fields (label, uitleg and foutmelding tied to
the input with aria-describedby), the municipality's contact details and the session timer."""

from django import forms, template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html

from pip.identiteit import identiteit_van

register = template.Library()


@register.inclusion_tag("pip/_veld.html")
def pip_veld(veld, klasse: str = ""):
    widget = veld.field.widget
    uitleg_id = f"{veld.auto_id}-uitleg" if veld.help_text else ""
    fout_id = f"{veld.auto_id}-fout" if veld.errors else ""
    attrs = {}
    beschreven = " ".join(i for i in (uitleg_id, fout_id) if i)
    keuzes = isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple)
    if beschreven and not keuzes:
        attrs["aria-describedby"] = beschreven
    if veld.errors and not keuzes:
        attrs["aria-invalid"] = "true"
    if veld.field.required and not keuzes:
        attrs["aria-required"] = "true"
    css = "zs-input"
    if isinstance(widget, forms.Select):
        css = "zs-select"
    elif isinstance(widget, forms.Textarea):
        css = "zs-textarea"
    elif isinstance(widget, forms.CheckboxInput):
        css = "zs-checkbox"
    elif isinstance(widget, forms.FileInput):
        css = "zs-file"
    elif keuzes:
        css = "zs-radio"
    attrs["class"] = f"{css} {klasse}".strip()
    return {
        "veld": veld,
        "widget": veld.as_widget(attrs=attrs),
        "uitleg_id": uitleg_id,
        "fout_id": fout_id,
        "beschreven": beschreven,
        "keuzes": keuzes,
        "checkbox": isinstance(widget, forms.CheckboxInput),
    }


@register.inclusion_tag("pip/_foutoverzicht.html")
def pip_foutoverzicht(form):
    return {"form": form}


@register.simple_tag
def gemeente():
    return {
        "naam": settings.GEMEENTE_NAAM,
        "telefoon": settings.GEMEENTE_TELEFOON,
        "email": settings.GEMEENTE_EMAIL,
        "adres": settings.GEMEENTE_ADRES,
        "website": settings.GEMEENTE_WEBSITE,
    }


@register.simple_tag(takes_context=True)
def pip_identiteit(context):
    request = context.get("request")
    return identiteit_van(getattr(request, "user", None)) if request is not None else None


@register.simple_tag
def pip_sessie_attributen():
    """data-attributes for static/pip/pip.js (no inline script under the CSP)."""
    return format_html(
        'data-sessie-idle="{}" data-sessie-waarschuwing="{}" data-sessie-verlengen="{}" '
        'data-sessie-start="{}"',
        settings.PIP_SESSIE_IDLE_SECONDEN,
        settings.PIP_SESSIE_WAARSCHUWING_SECONDEN,
        reverse("pip:sessie-verlengen"),
        reverse("pip:zaken"),
    )


@register.filter
def met_fout(label, fout) -> str:
    """'Waar gaat uw aanvraag over? Vul dit in.' and 'Bestand: Kies een bestand.'"""
    label = str(label).rstrip()
    return f"{label}{' ' if label.endswith(('?', '.', ':')) else ': '}{fout}"
