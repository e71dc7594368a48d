"""Who the flow acts for, and whether the flow itself is closing the zaak.

A person completes a task (their rights are checked by the task service); what the flow then
does as a consequence (set the next status, close the zaak) is done by the system on behalf of
that person, so the status history and the audit trail still name them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from django.utils import timezone

from core.actor import Actor, Bron

_actor: ContextVar[Actor | None] = ContextVar("processen_actor", default=None)
_flow_sluit: ContextVar[bool] = ContextVar("processen_flow_sluit", default=False)
_stapdatum: ContextVar[date | None] = ContextVar("processen_stapdatum", default=None)


@contextmanager
def namens(actor: Actor | None, *, stapdatum: date | None = None) -> Iterator[None]:
    """Run flow transitions on behalf of `actor`; new tasks start their norm on `stapdatum`."""
    token = _actor.set(actor)
    token_datum = _stapdatum.set(stapdatum)
    try:
        yield
    finally:
        _actor.reset(token)
        _stapdatum.reset(token_datum)


def huidige_actor() -> Actor | None:
    return _actor.get()


def flow_actor() -> Actor:
    """The system, acting on behalf of the person whose action moved the flow."""
    actor = _actor.get()
    if actor is None:
        return Actor.system("Zaakstroom (proces)")
    return Actor(
        user=actor.user,
        bron=actor.bron if actor.bron else Bron.SYSTEEM,
        applicatie=actor.applicatie,
        weergave=actor.display(),
        user_id=actor.user_id,
        systeem=True,
    )


def stapdatum() -> date:
    """The day the current step started: today, or the zaak's startdatum while a zaak that was
    registered late enters the flow (its norms run from the day the request arrived)."""
    return _stapdatum.get() or timezone.localdate()


@contextmanager
def flow_sluit_zaak() -> Iterator[None]:
    token = _flow_sluit.set(True)
    try:
        yield
    finally:
        _flow_sluit.reset(token)


def sluit_flow_de_zaak() -> bool:
    return _flow_sluit.get()
