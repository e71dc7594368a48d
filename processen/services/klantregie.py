"""The klantregisseur: appointed automatically (multi-team zaaktype or klantregie required,
politiek gevoelig, escalation by the 2e lijn), the least-loaded one of the klantregie team, and
reassigned by a teamleider. The appointment itself is `zaken.services.zaak_klantregisseur_set`
(it creates the zaakcoordinator rol)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, QuerySet

from core.actor import Actor
from core.audit import audit_log
from core.errors import DomainError, NotAllowed
from core.models import AuditRecord
from organisatie.models import Lijn, Team, User
from organisatie.rollen import KLANTREGISSEUR
from processen.context import flow_actor, namens
from processen.models import OPEN_STATUSSEN, Stap, Taak
from zaken import services as zaken_services
from zaken.models import RolOmschrijving, Zaak
from zaken.permissions import require

ESCALATIE_REDENEN = {
    "meervoudige_maatwerkvraag": "Meervoudige maatwerkvraag",
    "externe_partijen": "Samenwerking met externe partijen",
    "meerdere_teams": "Meerdere teams nodig",
    "anders": "Andere reden",
}


def klantregieteam(zaak: Zaak | None = None) -> Team | None:
    """The responsible klantregie team: the zaak's own team when that is one, else the first
    klantregie team."""
    if zaak is not None and zaak.behandelend_team_id:
        team = Team.objects.filter(pk=zaak.behandelend_team_id, is_klantregieteam=True).first()
        if team is not None:
            return team
    return Team.objects.filter(is_klantregieteam=True).order_by("naam").first()


def klantregisseurs(team: Team | None = None) -> QuerySet[User]:
    """Active medewerkers with the klantregisseur role in `team` (or in any klantregie team)."""
    qs = User.objects.filter(
        is_active=True, soort=User.Soort.MEDEWERKER, groups__name=KLANTREGISSEUR
    )
    if team is not None:
        qs = qs.filter(lidmaatschap__team=team)
    else:
        qs = qs.filter(lidmaatschap__team__is_klantregieteam=True)
    return qs.distinct().order_by("last_name", "first_name", "pk")


def regie_belasting(user_ids) -> dict[int, int]:
    """Open regie-zaken per klantregisseur."""
    return dict(
        Zaak.objects.filter(klantregisseur_id__in=list(user_ids), einddatum__isnull=True)
        .order_by()
        .values("klantregisseur_id")
        .annotate(n=Count("id"))
        .values_list("klantregisseur_id", "n")
    )


def klantregisseur_kiezen(zaak: Zaak | None = None) -> User | None:
    """The klantregisseur of the responsible klantregie team with the fewest open regie-zaken
    (ties: the one registered first). The candidates' rows are locked first, so two zaken
    appointed at the same moment count each other's appointment."""
    team = klantregieteam(zaak)
    if team is None:
        return None
    ids = list(klantregisseurs(team).values_list("pk", flat=True))
    if not ids:
        return None
    list(User.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))
    belasting = regie_belasting(ids)
    gekozen = min(ids, key=lambda pk: (belasting.get(pk, 0), pk))
    return User.objects.get(pk=gekozen)


def klantregisseur_aanwijzen(*, zaak: Zaak, reden: str) -> User | None:
    """Appoint the least-loaded klantregisseur when the zaak has none. When nobody can be
    appointed the zaak goes on without one and the trail says why, so that a teamleider can
    appoint someone by hand; intake never fails on it."""
    zaak = Zaak.objects.select_related("zaaktype", "klantregisseur").get(pk=zaak.pk)
    if zaak.klantregisseur_id:
        return zaak.klantregisseur
    probleem = ""
    regisseur = None
    if not zaak.zaaktype.roltypen.filter(
        omschrijving_generiek=RolOmschrijving.ZAAKCOORDINATOR
    ).exists():
        probleem = "Het zaaktype kent geen rol zaakcoördinator."
    else:
        regisseur = klantregisseur_kiezen(zaak)
        if regisseur is None:
            probleem = "Er is geen klantregisseur beschikbaar in een klantregieteam."
    if regisseur is None:
        audit_log(
            flow_actor(),
            actie=AuditRecord.Actie.WIJZIGEN,
            obj=zaak,
            zaak=zaak,
            actie_weergave="Klantregie nodig, geen klantregisseur aangewezen",
            toelichting=f"{reden} {probleem} Wijs handmatig een klantregisseur aan.",
        )
        return None
    zaken_services.zaak_klantregisseur_set(
        actor=flow_actor(), zaak=zaak, klantregisseur=regisseur, reden=reden
    )
    return regisseur


