"""The one write path for zaken and the catalogue. Keyword-only functions named
<noun>_<verb>; each validates, locks what can race, writes in one transaction together with its
audit record, and publishes its domain event inside that transaction."""

from .catalogus import (
    informatieobjecttype_publish,
    zaaktype_correct,
    zaaktype_create,
    zaaktype_new_version,
    zaaktype_publish,
    zaaktype_update,
)
from .documenten import document_add, document_inhoud_controleren, zaakdocument_add
from .zaken import (
    Betrokkene,
    notitie_add,
    rol_add,
    rol_remove,
    zaak_close,
    zaak_create,
    zaak_delete,
    zaak_hervatten,
    zaak_klantregisseur_set,
    zaak_opschorten,
    zaak_politiek_gevoelig_set,
    zaak_reopen,
    zaak_resultaat_set,
    zaak_status_set,
    zaak_update,
    zaak_verlengen,
    zaakeigenschap_set,
)

__all__ = [
    "Betrokkene",
    "document_add",
    "document_inhoud_controleren",
    "informatieobjecttype_publish",
    "notitie_add",
    "rol_add",
    "rol_remove",
    "zaak_close",
    "zaak_create",
    "zaak_delete",
    "zaak_hervatten",
    "zaak_klantregisseur_set",
    "zaak_opschorten",
    "zaak_politiek_gevoelig_set",
    "zaak_reopen",
    "zaak_resultaat_set",
    "zaak_status_set",
    "zaak_update",
    "zaak_verlengen",
    "zaakdocument_add",
    "zaakeigenschap_set",
    "zaaktype_correct",
    "zaaktype_create",
    "zaaktype_new_version",
    "zaaktype_publish",
    "zaaktype_update",
]
