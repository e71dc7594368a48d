"""Terugbelverzoeken: send (with a norm in werkdagen through the term calendar), claim, record
attempts, close; and the daily job that signals overdue verzoeken to the owner and escalates them
to the teamleider, once per day."""

from __future__ import annotations

import re
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core import events
from core.actor import Actor
from core.audit import audit_log
from core.errors import Conflict, DomainError, NotAllowed, NotFound
from core.models import AuditRecord
from core.outbox import email_enqueue
from core.signalen import signaal_geven
from klantregie.models import Klant, Terugbelpoging, Terugbelverzoek
from klantregie.rechten import is_applicatie
from klantregie.selectors import klant_zaken_q
from klantregie.services._common import actor_user, vereis
from organisatie.models import Lidmaatschap, Team
from zaken.kalender import get_kalender
from zaken.models import Zaak
from zaken.permissions import require

A = AuditRecord.Actie
STANDAARD_NORM_WERKDAGEN = 2
_TELEFOON_RE = re.compile(r"^\+?\d{8,15}$")


def telefoon_normaliseren(telefoon: str) -> str:
    return re.sub(r"[\s\-().]", "", telefoon or "")


def _norm_werkdagen(team: Team | None, medewerker) -> int:
    if team is not None:
        return team.terugbel_norm_werkdagen
    if medewerker is not None:
        lid = (
            Lidmaatschap.objects.filter(user=medewerker)
            .select_related("team")
            .order_by("team__naam")
            .first()
        )
        if lid is not None:
            return lid.team.terugbel_norm_werkdagen
    return STANDAARD_NORM_WERKDAGEN


@transaction.atomic
def terugbelverzoek_send(
    *,
    actor: Actor,
    onderwerp: str,
    telefoon: str,
    team: Team | None = None,
    medewerker=None,
    klant: Klant | None = None,
    zaak=None,
    vraag=None,
    vraag_tekst: str = "",
    naam: str = "",
    bereikbaarheid: str = "",
    verzonden_op: datetime | None = None,
) -> Terugbelverzoek:
    """Ask a team or a medewerker to call the klant back. The deadline is the norm of the team
    (default 2 werkdagen) counted in werkdagen from the day it is sent."""
    vereis(actor, "klantregie.add_terugbelverzoek")
    onderwerp = " ".join((onderwerp or "").split())
    if not onderwerp:
        raise DomainError("Geef het onderwerp van het terugbelverzoek.", field="onderwerp")
    if team is None and medewerker is None:
        raise DomainError(
            "Kies het team of de medewerker die moet terugbellen.", field="terugbel_team"
        )
    if medewerker is not None and (not medewerker.is_medewerker or not medewerker.is_active):
        raise DomainError(
            "Een terugbelverzoek kan alleen naar een actieve medewerker.",
            field="terugbel_medewerker",
        )
    telefoon = telefoon_normaliseren(telefoon) or (
        telefoon_normaliseren(klant.telefoon) if klant else ""
    )
    if not _TELEFOON_RE.match(telefoon):
        raise DomainError(
            "Vul een telefoonnummer in waarop de klant bereikbaar is, bijvoorbeeld 0612345678.",
            field="terugbel_telefoon",
        )
    if len(bereikbaarheid or "") > 200:
        raise DomainError(
            "Beschrijf de bereikbaarheid in hoogstens 200 tekens.", field="terugbel_bereikbaarheid"
        )
    if zaak is not None:
        if not actor.systeem:
            try:
                require(actor, "zaken.lezen", zaak=zaak)
            except DomainError as exc:
                raise NotFound("Deze zaak bestaat niet.", field="zaak") from exc
        if klant is not None and not Zaak.objects.filter(klant_zaken_q(klant), pk=zaak.pk).exists():
            raise DomainError("Deze zaak hoort niet bij de gekozen klant.", field="zaak")
    verzonden_op = verzonden_op or timezone.now()
    norm = _norm_werkdagen(team, medewerker)
    deadline = get_kalender().add_werkdagen(timezone.localdate(verzonden_op), norm)
    user = actor_user(actor)
    verzoek = Terugbelverzoek.objects.create(
        vraag=vraag,
        klant=klant,
        zaak=zaak,
        team=team,
        medewerker=medewerker,
        onderwerp=onderwerp[:200],
        vraag_tekst=(vraag_tekst or "")[:4000],
        naam=(naam or (klant.naam if klant else ""))[:200],
        telefoon=telefoon,
        bereikbaarheid=(bereikbaarheid or "").strip(),
        norm_werkdagen=norm,
        deadline=deadline,
        aangevraagd_door=user,
        aangevraagd_door_weergave=actor.display()[:255],
        verzonden_op=verzonden_op,
    )
    audit_log(
        actor,
        actie=A.AANMAKEN,
        obj=verzoek,
        zaak=zaak,
        klant_id=klant.pk if klant else None,
        nieuw={
            "ontvanger": verzoek.ontvanger_weergave,
            "norm_werkdagen": norm,
            "deadline": deadline,
        },
    )
    if medewerker is not None and medewerker.email:
        email_enqueue(
            sleutel=f"terugbelverzoek:{verzoek.uuid}",
            to=medewerker.email,
            subject=f"[Zaakstroom] Terugbelverzoek: {verzoek.onderwerp}",
            text=(
                f"U heeft een terugbelverzoek van {verzoek.aangevraagd_door_weergave}: "
                f"{verzoek.onderwerp}.\nBel uiterlijk {deadline:%d-%m-%Y} terug.\n\n"
                f"{settings.SITE_URL}"
            ),
            zaak=zaak,
        )
    events.publish("terugbelverzoek.verstuurd", terugbelverzoek=verzoek, actor=actor)
    return verzoek


