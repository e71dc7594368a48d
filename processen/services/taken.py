"""Task services: claim, release, assign, and complete each step. The only way a task changes.

Every service checks the person's rights itself (viewflow does not when transitions are called
from code), then locks in a fixed order: the zaak row, then the process row (viewflow's
select_for_update_lock), then reads the task afresh. Two people claiming the same task are
therefore served one after the other: the first gets it, the second is told who has it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone
from viewflow.workflow.exceptions import FlowLockFailed

from core.actor import Actor
from core.audit import audit_log
from core.errors import Conflict, DomainError, NotAllowed
from core.models import AuditRecord
from organisatie.models import User
from processen import regels
from processen.context import flow_actor, namens
from processen.flows import ZaakFlow
from processen.models import OPEN_STATUSSEN, Stap, Taak
from processen.services.stappen import besluit_genomen, stap_begonnen
from processen.toegang import is_teamleider, mag_claimen, taak_voor_actor
from zaken import services as zaken_services
from zaken.models import Kanaal, Resultaattype, Zaak, Zaaktype

A = AuditRecord.Actie

BEOORDELING_KEUZES = {
    "uitvoeren": "Advies en uitvoering door de betrokken teams",
    "besluiten": "Direct besluiten",
}


@contextmanager
def _vergrendeld(taak: Taak) -> Iterator[Taak]:
    """Lock the zaak, then the process; yield the task as it is now."""
    try:
        with transaction.atomic():
            list(Zaak.objects.select_for_update().filter(pk=taak.zaak_id).values_list("pk"))
            with ZaakFlow.lock(taak.process_id):
                yield Taak.objects.select_related(
                    "zaak__zaaktype", "zaak__klantregisseur", "team", "owner", "process"
                ).get(pk=taak.pk)
    except FlowLockFailed as exc:
        raise Conflict(
            "Deze taak wordt op dit moment door iemand anders bijgewerkt. Probeer het opnieuw."
        ) from exc


def _audit(
    actor: Actor,
    taak: Taak,
    weergave: str,
    *,
    actie=A.WIJZIGEN,
    nieuw=None,
    oud=None,
    toelichting="",
):
    audit_log(
        actor,
        actie=actie,
        obj=taak,
        object_type="taak",
        zaak=taak.zaak,
        actie_weergave=weergave,
        nieuw=nieuw,
        oud=oud,
        toelichting=toelichting,
    )


def _user(actor: Actor) -> User:
    if actor.user is None or not getattr(actor.user, "is_medewerker", False):
        raise NotAllowed("Alleen een medewerker kan taken oppakken en afronden.")
    return actor.user


def _moet_open_zijn(taak: Taak) -> None:
    if taak.status not in OPEN_STATUSSEN:
        raise Conflict("Deze taak is al afgerond of vervallen.", code="taak-niet-open")


# --- claim, release, assign ---------------------------------------------------------------------
def taak_claimen(*, actor: Actor, taak: Taak) -> Taak:
    """Take a task from the team's werkvoorraad."""
    taak_voor_actor(actor, taak)
    user = _user(actor)
    with _vergrendeld(taak) as taak:
        _moet_open_zijn(taak)
        if taak.owner_id == user.pk:
            return taak
        if taak.owner_id:
            raise Conflict(
                f"Deze taak is al opgepakt door {taak.owner}. Kies een andere taak.",
                code="taak-al-opgepakt",
            )
        if not mag_claimen(user, taak):
            raise NotAllowed(
                f"Alleen medewerkers van team {taak.team or '—'} kunnen deze taak oppakken."
            )
        taak.flow_task.activation_class(taak).assign(user)
        taak.assigned = timezone.now()
        taak.save(update_fields=["assigned"])
        _audit(actor, taak, "Taak opgepakt", actie=A.TOEWIJZEN, nieuw={"eigenaar": str(user)})
        with namens(actor):
            stap_begonnen(taak)
    return taak