def mag_escaleren(user, zaak: Zaak) -> bool:
    """A member of a 2e-lijn team, or whoever holds the zaak's beoordeling, may ask for a
    klantregisseur."""
    return _is_tweede_lijn(user, zaak)


def _is_tweede_lijn(user, zaak: Zaak) -> bool:
    if Team.objects.filter(pk__in=user.team_ids, lijn=Lijn.TWEEDE).exists():
        return True
    return Taak.objects.filter(
        zaak=zaak, stap=Stap.BEOORDELING, status__in=OPEN_STATUSSEN, owner=user
    ).exists()


@transaction.atomic
def zaak_klantregie_escaleren(
    *, actor: Actor, zaak: Zaak, reden: str, toelichting: str = ""
) -> User:
    """A 2e-lijn medewerker (or whoever assesses the zaak) asks for a klantregisseur."""
    require(actor, "zaken.bijwerken", zaak=zaak)
    if reden not in ESCALATIE_REDENEN:
        raise DomainError("Kies waarom deze zaak klantregie nodig heeft.", field="reden")
    toelichting = (toelichting or "").strip()
    if reden == "anders" and not toelichting:
        raise DomainError("Licht toe waarom deze zaak klantregie nodig heeft.", field="toelichting")
    if len(toelichting) > 500:
        raise DomainError("De toelichting mag hoogstens 500 tekens lang zijn.", field="toelichting")
    if not actor.systeem and not _is_tweede_lijn(actor.user, zaak):
        raise NotAllowed(
            "Alleen de 2e lijn (of wie de zaak beoordeelt) kan een klantregisseur inschakelen."
        )
    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    if zaak.einddatum is not None:
        raise DomainError("Deze zaak is afgesloten.", code="zaak-afgesloten")
    if zaak.klantregisseur_id:
        raise DomainError(
            f"Deze zaak heeft al een klantregisseur: {zaak.klantregisseur}.",
            code="al-klantregie",
        )
    tekst = ESCALATIE_REDENEN[reden] + (f": {toelichting}" if toelichting else "")
    with namens(actor):
        regisseur = klantregisseur_aanwijzen(zaak=zaak, reden=f"Escalatie: {tekst}")
    if regisseur is None:
        raise DomainError(
            "Er is nu geen klantregisseur beschikbaar. Neem contact op met het klantregieteam.",
            code="geen-klantregisseur",
        )
    return regisseur


@transaction.atomic
def klantregisseur_wijzigen(*, actor: Actor, zaak: Zaak, klantregisseur: User, reden: str) -> Zaak:
    """A teamleider appoints another klantregisseur (of a klantregie team). An API application
    may do so with `zaken.bijwerken` on the zaak (it has no teamleider; the same rules apply)."""
    if actor.autorisatie is not None and not actor.systeem:
        require(actor, "zaken.bijwerken", zaak=zaak)
    elif not actor.systeem and not (
        actor.user is not None and actor.user.has_perm("processen.klantregisseur_wijzigen")
    ):
        require(actor, "zaken.lezen", zaak=zaak)
        raise NotAllowed("Alleen een teamleider kan een andere klantregisseur aanwijzen.")
    reden = (reden or "").strip()
    if not reden:
        raise DomainError("Geef een reden op voor de wijziging.", field="reden")
    if len(reden) > 500:
        raise DomainError("De reden mag hoogstens 500 tekens lang zijn.", field="reden")
    if klantregisseur is None or not klantregisseurs().filter(pk=klantregisseur.pk).exists():
        raise DomainError("Kies een klantregisseur uit een klantregieteam.", field="klantregisseur")
    return zaken_services.zaak_klantregisseur_set(
        actor=actor, zaak=zaak, klantregisseur=klantregisseur, reden=reden
    )
