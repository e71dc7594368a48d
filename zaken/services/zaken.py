"""Services for zaken: create, status, close, reopen, opschorten, hervatten, verlengen, rollen,
eigenschappen, notities."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone

from core import events
from core.actor import Actor
from core.audit import audit_log
from core.errors import DomainError
from core.models import AuditRecord
from core.validators import (
    validate_bsn,
    validate_kvk_nummer,
    validate_rsin,
    validate_vestigingsnummer,
)
from core.vertrouwelijkheid import Vertrouwelijkheid
from zaken.kalender import Duur, get_kalender
from zaken.models import (
    Afleidingswijze,
    BetrokkeneType,
    Eigenschap,
    IdentificatieTeller,
    Kanaal,
    Notitie,
    Opschorting,
    Resultaat,
    Resultaattype,
    Rol,
    RolOmschrijving,
    Roltype,
    Status,
    Statustype,
    Zaak,
    ZaakEigenschap,
    Zaaktype,
)
from zaken.permissions import require

A = AuditRecord.Actie


# --- betrokkenen --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Betrokkene:
    """Who plays a role at a zaak (ZGW betrokkene). Build one with the class methods."""

    type: str
    naam: str = ""
    bsn: str = ""
    kvk_nummer: str = ""
    vestigingsnummer: str = ""
    rsin: str = ""
    klant: object | None = None
    medewerker: object | None = None
    team: object | None = None
    identificatie: dict = field(default_factory=dict)
    contactpersoon: dict = field(default_factory=dict)

    @classmethod
    def persoon(cls, bsn: str, naam: str = "", klant=None, **identificatie) -> Betrokkene:
        return cls(
            BetrokkeneType.NATUURLIJK_PERSOON,
            naam=naam,
            bsn=bsn,
            klant=klant,
            identificatie=identificatie,
        )

    @classmethod
    def organisatie(
        cls,
        kvk_nummer: str = "",
        naam: str = "",
        vestigingsnummer: str = "",
        rsin: str = "",
        klant=None,
    ) -> Betrokkene:
        soort = (
            BetrokkeneType.VESTIGING if vestigingsnummer else BetrokkeneType.NIET_NATUURLIJK_PERSOON
        )
        return cls(
            soort,
            naam=naam,
            kvk_nummer=kvk_nummer,
            vestigingsnummer=vestigingsnummer,
            rsin=rsin,
            klant=klant,
        )

    @classmethod
    def van_klant(cls, klant) -> Betrokkene:
        if klant.soort == "organisatie":
            return cls.organisatie(
                klant.kvk_nummer,
                klant.bedrijfsnaam,
                klant.vestigingsnummer,
                klant.rsin,
                klant=klant,
            )
        return cls.persoon(klant.bsn or "", klant.naam, klant=klant)

    @classmethod
    def van_medewerker(cls, user) -> Betrokkene:
        return cls(
            BetrokkeneType.MEDEWERKER, naam=user.get_full_name() or user.username, medewerker=user
        )

    @classmethod
    def van_team(cls, team) -> Betrokkene:
        return cls(BetrokkeneType.ORGANISATORISCHE_EENHEID, naam=team.naam, team=team)

    def validate(self) -> None:
        checks = [
            (self.bsn, validate_bsn, "bsn"),
            (self.kvk_nummer, validate_kvk_nummer, "kvk_nummer"),
            (self.vestigingsnummer, validate_vestigingsnummer, "vestigingsnummer"),
            (self.rsin, validate_rsin, "rsin"),
        ]
        for value, validator, veld in checks:
            if value:
                try:
                    validator(value)
                except ValidationError as exc:
                    raise DomainError(exc.messages[0], code="invalid", field=veld) from exc
        if (
            self.type == BetrokkeneType.MEDEWERKER
            and self.medewerker is None
            and not self.identificatie
        ):
            raise DomainError("Kies de medewerker.", field="medewerker")
        if (
            self.type == BetrokkeneType.ORGANISATORISCHE_EENHEID
            and self.team is None
            and not self.identificatie
        ):
            raise DomainError("Kies het team.", field="team")
        if self.type == BetrokkeneType.NATUURLIJK_PERSOON and not (
            self.bsn or self.naam or self.identificatie
        ):
            raise DomainError("Vul het BSN of de naam van de persoon in.", field="bsn")
        if self.type in (BetrokkeneType.NIET_NATUURLIJK_PERSOON, BetrokkeneType.VESTIGING) and not (
            self.kvk_nummer or self.rsin or self.naam or self.identificatie
        ):
            raise DomainError(
                "Vul het KvK-nummer of de naam van de organisatie in.", field="kvk_nummer"
            )


# --- helpers ------------------------------------------------------------------------------------
def _lock(zaak: Zaak) -> Zaak:
    return Zaak.objects.select_related("zaaktype").select_for_update(of=("self",)).get(pk=zaak.pk)


def _require_open(zaak: Zaak, actor: Actor) -> None:
    if zaak.einddatum is not None:
        try:
            require(actor, "zaken.geforceerd-bijwerken", zaak=zaak)
        except DomainError as exc:
            raise type(exc)(
                "Deze zaak is afgesloten en kan niet meer worden gewijzigd. Heropen de zaak eerst.",
                code="zaak-afgesloten",
            ) from exc


def _next_identificatie(bronorganisatie: str, jaar: int) -> str:
    IdentificatieTeller.objects.bulk_create(
        [IdentificatieTeller(bronorganisatie=bronorganisatie, jaar=jaar)], ignore_conflicts=True
    )
    teller = IdentificatieTeller.objects.filter(bronorganisatie=bronorganisatie, jaar=jaar)
    teller.update(laatste=F("laatste") + 1)  # holds the row lock until our transaction commits
    nummer = teller.values_list("laatste", flat=True).get()
    return f"ZAAK-{jaar}-{nummer:010d}"


def _eindstatustype(zaaktype: Zaaktype) -> Statustype | None:
    return zaaktype.statustypen.order_by("-volgnummer").first()


def _zaak_snapshot(zaak: Zaak, fields) -> dict:
    return {f: getattr(zaak, f) for f in fields}


DEADLINE_FIELDS = ("einddatum_gepland", "uiterlijke_einddatum_afdoening")


# --- create -------------------------------------------------------------------------------------
@transaction.atomic
def zaak_create(
    *,
    actor: Actor,
    zaaktype: Zaaktype,
    omschrijving: str = "",
    toelichting: str = "",
    startdatum: date | None = None,
    registratiedatum: date | None = None,
    kanaal: str = Kanaal.INTERN,
    bronorganisatie: str | None = None,
    verantwoordelijke_organisatie: str | None = None,
    identificatie: str | None = None,
    vertrouwelijkheidaanduiding: str | None = None,
    initiator: Betrokkene | None = None,
    behandelend_team=None,
    politiek_gevoelig: bool = False,
    eigenschappen: dict[str, str] | None = None,
    hoofdzaak: Zaak | None = None,
    extra: dict | None = None,
    einddatum_gepland: date | None = None,
    uiterlijke_einddatum_afdoening: date | None = None,
) -> Zaak:
    """Register a new zaak of a published zaaktype, with its initial status and its deadlines
    computed through the term calendar. A caller that sends the deadlines it expects
    (`einddatum_gepland`, `uiterlijke_einddatum_afdoening`, e.g. a ZGW client) is refused when they
    differ from the computed ones: deadlines are computed, never set."""
    vertrouwelijkheid = vertrouwelijkheidaanduiding or zaaktype.vertrouwelijkheidaanduiding
    if vertrouwelijkheid not in Vertrouwelijkheid.values:
        raise DomainError(
            "Kies een geldige vertrouwelijkheidaanduiding.", field="vertrouwelijkheidaanduiding"
        )
    # Staff may register a zaak above their own level (the KCC takes in a WMO-melding by phone;
    # afterwards they only see that it exists). API clients are bound by their authorisation.
    require(
        actor,
        "zaken.aanmaken",
        zaaktype=zaaktype,
        vertrouwelijkheidaanduiding=vertrouwelijkheid if actor.autorisatie is not None else None,
    )
    if zaaktype.concept:
        raise DomainError(
            "Dit zaaktype is nog een concept. Alleen gepubliceerde zaaktypen kunnen worden gebruikt.",
            code="zaaktype-concept",
            field="zaaktype",
        )
    today = timezone.localdate()
    startdatum = startdatum or today
    if zaaktype.begin_geldigheid > startdatum or (
        zaaktype.einde_geldigheid is not None and zaaktype.einde_geldigheid < startdatum
    ):
        raise DomainError(
            f"Het zaaktype '{zaaktype.omschrijving}' is op {startdatum:%d-%m-%Y} niet geldig.",
            code="zaaktype-niet-geldig",
            field="zaaktype",
        )
    if len(omschrijving) > 80:
        raise DomainError(
            "De omschrijving mag hoogstens 80 tekens lang zijn.", field="omschrijving"
        )
    bronorganisatie = bronorganisatie or settings.GEMEENTE_RSIN
    for veld, waarde in (
        ("bronorganisatie", bronorganisatie),
        ("verantwoordelijke_organisatie", verantwoordelijke_organisatie),
    ):
        if waarde:
            try:
                validate_rsin(waarde)
            except ValidationError as exc:
                raise DomainError(exc.messages[0], field=veld) from exc
    if initiator is not None:
        initiator.validate()
    if hoofdzaak is not None and hoofdzaak.hoofdzaak_id is not None:
        raise DomainError(
            "Een deelzaak kan zelf geen deelzaken hebben.",
            code="deelzaak-als-hoofdzaak",
            field="hoofdzaak",
        )

    kalender = get_kalender()
    eenheid = zaaktype.termijn_eenheid
    uiterlijk = kalender.add_duur(startdatum, zaaktype.doorlooptijd, eenheid)
    gepland = (
        kalender.add_duur(startdatum, zaaktype.servicenorm, eenheid)
        if zaaktype.servicenorm
        else uiterlijk
    )
    for veld, verwacht, berekend in (
        ("einddatum_gepland", einddatum_gepland, gepland),
        ("uiterlijke_einddatum_afdoening", uiterlijke_einddatum_afdoening, uiterlijk),
    ):
        if verwacht is not None and verwacht != berekend:
            raise DomainError(
                "Zaakstroom berekent deze datum uit het zaaktype en de termijnkalender: "
                f"{berekend:%Y-%m-%d}. Laat het veld leeg of weg, of stuur die datum.",
                code="berekend",
                field=veld,
            )

    if identificatie:
        if Zaak.objects.filter(
            bronorganisatie=bronorganisatie, identificatie=identificatie
        ).exists():
            raise DomainError(
                "Deze identificatie is al in gebruik bij deze bronorganisatie.",
                code="identificatie-niet-uniek",
                field="identificatie",
            )
    else:
        identificatie = _next_identificatie(bronorganisatie, startdatum.year)

    extra = dict(extra or {})
    producten_of_diensten_controleren(zaaktype, extra.get("producten_of_diensten"))
    if extra.get("archiefstatus", Zaak.Archiefstatus.NOG_TE_ARCHIVEREN) != (
        Zaak.Archiefstatus.NOG_TE_ARCHIVEREN
    ):
        # zrc-022: a zaak is archived after it was closed, never at registration.
        raise DomainError(
            "Een nieuwe zaak heeft archiefstatus 'nog_te_archiveren'.",
            code="archiefstatus",
            field="archiefstatus",
        )
    zaak = Zaak(
        identificatie=identificatie,
        bronorganisatie=bronorganisatie,
        verantwoordelijke_organisatie=verantwoordelijke_organisatie or bronorganisatie,
        zaaktype=zaaktype,
        omschrijving=omschrijving,
        toelichting=toelichting,
        registratiedatum=registratiedatum or today,
        startdatum=startdatum,
        einddatum_gepland=gepland,
        uiterlijke_einddatum_afdoening=uiterlijk,
        kanaal=kanaal,
        vertrouwelijkheidaanduiding=vertrouwelijkheid,
        politiek_gevoelig=politiek_gevoelig,
        behandelend_team=behandelend_team or zaaktype.verantwoordelijk_team,
        hoofdzaak=hoofdzaak,
        **extra,
    )
    try:
        with transaction.atomic():
            zaak.save()
    except IntegrityError as exc:
        raise DomainError(
            "Deze identificatie is al in gebruik bij deze bronorganisatie.",
            code="identificatie-niet-uniek",
            field="identificatie",
        ) from exc

    audit_log(
        actor,
        actie=A.AANMAKEN,
        obj=zaak,
        zaak=zaak,
        nieuw={
            "zaaktype": zaaktype.omschrijving,
            "kanaal": kanaal,
            "startdatum": startdatum,
            "einddatum_gepland": gepland,
            "uiterlijke_einddatum_afdoening": uiterlijk,
        },
    )
    if initiator is not None:
        rol = _rol_create(zaak, RolOmschrijving.INITIATOR, initiator, "")
        audit_log(
            actor,
            actie=A.AANMAKEN,
            obj=rol,
            zaak=zaak,
            nieuw={
                "rol": rol.omschrijving,
                "betrokkene": initiator.naam or initiator.bsn or initiator.kvk_nummer,
            },
        )
    for naam, waarde in (eigenschappen or {}).items():
        eigenschap = zaaktype.eigenschappen.filter(naam=naam).first()
        if eigenschap is None:
            raise DomainError(f"Het zaaktype kent geen eigenschap '{naam}'.", field="eigenschappen")
        _eigenschap_write(actor, zaak, eigenschap, waarde)
    eerste = zaaktype.statustypen.order_by("volgnummer").first()
    if eerste is not None:
        # A zaak registered with a start date in the past received its first status on that day.
        nu = timezone.localtime()
        ontvangen = (
            nu
            if startdatum >= nu.date()
            else nu.replace(year=startdatum.year, month=startdatum.month, day=startdatum.day)
        )
        _status_add(actor, zaak, eerste, ontvangen, "")
    if politiek_gevoelig:
        events.publish(
            "zaak.politiek_gevoelig", zaak=zaak, actor=actor, reden="Bij de intake gemarkeerd."
        )
    events.publish("zaak.aangemaakt", zaak=zaak, actor=actor)
    return zaak


# --- status, resultaat, close, reopen -----------------------------------------------------------
def _status_add(
    actor: Actor, zaak: Zaak, statustype: Statustype, datum: datetime, toelichting: str
) -> Status:
    user = actor.user if actor.user is not None and getattr(actor.user, "pk", None) else None
    status = Status.objects.create(
        zaak=zaak,
        statustype=statustype,
        datum_status_gezet=datum,
        statustoelichting=toelichting,
        gezet_door=user,
        gezet_door_weergave=actor.display(),
    )
    zaak.status = status
    zaak.statustype = statustype
    zaak.save(update_fields=["status", "statustype", "gewijzigd"])
    audit_log(
        actor,
        actie=A.STATUS,
        obj=status,
        zaak=zaak,
        toelichting=toelichting,
        nieuw={"statustype": statustype.omschrijving, "datum": datum},
    )
    events.publish("zaak.status_gezet", zaak=zaak, status=status, actor=actor)
    return status


def _archiefactiedatum(zaak: Zaak, resultaattype: Resultaattype) -> date | None:
    """zrc-021: brondatum from the afleidingswijze, plus the archiefactietermijn."""
    if not resultaattype.archiefactietermijn:
        return None
    wijze = resultaattype.brondatum_afleidingswijze
    brondatum = None
    if wijze == Afleidingswijze.AFGEHANDELD:
        brondatum = zaak.einddatum
    elif wijze == Afleidingswijze.TERMIJN and resultaattype.brondatum_procestermijn:
        brondatum = get_kalender().add_duur(
            zaak.einddatum, resultaattype.brondatum_procestermijn, naar_werkdag=False
        )
    elif wijze == Afleidingswijze.HOOFDZAAK and zaak.hoofdzaak_id:
        brondatum = zaak.hoofdzaak.einddatum
    elif wijze == Afleidingswijze.EIGENSCHAP and resultaattype.brondatum_datumkenmerk:
        waarde = (
            zaak.eigenschappen.filter(naam=resultaattype.brondatum_datumkenmerk)
            .values_list("waarde", flat=True)
            .first()
        )
        brondatum = _parse_date(waarde)
    elif wijze == Afleidingswijze.GERELATEERDE_ZAAK:
        brondatum = zaak.deelzaken.aggregate(m=Max("einddatum"))["m"]
    if brondatum is None:
        return None
    return get_kalender().add_duur(brondatum, resultaattype.archiefactietermijn, naar_werkdag=False)


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%Y%m%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


@transaction.atomic
def zaak_resultaat_set(
    *, actor: Actor, zaak: Zaak, resultaattype: Resultaattype, toelichting: str = ""
) -> Resultaat:
    zaak = _lock(zaak)
    require(actor, "zaken.bijwerken", zaak=zaak)
    _require_open(zaak, actor)
    if resultaattype.zaaktype_id != zaak.zaaktype_id:
        raise DomainError(
            "Dit resultaat hoort niet bij het zaaktype van de zaak.",
            code="zaaktype-mismatch",
            field="resultaattype",
        )
    bestaand = Resultaat.objects.filter(zaak=zaak).first()
    oud = {"resultaattype": bestaand.resultaattype.omschrijving} if bestaand else None
    if bestaand:
        bestaand.resultaattype = resultaattype
        bestaand.toelichting = toelichting
        bestaand.save(update_fields=["resultaattype", "toelichting"])
        resultaat = bestaand
    else:
        resultaat = Resultaat.objects.create(
            zaak=zaak, resultaattype=resultaattype, toelichting=toelichting
        )
    audit_log(
        actor,
        actie=A.WIJZIGEN if bestaand else A.AANMAKEN,
        obj=resultaat,
        zaak=zaak,
        oud=oud,
        nieuw={"resultaattype": resultaattype.omschrijving, "toelichting": toelichting},
    )
    return resultaat


@transaction.atomic
def zaak_status_set(
    *,
    actor: Actor,
    zaak: Zaak,
    statustype: Statustype,
    datum: datetime | None = None,
    toelichting: str = "",
    heropenen: bool = False,
) -> Status:
    """Set a status. The end status (highest volgnummer) needs a resultaat and closes the zaak.
    On a closed zaak a status is only set with `heropenen=True` and the right to reopen."""
    zaak = _lock(zaak)
    require(actor, "zaken.statussen.toevoegen", zaak=zaak)
    if statustype.zaaktype_id != zaak.zaaktype_id:
        raise DomainError(
            f"De status '{statustype.omschrijving}' hoort niet bij het zaaktype '{zaak.zaaktype.omschrijving}'.",
            code="zaaktype-mismatch",
            field="statustype",
        )
    eind = _eindstatustype(zaak.zaaktype)
    is_eind = eind is not None and statustype.pk == eind.pk
    if zaak.einddatum is not None:
        if not heropenen:
            raise DomainError(
                "Deze zaak is afgesloten. Heropen de zaak eerst als u de status wilt wijzigen.",
                code="zaak-afgesloten",
                field="statustype",
            )
        _reopen(actor, zaak, "Status gezet op een afgesloten zaak.")
    datum = datum or timezone.now()
    if is_eind:
        if not Resultaat.objects.filter(zaak=zaak).exists():
            raise DomainError(
                "Een zaak kan pas worden afgesloten als er een resultaat is. Kies eerst een resultaat.",
                code="resultaat-does-not-exist",
                field="statustype",
            )
        if zaak.opschorting_indicatie:
            raise DomainError(
                "De zaak is opgeschort. Hervat de zaak voordat u haar afsluit.",
                code="zaak-opgeschort",
                field="statustype",
            )
        einddatum = timezone.localtime(datum).date() if timezone.is_aware(datum) else datum.date()
        if einddatum < zaak.startdatum:
            raise DomainError(
                "De einddatum kan niet voor de startdatum liggen.", field="datum_status_gezet"
            )
    status = _status_add(actor, zaak, statustype, datum, toelichting)
    if is_eind:
        _close(actor, zaak, einddatum)
    return status


def _close(actor: Actor, zaak: Zaak, einddatum: date) -> None:
    resultaat = Resultaat.objects.select_related("resultaattype").get(zaak=zaak)
    zaak.einddatum = einddatum
    if not zaak.archiefnominatie:
        zaak.archiefnominatie = resultaat.resultaattype.archiefnominatie
    zaak.archiefactiedatum = _archiefactiedatum(zaak, resultaat.resultaattype)
    zaak.save(update_fields=["einddatum", "archiefnominatie", "archiefactiedatum", "gewijzigd"])
    audit_log(
        actor,
        actie=A.AFSLUITEN,
        obj=zaak,
        zaak=zaak,
        nieuw={
            "einddatum": einddatum,
            "resultaat": resultaat.resultaattype.omschrijving,
            "archiefnominatie": zaak.archiefnominatie,
            "archiefactiedatum": zaak.archiefactiedatum,
        },
    )
    events.publish("zaak.afgesloten", zaak=zaak, actor=actor)


@transaction.atomic
def zaak_close(
    *,
    actor: Actor,
    zaak: Zaak,
    resultaattype: Resultaattype | None = None,
    toelichting: str = "",
    datum: datetime | None = None,
) -> Zaak:
    """Close a zaak: record the resultaat (when given) and set the end status."""
    if resultaattype is not None:
        zaak_resultaat_set(
            actor=actor, zaak=zaak, resultaattype=resultaattype, toelichting=toelichting
        )
    eind = _eindstatustype(zaak.zaaktype)
    if eind is None:
        raise DomainError(
            "Dit zaaktype heeft geen statustypen; de zaak kan niet worden afgesloten."
        )
    zaak_status_set(actor=actor, zaak=zaak, statustype=eind, datum=datum, toelichting=toelichting)
    zaak.refresh_from_db()
    return zaak


def _reopen(actor: Actor, zaak: Zaak, reden: str) -> None:
    require(actor, "zaken.heropenen", zaak=zaak)
    oud = _zaak_snapshot(zaak, ("einddatum", "archiefnominatie", "archiefactiedatum"))
    zaak.einddatum = None
    zaak.archiefnominatie = ""
    zaak.archiefactiedatum = None
    zaak.save(update_fields=["einddatum", "archiefnominatie", "archiefactiedatum", "gewijzigd"])
    audit_log(actor, actie=A.HEROPENEN, obj=zaak, zaak=zaak, toelichting=reden, oud=oud)
    events.publish("zaak.heropend", zaak=zaak, actor=actor, reden=reden)


@transaction.atomic
def zaak_reopen(
    *, actor: Actor, zaak: Zaak, reden: str, statustype: Statustype | None = None
) -> Zaak:
    """Explicitly reopen a closed zaak (audited, with a reason). The zaak gets `statustype`, or
    the status before the end status."""
    zaak = _lock(zaak)
    if zaak.einddatum is None:
        raise DomainError("Deze zaak is niet afgesloten.", code="zaak-niet-afgesloten")
    if not (reden or "").strip():
        raise DomainError("Geef een reden op voor het heropenen.", field="reden")
    _reopen(actor, zaak, reden.strip())
    if statustype is None:
        statustype = zaak.zaaktype.statustypen.order_by("-volgnummer")[1:2].first()
    if statustype is not None:
        if statustype.zaaktype_id != zaak.zaaktype_id:
            raise DomainError("Deze status hoort niet bij het zaaktype.", field="statustype")
        _status_add(actor, zaak, statustype, timezone.now(), f"Heropend: {reden.strip()}")
    return zaak


# --- opschorten, hervatten, verlengen -----------------------------------------------------------
@transaction.atomic
def zaak_opschorten(
    *,
    actor: Actor,
    zaak: Zaak,
    reden: str,
    wacht_op_aanvrager: bool = False,
    datum: date | None = None,
) -> Zaak:
    """Stop the clock, e.g. while waiting for the requester."""
    zaak = _lock(zaak)
    require(actor, "zaken.bijwerken", zaak=zaak)
    _require_open(zaak, actor)
    if not zaak.zaaktype.opschorting_en_aanhouding_mogelijk:
        raise DomainError(
            "Zaken van dit zaaktype kunnen niet worden opgeschort.", code="opschorten-niet-mogelijk"
        )
    if zaak.opschorting_indicatie:
        raise DomainError("Deze zaak is al opgeschort.", code="al-opgeschort")
    reden = (reden or "").strip()
    if not reden:
        raise DomainError("Geef een reden op voor het opschorten.", field="reden")
    if len(reden) > 200:
        raise DomainError("De reden mag hoogstens 200 tekens lang zijn.", field="reden")
    datum = datum or timezone.localdate()
    zaak.opschorting_indicatie = True
    zaak.opschorting_reden = reden
    zaak.opschorting_wacht_op_aanvrager = wacht_op_aanvrager
    zaak.save(
        update_fields=[
            "opschorting_indicatie",
            "opschorting_reden",
            "opschorting_wacht_op_aanvrager",
            "gewijzigd",
        ]
    )
    Opschorting.objects.create(
        zaak=zaak, reden=reden, wacht_op_aanvrager=wacht_op_aanvrager, begindatum=datum
    )
    audit_log(
        actor,
        actie=A.OPSCHORTEN,
        obj=zaak,
        zaak=zaak,
        toelichting=reden,
        nieuw={"opgeschort_op": datum, "wacht_op_aanvrager": wacht_op_aanvrager},
    )
    events.publish("zaak.opgeschort", zaak=zaak, actor=actor)
    return zaak


@transaction.atomic
def zaak_hervatten(
    *, actor: Actor, zaak: Zaak, datum: date | None = None, toelichting: str = ""
) -> Zaak:
    """Restart the clock; the deadlines move by the days waited (in the zaaktype's unit)."""
    zaak = _lock(zaak)
    require(actor, "zaken.bijwerken", zaak=zaak)
    if not zaak.opschorting_indicatie:
        raise DomainError("Deze zaak is niet opgeschort.", code="niet-opgeschort")
    datum = datum or timezone.localdate()
    opschorting = zaak.opschortingen.select_for_update().get(einddatum__isnull=True)
    if datum < opschorting.begindatum:
        raise DomainError(
            "De zaak kan niet worden hervat voor de datum van opschorten.", field="datum"
        )
    kalender = get_kalender()
    eenheid = zaak.zaaktype.termijn_eenheid
    dagen = kalender.dagen_tussen(opschorting.begindatum, datum, eenheid)
    oud = _zaak_snapshot(zaak, DEADLINE_FIELDS)
    if dagen > 0:
        for veld in DEADLINE_FIELDS:
            if getattr(zaak, veld):
                setattr(zaak, veld, kalender.verschuif(getattr(zaak, veld), dagen, eenheid))
    zaak.opschorting_indicatie = False
    zaak.opschorting_wacht_op_aanvrager = False
    zaak.save(
        update_fields=[
            *DEADLINE_FIELDS,
            "opschorting_indicatie",
            "opschorting_wacht_op_aanvrager",
            "gewijzigd",
        ]
    )
    opschorting.einddatum = datum
    opschorting.dagen = dagen
    opschorting.eenheid = eenheid
    opschorting.save(update_fields=["einddatum", "dagen", "eenheid"])
    audit_log(
        actor,
        actie=A.HERVATTEN,
        obj=zaak,
        zaak=zaak,
        toelichting=toelichting,
        oud=oud,
        nieuw={
            **_zaak_snapshot(zaak, DEADLINE_FIELDS),
            "dagen_opgeschort": dagen,
            "eenheid": eenheid,
        },
    )
    events.publish("zaak.hervat", zaak=zaak, actor=actor, dagen=dagen)
    return zaak


@transaction.atomic
def zaak_verlengen(*, actor: Actor, zaak: Zaak, duur: str, reden: str) -> Zaak:
    """Extend the deadlines once, by at most the zaaktype's verlengingstermijn."""
    zaak = _lock(zaak)
    require(actor, "zaken.bijwerken", zaak=zaak)
    _require_open(zaak, actor)
    zaaktype = zaak.zaaktype
    if not zaaktype.verlenging_mogelijk or not zaaktype.verlengingstermijn:
        raise DomainError(
            "Zaken van dit zaaktype kunnen niet worden verlengd.", code="verlengen-niet-mogelijk"
        )
    if zaak.verlenging_duur:
        raise DomainError(
            "Deze zaak is al verlengd. Een zaak kan maar één keer worden verlengd.",
            code="al-verlengd",
        )
    reden = (reden or "").strip()
    if not reden:
        raise DomainError("Geef een reden op voor de verlenging.", field="reden")
    if len(reden) > 200:
        raise DomainError("De reden mag hoogstens 200 tekens lang zijn.", field="reden")
    try:
        parsed = Duur.parse(duur)
    except ValueError as exc:
        raise DomainError(str(exc), field="duur") from exc
    if parsed.is_leeg:
        raise DomainError("Een verlenging moet langer zijn dan 0 dagen.", field="duur")
    kalender = get_kalender()
    eenheid = zaaktype.termijn_eenheid
    basis = zaak.uiterlijke_einddatum_afdoening or zaak.startdatum
    if kalender.add_duur(basis, parsed, eenheid) > kalender.add_duur(
        basis, zaaktype.verlengingstermijn, eenheid
    ):
        raise DomainError(
            f"De verlenging is langer dan toegestaan. Dit zaaktype mag ten hoogste {zaaktype.verlengingstermijn} "
            "worden verlengd.",
            code="verlenging-te-lang",
            field="duur",
        )
    oud = _zaak_snapshot(zaak, DEADLINE_FIELDS)
    for veld in DEADLINE_FIELDS:
        if getattr(zaak, veld):
            setattr(zaak, veld, kalender.add_duur(getattr(zaak, veld), parsed, eenheid))
    zaak.verlenging_duur = str(parsed)
    zaak.verlenging_reden = reden
    zaak.save(update_fields=[*DEADLINE_FIELDS, "verlenging_duur", "verlenging_reden", "gewijzigd"])
    audit_log(
        actor,
        actie=A.VERLENGEN,
        obj=zaak,
        zaak=zaak,
        toelichting=reden,
        oud=oud,
        nieuw={**_zaak_snapshot(zaak, DEADLINE_FIELDS), "duur": str(parsed)},
    )
    events.publish("zaak.verlengd", zaak=zaak, actor=actor)
    return zaak


# --- other changes ------------------------------------------------------------------------------
ZAAK_WIJZIGBAAR = {
    "omschrijving",
    "toelichting",
    "vertrouwelijkheidaanduiding",
    "publicatiedatum",
    "behandelend_team",
    "producten_of_diensten",
    "selectielijstklasse",
    "communicatiekanaal",
    "kanaal",
    "archiefstatus",
    "archiefnominatie",
    "archiefactiedatum",
    "verantwoordelijke_organisatie",
}


@transaction.atomic
def zaak_update(*, actor: Actor, zaak: Zaak, reden: str = "", **changes) -> Zaak:
    """Change the editable attributes of a zaak. Deadlines are computed, never set here."""
    zaak = _lock(zaak)
    require(actor, "zaken.bijwerken", zaak=zaak)
    _require_open(zaak, actor)
    onbekend = set(changes) - ZAAK_WIJZIGBAAR
    if onbekend:
        raise DomainError(
            f"Deze velden kunnen niet worden gewijzigd: {', '.join(sorted(onbekend))}."
        )
    if "omschrijving" in changes and len(changes["omschrijving"] or "") > 80:
        raise DomainError(
            "De omschrijving mag hoogstens 80 tekens lang zijn.", field="omschrijving"
        )
    if "producten_of_diensten" in changes:
        producten_of_diensten_controleren(zaak.zaaktype, changes["producten_of_diensten"])
    if (
        "vertrouwelijkheidaanduiding" in changes
        and changes["vertrouwelijkheidaanduiding"] not in Vertrouwelijkheid.values
    ):
        raise DomainError(
            "Kies een geldige vertrouwelijkheidaanduiding.", field="vertrouwelijkheidaanduiding"
        )
    if (
        changes.get("archiefstatus", Zaak.Archiefstatus.NOG_TE_ARCHIVEREN)
        != Zaak.Archiefstatus.NOG_TE_ARCHIVEREN
    ):
        # zrc-022
        nominatie = changes.get("archiefnominatie", zaak.archiefnominatie)
        actiedatum = changes.get("archiefactiedatum", zaak.archiefactiedatum)
        if not nominatie or not actiedatum:
            raise DomainError(
                "Vul archiefnominatie en archiefactiedatum in voordat de archiefstatus wijzigt.",
                code="archiefstatus",
                field="archiefstatus",
            )
        if zaak.zaakdocumenten.exclude(document__status="gearchiveerd").exists():
            raise DomainError(
                "Alle documenten van de zaak moeten de status 'gearchiveerd' hebben.",
                code="documents-not-archived",
                field="archiefstatus",
            )
    oud = {k: getattr(zaak, k) for k in changes}
    for key, value in changes.items():
        setattr(zaak, key, value)
    zaak.save()
    audit_log(
        actor, actie=A.WIJZIGEN, obj=zaak, zaak=zaak, oud=oud, nieuw=changes, toelichting=reden
    )
    events.publish("zaak.gewijzigd", zaak=zaak, actor=actor, changes=changes)
    return zaak


@transaction.atomic
def zaak_politiek_gevoelig_set(
    *, actor: Actor, zaak: Zaak, reden: str, gevoelig: bool = True
) -> Zaak:
    zaak = _lock(zaak)
    require(actor, "zaken.bijwerken", zaak=zaak)
    _require_open(zaak, actor)
    if zaak.politiek_gevoelig == gevoelig:
        return zaak
    if gevoelig and not (reden or "").strip():
        raise DomainError("Geef aan waarom de zaak politiek gevoelig is.", field="reden")
    zaak.politiek_gevoelig = gevoelig
    zaak.save(update_fields=["politiek_gevoelig", "gewijzigd"])
    audit_log(
        actor,
        actie=A.WIJZIGEN,
        obj=zaak,
        zaak=zaak,
        toelichting=reden,
        oud={"politiek_gevoelig": not gevoelig},
        nieuw={"politiek_gevoelig": gevoelig},
        actie_weergave="Politiek gevoelig gemarkeerd" if gevoelig else "",
    )
    if gevoelig:
        events.publish("zaak.politiek_gevoelig", zaak=zaak, actor=actor, reden=reden)
    return zaak


@transaction.atomic
def zaak_klantregisseur_set(*, actor: Actor, zaak: Zaak, klantregisseur, reden: str = "") -> Zaak:
    """Appoint (or replace) the klantregisseur; they become the zaak's zaakcoordinator rol."""
    zaak = _lock(zaak)
    if not actor.systeem:
        require(actor, "zaken.bijwerken", zaak=zaak)
    _require_open(zaak, actor)
    if klantregisseur is not None and not klantregisseur.is_medewerker:
        raise DomainError("Een klantregisseur moet een medewerker zijn.", field="klantregisseur")
    oud = zaak.klantregisseur
    if oud == klantregisseur:
        return zaak
    zaak.klantregisseur = klantregisseur
    zaak.save(update_fields=["klantregisseur", "gewijzigd"])
    zaak.rollen.filter(
        omschrijving_generiek=RolOmschrijving.ZAAKCOORDINATOR,
        betrokkene_type=BetrokkeneType.MEDEWERKER,
    ).delete()
    if klantregisseur is not None:
        _rol_create(
            zaak,
            RolOmschrijving.ZAAKCOORDINATOR,
            Betrokkene.van_medewerker(klantregisseur),
            "Klantregisseur",
        )
    audit_log(
        actor,
        actie=A.TOEWIJZEN,
        obj=zaak,
        zaak=zaak,
        toelichting=reden,
        oud={"klantregisseur": str(oud) if oud else None},
        nieuw={"klantregisseur": str(klantregisseur) if klantregisseur else None},
        actie_weergave="Klantregisseur aangewezen",
    )
    events.publish("zaak.klantregisseur_gewijzigd", zaak=zaak, actor=actor, oud=oud)
    return zaak


def _roltype_for(zaak: Zaak, omschrijving_generiek: str) -> Roltype:
    roltype = zaak.zaaktype.roltypen.filter(omschrijving_generiek=omschrijving_generiek).first()
    if roltype is None:
        raise DomainError(
            f"Het zaaktype '{zaak.zaaktype.omschrijving}' kent geen rol '{omschrijving_generiek}'.",
            code="roltype-onbekend",
            field="roltype",
        )
    return roltype


def _rol_create(
    zaak: Zaak,
    omschrijving_generiek: str | None,
    betrokkene: Betrokkene,
    toelichting: str,
    roltype: Roltype | None = None,
) -> Rol:
    roltype = roltype or _roltype_for(zaak, omschrijving_generiek)
    return Rol.objects.create(
        zaak=zaak,
        roltype=roltype,
        omschrijving=roltype.omschrijving,
        omschrijving_generiek=roltype.omschrijving_generiek,
        betrokkene_type=betrokkene.type,
        roltoelichting=toelichting,
        naam=betrokkene.naam[:200],
        bsn=betrokkene.bsn,
        kvk_nummer=betrokkene.kvk_nummer,
        vestigingsnummer=betrokkene.vestigingsnummer,
        rsin=betrokkene.rsin,
        klant=betrokkene.klant,
        medewerker=betrokkene.medewerker,
        team=betrokkene.team,
        betrokkene_identificatie=betrokkene.identificatie,
        contactpersoon=betrokkene.contactpersoon,
    )


@transaction.atomic
def rol_add(
    *,
    actor: Actor,
    zaak: Zaak,
    betrokkene: Betrokkene,
    omschrijving_generiek: str | None = None,
    roltype: Roltype | None = None,
    toelichting: str = "",
    indicatie_machtiging: str = "",
) -> Rol:
    """Add a betrokkene to a zaak in a role; `indicatie_machtiging` is "gemachtigde" or
    "machtiginggever" when the rol acts on behalf of someone (ZGW)."""
    zaak = _lock(zaak)
    require(actor, "zaken.bijwerken", zaak=zaak)
    _require_open(zaak, actor)
    if roltype is not None and roltype.zaaktype_id != zaak.zaaktype_id:
        raise DomainError(
            "Dit roltype hoort niet bij het zaaktype van de zaak.",
            code="zaaktype-mismatch",
            field="roltype",
        )
    if roltype is None and omschrijving_generiek is None:
        raise DomainError("Kies een roltype.", field="roltype")
    if indicatie_machtiging not in ("", "gemachtigde", "machtiginggever"):
        raise DomainError(
            "Kies gemachtigde of machtiginggever, of laat de machtiging leeg.",
            field="indicatie_machtiging",
        )
    betrokkene.validate()
    rol = _rol_create(zaak, omschrijving_generiek, betrokkene, toelichting, roltype)
    if indicatie_machtiging:
        rol.indicatie_machtiging = indicatie_machtiging
        rol.save(update_fields=["indicatie_machtiging"])
    audit_log(
        actor,
        actie=A.AANMAKEN,
        obj=rol,
        zaak=zaak,
        nieuw={
            "rol": rol.omschrijving,
            "betrokkene": betrokkene.naam or betrokkene.bsn or betrokkene.kvk_nummer,
            "indicatie_machtiging": indicatie_machtiging,
        },
    )
    events.publish("zaak.rol_toegevoegd", zaak=zaak, rol=rol, actor=actor)
    return rol


@transaction.atomic
def rol_remove(*, actor: Actor, rol: Rol, reden: str = "") -> None:
    zaak = _lock(rol.zaak)
    require(actor, "zaken.bijwerken", zaak=zaak)
    _require_open(zaak, actor)
    audit_log(
        actor, actie=A.VERWIJDEREN, obj=rol, zaak=zaak, toelichting=reden, oud={"rol": str(rol)}
    )
    rol.delete()


def _eigenschap_write(
    actor: Actor, zaak: Zaak, eigenschap: Eigenschap, waarde: str
) -> ZaakEigenschap:
    waarde = "" if waarde is None else str(waarde).strip()
    if eigenschap.zaaktype_id != zaak.zaaktype_id:
        raise DomainError(
            "Deze eigenschap hoort niet bij het zaaktype van de zaak.",
            code="zaaktype-mismatch",
            field="eigenschap",
        )
    if (
        eigenschap.formaat == Eigenschap.Formaat.GETAL
        and waarde
        and not re.fullmatch(r"-?\d+([.,]\d+)?", waarde)
    ):
        raise DomainError(f"'{eigenschap.naam}' moet een getal zijn.", field=eigenschap.naam)
    if eigenschap.formaat == Eigenschap.Formaat.DATUM and waarde and _parse_date(waarde) is None:
        raise DomainError(
            f"'{eigenschap.naam}' moet een datum zijn (JJJJ-MM-DD).", field=eigenschap.naam
        )
    if eigenschap.waardenverzameling and waarde and waarde not in eigenschap.waardenverzameling:
        raise DomainError(
            f"Kies voor '{eigenschap.naam}' een van: {', '.join(eigenschap.waardenverzameling)}.",
            field=eigenschap.naam,
        )
    if eigenschap.lengte.isdigit() and len(waarde) > int(eigenschap.lengte):
        raise DomainError(
            f"'{eigenschap.naam}' mag hoogstens {eigenschap.lengte} tekens lang zijn.",
            field=eigenschap.naam,
        )
    obj, created = ZaakEigenschap.objects.update_or_create(
        zaak=zaak, eigenschap=eigenschap, defaults={"naam": eigenschap.naam, "waarde": waarde}
    )
    audit_log(
        actor,
        actie=A.AANMAKEN if created else A.WIJZIGEN,
        obj=obj,
        zaak=zaak,
        nieuw={"naam": eigenschap.naam, "waarde": waarde},
    )
    return obj


@transaction.atomic
def zaakeigenschap_set(
    *, actor: Actor, zaak: Zaak, eigenschap: Eigenschap, waarde: str
) -> ZaakEigenschap:
    zaak = _lock(zaak)
    require(actor, "zaken.bijwerken", zaak=zaak)
    _require_open(zaak, actor)
    return _eigenschap_write(actor, zaak, eigenschap, waarde)


@transaction.atomic
def notitie_add(*, actor: Actor, zaak: Zaak, tekst: str, onderwerp: str = "") -> Notitie:
    require(actor, "zaken.bijwerken", zaak=zaak)
    tekst = (tekst or "").strip()
    if not tekst:
        raise DomainError("Schrijf een tekst voor de notitie.", field="tekst")
    if len(tekst) > 10000:
        raise DomainError("Een notitie mag hoogstens 10.000 tekens lang zijn.", field="tekst")
    if len(onderwerp) > 100:
        raise DomainError("Het onderwerp mag hoogstens 100 tekens lang zijn.", field="onderwerp")
    user = actor.user if actor.user is not None and getattr(actor.user, "pk", None) else None
    notitie = Notitie.objects.create(
        zaak=zaak,
        tekst=tekst,
        onderwerp=onderwerp,
        aangemaakt_door=user,
        aangemaakt_door_weergave=actor.display(),
    )
    audit_log(actor, actie=A.AANMAKEN, obj=notitie, zaak=zaak, nieuw={"onderwerp": onderwerp})
    return notitie


@transaction.atomic
def zaak_delete(*, actor: Actor, zaak: Zaak, reden: str = "") -> None:
    """Destroy a zaak and everything that belongs to it (zrc-023). The audit trail stays."""
    zaak = _lock(zaak)
    require(actor, "zaken.verwijderen", zaak=zaak)
    audit_log(
        actor,
        actie=A.VERWIJDEREN,
        obj=zaak,
        zaak=zaak,
        toelichting=reden,
        oud={"identificatie": zaak.identificatie, "zaaktype": zaak.zaaktype.omschrijving},
    )
    events.publish("zaak.verwijderd", zaak=zaak, actor=actor)
    Zaak.objects.filter(pk=zaak.pk).update(status=None, statustype=None)
    for deelzaak in zaak.deelzaken.all():
        zaak_delete(actor=actor, zaak=deelzaak, reden=reden)
    zaak.delete()


@transaction.atomic
def zaak_resultaat_delete(*, actor: Actor, resultaat: Resultaat) -> None:
    """Remove the resultaat of an open zaak (a closed zaak keeps its resultaat unless forced)."""
    zaak = _lock(resultaat.zaak)
    require(actor, "zaken.bijwerken", zaak=zaak)
    _require_open(zaak, actor)
    audit_log(
        actor,
        actie=A.VERWIJDEREN,
        obj=resultaat,
        zaak=zaak,
        oud={"resultaattype": resultaat.resultaattype.omschrijving},
    )
    resultaat.delete()


@transaction.atomic
def zaakeigenschap_delete(*, actor: Actor, zaakeigenschap: ZaakEigenschap) -> None:
    zaak = _lock(zaakeigenschap.zaak)
    require(actor, "zaken.bijwerken", zaak=zaak)
    _require_open(zaak, actor)
    audit_log(
        actor,
        actie=A.VERWIJDEREN,
        obj=zaakeigenschap,
        zaak=zaak,
        oud={"naam": zaakeigenschap.naam, "waarde": zaakeigenschap.waarde},
    )
    zaakeigenschap.delete()


def producten_of_diensten_controleren(zaaktype: Zaaktype, producten) -> None:
    """zrc-015: the producten of diensten of a zaak are a subset of its zaaktype's."""
    if not producten:
        return
    toegestaan = set(zaaktype.producten_of_diensten or [])
    onbekend = [p for p in producten if p not in toegestaan]
    if onbekend:
        raise DomainError(
            "Deze producten of diensten horen niet bij het zaaktype: "
            f"{', '.join(onbekend)}. Kies uit de producten en diensten van het zaaktype.",
            code="invalid-products-services",
            field="producten_of_diensten",
        )
