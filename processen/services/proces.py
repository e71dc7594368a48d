"""Starting and ending the flow of a zaak, and what opschorten/hervatten do to its tasks. Called
by the event subscribers (processen.subscribers) inside the zaken service's transaction, which
already holds the zaak's row lock; the flow lock on the process row is always taken after it."""

from __future__ import annotations

from django.utils import timezone
from viewflow.workflow.status import PROCESS

from core.actor import Actor
from core.audit import audit_log
from core.models import AuditRecord
from processen.context import flow_actor, namens
from processen.flows import ZaakFlow
from processen.models import OPEN_STATUSSEN, Stap, Taak, ZaakProces
from zaken.kalender import get_kalender
from zaken.models import Zaak


def lopend_proces(zaak: Zaak) -> ZaakProces | None:
    return ZaakProces.objects.filter(zaak=zaak, status=PROCESS.NEW).first()


def proces_starten(*, zaak: Zaak, actor: Actor | None, heropend: bool = False) -> ZaakProces:
    """Start the flow for a zaak (every channel: zaak.aangemaakt), or again when it is
    reopened. A zaak registered with a start date in the past starts its first norms then."""
    bestaand = lopend_proces(zaak)
    if bestaand is not None:
        return bestaand
    vandaag = timezone.localdate()
    start = zaak.startdatum if (not heropend and zaak.startdatum < vandaag) else None
    with namens(actor, stapdatum=start):
        return ZaakFlow.start.run(zaak=zaak, heropend=heropend)


def proces_beeindigen(*, zaak: Zaak, actor: Actor | None, reden: str) -> ZaakProces | None:
    """The zaak was closed outside the flow (ZGW API, KCC): cancel the open tasks; the process
    ends as cancelled, with the reason in its data and in the audit trail."""
    proces = lopend_proces(zaak)
    if proces is None:
        return None
    with namens(actor):
        ZaakFlow.instance.cancel(proces)
        proces.refresh_from_db()
        proces.data = {**proces.data, "beeindigd": reden}
        proces.save(update_fields=["data"])
        audit_log(
            flow_actor(),
            actie=AuditRecord.Actie.WIJZIGEN,
            obj=zaak,
            zaak=zaak,
            actie_weergave="Proces beëindigd",
            toelichting=reden,
        )
    return proces


def taken_opschorten(*, zaak: Zaak, datum=None) -> int:
    """Stop the clock of the zaak's open tasks (from the day the zaak was opgeschort)."""
    return Taak.objects.filter(
        zaak=zaak, status__in=OPEN_STATUSSEN, opgeschort_sinds__isnull=True
    ).update(opgeschort_sinds=datum or timezone.localdate())


def taken_hervatten(*, zaak: Zaak, datum=None) -> int:
    """Restart the clock: each open task's deadline moves by the werkdagen it waited (task
    norms are in werkdagen), through the term calendar."""
    datum = datum or timezone.localdate()
    kalender = get_kalender()
    aantal = 0
    for taak in Taak.objects.select_for_update().filter(
        zaak=zaak, status__in=OPEN_STATUSSEN, opgeschort_sinds__isnull=False
    ):
        dagen = kalender.werkdagen_tussen(taak.opgeschort_sinds, datum)
        if taak.deadline is not None and dagen > 0:
            taak.deadline = kalender.add_werkdagen(taak.deadline, dagen)
        taak.data = {
            **taak.data,
            "opgeschort": [
                *taak.data.get("opgeschort", []),
                [str(taak.opgeschort_sinds), str(datum)],
            ],
        }
        taak.opgeschort_sinds = None
        taak.save(update_fields=["deadline", "opgeschort_sinds", "data"])
        aantal += 1
    return aantal


def informeren_overdragen(*, zaak: Zaak, oud, nieuw) -> None:
    """A new klantregisseur takes over the informing step the previous one held."""
    if oud is None or nieuw is None:
        return
    for taak in Taak.objects.filter(
        zaak=zaak, stap=Stap.INFORMEREN, status__in=OPEN_STATUSSEN, owner=oud
    ):
        with ZaakFlow.lock(taak.process_id):
            taak.refresh_from_db()
            activation = taak.flow_task.activation_class(taak)
            activation.reassign(nieuw)
