from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

from core.errors import DomainError


def apply_domain_error(form: forms.Form, exc: DomainError) -> None:
    """Show a service's DomainError on the form: on its field when the form has it, else on top."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, exc.message)


class SnelleSelect(forms.Select):
    """A `<select>` rendered in Python instead of one template per option.

    Django renders every option through the template engine; for a list of a few hundred
    zaaktypen that costs tens of milliseconds per page. This widget writes the same markup
    (escaped, with the widget's attributes) directly. Grouped choices fall back to Django."""

    def render(self, name, value, attrs=None, renderer=None):
        choices = list(self.choices)
        if any(isinstance(label, (list, tuple)) for _value, label in choices):
            return super().render(name, value, attrs, renderer)
        selected = {str(v) for v in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        rows = []
        for option_value, label in choices:
            option_value = "" if option_value is None else str(option_value)
            rows.append((option_value, " selected" if option_value in selected else "", label))
        return format_html(
            "<select{}>{}</select>",
            flatatt(final_attrs),
            format_html_join("", '<option value="{}"{}>{}</option>', rows),
        )