def taak_vrijgeven(*, actor: Actor, taak: Taak, reden: str = "") -> Taak:
    """Put a task back in the team's werkvoorraad (the owner or the teamleider)."""
    taak_voor_actor(actor, taak)
    user = _user(actor)
    with _vergrendeld(taak) as taak:
        _moet_open_zijn(taak)
        if taak.owner_id is None:
            return taak
        if taak.owner_id != user.pk and not is_teamleider(user, taak.team):
            raise NotAllowed("Alleen wie de taak heeft of de teamleider kan haar vrijgeven.")
        oud = str(taak.owner)
        taak.flow_task.activation_class(taak).unassign()
        taak.assigned = None
        taak.save(update_fields=["assigned"])
        _audit(actor, taak, "Taak vrijgegeven", oud={"eigenaar": oud}, toelichting=reden)
    return taak


def _toewijzen(actor: Actor, taak: Taak, medewerker: User, reden: str) -> Taak:
    user = _user(actor)
    with _vergrendeld(taak) as taak:
        _moet_open_zijn(taak)
        if not is_teamleider(user, taak.team):
            raise NotAllowed("Alleen de teamleider kan taken van dit team toewijzen.")
        if (
            medewerker is None
            or not medewerker.is_active
            or not medewerker.is_medewerker
            or taak.team_id not in medewerker.team_ids
        ):
            raise DomainError(f"Kies een medewerker van team {taak.team}.", field="medewerker")
        if taak.owner_id == medewerker.pk:
            return taak
        oud = str(taak.owner) if taak.owner_id else None
        activation = taak.flow_task.activation_class(taak)
        if taak.owner_id:
            activation.reassign(medewerker)
        else:
            activation.assign(medewerker)
        taak.assigned = timezone.now()
        taak.save(update_fields=["assigned"])
        _audit(
            actor,
            taak,
            f"Taak toegewezen aan {medewerker}",
            actie=A.TOEWIJZEN,
            oud={"eigenaar": oud},
            nieuw={"eigenaar": str(medewerker)},
            toelichting=reden,
        )
        with namens(actor):
            stap_begonnen(taak)
    return taak


def taak_toewijzen(*, actor: Actor, taak: Taak, medewerker: User, reden: str = "") -> Taak:
    """The teamleider gives (or moves) a task to a member of the task's team."""
    taak_voor_actor(actor, taak)
    return _toewijzen(actor, taak, medewerker, reden)


@transaction.atomic
def taken_bulk_toewijzen(*, actor: Actor, taken: list[Taak], medewerker: User) -> int:
    """Assign several tasks at once; all or nothing."""
    if not taken:
        raise DomainError("Kies een of meer taken.", field="taken")
    for taak in taken:
        taak_voor_actor(actor, taak)
        try:
            _toewijzen(actor, taak, medewerker, "")
        except DomainError as exc:
            raise type(exc)(
                f"{taak.zaak.identificatie} ({taak}): {exc.message}", field=exc.field
            ) from exc
    return len(taken)


# --- complete -----------------------------------------------------------------------------------
def _afronden(
    actor: Actor,
    taak: Taak,
    *,
    uitkomst: str,
    gegevens: dict,
    procesgegevens: dict | None = None,
    voor_afronden=None,
) -> Taak:
    """Complete a locked task and let the flow move on, on behalf of `actor`."""
    user = _user(actor)
    _moet_open_zijn(taak)
    if taak.owner_id != user.pk:
        if taak.owner_id:
            raise NotAllowed(f"Deze taak is van {taak.owner}. Alleen die kan haar afronden.")
        raise NotAllowed("Pak de taak eerst op; daarna kunt u haar afronden.")
    taak.data = {**taak.data, **gegevens, "uitkomst": uitkomst}
    taak.save(update_fields=["data"])
    if procesgegevens:
        taak.process.data = {**taak.process.data, **procesgegevens}
        taak.process.save(update_fields=["data"])
    with namens(actor):
        if voor_afronden is not None:
            voor_afronden(taak)
        activation = taak.flow_task.activation_class(taak)
        activation.start(None)
        activation.execute()
    _audit(actor, taak, f"Taak afgerond: {taak.get_stap_display()}", nieuw={"uitkomst": uitkomst})
    return taak


def _stap(taak: Taak, stap: str) -> None:
    if taak.stap != stap:
        raise DomainError(f"Deze taak is geen {Stap(stap).label.lower()}.", code="verkeerde-stap")


