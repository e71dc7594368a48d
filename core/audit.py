"""The one helper that writes the audit trail, for changes and for reads of personal data.
Call it inside the service's transaction so that the change and its record commit together."""

from __future__ import annotations

import json
import uuid as uuid_mod
from datetime import date, datetime
from decimal import Decimal

from core.actor import Actor
from core.models import AuditRecord


def _jsonable(value):
    if value is None:
        return None
    return json.loads(json.dumps(value, default=_default))


def _default(o):
    if isinstance(o, datetime | date):
        return o.isoformat()
    if isinstance(o, uuid_mod.UUID | Decimal):
        return str(o)
    if hasattr(o, "pk"):
        return str(o)
    raise TypeError(type(o))


def audit_log(
    actor: Actor,
    *,
    actie: str,
    obj=None,
    object_type: str | None = None,
    zaak=None,
    zaak_uuid=None,
    klant_id: int | None = None,
    toelichting: str = "",
    oud=None,
    nieuw=None,
    actie_weergave: str = "",
) -> AuditRecord:
    user = actor.user if actor.user is not None and getattr(actor.user, "pk", None) else None
    return AuditRecord.objects.create(
        actie=actie,
        actie_weergave=actie_weergave[:200],
        bron=actor.bron,
        object_type=object_type or (obj._meta.model_name if obj is not None else ""),
        object_uuid=getattr(obj, "uuid", None),
        object_weergave=str(obj)[:300] if obj is not None else "",
        zaak_uuid=zaak.uuid if zaak is not None else zaak_uuid,
        klant_id=klant_id,
        gebruiker=user,
        gebruiker_weergave=actor.display()[:255],
        gebruiker_id_extern=actor.user_id[:255],
        applicatie=actor.applicatie[:255],
        toelichting=toelichting,
        oud=_jsonable(oud),
        nieuw=_jsonable(nieuw),
    )


def audit_read(
    actor: Actor, *, obj=None, object_type=None, zaak=None, klant_id=None, toelichting=""
):
    """Record that `actor` saw personal data (a klantbeeld, a zaak with its betrokkenen, a
    document). One record per page or API read."""
    return audit_log(
        actor,
        actie=AuditRecord.Actie.LEZEN,
        obj=obj,
        object_type=object_type,
        zaak=zaak,
        klant_id=klant_id,
        toelichting=toelichting,
    )
