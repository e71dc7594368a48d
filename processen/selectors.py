"""The read path of processen: the werkvoorraad, one task, the tasks of a zaak. Authorisation
is in the queryset (processen.toegang.taken_zichtbaar): a task the user may not see does not
exist for them. Lists fetch what a page shows in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import F, Prefetch, Q, QuerySet
from viewflow.workflow.status import STATUS

from core.errors import NotFound
from organisatie.models import Team, User
from processen import regels
from processen.models import OPEN_STATUSSEN, Taak
from processen.toegang import HUMAN, is_teamleider, taken_zichtbaar
from zaken.kalender import Termijnkalender
from zaken.models import Rol, RolOmschrijving
from zaken.permissions import VOLLEDIG, toegang_medewerker

MIJN, TEAM, REGIE, ALLE = "mijn", "team", "regie", "alle"


@dataclass
class WerkvoorraadFilters:
    weergave: str = MIJN
    team: int | None = None
    zaaktype: str = ""  # identificatie
    stap: str = ""
    status: str = ""  # vrij | opgepakt
    zaakstatus: str = ""  # omschrijving of the zaak's current statustype
    deadline: str = ""  # te_laat | binnenkort | op_tijd
    klantregie: str = ""  # ja | nee


def werkvoorraad_teams(user) -> list[Team]:
    """The teams whose werkvoorraad `user` may open."""
    if user.has_perm("processen.alle_taken_inzien"):
        return list(Team.objects.filter(lijn__isnull=False).order_by("lijn", "naam"))
    return list(
        Team.objects.filter(Q(pk__in=user.team_ids) | Q(teamleider_id=user.pk)).order_by("naam")
    )


def _initiators() -> Prefetch:
    return Prefetch(
        "zaak__rollen",
        queryset=Rol.objects.filter(omschrijving_generiek=RolOmschrijving.INITIATOR).order_by("id"),
        to_attr="initiators",
    )


def werkvoorraad(
    user, filters: WerkvoorraadFilters, *, vandaag: date, binnenkort_tot: date
) -> QuerySet[Taak]:
    """Open tasks for the werkvoorraad page, sorted by deadline (no deadline last)."""
    qs = taken_zichtbaar(user).filter(status__in=OPEN_STATUSSEN)
    if filters.weergave == TEAM:
        if filters.team is None or filters.team not in {t.pk for t in werkvoorraad_teams(user)}:
            return qs.none()
        qs = qs.filter(team_id=filters.team)
    elif filters.weergave == REGIE:
        qs = qs.filter(zaak__klantregisseur_id=user.pk)
    elif filters.weergave == ALLE:
        if not user.has_perm("processen.alle_taken_inzien"):
            return qs.none()
    else:
        qs = qs.filter(owner_id=user.pk)
    if filters.zaaktype:
        qs = qs.filter(zaak__zaaktype__identificatie=filters.zaaktype)
    if filters.stap:
        qs = qs.filter(stap=filters.stap)
    if filters.status == "vrij":
        qs = qs.filter(status=STATUS.NEW)
    elif filters.status == "opgepakt":
        qs = qs.filter(status__in=[STATUS.ASSIGNED, STATUS.STARTED])
    if filters.zaakstatus:
        qs = qs.filter(zaak__statustype__omschrijving=filters.zaakstatus)
    if filters.deadline == "te_laat":
        qs = qs.filter(deadline__lt=vandaag, opgeschort_sinds__isnull=True)
    elif filters.deadline == "binnenkort":
        qs = qs.filter(
            deadline__gte=vandaag, deadline__lte=binnenkort_tot, opgeschort_sinds__isnull=True
        )
    elif filters.deadline == "op_tijd":
        qs = qs.filter(deadline__gt=binnenkort_tot)
    elif filters.deadline == "opgeschort":
        qs = qs.filter(opgeschort_sinds__isnull=False)
    if filters.klantregie == "ja":
        qs = qs.filter(zaak__klantregisseur__isnull=False)
    elif filters.klantregie == "nee":
        qs = qs.filter(zaak__klantregisseur__isnull=True)
    return (
        qs.select_related(
            "zaak__zaaktype", "zaak__klantregisseur", "zaak__statustype", "team", "owner"
        )
        .prefetch_related(_initiators())
        .order_by(F("deadline").asc(nulls_last=True), "id")
    )


def taak_voor_medewerker(user, uuid) -> Taak:
    """One task with its zaak, or NotFound (also when the zaak is too confidential)."""
    taak = (
        taken_zichtbaar(user)
        .select_related(
            "zaak__zaaktype",
            "zaak__klantregisseur",
            "zaak__statustype",
            "zaak__behandelend_team",
            "team__teamleider",
            "owner",
            "process",
        )
        .prefetch_related(_initiators())
        .filter(uuid=uuid)
        .first()
    )
    if taak is None or toegang_medewerker(user, taak.zaak) != VOLLEDIG:
        raise NotFound("Deze taak bestaat niet of u heeft er geen toegang toe.")
    return taak


def taken_van_zaak(zaak) -> list[Taak]:
    """Every human task of the zaak, oldest first (the process history). The caller has
    checked that the user may see the zaak."""
    taken = list(
        Taak.objects.filter(zaak=zaak, flow_task_type=HUMAN)
        .select_related("team", "owner")
        .order_by("created", "id")
    )
    for taak in taken:
        taak.zaak = zaak
    return taken


def teamleden(team: Team | None) -> list[User]:
    if team is None:
        return []
    return list(
        User.objects.filter(
            lidmaatschap__team=team, is_active=True, soort=User.Soort.MEDEWERKER
        ).order_by("first_name", "last_name", "pk")
    )


def mag_verdelen(user, team: Team | None) -> bool:
    return is_teamleider(user, team)


def signaal_context(kalender: Termijnkalender, vandaag: date) -> dict:
    return {
        "vandaag": vandaag,
        "binnenkort_tot": kalender.add_werkdagen(vandaag, regels.signaal_werkdagen()),
    }


def taak_signaal(taak: Taak, *, vandaag: date, binnenkort_tot: date) -> str:
    return regels.deadline_signaal(
        taak.deadline,
        opgeschort=bool(taak.opgeschort_sinds) or taak.zaak.opschorting_indicatie,
        vandaag=vandaag,
        binnenkort_tot=binnenkort_tot,
    )


__all__ = [
    "ALLE",
    "MIJN",
    "REGIE",
    "TEAM",
    "WerkvoorraadFilters",
    "mag_verdelen",
    "signaal_context",
    "taak_signaal",
    "taak_voor_medewerker",
    "taken_van_zaak",
    "teamleden",
    "werkvoorraad",
    "werkvoorraad_teams",
]
