"""Who may do what with a zaak. Services call `require`; selectors use `toegang_medewerker`.

Rules:
- the system may do everything;
- an API application has ZGW authorisations (scope per zaaktype up to a maximum
  vertrouwelijkheidaanduiding), asked through `Actor.may`;
- a burger or ondernemer (PIP) may only act on zaken in which their BSN / KvK-nummer is a
  betrokkene, and only do what the PIP offers;
- a medewerker needs the Django permission named after the scope, must be able to see the zaak
  (team or "alle zaken inzien") and the zaak must not be above their maximum
  vertrouwelijkheidaanduiding."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from core.actor import Actor
from core.errors import NotAllowed, NotFound
from core.vertrouwelijkheid import rang

VOLLEDIG = "volledig"
BEPERKT = "beperkt"  # existence, zaaktype and status only (e.g. the KCC for a confidential zaak)

PIP_SCOPES = {"zaken.lezen", "zaken.aanmaken", "zaken.documenten.toevoegen", "zaken.vragen.stellen"}


def team_scope_q(user) -> Q:
    """The zaken a medewerker without "alle zaken inzien" may see: those of their teams."""
    from zaken.models import Rol, Zaaktype

    team_ids = user.team_ids
    zaaktype_ids = Zaaktype.objects.filter(betrokken_teams__in=team_ids).values("id")
    return (
        Q(behandelend_team_id__in=team_ids)
        | Q(zaaktype_id__in=zaaktype_ids)
        | Q(klantregisseur_id=user.pk)
        | Exists(Rol.objects.filter(zaak_id=OuterRef("pk"), medewerker_id=user.pk))
    )


def toegang_medewerker(user, zaak) -> str | None:
    """VOLLEDIG, BEPERKT or None (the zaak does not exist for this user)."""
    if (
        user is None
        or not user.is_authenticated
        or not user.is_medewerker
        or not user.has_perm("zaken.lezen")
    ):
        return None
    alle = user.has_perm("zaken.alle-zaken-inzien")
    if not alle:
        from zaken.models import Zaak

        if not Zaak.objects.filter(team_scope_q(user), pk=zaak.pk).exists():
            return None
    if rang(zaak.vertrouwelijkheidaanduiding) <= rang(user.max_vertrouwelijkheid):
        return VOLLEDIG
    return BEPERKT if alle else None


def is_betrokkene(actor: Actor, zaak) -> bool:
    rollen = zaak.rollen.all()
    if actor.bsn:
        return rollen.filter(bsn=actor.bsn).exists()
    if actor.kvk_nummer:
        qs = rollen.filter(kvk_nummer=actor.kvk_nummer)
        if actor.vestigingsnummer:
            qs = qs.filter(Q(vestigingsnummer=actor.vestigingsnummer) | Q(vestigingsnummer=""))
        return qs.exists()
    return False


def require(
    actor: Actor, scope: str, *, zaak=None, zaaktype=None, vertrouwelijkheidaanduiding=None
) -> None:
    """Raise NotFound when the actor may not know the zaak exists, NotAllowed when it may see it
    but not do `scope`."""
    if actor.systeem:
        return
    if zaak is not None:
        zaaktype = zaak.zaaktype
        vertrouwelijkheidaanduiding = zaak.vertrouwelijkheidaanduiding
    if actor.autorisatie is not None:
        if zaak is not None and not actor.may(
            "zaken.lezen",
            zaaktype=zaaktype,
            vertrouwelijkheidaanduiding=vertrouwelijkheidaanduiding,
        ):
            raise NotFound()
        if not actor.may(
            scope, zaaktype=zaaktype, vertrouwelijkheidaanduiding=vertrouwelijkheidaanduiding
        ):
            raise NotAllowed()
        return
    if actor.bsn or actor.kvk_nummer:
        if zaak is not None and not is_betrokkene(actor, zaak):
            raise NotFound()
        if scope not in PIP_SCOPES:
            raise NotAllowed()
        if scope == "zaken.aanmaken" and zaaktype is not None and not zaaktype.aanvraagbaar_via_pip:
            raise NotAllowed("Dit soort aanvraag kunt u niet online doen.")
        return
    user = actor.user
    if user is None or not getattr(user, "is_medewerker", False) or not user.is_active:
        raise NotAllowed()
    if zaak is not None:
        toegang = toegang_medewerker(user, zaak)
        if toegang is None:
            raise NotFound()
        if toegang != VOLLEDIG and scope != "zaken.lezen":
            raise NotAllowed("Deze zaak is vertrouwelijker dan u mag inzien of wijzigen.")
    elif vertrouwelijkheidaanduiding is not None and rang(vertrouwelijkheidaanduiding) > rang(
        user.max_vertrouwelijkheid
    ):
        raise NotAllowed("Deze vertrouwelijkheid is hoger dan u mag inzien.")
    if not user.has_perm(scope):
        raise NotAllowed()
