"""When letters are made: subscribers of the zaak events record an outbox message in the
service's transaction (idempotent key); the outbox handler renders and stores the letter after
commit, in the Celery worker. Registered in BrievenConfig.ready()."""

from __future__ import annotations

from brieven import services
from brieven.models import BriefSoort
from core.actor import Actor
from core.events import subscribe
from core.outbox import outbox_enqueue, outbox_handler
from zaken.models import RolOmschrijving

SOORT = "brief"


def _enqueue(zaak, soort: str, sleutel: str) -> bool:
    if not services.brief_nodig(zaak, soort):
        return False
    return outbox_enqueue(
        soort=SOORT,
        sleutel=sleutel,
        payload={"zaak": str(zaak.uuid), "soort": soort, "sleutel": sleutel},
        zaak=zaak,
    )


@subscribe("zaak.aangemaakt")
def zaak_aangemaakt(*, zaak, **_) -> None:
    _enqueue(zaak, BriefSoort.ONTVANGSTBEVESTIGING, services.sleutel_ontvangstbevestiging(zaak))


@subscribe("zaak.rol_toegevoegd")
def rol_toegevoegd(*, zaak, rol, **_) -> None:
    """A zaak registered through the API gets its initiator afterwards (POST /rollen): the
    ontvangstbevestiging follows then, once (same key)."""
    if rol.omschrijving_generiek != RolOmschrijving.INITIATOR or zaak.einddatum is not None:
        return
    _enqueue(zaak, BriefSoort.ONTVANGSTBEVESTIGING, services.sleutel_ontvangstbevestiging(zaak))


@subscribe("zaak.afgesloten")
def zaak_afgesloten(*, zaak, **_) -> None:
    _enqueue(zaak, BriefSoort.AFHANDELING, services.sleutel_afhandeling(zaak))


@outbox_handler(SOORT)
def brief_bezorgen(payload: dict) -> None:
    services.brief_maken(
        actor=Actor.system(services.SYSTEEM),
        zaak_uuid=payload["zaak"],
        soort=payload["soort"],
        sleutel=payload["sleutel"],
    )
