"""Letters: which template applies, the values of its placeholders, the PDF, and storing it as a
document on the zaak (through the zaken document service, as the system).

`brief_maken` is the write path; it runs in the outbox delivery (a Celery worker in
production), never in the request that registered or closed the zaak."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.template.loader import render_to_string
from django.utils import timezone

from brieven import sjabloontaal
from brieven.models import Bezwaar, Brief, BriefSjabloon, BriefSoort
from core.actor import Actor
from core.pdf import gemeente_gegevens, render_pdf
from core.vertrouwelijkheid import rang
from zaken.models import (
    BetrokkeneType,
    Document,
    Informatieobjecttype,
    Rol,
    RolOmschrijving,
    Zaak,
    ZaaktypeInformatieobjecttype,
)

logger = logging.getLogger(__name__)

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

# Resultaten that are a besluit under the Awb, against which the requester can object
# (bezwaar maken). Compared with the resultaattype's generic and own omschrijving.
BESLUIT_RESULTATEN = {
    "verleend",
    "gedeeltelijk verleend",
    "geweigerd",
    "toegekend",
    "gedeeltelijk toegekend",
    "afgewezen",
    "gedeeltelijk afgewezen",
    "buiten behandeling gesteld",
    "niet ontvankelijk",
    "vastgesteld",
}

# Betrokkenen that receive letters: people and organisations, not staff or teams.
ONTVANGER_TYPEN = (
    BetrokkeneType.NATUURLIJK_PERSOON,
    BetrokkeneType.NIET_NATUURLIJK_PERSOON,
    BetrokkeneType.VESTIGING,
)

SYSTEEM = "Zaakstroom brieven"


def datum_nl(d: date | None) -> str:
    """12 maart 2026 (independent of the active language, so a worker writes the same)."""
    if d is None:
        return ""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


# --- which letter -------------------------------------------------------------------------------
def sjabloon_voor(zaaktype, soort: str) -> BriefSjabloon | None:
    """The zaaktype's own template, else the default (empty zaaktype). One query."""
    return (
        BriefSjabloon.objects.filter(soort=soort)
        .filter(Q(zaaktype_identificatie=zaaktype.identificatie) | Q(zaaktype_identificatie=""))
        .order_by("-zaaktype_identificatie")
        .first()
    )


def aanvrager_van(zaak: Zaak) -> Rol | None:
    """The initiator who receives the letters (a person or organisation), or None."""
    return (
        Rol.objects.filter(
            zaak=zaak,
            omschrijving_generiek=RolOmschrijving.INITIATOR,
            betrokkene_type__in=ONTVANGER_TYPEN,
        )
        .select_related("klant")
        .order_by("id")
        .first()
    )


