"""The read path for zaken. Every selector carries its authorisation: a zaak the caller may
not see is indistinguishable from one that does not exist (NotFound). Lists fetch what a page
needs in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from core.errors import NotFound
from core.vertrouwelijkheid import tot_en_met
from zaken.models import Rol, RolOmschrijving, Status, Zaak, ZaakDocument, Zaaktype
from zaken.permissions import BEPERKT, VOLLEDIG, team_scope_q, toegang_medewerker


def _initiator_prefetch() -> Prefetch:
    return Prefetch(
        "rollen",
        queryset=Rol.objects.filter(omschrijving_generiek=RolOmschrijving.INITIATOR).order_by("id"),
        to_attr="initiators",
    )


def zaken_zichtbaar_voor_medewerker(user) -> QuerySet[Zaak]:
    """Every zaak whose existence the medewerker may know about. Zaken above the user's
    maximum vertrouwelijkheid are only included for roles that see all zaken (the KCC), and the
    pages show those in the restricted form (existence, zaaktype, status)."""
    if (
        not user.is_authenticated
        or not getattr(user, "is_medewerker", False)
        or not user.has_perm("zaken.lezen")
    ):
        return Zaak.objects.none()
    qs = Zaak.objects.all()
    if not user.has_perm("zaken.alle-zaken-inzien"):
        qs = qs.filter(team_scope_q(user)).filter(
            vertrouwelijkheidaanduiding__in=tot_en_met(user.max_vertrouwelijkheid)
        )
    return qs


@dataclass
class ZaakFilters:
    zaaktype: str = ""  # identificatie
    statustype: str = ""  # omschrijving of the current status
    team: int | None = None
    open: str = "open"  # open | gesloten | alle
    deadline: str = ""  # te_laat | binnenkort | op_tijd
    zoek: str = ""  # identificatie (exact or prefix) or omschrijving
    binnenkort_dagen: int = 5


def zaken_lijst_voor_medewerker(user, filters: ZaakFilters | None = None) -> QuerySet[Zaak]:
    """The staff zaak list: filtered, sorted by deadline, with what each row shows."""
    filters = filters or ZaakFilters()
    qs = zaken_zichtbaar_voor_medewerker(user)
    if filters.open == "open":
        qs = qs.filter(einddatum__isnull=True)
    elif filters.open == "gesloten":
        qs = qs.filter(einddatum__isnull=False)
    if filters.zaaktype:
        qs = qs.filter(zaaktype__identificatie=filters.zaaktype)
    if filters.statustype:
        qs = qs.filter(statustype__omschrijving=filters.statustype)
    if filters.team:
        qs = qs.filter(behandelend_team_id=filters.team)
    today = timezone.localdate()
    if filters.deadline == "te_laat":
        qs = qs.filter(einddatum__isnull=True, uiterlijke_einddatum_afdoening__lt=today)
    elif filters.deadline == "binnenkort":
        qs = qs.filter(
            einddatum__isnull=True,
            uiterlijke_einddatum_afdoening__gte=today,
            uiterlijke_einddatum_afdoening__lte=today + timedelta(days=filters.binnenkort_dagen),
        )
    elif filters.deadline == "op_tijd":
        qs = qs.filter(
            uiterlijke_einddatum_afdoening__gt=today + timedelta(days=filters.binnenkort_dagen)
        )
    if filters.zoek:
        term = filters.zoek.strip()
        qs = qs.filter(Q(identificatie__istartswith=term) | Q(omschrijving__icontains=term))
    return (
        qs.select_related("zaaktype", "statustype", "behandelend_team", "klantregisseur")
        .prefetch_related(_initiator_prefetch())
        .order_by("uiterlijke_einddatum_afdoening", "id")
    )


def zaak_voor_medewerker(user, uuid) -> tuple[Zaak, str]:
    """The zaak with the user's level of access (VOLLEDIG or BEPERKT), or NotFound."""
    zaak = (
        Zaak.objects.select_related(
            "zaaktype",
            "statustype",
            "behandelend_team",
            "klantregisseur",
            "resultaat__resultaattype",
        )
        .filter(uuid=uuid)
        .first()
    )
    if zaak is None:
        raise NotFound("Deze zaak bestaat niet of u heeft er geen toegang toe.")
    toegang = toegang_medewerker(user, zaak)
    if toegang is None:
        raise NotFound("Deze zaak bestaat niet of u heeft er geen toegang toe.")
    return zaak, toegang


