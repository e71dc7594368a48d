"""Helpers shared by the klantregie services."""

from __future__ import annotations

from core.actor import Actor
from core.errors import NotAllowed
from klantregie.rechten import geen_recht_melding, mag


def vereis(actor: Actor, perm: str, melding: str | None = None) -> None:
    """The system may do everything; a medewerker needs the Django permission `perm`; an API
    application one of the scopes that stand for it (klantregie.rechten.API_SCOPES)."""
    if not mag(actor, perm):
        melding = melding or geen_recht_melding(actor, perm)
        raise NotAllowed(melding) if melding else NotAllowed()


def actor_user(actor: Actor):
    """The user to store as author, or None (the system, an API client, a PIP account)."""
    user = actor.user
    return user if user is not None and getattr(user, "pk", None) else None