# --- handling -----------------------------------------------------------------------------------
def mag_behandelen(user, verzoek: Terugbelverzoek) -> bool:
    """The addressed medewerker, members of the addressed team and its teamleider."""
    if user is None or not getattr(user, "is_medewerker", False):
        return False
    if verzoek.medewerker_id == user.pk:
        return True
    if verzoek.team_id is not None:
        if verzoek.team_id in user.team_ids:
            return True
        team = verzoek.team
        if team is not None and team.teamleider_id == user.pk:
            return True
    return False


def _lock(verzoek: Terugbelverzoek) -> Terugbelverzoek:
    return (
        Terugbelverzoek.objects.select_for_update(of=("self",))
        .select_related("team", "behandelaar", "zaak")
        .get(pk=verzoek.pk)
    )


def _vereis_behandelaar(actor: Actor, verzoek: Terugbelverzoek) -> None:
    """A medewerker handles the verzoeken addressed to them or their team; an API application
    with `terugbelverzoeken.bijwerken` handles them on behalf of its user (a KCC front end)."""
    vereis(actor, "klantregie.change_terugbelverzoek")
    if actor.systeem or is_applicatie(actor):
        return
    if not mag_behandelen(actor.user, verzoek):
        raise NotAllowed("Dit terugbelverzoek is niet aan u of uw team gericht.")


def _vereis_open(verzoek: Terugbelverzoek) -> None:
    if not verzoek.is_open:
        raise Conflict("Dit terugbelverzoek is al afgehandeld.", code="terugbelverzoek-afgehandeld")


def _vereis_niet_van_ander(actor: Actor, verzoek: Terugbelverzoek) -> None:
    user = actor_user(actor)
    if (
        verzoek.behandelaar_id is not None
        and user is not None
        and verzoek.behandelaar_id != user.pk
        and not (verzoek.team is not None and verzoek.team.teamleider_id == user.pk)
    ):
        raise Conflict(
            f"{verzoek.behandelaar} heeft dit terugbelverzoek al opgepakt.",
            code="al-opgepakt",
        )