def _resultaattype(taak: Taak, resultaattype: Resultaattype | None) -> Resultaattype:
    if resultaattype is None or resultaattype.zaaktype_id != taak.zaak.zaaktype_id:
        raise DomainError("Kies een resultaat dat bij dit zaaktype hoort.", field="resultaattype")
    return resultaattype


def _tekst(waarde: str, veld: str, *, verplicht: bool, maximum: int, wat: str) -> str:
    waarde = (waarde or "").strip()
    if verplicht and not waarde:
        raise DomainError(f"Vul {wat} in.", field=veld)
    if len(waarde) > maximum:
        raise DomainError(
            f"{wat.capitalize()} mag hoogstens {maximum} tekens lang zijn.", field=veld
        )
    return waarde


def taak_afhandelen(
    *, actor: Actor, taak: Taak, resultaattype: Resultaattype, toelichting: str = ""
) -> Taak:
    """1e lijn: settle and close the zaak in one step, with a resultaat."""
    taak_voor_actor(actor, taak)
    toelichting = _tekst(
        toelichting, "toelichting", verplicht=False, maximum=1000, wat="de toelichting"
    )
    with _vergrendeld(taak) as taak:
        _stap(taak, Stap.AFHANDELEN)
        resultaattype = _resultaattype(taak, resultaattype)

        def resultaat(t):
            zaken_services.zaak_resultaat_set(
                actor=flow_actor(),
                zaak=t.zaak,
                resultaattype=resultaattype,
                toelichting=toelichting,
            )

        return _afronden(
            actor,
            taak,
            uitkomst=f"Direct afgehandeld: {resultaattype.omschrijving}",
            gegevens={"resultaat": resultaattype.omschrijving, "toelichting": toelichting},
            procesgegevens={"bericht": toelichting},
            voor_afronden=resultaat,
        )


def taak_beoordelen(*, actor: Actor, taak: Taak, besluit: str, toelichting: str = "") -> Taak:
    """2e lijn: ask the involved teams for advice and execution, or go straight to the besluit."""
    taak_voor_actor(actor, taak)
    toelichting = _tekst(
        toelichting, "toelichting", verplicht=False, maximum=2000, wat="de toelichting"
    )
    with _vergrendeld(taak) as taak:
        _stap(taak, Stap.BEOORDELING)
        if besluit not in BEOORDELING_KEUZES:
            raise DomainError("Kies hoe de zaak verder gaat.", field="besluit")
        if besluit == "uitvoeren" and not regels.heeft_derde_lijn(taak.zaak.zaaktype):
            raise DomainError(
                "Bij dit zaaktype werken geen andere teams mee. Kies 'Direct besluiten'.",
                field="besluit",
            )
        if besluit == "uitvoeren":
            teams = ", ".join(t.naam for t in regels.uitvoerende_teams(taak.zaak))
            uitkomst = f"Advies gevraagd aan {teams}"
        else:
            uitkomst = "Door naar het besluit"
        return _afronden(
            actor,
            taak,
            uitkomst=uitkomst,
            gegevens={"besluit": besluit, "toelichting": toelichting},
            procesgegevens={"beoordeling": besluit},
        )


def taak_uitvoeren(*, actor: Actor, taak: Taak, advies: str, document: dict | None = None) -> Taak:
    """3e lijn: the team's advice or handling, optionally with a document
    (``{"titel", "informatieobjecttype", "inhoud", "bestandsnaam"}``)."""
    taak_voor_actor(actor, taak)
    advies = _tekst(advies, "advies", verplicht=True, maximum=10000, wat="uw advies of verslag")
    with _vergrendeld(taak) as taak:
        _stap(taak, Stap.UITVOERING)
        gegevens = {"advies": advies}
        if document:
            link = zaken_services.document_add(
                actor=actor,
                zaak=taak.zaak,
                informatieobjecttype=document["informatieobjecttype"],
                titel=document["titel"],
                inhoud=document["inhoud"],
                bestandsnaam=document.get("bestandsnaam", ""),
            )
            gegevens["document"] = {"uuid": str(link.document.uuid), "titel": link.document.titel}
        return _afronden(
            actor,
            taak,
            uitkomst=f"Advies van {taak.team}" if taak.team_id else "Advies gegeven",
            gegevens=gegevens,
        )


