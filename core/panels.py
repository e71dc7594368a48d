"""Panels that apps add to pages they do not own (the zaak detail, the werkvoorraad), without
editing each other's templates.

An app declares in its AppConfig, e.g.::

    zaak_detail_panels = [(20, "processen/_zaak_panel.html", "processen.panels.zaak_panel")]
    werkvoorraad_panels = [(50, "klantregie/_terugbel_panel.html", "klantregie.panels.werkvoorraad")]

The context function is called as ``fn(request, **kwargs)`` (for the zaak detail:
``fn(request, zaak=..., toegang=...)``) and returns a dict for the template, or None to hide the
panel. Each function must run a fixed number of queries."""

from django.apps import apps
from django.template.loader import render_to_string
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe


def render_panels(attribute: str, request, **kwargs) -> list[str]:
    panels = []
    for config in apps.get_app_configs():
        for order, template, dotted in getattr(config, attribute, []):
            panels.append((order, template, dotted))
    html = []
    for _order, template, dotted in sorted(panels):
        context = import_string(dotted)(request, **kwargs)
        if context is None:
            continue
        html.append(mark_safe(render_to_string(template, {**kwargs, **context}, request=request)))  # noqa: S308
    return html
