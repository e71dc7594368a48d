"""The staff menu. Each app declares its entries in its AppConfig as
``staff_menu = [(order, label, url_name, permission or None), ...]``."""

from django.apps import apps
from django.urls import NoReverseMatch, reverse


def staff_menu(user) -> list[dict]:
    entries = []
    for config in apps.get_app_configs():
        for order, label, url_name, perm in getattr(config, "staff_menu", []):
            if perm and not user.has_perm(perm):
                continue
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue
            entries.append({"order": order, "label": label, "url": url, "name": url_name})
    return sorted(entries, key=lambda e: e["order"])