@transaction.atomic
def terugbelverzoek_claim(*, actor: Actor, verzoek: Terugbelverzoek) -> Terugbelverzoek:
    """Take a verzoek on: exactly one medewerker gets it, a second one is told who has it."""
    verzoek = _lock(verzoek)
    _vereis_behandelaar(actor, verzoek)
    _vereis_open(verzoek)
    user = actor_user(actor)
    if verzoek.behandelaar_id is not None:
        if user is not None and verzoek.behandelaar_id == user.pk:
            return verzoek
        raise Conflict(
            f"{verzoek.behandelaar} heeft dit terugbelverzoek al opgepakt.", code="al-opgepakt"
        )
    verzoek.behandelaar = user
    verzoek.status = Terugbelverzoek.Status.IN_BEHANDELING
    verzoek.opgepakt_op = timezone.now()
    verzoek.save(update_fields=["behandelaar", "status", "opgepakt_op"])
    audit_log(
        actor,
        actie=A.TOEWIJZEN,
        obj=verzoek,
        zaak=verzoek.zaak,
        klant_id=verzoek.klant_id,
        nieuw={"behandelaar": actor.display()},
        actie_weergave="Terugbelverzoek opgepakt",
    )
    return verzoek


@transaction.atomic
def terugbelpoging_add(
    *, actor: Actor, verzoek: Terugbelverzoek, uitkomst: str, notitie: str = ""
) -> Terugbelpoging:
    """Record a call attempt (bereikt / niet bereikt). The first attempt takes the verzoek on."""
    verzoek = _lock(verzoek)
    _vereis_behandelaar(actor, verzoek)
    _vereis_open(verzoek)
    _vereis_niet_van_ander(actor, verzoek)
    if uitkomst not in Terugbelpoging.Uitkomst.values:
        raise DomainError("Kies of u de klant heeft bereikt.", field="uitkomst")
    notitie = (notitie or "").strip()
    if len(notitie) > 500:
        raise DomainError("De notitie mag hoogstens 500 tekens lang zijn.", field="notitie")
    user = actor_user(actor)
    if verzoek.behandelaar_id is None and user is not None:
        verzoek.behandelaar = user
        verzoek.status = Terugbelverzoek.Status.IN_BEHANDELING
        verzoek.opgepakt_op = timezone.now()
        verzoek.save(update_fields=["behandelaar", "status", "opgepakt_op"])
    poging = Terugbelpoging.objects.create(
        terugbelverzoek=verzoek,
        uitkomst=uitkomst,
        notitie=notitie,
        medewerker=user,
        medewerker_weergave=actor.display()[:255],
    )
    audit_log(
        actor,
        actie=A.AANMAKEN,
        obj=verzoek,
        object_type="terugbelpoging",
        zaak=verzoek.zaak,
        klant_id=verzoek.klant_id,
        nieuw={"uitkomst": uitkomst, "notitie": notitie},
        actie_weergave="Terugbelpoging vastgelegd",
    )
    return poging


@transaction.atomic
def terugbelverzoek_close(
    *, actor: Actor, verzoek: Terugbelverzoek, resultaat: str, toelichting: str = ""
) -> Terugbelverzoek:
    verzoek = _lock(verzoek)
    _vereis_behandelaar(actor, verzoek)
    _vereis_open(verzoek)
    _vereis_niet_van_ander(actor, verzoek)
    if resultaat not in Terugbelverzoek.Resultaat.values:
        raise DomainError("Kies het resultaat van het terugbelverzoek.", field="resultaat")
    toelichting = (toelichting or "").strip()
    if len(toelichting) > 2000:
        raise DomainError(
            "De toelichting mag hoogstens 2000 tekens lang zijn.", field="toelichting"
        )
    if (
        resultaat == Terugbelverzoek.Resultaat.NIET_BEREIKT
        and not verzoek.pogingen.filter(uitkomst=Terugbelpoging.Uitkomst.NIET_BEREIKT).exists()
    ):
        raise DomainError(
            "Leg eerst vast dat u de klant probeerde te bellen (niet bereikt).",
            field="resultaat",
        )
    user = actor_user(actor)
    verzoek.status = Terugbelverzoek.Status.AFGEHANDELD
    verzoek.resultaat = resultaat
    verzoek.resultaat_toelichting = toelichting
    verzoek.afgehandeld_op = timezone.now()
    verzoek.afgehandeld_door = user
    if verzoek.behandelaar_id is None:
        verzoek.behandelaar = user
    verzoek.save(
        update_fields=[
            "status",
            "resultaat",
            "resultaat_toelichting",
            "afgehandeld_op",
            "afgehandeld_door",
            "behandelaar",
        ]
    )
    audit_log(
        actor,
        actie=A.AFSLUITEN,
        obj=verzoek,
        zaak=verzoek.zaak,
        klant_id=verzoek.klant_id,
        toelichting=toelichting,
        nieuw={"resultaat": resultaat},
    )
    events.publish("terugbelverzoek.afgehandeld", terugbelverzoek=verzoek, actor=actor)
    return verzoek


