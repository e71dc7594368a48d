"""The one write path for klantregie: contacts and questions, terugbelverzoeken, the kennisbank.
Keyword-only functions named <noun>_<verb>; each checks the actor's rights, writes in one
transaction with its audit record and publishes its event inside that transaction."""

from .contacten import (
    TerugbelInvoer,
    VraagInvoer,
    klantcontact_log,
    mag_beantwoorden,
    vraag_beantwoorden,
    vraag_stellen,
)
from .kennisbank import kennisartikel_opslaan, zoekvector_bijwerken
from .klanten import klant_bij_nummer
from .terugbellen import (
    mag_behandelen,
    terugbelpoging_add,
    terugbelverzoek_claim,
    terugbelverzoek_close,
    terugbelverzoek_send,
    terugbelverzoeken_signaleren,
)
from .zaken import zaak_direct_afhandelen, zaak_starten

__all__ = [
    "TerugbelInvoer",
    "VraagInvoer",
    "kennisartikel_opslaan",
    "klant_bij_nummer",
    "klantcontact_log",
    "mag_beantwoorden",
    "mag_behandelen",
    "terugbelpoging_add",
    "terugbelverzoek_claim",
    "terugbelverzoek_close",
    "terugbelverzoek_send",
    "terugbelverzoeken_signaleren",
    "vraag_beantwoorden",
    "vraag_stellen",
    "zaak_direct_afhandelen",
    "zaak_starten",
    "zoekvector_bijwerken",
]
