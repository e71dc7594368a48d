"""Klantcontacten and their questions.

- `klantcontact_log`: the KCC logs a contact with one or more questions; per question it may link
  an existing zaak, start a zaak, settle a zaak at once or send a terugbelverzoek. Everything in
  one transaction: a contact is stored completely or not at all, and exactly once (the
  idempotency key of the contact screen).
- `vraag_stellen`: a question asked on the PIP: a klantcontact on kanaal `website`, open, routed
  to the klantregisseur or behandelaar of the zaak (or the behandelend team).
- `vraag_beantwoorden`: the answer to an open question, later; publishes
  `klantcontact.vraag_beantwoord`."""

from __future__ import annotations

import uuid as uuid_mod
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from core import events
from core.actor import Actor
from core.audit import audit_log
from core.errors import Conflict, DomainError, NotAllowed, NotFound
from core.models import AuditRecord
from core.outbox import email_enqueue
from klantregie.models import CONTACT_KANALEN, Kennisartikel, Klant, Klantcontact, Vraag
from klantregie.selectors import klant_zaken_q
from klantregie.services._common import actor_user, vereis
from klantregie.services.terugbellen import terugbelverzoek_send
from klantregie.services.zaken import zaak_direct_afhandelen, zaak_starten
from organisatie.models import Team
from zaken.models import Kanaal, Resultaattype, RolOmschrijving, Zaak, Zaaktype
from zaken.permissions import VOLLEDIG, require, toegang_medewerker
from zaken.selectors import zaaktype_actueel, zaaktypen_geldig

A = AuditRecord.Actie
R = Vraag.Resultaat
MAX_VRAGEN = 20
KCC_RESULTATEN = [r for r in R if r != R.DOORGESTUURD]


@dataclass
class TerugbelInvoer:
    team: Team | None = None
    medewerker: object | None = None
    telefoon: str = ""
    bereikbaarheid: str = ""
    naam: str = ""


@dataclass
class VraagInvoer:
    """One question as the contact screen (or another caller) gives it."""

    onderwerp: str
    resultaat: str
    vraag: str = ""
    antwoord: str = ""
    kennisartikel: Kennisartikel | None = None
    zaak: Zaak | None = None  # an existing zaak the question is about
    zaaktype: Zaaktype | None = None  # to start (or settle) a zaak
    resultaattype: Resultaattype | None = None  # to settle a zaak at once
    terugbel: TerugbelInvoer | None = None
    extra: dict = field(default_factory=dict)


def _fout(index: int, exc: DomainError) -> DomainError:
    if getattr(exc, "vraag_index", None) is None:
        exc.vraag_index = index
    return exc


def _vraag_fout(index: int, message: str, veld: str | None = None) -> DomainError:
    return _fout(index, DomainError(message, field=veld))


def _onderwerp_zaaktype(onderwerp: str) -> Zaaktype | None:
    return zaaktypen_geldig().filter(omschrijving__iexact=onderwerp).first()


def _zaaktype_voor(invoer: VraagInvoer, onderwerp_zaaktype: Zaaktype | None) -> Zaaktype | None:
    """The zaaktype to start: chosen, else the one of the article, else the one named by the
    onderwerp."""
    if invoer.zaaktype is not None:
        return invoer.zaaktype
    if invoer.kennisartikel is not None and invoer.kennisartikel.zaaktype_identificatie:
        try:
            return zaaktype_actueel(invoer.kennisartikel.zaaktype_identificatie)
        except NotFound:
            return None
    return onderwerp_zaaktype


