"""The PIP's read path. Everything starts from the logged-in identity (BSN or KvK-nummer) through
zaken.selectors.zaken_voor_betrokkene: a zaak of somebody else is indistinguishable from one that
does not exist (NotFound). Pages run a fixed number of queries whatever the number of zaken."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Q, QuerySet

from core.errors import NotFound
from klantregie.models import Vraag
from klantregie.selectors import vragen_voor_betrokkene
from pip.identiteit import PipIdentiteit
from pip.models import Notificatievoorkeur
from zaken.models import (
    Informatieobjecttype,
    Rol,
    RolOmschrijving,
    Status,
    Statustype,
    Zaak,
    ZaakDocument,
    Zaaktype,
)
from zaken.selectors import zaaktypen_geldig, zaken_voor_betrokkene

NIET_GEVONDEN = "Deze zaak bestaat niet, of u heeft er geen toegang toe."
AANVRAGER_ROLLEN = (RolOmschrijving.INITIATOR, RolOmschrijving.MEDE_INITIATOR)


# --- mijn zaken --------------------------------------------------------------------------------
def mijn_zaken(identiteit: PipIdentiteit, *, status: str = "", zoek: str = "") -> QuerySet[Zaak]:
    """The zaken of this burger or business, newest first. `status`: "lopend" | "afgerond" | ""
    (all); `zoek`: part of the zaaknummer, the omschrijving or the name of the zaaktype."""
    qs = zaken_voor_betrokkene(**identiteit.betrokkene)
    if status == "lopend":
        qs = qs.filter(einddatum__isnull=True)
    elif status == "afgerond":
        qs = qs.filter(einddatum__isnull=False)
    zoek = (zoek or "").strip()
    if zoek:
        qs = qs.filter(
            Q(identificatie__icontains=zoek)
            | Q(omschrijving__icontains=zoek)
            | Q(zaaktype__publiek_omschrijving__icontains=zoek)
        )
    return qs.select_related("zaaktype", "statustype").order_by("-startdatum", "-id")


def mijn_zaak(identiteit: PipIdentiteit, uuid) -> Zaak:
    zaak = (
        zaken_voor_betrokkene(**identiteit.betrokkene)
        .select_related(
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
        raise NotFound(NIET_GEVONDEN)
    return zaak


def is_aanvrager(identiteit: PipIdentiteit, zaak: Zaak) -> bool:
    """Documents and uploads are for the aanvrager (initiator or mede-initiator) only; other
    betrokkenen (a belanghebbende neighbour) see the zaak's progress, not its documents."""
    rollen = Rol.objects.filter(zaak_id=zaak.pk, omschrijving_generiek__in=AANVRAGER_ROLLEN)
    if identiteit.is_burger:
        rollen = rollen.filter(bsn=identiteit.bsn)
    else:
        rollen = rollen.filter(kvk_nummer=identiteit.kvk_nummer)
    velden = rollen.values_list("bsn", "kvk_nummer", "vestigingsnummer")
    return any(
        identiteit.past_bij_rol(Rol(bsn=b, kvk_nummer=k, vestigingsnummer=v)) for b, k, v in velden
    )


# --- zaak detail -------------------------------------------------------------------------------
@dataclass
class Stap:
    titel: str
    tekst: str
    datum: datetime | None = None
    huidig: bool = False


@dataclass
class Contact:
    rol: str
    naam: str
    telefoon: str = ""
    email: str = ""
    soort: str = "gemeente"  # "klantregisseur" | "team" | "gemeente"


@dataclass
class ZaakDetail:
    zaak: Zaak
    stappen: list[Stap]
    volgende: Stap | None
    contact: Contact
    aanvrager: bool
    documenten: list[ZaakDocument] = field(default_factory=list)
    besluiten: list[ZaakDocument] = field(default_factory=list)
    uploadtypen: list[Informatieobjecttype] = field(default_factory=list)
    vragen: list[Vraag] = field(default_factory=list)

    @property
    def actie_nodig(self) -> bool:
        return actie_nodig(self.zaak)

    @property
    def max_vragen(self) -> int:
        return VRAGEN_BIJ_ZAAK


def actie_nodig(zaak: Zaak) -> bool:
    return bool(
        zaak.einddatum is None
        and zaak.opschorting_indicatie
        and zaak.opschorting_wacht_op_aanvrager
    )


def _is_besluit(iot: Informatieobjecttype) -> bool:
    return "besluit" in f"{iot.informatieobjectcategorie} {iot.omschrijving}".lower()