# --- the daily job ------------------------------------------------------------------------------
def _eigenaar(verzoek: Terugbelverzoek):
    return verzoek.behandelaar or verzoek.medewerker


def _teamleider(verzoek: Terugbelverzoek, teamleiders_per_user: dict):
    if verzoek.team is not None and verzoek.team.teamleider is not None:
        return verzoek.team.teamleider
    eigenaar = _eigenaar(verzoek)
    return teamleiders_per_user.get(eigenaar.pk) if eigenaar is not None else None


def terugbelverzoeken_signaleren(*, vandaag: date | None = None) -> dict:
    """For every open verzoek past its deadline: a reminder to its owner (who took it on, or the
    addressed medewerker; the teamleider when nobody owns it yet) and an escalation to the
    teamleider. `signaal_geven` records at most one of each per verzoek, recipient and day, so
    the job may run as often as it likes."""
    vandaag = vandaag or timezone.localdate()
    te_laat = list(
        Terugbelverzoek.objects.filter(
            status__in=Terugbelverzoek.OPEN_STATUSSEN, deadline__lt=vandaag
        )
        .select_related("team__teamleider", "medewerker", "behandelaar", "zaak", "klant")
        .order_by("deadline", "id")
    )
    eigenaren = {e.pk for v in te_laat if (e := _eigenaar(v)) is not None}
    teamleiders_per_user: dict = {}
    for lid in (
        Lidmaatschap.objects.filter(user_id__in=eigenaren, team__teamleider__isnull=False)
        .select_related("team__teamleider")
        .order_by("team__naam")
    ):
        teamleiders_per_user.setdefault(lid.user_id, lid.team.teamleider)
    herinneringen = escalaties = 0
    for verzoek in te_laat:
        dagen = get_dagen_te_laat(verzoek, vandaag)
        wie = verzoek.klant.naam if verzoek.klant else (verzoek.naam or "een klant")
        tekst = (
            f"Het terugbelverzoek '{verzoek.onderwerp}' voor {wie} had uiterlijk "
            f"{verzoek.deadline:%d-%m-%Y} afgehandeld moeten zijn ({dagen} dag(en) te laat). "
            f"Terugbellen op {verzoek.telefoon}."
        )
        teamleider = _teamleider(verzoek, teamleiders_per_user)
        eigenaar = _eigenaar(verzoek) or teamleider
        if eigenaar is not None and signaal_geven(
            soort="herinnering",
            obj=verzoek,
            ontvanger=eigenaar,
            zaak=verzoek.zaak,
            datum=vandaag,
            onderwerp=f"Terugbelverzoek te laat: {verzoek.onderwerp}",
            tekst=tekst,
        ):
            herinneringen += 1
        if teamleider is not None and signaal_geven(
            soort="escalatie",
            obj=verzoek,
            ontvanger=teamleider,
            zaak=verzoek.zaak,
            datum=vandaag,
            onderwerp=f"Escalatie terugbelverzoek: {verzoek.onderwerp}",
            tekst=f"{tekst} Behandelaar: {eigenaar or verzoek.ontvanger_weergave}.",
        ):
            escalaties += 1
    return {"te_laat": len(te_laat), "herinneringen": herinneringen, "escalaties": escalaties}


def get_dagen_te_laat(verzoek: Terugbelverzoek, vandaag: date) -> int:
    return (vandaag - verzoek.deadline).days