def _controleer_vraag(index: int, invoer: VraagInvoer, klant: Klant | None) -> None:
    invoer.onderwerp = " ".join((invoer.onderwerp or "").split())
    invoer.vraag = (invoer.vraag or "").strip()
    invoer.antwoord = (invoer.antwoord or "").strip()
    if not invoer.onderwerp:
        raise _vraag_fout(index, "Geef het onderwerp van de vraag.", "onderwerp")
    if len(invoer.onderwerp) > 200:
        raise _vraag_fout(index, "Het onderwerp mag hoogstens 200 tekens lang zijn.", "onderwerp")
    if len(invoer.vraag) > 4000:
        raise _vraag_fout(index, "De vraag mag hoogstens 4000 tekens lang zijn.", "vraag")
    if len(invoer.antwoord) > 10000:
        raise _vraag_fout(index, "Het antwoord mag hoogstens 10.000 tekens lang zijn.", "antwoord")
    if invoer.resultaat not in KCC_RESULTATEN:
        raise _vraag_fout(index, "Kies het resultaat van de vraag.", "resultaat")
    if invoer.kennisartikel is not None and not invoer.kennisartikel.actief:
        raise _vraag_fout(index, "Dit kennisartikel is niet meer actief.", "onderwerp")
    if invoer.resultaat == R.DIRECT_BEANTWOORD and not invoer.antwoord:
        if invoer.kennisartikel is None:
            raise _vraag_fout(
                index, "Schrijf het antwoord dat u gaf, of kies een kennisartikel.", "antwoord"
            )
        invoer.antwoord = invoer.kennisartikel.antwoord
    if invoer.resultaat == R.STATUSINFORMATIE and invoer.zaak is None:
        raise _vraag_fout(index, "Kies de zaak waarover u statusinformatie gaf.", "zaak")
    if invoer.resultaat in (R.ZAAK_GESTART, R.ZAAK_AFGEHANDELD) and klant is None:
        raise _vraag_fout(
            index, "Kies eerst de klant: een zaak heeft een aanvrager nodig.", "zaaktype"
        )
    if invoer.resultaat == R.TERUGBELVERZOEK:
        terugbel = invoer.terugbel or TerugbelInvoer()
        if terugbel.team is None and terugbel.medewerker is None:
            raise _vraag_fout(
                index, "Kies het team of de medewerker die moet terugbellen.", "terugbel_team"
            )
    if invoer.zaak is not None and klant is not None:
        hoort_bij_klant = Zaak.objects.filter(klant_zaken_q(klant), pk=invoer.zaak.pk).exists()
        if not hoort_bij_klant:
            raise _vraag_fout(index, "Deze zaak hoort niet bij de gekozen klant.", "zaak")


def _contact_tijden(gestart_op, beeindigd_op) -> tuple[datetime, datetime]:
    nu = timezone.now()
    beeindigd_op = beeindigd_op or nu
    gestart_op = gestart_op or beeindigd_op
    if beeindigd_op > nu + timedelta(minutes=1):
        raise DomainError("Het einde van het contact ligt in de toekomst.", field="beeindigd_op")
    if gestart_op > beeindigd_op:
        raise DomainError("Het contact kan niet eindigen voordat het begon.", field="gestart_op")
    return gestart_op, beeindigd_op