def zaak_detail_voor_medewerker(user, uuid) -> tuple[Zaak, str]:
    """The zaak detail page: status history, rollen, documents, notes, opschortingen. Related
    rows are prefetched only when the user may see the content."""
    zaak, toegang = zaak_voor_medewerker(user, uuid)
    statussen = (
        Status.objects.filter(zaak=zaak)
        .select_related("statustype")
        .order_by("datum_status_gezet", "id")
    )
    zaak.statushistorie = list(statussen)
    if toegang == VOLLEDIG:
        zaak.rollen_lijst = list(
            zaak.rollen.select_related("medewerker", "team", "klant").order_by("id")
        )
        zaak.documenten_lijst = list(
            ZaakDocument.objects.filter(zaak=zaak)
            .select_related("document__informatieobjecttype")
            .order_by("-registratiedatum")
        )
        zaak.notities_lijst = list(zaak.notities.order_by("-aangemaakt"))
        zaak.opschortingen_lijst = list(zaak.opschortingen.order_by("begindatum"))
        zaak.eigenschappen_lijst = list(zaak.eigenschappen.order_by("naam"))
    return zaak, toegang


def zaak_document_voor_medewerker(user, zaak_uuid, document_uuid) -> ZaakDocument:
    zaak, toegang = zaak_voor_medewerker(user, zaak_uuid)
    if toegang != VOLLEDIG:
        raise NotFound()
    link = (
        ZaakDocument.objects.select_related("document")
        .filter(zaak=zaak, document__uuid=document_uuid)
        .first()
    )
    if link is None:
        raise NotFound()
    return link


# --- requesters (PIP) ---------------------------------------------------------------------------
def betrokkene_q(*, bsn: str = "", kvk_nummer: str = "", vestigingsnummer: str = "") -> Q:
    """Zaken in which this BSN, or this KvK-nummer (and vestiging), is a betrokkene. An empty
    identifier matches nothing."""
    if bsn:
        rollen = Rol.objects.filter(zaak_id=OuterRef("pk"), bsn=bsn)
    elif kvk_nummer:
        rollen = Rol.objects.filter(zaak_id=OuterRef("pk"), kvk_nummer=kvk_nummer)
        if vestigingsnummer:
            rollen = rollen.filter(Q(vestigingsnummer=vestigingsnummer) | Q(vestigingsnummer=""))
    else:
        return Q(pk__in=[])
    return Q(Exists(rollen))


def zaken_voor_betrokkene(
    *, bsn: str = "", kvk_nummer: str = "", vestigingsnummer: str = ""
) -> QuerySet[Zaak]:
    return Zaak.objects.filter(
        betrokkene_q(bsn=bsn, kvk_nummer=kvk_nummer, vestigingsnummer=vestigingsnummer)
    )


# --- catalogue ----------------------------------------------------------------------------------
def zaaktypen_geldig(op: date | None = None) -> QuerySet[Zaaktype]:
    """Published zaaktypen valid on `op` (default today): the ones to start zaken with."""
    op = op or timezone.localdate()
    return (
        Zaaktype.objects.filter(concept=False, begin_geldigheid__lte=op)
        .filter(Q(einde_geldigheid__isnull=True) | Q(einde_geldigheid__gte=op))
        .order_by("omschrijving")
    )


def zaaktype_actueel(identificatie: str, op: date | None = None) -> Zaaktype:
    zaaktype = (
        zaaktypen_geldig(op)
        .filter(identificatie=identificatie)
        .order_by("-begin_geldigheid")
        .first()
    )
    if zaaktype is None:
        raise NotFound(f"Er is geen geldig zaaktype '{identificatie}'.")
    return zaaktype


def deadline_signaal(zaak: Zaak, today: date | None = None, binnenkort_dagen: int = 5) -> str:
    """'afgesloten', 'te_laat', 'binnenkort' or 'op_tijd' for the uiterlijke einddatum."""
    if zaak.einddatum:
        return "afgesloten"
    if zaak.opschorting_indicatie:
        return "opgeschort"
    today = today or timezone.localdate()
    deadline = zaak.uiterlijke_einddatum_afdoening
    if deadline is None:
        return "op_tijd"
    if deadline < today:
        return "te_laat"
    if deadline <= today + timedelta(days=binnenkort_dagen):
        return "binnenkort"
    return "op_tijd"


__all__ = [
    "BEPERKT",
    "VOLLEDIG",
    "ZaakFilters",
    "betrokkene_q",
    "deadline_signaal",
    "zaak_detail_voor_medewerker",
    "zaak_document_voor_medewerker",
    "zaak_voor_medewerker",
    "zaaktype_actueel",
    "zaaktypen_geldig",
    "zaken_lijst_voor_medewerker",
    "zaken_voor_betrokkene",
    "zaken_zichtbaar_voor_medewerker",
]