def taak_besluiten(
    *, actor: Actor, taak: Taak, resultaattype: Resultaattype, toelichting: str = ""
) -> Taak:
    """Record the besluit (the resultaat); the zaak shows the besluit status."""
    taak_voor_actor(actor, taak)
    toelichting = _tekst(
        toelichting, "toelichting", verplicht=False, maximum=1000, wat="de toelichting"
    )
    with _vergrendeld(taak) as taak:
        _stap(taak, Stap.BESLUIT)
        resultaattype = _resultaattype(taak, resultaattype)

        def besluit(t):
            zaken_services.zaak_resultaat_set(
                actor=flow_actor(),
                zaak=t.zaak,
                resultaattype=resultaattype,
                toelichting=toelichting,
            )
            besluit_genomen(t, toelichting)

        return _afronden(
            actor,
            taak,
            uitkomst=f"Besluit: {resultaattype.omschrijving}",
            gegevens={"resultaat": resultaattype.omschrijving, "toelichting": toelichting},
            voor_afronden=besluit,
        )


def taak_informeren(*, actor: Actor, taak: Taak, bericht: str = "") -> Taak:
    """Confirm the requester is informed; the flow closes the zaak with the resultaat."""
    taak_voor_actor(actor, taak)
    bericht = _tekst(bericht, "bericht", verplicht=False, maximum=1000, wat="het bericht")
    with _vergrendeld(taak) as taak:
        _stap(taak, Stap.INFORMEREN)
        if not hasattr(taak.zaak, "resultaat"):
            raise DomainError(
                "Er is nog geen besluit. Neem eerst een besluit.", code="geen-resultaat"
            )
        return _afronden(
            actor,
            taak,
            uitkomst="Aanvrager geïnformeerd, zaak afgesloten",
            gegevens={"bericht": bericht},
            procesgegevens={"bericht": bericht},
        )


AFRONDEN = {
    Stap.AFHANDELEN: taak_afhandelen,
    Stap.BEOORDELING: taak_beoordelen,
    Stap.UITVOERING: taak_uitvoeren,
    Stap.BESLUIT: taak_besluiten,
    Stap.INFORMEREN: taak_informeren,
}


def taak_afronden(*, actor: Actor, taak: Taak, **gegevens) -> Taak:
    """Complete a task with the data its step needs (dispatches on the step)."""
    return AFRONDEN[taak.stap](actor=actor, taak=taak, **gegevens)


# --- KCC: klaar terwijl u wacht -----------------------------------------------------------------
@transaction.atomic
def zaak_direct_afhandelen(
    *,
    actor: Actor,
    zaaktype: Zaaktype,
    initiator,
    resultaattype: Resultaattype,
    kanaal: str,
    omschrijving: str = "",
    toelichting: str = "",
    eigenschappen: dict | None = None,
) -> Zaak:
    """Create, settle and close a zaak of a KCC-settleable zaaktype in one transaction: the
    flow's 1e-lijn task is taken and completed by the KCC-medewerker at once."""
    if not zaaktype.kcc_mag_afhandelen:
        raise DomainError(
            "Dit soort zaak kan het KCC niet direct afhandelen. Start een gewone zaak.",
            code="niet-direct-afhandelbaar",
            field="zaaktype",
        )
    if resultaattype is None or resultaattype.zaaktype_id != zaaktype.pk:
        raise DomainError("Kies een resultaat dat bij dit zaaktype hoort.", field="resultaattype")
    if kanaal not in Kanaal.values:
        raise DomainError("Kies het kanaal van het contact.", field="kanaal")
    _user(actor)
    zaak = zaken_services.zaak_create(
        actor=actor,
        zaaktype=zaaktype,
        omschrijving=omschrijving,
        toelichting=toelichting,
        kanaal=kanaal,
        initiator=initiator,
        eigenschappen=eigenschappen,
    )
    taak = Taak.objects.get(zaak=zaak, stap=Stap.AFHANDELEN, status__in=OPEN_STATUSSEN)
    taak_claimen(actor=actor, taak=taak)
    taak_afhandelen(actor=actor, taak=taak, resultaattype=resultaattype, toelichting=toelichting)
    zaak.refresh_from_db()
    return zaak