def informatieobjecttype_voor(zaaktype, sjabloon: BriefSjabloon) -> Informatieobjecttype | None:
    """The zaaktype's document type named in the template, else its first outgoing one."""
    link = (
        ZaaktypeInformatieobjecttype.objects.filter(zaaktype=zaaktype)
        .filter(
            Q(informatieobjecttype__omschrijving__iexact=sjabloon.informatieobjecttype_omschrijving)
            | Q(richting=ZaaktypeInformatieobjecttype.Richting.UITGAAND)
        )
        .annotate(
            voorkeur=Case(
                When(
                    informatieobjecttype__omschrijving__iexact=(
                        sjabloon.informatieobjecttype_omschrijving
                    ),
                    then=Value(0),
                ),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .select_related("informatieobjecttype")
        .order_by("voorkeur", "volgnummer", "id")
        .first()
    )
    return link.informatieobjecttype if link is not None else None


def is_besluit(resultaattype) -> bool:
    namen = {
        (resultaattype.omschrijving_generiek or "").strip().lower(),
        (resultaattype.omschrijving or "").strip().lower(),
    }
    return bool(namen & BESLUIT_RESULTATEN)


def met_bezwaar(sjabloon: BriefSjabloon, zaak: Zaak) -> bool:
    if sjabloon.soort != BriefSoort.AFHANDELING or not sjabloon.bezwaartekst.strip():
        return False
    if sjabloon.bezwaar == Bezwaar.ALTIJD:
        return True
    if sjabloon.bezwaar == Bezwaar.NOOIT:
        return False
    resultaat = _resultaat(zaak)
    return resultaat is not None and is_besluit(resultaat.resultaattype)


def _resultaat(zaak: Zaak):
    try:
        return zaak.resultaat
    except Zaak.resultaat.RelatedObjectDoesNotExist:
        return None


# --- the values of the placeholders -------------------------------------------------------------
def _aanvrager_naam(rol: Rol | None) -> str:
    if rol is None:
        return ""
    if rol.klant is not None and rol.klant.naam:
        return rol.klant.naam
    if rol.naam:
        return rol.naam
    ident = rol.betrokkene_identificatie or {}
    return " ".join(
        p
        for p in (
            ident.get("voornamen"),
            ident.get("voorvoegselGeslachtsnaam"),
            ident.get("geslachtsnaam"),
        )
        if p
    ) or ident.get("statutaireNaam", "")


def waarden(zaak: Zaak, soort: str, aanvrager: Rol | None, vandaag: date | None = None) -> dict:
    """The flat dict of pre-formatted strings the template may use (see sjabloontaal)."""
    from pip.selectors import contact_voor

    contact = contact_voor(zaak)
    w = {
        **_gemeente_waarden(),
        "brief.datum": datum_nl(vandaag or timezone.localdate()),
        "zaak.identificatie": zaak.identificatie,
        "zaak.omschrijving": zaak.omschrijving or zaak.zaaktype.publiek_omschrijving,
        "zaak.zaaktype": zaak.zaaktype.publiek_omschrijving or zaak.zaaktype.omschrijving,
        "zaak.registratiedatum": datum_nl(zaak.registratiedatum),
        "zaak.startdatum": datum_nl(zaak.startdatum),
        "termijn.uiterlijk": datum_nl(zaak.uiterlijke_einddatum_afdoening),
        "termijn.gepland": datum_nl(zaak.einddatum_gepland or zaak.uiterlijke_einddatum_afdoening),
        "aanvrager.naam": _aanvrager_naam(aanvrager) or "heer/mevrouw",
        "aanvrager.adres": aanvrager.klant.adres if aanvrager and aanvrager.klant else "",
        "contact.naam": contact.naam,
        "contact.telefoon": contact.telefoon,
        "contact.email": contact.email,
    }
    if soort == BriefSoort.AFHANDELING:
        resultaat = _resultaat(zaak)
        rt = resultaat.resultaattype if resultaat is not None else None
        w.update(
            {
                "zaak.einddatum": datum_nl(zaak.einddatum),
                "resultaat.omschrijving": (rt.publiek_omschrijving or rt.omschrijving)
                if rt
                else "",
                "resultaat.toelichting": resultaat.toelichting if resultaat is not None else "",
                "resultaat.datum": datum_nl(zaak.einddatum),
            }
        )
    return w


# --- rendering ----------------------------------------------------------------------------------
@dataclass
class GerenderdeBrief:
    onderwerp: str
    html: str
    pdf: bytes


def brief_html(
    *, sjabloon: BriefSjabloon, waarden: dict, bezwaar: bool, kenmerk: str
) -> tuple[str, str]:
    """(onderwerp, html) of one letter. Everything from the template and the zaak is escaped."""
    onderwerp = sjabloontaal.vervang(sjabloon.onderwerp, waarden)
    context = {
        **briefhoofd(),
        "onderwerp": onderwerp,
        "kenmerk": kenmerk,
        "datum": waarden.get("brief.datum", ""),
        "ontvanger_naam": waarden.get("aanvrager.naam", ""),
        "ontvanger_adres": [r for r in waarden.get("aanvrager.adres", "").split(", ") if r],
        "inhoud": sjabloontaal.render_html(sjabloon.tekst, waarden),
        "bezwaar": sjabloontaal.render_html(sjabloon.bezwaartekst, waarden) if bezwaar else "",
    }
    return onderwerp, render_to_string("brieven/brief.html", context)


def _gemeente_waarden() -> dict[str, str]:
    """The placeholders `gemeente.naam`, `gemeente.adres`, ... of the template language."""
    return {f"gemeente.{k}": v for k, v in gemeente_gegevens().items() if k != "logo_url"}


def briefhoofd() -> dict:
    """The letterhead's template variables (`gemeente_naam`, ..., `logo_url`)."""
    gegevens = gemeente_gegevens()
    logo_url = gegevens.pop("logo_url")
    return {**{f"gemeente_{k}": v for k, v in gegevens.items()}, "logo_url": logo_url}


def brief_renderen(
    zaak: Zaak, soort: str, *, sjabloon: BriefSjabloon | None = None, aanvrager: Rol | None = None
) -> GerenderdeBrief:
    sjabloon = sjabloon or sjabloon_voor(zaak.zaaktype, soort)
    if sjabloon is None:
        raise LookupError(f"Geen briefsjabloon voor {soort}")
    w = waarden(zaak, soort, aanvrager)
    onderwerp, html = brief_html(
        sjabloon=sjabloon,
        waarden=w,
        bezwaar=met_bezwaar(sjabloon, zaak),
        kenmerk=zaak.identificatie,
    )
    return GerenderdeBrief(onderwerp=onderwerp, html=html, pdf=render_pdf(html))


# --- deciding and storing -----------------------------------------------------------------------
def brief_nodig(zaak: Zaak, soort: str) -> bool:
    """Does this zaak get this letter? Letters on, an aanvrager (person or organisation), an
    active template and a document type to store it under. A few indexed queries."""
    if not settings.BRIEVEN_AUTOMATISCH:
        return False
    if aanvrager_van(zaak) is None:
        return False
    sjabloon = sjabloon_voor(zaak.zaaktype, soort)
    if sjabloon is None or not sjabloon.actief:
        return False
    return informatieobjecttype_voor(zaak.zaaktype, sjabloon) is not None


def brief_maken(*, actor: Actor, zaak_uuid, soort: str, sleutel: str) -> Brief | None:
    """Render the letter and store it as a document on the zaak, once per `sleutel`. Returns
    the letter, or None when the zaak no longer qualifies (deleted, no aanvrager, template
    switched off). A second call with the same key returns the first letter."""
    bestaand = Brief.objects.filter(sleutel=sleutel).first()
    if bestaand is not None:
        return bestaand
    zaak = (
        Zaak.objects.select_related(
            "zaaktype", "behandelend_team", "klantregisseur", "resultaat__resultaattype"
        )
        .filter(uuid=zaak_uuid)
        .first()
    )
    if zaak is None:
        return None
    aanvrager = aanvrager_van(zaak)
    sjabloon = sjabloon_voor(zaak.zaaktype, soort)
    if aanvrager is None or sjabloon is None or not sjabloon.actief:
        return None
    iot = informatieobjecttype_voor(zaak.zaaktype, sjabloon)
    if iot is None:
        logger.warning(
            "Zaaktype %s has no document type for letters; no %s for %s.",
            zaak.zaaktype.identificatie,
            soort,
            zaak.identificatie,
        )
        return None
    # Render before taking any lock: rendering is the slow part.
    brief = brief_renderen(zaak, soort, sjabloon=sjabloon, aanvrager=aanvrager)
    return _brief_opslaan(actor, zaak, soort, sleutel, iot, brief)


@transaction.atomic
def _brief_opslaan(actor, zaak, soort, sleutel, iot, brief: GerenderdeBrief) -> Brief:
    from zaken.services.documenten import document_add

    try:
        with transaction.atomic():
            record = Brief.objects.create(
                zaak=zaak, soort=soort, sleutel=sleutel, onderwerp=brief.onderwerp[:200]
            )
    except IntegrityError:  # made concurrently by another delivery
        return Brief.objects.get(sleutel=sleutel)
    vandaag = timezone.localdate()
    titel = f"{BriefSoort(soort).label.split(' /')[0]} {zaak.identificatie}"
    link = document_add(
        actor=actor,
        zaak=zaak,
        informatieobjecttype=iot,
        titel=titel,
        beschrijving=brief.onderwerp,
        inhoud=brief.pdf,
        bestandsnaam=f"{soort}-{zaak.identificatie}.pdf",
        formaat="application/pdf",
        auteur=settings.GEMEENTE_NAAM,
        zichtbaar_voor_initiator=True,
        # A letter about a confidential zaak is as confidential as the zaak.
        vertrouwelijkheidaanduiding=max(
            iot.vertrouwelijkheidaanduiding, zaak.vertrouwelijkheidaanduiding, key=rang
        ),
        status=Document.Status.DEFINITIEF,
        controleer_inhoud=False,
    )
    Document.objects.filter(pk=link.document_id).update(verzenddatum=vandaag)
    record.document_id = link.document_id
    record.save(update_fields=["document"])
    return record


def sleutel_ontvangstbevestiging(zaak: Zaak) -> str:
    return f"brief:{BriefSoort.ONTVANGSTBEVESTIGING}:{zaak.uuid}"


def sleutel_afhandeling(zaak: Zaak) -> str:
    """One afhandelbrief per closing: a zaak reopened and closed again gets a new one."""
    status = zaak.status
    return f"brief:{BriefSoort.AFHANDELING}:{zaak.uuid}:{status.uuid if status else ''}"


# --- templates (functioneel beheer) -------------------------------------------------------------
SJABLOON_VELDEN = (
    "soort",
    "zaaktype_identificatie",
    "actief",
    "onderwerp",
    "tekst",
    "bezwaar",
    "bezwaartekst",
    "informatieobjecttype_omschrijving",
)


def briefsjabloon_fouten(sjabloon: BriefSjabloon) -> dict[str, list[str]]:
    """Per field, the Dutch messages about placeholders that do not exist or do not fit."""
    fouten = {}
    for veld in ("onderwerp", "tekst", "bezwaartekst"):
        berichten = sjabloontaal.fouten(getattr(sjabloon, veld), sjabloon.soort)
        if berichten:
            fouten[veld] = berichten
    if not (sjabloon.tekst or "").strip():
        fouten.setdefault("tekst", []).append("Schrijf de tekst van de brief.")
    return fouten


@transaction.atomic
def briefsjabloon_opslaan(*, actor: Actor, sjabloon: BriefSjabloon) -> BriefSjabloon:
    """Create or change a letter template; refused (nothing saved) when a placeholder is
    unknown. Audited with the old and new text."""
    from core.audit import audit_log
    from core.errors import DomainError, NotAllowed
    from core.models import AuditRecord

    nieuw = sjabloon.pk is None
    recht = "brieven.add_briefsjabloon" if nieuw else "brieven.change_briefsjabloon"
    if not actor.systeem and (actor.user is None or not actor.user.has_perm(recht)):
        raise NotAllowed("U mag briefsjablonen niet wijzigen.")
    sjabloon.zaaktype_identificatie = (sjabloon.zaaktype_identificatie or "").strip()
    fouten = briefsjabloon_fouten(sjabloon)
    if fouten:
        veld, berichten = next(iter(fouten.items()))
        raise DomainError(" ".join(berichten), field=veld)
    oud = None
    if not nieuw:
        oud = (
            BriefSjabloon.objects.select_for_update()
            .filter(pk=sjabloon.pk)
            .values(*SJABLOON_VELDEN)
            .first()
        )
    sjabloon.save()
    audit_log(
        actor,
        actie=AuditRecord.Actie.AANMAKEN if nieuw else AuditRecord.Actie.WIJZIGEN,
        obj=sjabloon,
        oud=oud,
        nieuw={veld: getattr(sjabloon, veld) for veld in SJABLOON_VELDEN},
    )
    return sjabloon


def voorbeeldwaarden(soort: str) -> dict[str, str]:
    """Example values for the admin's preview (no real zaak, no personal data)."""
    vandaag = timezone.localdate()
    w = {
        **_gemeente_waarden(),
        "brief.datum": datum_nl(vandaag),
        "zaak.identificatie": "ZAAK-2026-0000000123",
        "zaak.omschrijving": "Voorbeeld van een aanvraag",
        "zaak.zaaktype": "Parkeervergunning",
        "zaak.registratiedatum": datum_nl(vandaag),
        "zaak.startdatum": datum_nl(vandaag),
        "termijn.uiterlijk": datum_nl(vandaag + timedelta(weeks=8)),
        "termijn.gepland": datum_nl(vandaag + timedelta(weeks=4)),
        "aanvrager.naam": "J. Voorbeeld",
        "aanvrager.adres": "Dorpsstraat 1, 1234 AB Voorbeeldstad",
        "contact.naam": "Team Vergunningen",
        "contact.telefoon": settings.GEMEENTE_TELEFOON,
        "contact.email": settings.GEMEENTE_EMAIL,
    }
    if soort == BriefSoort.AFHANDELING:
        w.update(
            {
                "zaak.einddatum": datum_nl(vandaag),
                "resultaat.omschrijving": "Uw vergunning is verleend.",
                "resultaat.toelichting": "De vergunning geldt voor één jaar.",
                "resultaat.datum": datum_nl(vandaag),
            }
        )
    return w


def sjabloon_voorbeeld_pdf(sjabloon: BriefSjabloon) -> bytes:
    w = voorbeeldwaarden(sjabloon.soort)
    _onderwerp, html = brief_html(
        sjabloon=sjabloon,
        waarden=w,
        bezwaar=sjabloon.soort == BriefSoort.AFHANDELING
        and sjabloon.bezwaar != Bezwaar.NOOIT
        and bool(sjabloon.bezwaartekst.strip()),
        kenmerk=w["zaak.identificatie"],
    )
    return render_pdf(html)
