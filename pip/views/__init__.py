from .aanvragen import aanvraag, aanvraag_ontvangen, aanvragen
from .inloggen import (
    demo_login_digid,
    demo_login_eherkenning,
    login,
    logout,
    sessie_verlengen,
    start,
    uitgelogd,
)
from .voorkeuren import voorkeuren
from .vragen import vraag, vraag_stellen, vragen
from .zaken import document_download, document_upload, zaak_detail, zaken

__all__ = [
    "aanvraag",
    "aanvraag_ontvangen",
    "aanvragen",
    "demo_login_digid",
    "demo_login_eherkenning",
    "document_download",
    "document_upload",
    "login",
    "logout",
    "sessie_verlengen",
    "start",
    "uitgelogd",
    "voorkeuren",
    "vraag",
    "vraag_stellen",
    "vragen",
    "zaak_detail",
    "zaken",
]