@transaction.atomic
def klantcontact_log(
    *,
    actor: Actor,
    kanaal: str,
    vragen: list[VraagInvoer],
    klant: Klant | None = None,
    gestart_op: datetime | None = None,
    beeindigd_op: datetime | None = None,
    sleutel: uuid_mod.UUID | str | None = None,
    geraadpleegd: Iterable[Kennisartikel] = (),
) -> Klantcontact:
    """Log a contact with its questions and do what each question asks (link, start or settle a
    zaak, send a terugbelverzoek). The same `sleutel` twice returns the first contact."""
    vereis(actor, "klantregie.add_klantcontact")
    if kanaal not in dict(CONTACT_KANALEN):
        raise DomainError("Kies het kanaal van het contact.", field="kanaal")
    if not vragen:
        raise DomainError("Leg minstens één vraag vast.", field="vragen")
    if len(vragen) > MAX_VRAGEN:
        raise DomainError(f"Leg hoogstens {MAX_VRAGEN} vragen per contact vast.", field="vragen")
    gestart_op, beeindigd_op = _contact_tijden(gestart_op, beeindigd_op)
    sleutel = uuid_mod.UUID(str(sleutel)) if sleutel else uuid_mod.uuid4()
    bestaand = Klantcontact.objects.filter(sleutel=sleutel).first()
    if bestaand is not None:
        return bestaand
    for index, invoer in enumerate(vragen):
        _controleer_vraag(index, invoer, klant)
        if invoer.zaak is not None and not actor.systeem:
            try:
                require(actor, "zaken.lezen", zaak=invoer.zaak)
            except DomainError as exc:
                raise _fout(index, NotFound("Deze zaak bestaat niet.", field="zaak")) from exc

    user = actor_user(actor)
    try:
        with transaction.atomic():
            contact = Klantcontact.objects.create(
                sleutel=sleutel,
                kanaal=kanaal,
                klant=klant,
                medewerker=user,
                medewerker_weergave=actor.display()[:255],
                gestart_op=gestart_op,
                beeindigd_op=beeindigd_op,
            )
    except IntegrityError:
        # The same contact screen was submitted twice at the same moment: the first one won.
        bestaand = Klantcontact.objects.filter(sleutel=sleutel).first()
        if bestaand is None:
            raise
        return bestaand

    artikelen = {a.pk: a for a in geraadpleegd}
    for index, invoer in enumerate(vragen, start=0):
        try:
            vraag = _vraag_vastleggen(actor, contact, index, invoer, klant, kanaal)
        except DomainError as exc:
            raise _fout(index, exc) from exc
        if vraag.kennisartikel_id:
            artikelen.setdefault(vraag.kennisartikel_id, vraag.kennisartikel)
    if artikelen:
        contact.geraadpleegde_artikelen.set(list(artikelen.values()))
    contact.antwoord_in_kennisbank = any(v.kennisartikel is not None for v in vragen)
    if contact.antwoord_in_kennisbank:
        contact.save(update_fields=["antwoord_in_kennisbank"])
    audit_log(
        actor,
        actie=A.AANMAKEN,
        obj=contact,
        klant_id=klant.pk if klant else None,
        nieuw={
            "kanaal": kanaal,
            "duur_seconden": contact.duur_seconden,
            "vragen": [{"onderwerp": v.onderwerp, "resultaat": v.resultaat} for v in vragen],
        },
    )
    events.publish("klantcontact.vastgelegd", klantcontact=contact, actor=actor)
    return contact


