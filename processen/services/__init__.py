"""The write path of processen: tasks, klantregie, the flow's effects and the deadline job."""

from .klantregie import (
    ESCALATIE_REDENEN,
    klantregisseur_aanwijzen,
    klantregisseur_kiezen,
    klantregisseur_wijzigen,
    zaak_klantregie_escaleren,
)
from .proces import proces_beeindigen, proces_starten
from .signalen import taak_signalen_geven
from .taken import (
    BEOORDELING_KEUZES,
    taak_afhandelen,
    taak_afronden,
    taak_beoordelen,
    taak_besluiten,
    taak_claimen,
    taak_informeren,
    taak_toewijzen,
    taak_uitvoeren,
    taak_vrijgeven,
    taken_bulk_toewijzen,
    zaak_direct_afhandelen,
)

__all__ = [
    "BEOORDELING_KEUZES",
    "ESCALATIE_REDENEN",
    "klantregisseur_aanwijzen",
    "klantregisseur_kiezen",
    "klantregisseur_wijzigen",
    "proces_beeindigen",
    "proces_starten",
    "taak_afhandelen",
    "taak_afronden",
    "taak_beoordelen",
    "taak_besluiten",
    "taak_claimen",
    "taak_informeren",
    "taak_signalen_geven",
    "taak_toewijzen",
    "taak_uitvoeren",
    "taak_vrijgeven",
    "taken_bulk_toewijzen",
    "zaak_direct_afhandelen",
    "zaak_klantregie_escaleren",
]
