"""What the flow does to the zaak when a step begins or the process ends. Always through the
`zaken` services, as the system on behalf of the person whose action moved the flow."""

from __future__ import annotations

from processen import regels
from processen.context import flow_actor, flow_sluit_zaak
from processen.models import Stap, Taak
from zaken import services as zaken_services
from zaken.models import Statustype, Zaak


def _status_zetten(zaak: Zaak, statustype: Statustype | None, toelichting: str = "") -> None:
    """Set `statustype` unless the zaak is already there or further: the flow never moves a
    zaak's status backwards and never sets the end status (closing does that)."""
    if statustype is None:
        return
    zaak = Zaak.objects.select_related("statustype", "zaaktype").get(pk=zaak.pk)
    if zaak.einddatum is not None:
        return
    eind = zaak.zaaktype.statustypen.order_by("-volgnummer").first()
    if eind is not None and eind.pk == statustype.pk:
        return
    if zaak.statustype is not None and zaak.statustype.volgnummer >= statustype.volgnummer:
        return
    zaken_services.zaak_status_set(
        actor=flow_actor(), zaak=zaak, statustype=statustype, toelichting=toelichting
    )


def processtap_status_zetten(zaak: Zaak, processtap: str) -> None:
    statustype = (
        zaak.zaaktype.statustypen.filter(processtap=processtap).order_by("volgnummer").first()
    )
    _status_zetten(zaak, statustype)


def stap_begonnen(taak: Taak) -> None:
    """A step's work begins when a person takes its task (claimed, assigned or handed to them
    by the flow): the zaak gets the step's status, so the requester sees the progress. The
    besluit step shows its status when the besluit is taken."""
    if taak.stap == Stap.BESLUIT:
        return
    _status_zetten(taak.zaak, regels.statustype_voor_stap(taak.zaak.zaaktype, taak.stap))


def besluit_genomen(taak: Taak, toelichting: str = "") -> None:
    _status_zetten(
        taak.zaak, regels.statustype_voor_stap(taak.zaak.zaaktype, Stap.BESLUIT), toelichting
    )


def zaak_sluiten_door_flow(process) -> None:
    """The flow's last step: close the zaak with the resultaat recorded earlier in the flow."""
    zaak = Zaak.objects.select_related("zaaktype").get(pk=process.zaak_id)
    if zaak.einddatum is not None:
        return
    with flow_sluit_zaak():
        zaken_services.zaak_close(
            actor=flow_actor(), zaak=zaak, toelichting=process.data.get("bericht", "")
        )