def _vraag_vastleggen(
    actor: Actor,
    contact: Klantcontact,
    index: int,
    invoer: VraagInvoer,
    klant: Klant | None,
    kanaal: str,
) -> Vraag:
    onderwerp_zaaktype = (
        invoer.zaaktype
        if invoer.zaaktype is not None
        and invoer.zaaktype.omschrijving.lower() == invoer.onderwerp.lower()
        else _onderwerp_zaaktype(invoer.onderwerp)
    )
    if invoer.kennisartikel is not None:
        bron = Vraag.OnderwerpBron.KENNISBANK
    elif onderwerp_zaaktype is not None:
        bron = Vraag.OnderwerpBron.ZAAKTYPE
    elif Kennisartikel.objects.filter(product__iexact=invoer.onderwerp, actief=True).exists():
        bron = Vraag.OnderwerpBron.PRODUCT
    else:
        bron = Vraag.OnderwerpBron.VRIJ

    zaak = invoer.zaak
    zaaktype = _zaaktype_voor(invoer, onderwerp_zaaktype)
    if invoer.resultaat in (R.ZAAK_GESTART, R.ZAAK_AFGEHANDELD):
        if zaaktype is None:
            raise DomainError("Kies het zaaktype van de zaak die u start.", field="zaaktype")
        if invoer.resultaat == R.ZAAK_GESTART:
            zaak = zaak_starten(
                actor=actor,
                zaaktype=zaaktype,
                klant=klant,
                kanaal=kanaal,
                omschrijving=invoer.onderwerp,
            )
        else:
            zaak = zaak_direct_afhandelen(
                actor=actor,
                zaaktype=zaaktype,
                klant=klant,
                kanaal=kanaal,
                resultaattype=invoer.resultaattype,
                omschrijving=invoer.onderwerp,
                toelichting=invoer.antwoord,
            )
    vraag = Vraag.objects.create(
        klantcontact=contact,
        volgnummer=index + 1,
        onderwerp=invoer.onderwerp,
        onderwerp_bron=bron,
        vraag=invoer.vraag,
        antwoord=invoer.antwoord,
        resultaat=invoer.resultaat,
        status=Vraag.Status.BEANTWOORD,
        kennisartikel=invoer.kennisartikel,
        zaaktype=zaak.zaaktype
        if zaak is not None
        else (zaaktype if bron == Vraag.OnderwerpBron.ZAAKTYPE else None),
        zaak=zaak,
        beantwoord_op=contact.beeindigd_op,
        beantwoord_door=contact.medewerker,
        beantwoord_door_weergave=contact.medewerker_weergave,
    )
    if invoer.resultaat == R.TERUGBELVERZOEK:
        terugbel = invoer.terugbel or TerugbelInvoer()
        terugbelverzoek_send(
            actor=actor,
            onderwerp=invoer.onderwerp,
            telefoon=terugbel.telefoon,
            team=terugbel.team,
            medewerker=terugbel.medewerker,
            klant=klant,
            zaak=zaak,
            vraag=vraag,
            vraag_tekst=invoer.vraag,
            naam=terugbel.naam,
            bereikbaarheid=terugbel.bereikbaarheid,
            verzonden_op=contact.beeindigd_op,
        )
    if zaak is not None:
        audit_log(
            actor,
            actie=A.AANMAKEN,
            obj=vraag,
            object_type="klantvraag",
            zaak=zaak,
            klant_id=klant.pk if klant else None,
            nieuw={"kanaal": kanaal, "onderwerp": invoer.onderwerp, "resultaat": invoer.resultaat},
            actie_weergave="Klantcontact vastgelegd",
        )
    return vraag


# --- questions asked on the PIP, answered later -------------------------------------------------
def _routeer(zaak: Zaak | None) -> tuple[object | None, Team | None]:
    """Who answers a question about this zaak: its klantregisseur, else its behandelaar (a
    medewerker rol), else the behandelend team; without a zaak the klantregie team."""
    if zaak is None:
        return None, Team.objects.filter(is_klantregieteam=True).order_by("naam").first()
    if zaak.klantregisseur_id is not None:
        return zaak.klantregisseur, zaak.behandelend_team
    rol = (
        zaak.rollen.filter(
            omschrijving_generiek=RolOmschrijving.BEHANDELAAR, medewerker__isnull=False
        )
        .select_related("medewerker")
        .order_by("-registratiedatum", "-id")
        .first()
    )
    if rol is not None:
        return rol.medewerker, zaak.behandelend_team
    return None, zaak.behandelend_team


def _klant_van_actor(actor: Actor) -> Klant | None:
    if actor.bsn:
        klant, _ = Klant.objects.get_or_create(
            bsn=actor.bsn, defaults={"soort": Klant.Soort.PERSOON}
        )
        return klant
    if actor.kvk_nummer:
        klant, _ = Klant.objects.get_or_create(
            kvk_nummer=actor.kvk_nummer,
            vestigingsnummer=actor.vestigingsnummer,
            defaults={"soort": Klant.Soort.ORGANISATIE},
        )
        return klant
    return None


