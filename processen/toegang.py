"""Who may see and do which task. Viewflow does not check task rights when transitions are
called from code, so the task services and selectors use these rules.

- A medewerker sees the tasks of their own teams, tasks they own, every task of the zaken they
  are klantregisseur of, and the tasks of teams they lead; with `processen.alle_taken_inzien`
  (manager) every task. Never a task of a zaak above their maximum vertrouwelijkheid.
- Only a member of the task's team claims it; the owner completes it; the owner or the
  teamleider releases it; the teamleider assigns and reassigns it to members of the team."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from core.actor import Actor
from core.errors import NotAllowed, NotFound
from core.vertrouwelijkheid import tot_en_met
from processen.models import Taak
from zaken.permissions import VOLLEDIG, toegang_medewerker

HUMAN = "HUMAN"


def _is_medewerker(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and getattr(user, "is_medewerker", False)
        and user.has_perm("zaken.lezen")
    )


def taken_zichtbaar(user) -> QuerySet[Taak]:
    """The human tasks `user` may know about."""
    if not _is_medewerker(user):
        return Taak.objects.none()
    qs = Taak.objects.filter(flow_task_type=HUMAN).filter(
        zaak__vertrouwelijkheidaanduiding__in=tot_en_met(user.max_vertrouwelijkheid)
    )
    if user.has_perm("processen.alle_taken_inzien"):
        return qs
    return qs.filter(
        Q(team_id__in=user.team_ids)
        | Q(owner_id=user.pk)
        | Q(zaak__klantregisseur_id=user.pk)
        | Q(team__teamleider_id=user.pk)
    )


def is_teamleider(user, team) -> bool:
    """The team's teamleider, or a member of the team with the right to divide its work."""
    if team is None or not _is_medewerker(user):
        return False
    if team.teamleider_id == user.pk:
        return True
    return user.has_perm("processen.taken_verdelen") and team.pk in user.team_ids


def mag_claimen(user, taak: Taak) -> bool:
    return _is_medewerker(user) and taak.team_id is not None and taak.team_id in user.team_ids


def taak_voor_actor(actor: Actor, taak: Taak, *, wijzigen: bool = True) -> None:
    """NotFound when the actor may not know the task exists; NotAllowed when it may see the
    task but not act on its zaak."""
    if actor.systeem:
        return
    user = actor.user
    if not _is_medewerker(user):
        raise NotFound("Deze taak bestaat niet of u heeft er geen toegang toe.")
    if not taken_zichtbaar(user).filter(pk=taak.pk).exists():
        raise NotFound("Deze taak bestaat niet of u heeft er geen toegang toe.")
    if toegang_medewerker(user, taak.zaak) != VOLLEDIG:
        raise NotFound("Deze taak bestaat niet of u heeft er geen toegang toe.")
    if wijzigen and not user.has_perm("zaken.bijwerken"):
        raise NotAllowed()
