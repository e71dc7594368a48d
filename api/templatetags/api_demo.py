"""The demo API clients for the demo start page (one source: api.demo)."""

from django import template

from api.demo import DEMO_API_CLIENTS

register = template.Library()


@register.simple_tag
def demo_api_clients() -> list[dict]:
    return DEMO_API_CLIENTS