@transaction.atomic
def vraag_stellen(
    *,
    actor: Actor,
    vraag: str,
    zaak: Zaak | None = None,
    onderwerp: str = "",
    klant: Klant | None = None,
    kanaal: str = Kanaal.WEBSITE,
    sleutel: uuid_mod.UUID | str | None = None,
) -> Vraag:
    """A requester asks a question (on the PIP, about one of their zaken or in general). It is
    stored as a klantcontact on kanaal `website` with one open question, routed to the
    klantregisseur or behandelaar of the zaak, who answers it with `vraag_beantwoorden`.

    `sleutel` (idempotency key, generated when the form opened): the same question sent twice
    (a double click, the back button) is stored once; the second call returns the first."""
    if zaak is not None:  # routing reads the zaak as it is now, not as the caller got it
        zaak = Zaak.objects.select_related("zaaktype", "klantregisseur").get(pk=zaak.pk)
    if actor.bsn or actor.kvk_nummer:
        if zaak is not None:
            require(actor, "zaken.vragen.stellen", zaak=zaak)
        klant = _klant_van_actor(actor)
    else:
        vereis(actor, "klantregie.add_klantcontact")
        if zaak is not None and not actor.systeem:
            require(actor, "zaken.lezen", zaak=zaak)
    tekst = (vraag or "").strip()
    if not tekst:
        raise DomainError("Schrijf uw vraag.", field="vraag")
    if len(tekst) > 4000:
        raise DomainError("Uw vraag mag hoogstens 4000 tekens lang zijn.", field="vraag")
    onderwerp = " ".join((onderwerp or "").split())[:200] or (
        zaak.zaaktype.publiek_omschrijving if zaak is not None else "Vraag"
    )
    sleutel = uuid_mod.UUID(str(sleutel)) if sleutel else uuid_mod.uuid4()
    bestaand = _gestelde_vraag(sleutel, klant, zaak)
    if bestaand is not None:
        return bestaand
    medewerker, team = _routeer(zaak)
    nu = timezone.now()
    try:
        with transaction.atomic():
            contact = Klantcontact.objects.create(
                sleutel=sleutel,
                kanaal=kanaal,
                klant=klant,
                medewerker=None,
                medewerker_weergave=actor.display()[:255],
                gestart_op=nu,
                beeindigd_op=nu,
            )
    except IntegrityError:
        # The same form was sent twice at the same moment: the first one won.
        bestaand = _gestelde_vraag(sleutel, klant, zaak)
        if bestaand is None:
            raise
        return bestaand
    vraag_obj = Vraag.objects.create(
        klantcontact=contact,
        onderwerp=onderwerp,
        onderwerp_bron=Vraag.OnderwerpBron.ZAAKTYPE if zaak else Vraag.OnderwerpBron.VRIJ,
        vraag=tekst,
        resultaat=R.DOORGESTUURD,
        status=Vraag.Status.OPEN,
        zaak=zaak,
        zaaktype=zaak.zaaktype if zaak else None,
        toegewezen_aan=medewerker,
        toegewezen_team=team,
    )
    audit_log(
        actor,
        actie=A.AANMAKEN,
        obj=vraag_obj,
        object_type="klantvraag",
        zaak=zaak,
        klant_id=klant.pk if klant else None,
        nieuw={
            "kanaal": kanaal,
            "onderwerp": onderwerp,
            "toegewezen_aan": str(medewerker or team or ""),
        },
        actie_weergave="Vraag gesteld",
    )
    if medewerker is not None and medewerker.email:
        email_enqueue(
            sleutel=f"vraag-gesteld:{vraag_obj.uuid}",
            to=medewerker.email,
            subject=f"[Zaakstroom] Nieuwe vraag: {onderwerp}",
            text=(
                f"Er is een vraag gesteld{f' over zaak {zaak.identificatie}' if zaak else ''}. "
                "Beantwoord de vraag in Zaakstroom (Vragen)."
            ),
            zaak=zaak,
        )
    events.publish("klantcontact.vraag_gesteld", vraag=vraag_obj, actor=actor)
    return vraag_obj