def zaak_detail(identiteit: PipIdentiteit, uuid) -> ZaakDetail:
    zaak = mijn_zaak(identiteit, uuid)
    historie = list(
        Status.objects.filter(zaak=zaak)
        .select_related("statustype")
        .order_by("datum_status_gezet", "id")
    )
    stappen = [
        Stap(
            titel=s.statustype.omschrijving,
            tekst=s.statustype.statustekst,
            datum=s.datum_status_gezet,
            huidig=(i == len(historie) - 1),
        )
        for i, s in enumerate(historie)
    ]
    volgende = None
    if zaak.einddatum is None and zaak.statustype_id:
        st = (
            Statustype.objects.filter(
                zaaktype_id=zaak.zaaktype_id, volgnummer__gt=zaak.statustype.volgnummer
            )
            .order_by("volgnummer")
            .first()
        )
        if st is not None:
            volgende = Stap(titel=st.omschrijving, tekst=st.statustekst)
    aanvrager = is_aanvrager(identiteit, zaak)
    documenten, besluiten, uploadtypen = [], [], []
    if aanvrager:
        for link in (
            ZaakDocument.objects.filter(zaak=zaak, document__zichtbaar_voor_initiator=True)
            .select_related("document__informatieobjecttype")
            .order_by("-registratiedatum", "-id")
        ):
            (besluiten if _is_besluit(link.document.informatieobjecttype) else documenten).append(
                link
            )
        if zaak.einddatum is None:
            uploadtypen = list(uploadtypen_voor(zaak.zaaktype))
    return ZaakDetail(
        zaak=zaak,
        stappen=stappen,
        volgende=volgende,
        contact=contact_voor(zaak),
        aanvrager=aanvrager,
        documenten=documenten,
        besluiten=besluiten,
        uploadtypen=uploadtypen,
        vragen=list(mijn_vragen(identiteit).filter(zaak=zaak)[:VRAGEN_BIJ_ZAAK]),
    )


def contact_voor(zaak: Zaak) -> Contact:
    """The requester's contact: the klantregisseur, else the behandelend team, else the
    municipality's general number."""
    regisseur = zaak.klantregisseur
    team = zaak.behandelend_team
    if regisseur is not None:
        return Contact(
            rol="Uw vaste contactpersoon (klantregisseur)",
            naam=regisseur.get_full_name() or regisseur.username,
            telefoon=regisseur.telefoon
            or (team.telefoon if team else "")
            or settings.GEMEENTE_TELEFOON,
            email=regisseur.email,
            soort="klantregisseur",
        )
    if team is not None:
        return Contact(
            rol="Het team dat uw zaak behandelt",
            naam=f"Team {team.naam}",
            telefoon=team.telefoon or settings.GEMEENTE_TELEFOON,
            email=team.email or settings.GEMEENTE_EMAIL,
            soort="team",
        )
    return Contact(
        rol="De gemeente",
        naam=settings.GEMEENTE_NAAM,
        telefoon=settings.GEMEENTE_TELEFOON,
        email=settings.GEMEENTE_EMAIL,
    )


def uploadtypen_voor(zaaktype: Zaaktype) -> QuerySet[Informatieobjecttype]:
    """The document types a requester may add to a zaak of this zaaktype."""
    return Informatieobjecttype.objects.filter(
        zaaktype_links__zaaktype=zaaktype, zaaktype_links__upload_door_aanvrager=True
    ).order_by("zaaktype_links__volgnummer", "omschrijving")


def mijn_document(identiteit: PipIdentiteit, zaak_uuid, document_uuid) -> ZaakDocument:
    zaak = mijn_zaak(identiteit, zaak_uuid)
    if not is_aanvrager(identiteit, zaak):
        raise NotFound(NIET_GEVONDEN)
    link = (
        ZaakDocument.objects.select_related("document", "zaak")
        .filter(zaak=zaak, document__uuid=document_uuid, document__zichtbaar_voor_initiator=True)
        .first()
    )
    if link is None:
        raise NotFound(NIET_GEVONDEN)
    return link


# --- mijn vragen -------------------------------------------------------------------------------
VRAGEN_BIJ_ZAAK = 20
VRAAG_NIET_GEVONDEN = "Deze vraag bestaat niet, of u heeft er geen toegang toe."


def mijn_vragen(identiteit: PipIdentiteit) -> QuerySet[Vraag]:
    """The questions this burger or business asked on the PIP, newest first, with their answers
    (klantregie keeps them; its selector carries the rule of who sees which question)."""
    return vragen_voor_betrokkene(**identiteit.betrokkene)


def mijn_vraag(identiteit: PipIdentiteit, uuid) -> Vraag:
    vraag = mijn_vragen(identiteit).filter(uuid=uuid).first()
    if vraag is None:
        raise NotFound(VRAAG_NIET_GEVONDEN)
    return vraag


# --- online aanvragen --------------------------------------------------------------------------
def aanvraagbare_zaaktypen() -> QuerySet[Zaaktype]:
    return zaaktypen_geldig().filter(aanvraagbaar_via_pip=True).order_by("publiek_omschrijving")


def aanvraagbaar_zaaktype(identificatie: str) -> Zaaktype:
    zaaktype = (
        aanvraagbare_zaaktypen()
        .filter(identificatie=identificatie)
        .order_by("-begin_geldigheid")
        .first()
    )
    if zaaktype is None:
        raise NotFound("Deze aanvraag kunt u niet online doen.")
    return zaaktype


# --- the requester's details -------------------------------------------------------------------
def klant_voor(identiteit: PipIdentiteit):
    """The municipality's klant record for this identity (klantregie), if there is one."""
    from klantregie.models import Klant

    if identiteit.is_burger:
        return Klant.objects.filter(bsn=identiteit.bsn).first()
    return (
        Klant.objects.filter(kvk_nummer=identiteit.kvk_nummer)
        .filter(vestigingsnummer__in=["", identiteit.vestigingsnummer])
        .order_by("-vestigingsnummer")
        .first()
    )


def voorkeur_voor(identiteit: PipIdentiteit) -> Notificatievoorkeur | None:
    if identiteit.is_burger:
        return Notificatievoorkeur.objects.filter(bsn=identiteit.bsn).first()
    return Notificatievoorkeur.objects.filter(
        kvk_nummer=identiteit.kvk_nummer, vestigingsnummer=identiteit.vestigingsnummer
    ).first()
