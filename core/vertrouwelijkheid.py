"""Vertrouwelijkheidaanduiding: the ZGW confidentiality levels, in ascending order."""

from django.db import models


class Vertrouwelijkheid(models.TextChoices):
    OPENBAAR = "openbaar", "Openbaar"
    BEPERKT_OPENBAAR = "beperkt_openbaar", "Beperkt openbaar"
    INTERN = "intern", "Intern"
    ZAAKVERTROUWELIJK = "zaakvertrouwelijk", "Zaakvertrouwelijk"
    VERTROUWELIJK = "vertrouwelijk", "Vertrouwelijk"
    CONFIDENTIEEL = "confidentieel", "Confidentieel"
    GEHEIM = "geheim", "Geheim"
    ZEER_GEHEIM = "zeer_geheim", "Zeer geheim"


ORDER = [v.value for v in Vertrouwelijkheid]


def rang(niveau: str) -> int:
    return ORDER.index(niveau)


def tot_en_met(maximum: str) -> list[str]:
    """All levels up to and including `maximum`."""
    return ORDER[: rang(maximum) + 1]


def hoogste(*niveaus: str) -> str:
    return max((n for n in niveaus if n), key=rang, default=Vertrouwelijkheid.OPENBAAR)
