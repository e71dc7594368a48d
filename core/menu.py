"""The staff menu and the landing page. Each app declares its menu entries in its AppConfig as
``staff_menu = [(order, label, url_name, permission or None), ...]`` and, optionally, the page a
role lands on after login as ``staff_landing = {"kcc-medewerker": "klantregie:start"}``."""

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


def staff_landing(user) -> str | None:
    """The landing page for the user's role, else the first menu entry."""
    landings: dict[str, str] = {}
    for config in apps.get_app_configs():
        landings.update(getattr(config, "staff_landing", {}))
    for role in user.groups.order_by("name").values_list("name", flat=True):
        if role in landings:
            try:
                return reverse(landings[role])
            except NoReverseMatch:
                continue
    menu = staff_menu(user)
    return menu[0]["url"] if menu else None
