"""Helpers shared by the klantregie services."""

from __future__ import annotations

from core.actor import Actor
from core.errors import NotAllowed


def vereis(actor: Actor, perm: str, melding: str | None = None) -> None:
    """The system may do everything; a medewerker needs the Django permission `perm`."""
    if actor.systeem:
        return
    user = actor.user
    if (
        user is None
        or not getattr(user, "is_medewerker", False)
        or not user.is_active
        or not user.has_perm(perm)
    ):
        raise NotAllowed(melding) if melding else NotAllowed()


def actor_user(actor: Actor):
    """The user to store as author, or None (the system, an API client, a PIP account)."""
    user = actor.user
    return user if user is not None and getattr(user, "pk", None) else None