def _gestelde_vraag(sleutel: uuid_mod.UUID, klant: Klant | None, zaak: Zaak | None) -> Vraag | None:
    """The question already stored under this key, or None. A key of somebody else's question
    (or of another zaak) is refused without saying what it belongs to."""
    # The contact first, then its question: they are committed together, so a contact seen by
    # the first statement has its question visible to the second. (Asking for the question first
    # raced: a concurrent send could commit between the two statements and look like a foreign
    # contact with this key.)
    contact = Klantcontact.objects.filter(sleutel=sleutel).first()
    if contact is None:
        return None
    vraag = (
        Vraag.objects.select_related("klantcontact", "zaak")
        .filter(klantcontact=contact)
        .order_by("volgnummer", "id")
        .first()
    )
    if vraag is None:
        raise Conflict("Dit formulier is al gebruikt. Open het opnieuw.", code="sleutel")
    if vraag.klantcontact.klant_id != (klant.pk if klant else None) or vraag.zaak_id != (
        zaak.pk if zaak else None
    ):
        raise Conflict("Dit formulier is al gebruikt. Open het opnieuw.", code="sleutel")
    return vraag


def mag_beantwoorden(user, vraag: Vraag) -> bool:
    if user is None or not getattr(user, "is_medewerker", False) or not user.is_active:
        return False
    if not user.has_perm("klantregie.vragen_beantwoorden"):
        return False
    if vraag.toegewezen_aan_id == user.pk:
        return True
    if vraag.toegewezen_team_id is not None and vraag.toegewezen_team_id in user.team_ids:
        return True
    return vraag.zaak_id is not None and toegang_medewerker(user, vraag.zaak) == VOLLEDIG


@transaction.atomic
def vraag_beantwoorden(*, actor: Actor, vraag: Vraag, antwoord: str) -> Vraag:
    """Answer an open question. Publishes `klantcontact.vraag_beantwoord` (the PIP shows the
    answer and may e-mail the requester)."""
    vraag = (
        Vraag.objects.select_for_update(of=("self",))
        .select_related("zaak__zaaktype", "klantcontact")
        .get(pk=vraag.pk)
    )
    if not actor.systeem:
        user = actor.user
        if user is None or not getattr(user, "is_medewerker", False):
            raise NotAllowed()
        if vraag.zaak is not None and toegang_medewerker(user, vraag.zaak) is None:
            raise NotFound("Deze vraag bestaat niet of u heeft er geen toegang toe.")
        if not mag_beantwoorden(user, vraag):
            raise NotAllowed("Deze vraag is niet aan u of uw team gericht.")
    if not vraag.is_open:
        raise Conflict(
            f"Deze vraag is al beantwoord door {vraag.beantwoord_door_weergave or 'een collega'}.",
            code="al-beantwoord",
        )
    antwoord = (antwoord or "").strip()
    if not antwoord:
        raise DomainError("Schrijf het antwoord.", field="antwoord")
    if len(antwoord) > 10000:
        raise DomainError("Het antwoord mag hoogstens 10.000 tekens lang zijn.", field="antwoord")
    user = actor_user(actor)
    vraag.antwoord = antwoord
    vraag.status = Vraag.Status.BEANTWOORD
    vraag.beantwoord_op = timezone.now()
    vraag.beantwoord_door = user
    vraag.beantwoord_door_weergave = actor.display()[:255]
    vraag.save(
        update_fields=[
            "antwoord",
            "status",
            "beantwoord_op",
            "beantwoord_door",
            "beantwoord_door_weergave",
        ]
    )
    audit_log(
        actor,
        actie=A.WIJZIGEN,
        obj=vraag,
        object_type="klantvraag",
        zaak=vraag.zaak,
        klant_id=vraag.klantcontact.klant_id,
        nieuw={"status": vraag.status},
        actie_weergave="Vraag beantwoord",
    )
    events.publish("klantcontact.vraag_beantwoord", vraag=vraag, actor=actor)
    return vraag
