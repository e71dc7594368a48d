"""The read path for klantregie. Selectors carry their authorisation and fetch what a page needs
in a fixed number of queries, whatever the number of zaken, contacts or verzoeken.

Confidentiality: on the klantbeeld a zaak above the user's maximum vertrouwelijkheidaanduiding is
shown in the restricted form (existence, zaaktype, status), and questions about such a zaak show
their onderwerp only, never the question or the answer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Lower
from django.utils import timezone

from core.errors import NotFound
from core.paging import Page, paginate
from core.validators import validate_bsn
from core.vertrouwelijkheid import rang
from klantregie.models import (
    Kennisartikel,
    Klant,
    Klantcontact,
    Terugbelpoging,
    Terugbelverzoek,
    Vraag,
)
from zaken.models import Rol, Zaak
from zaken.permissions import BEPERKT, VOLLEDIG
from zaken.selectors import betrokkene_q, deadline_signaal, zaken_zichtbaar_voor_medewerker

DIRECT_NORM_PROCENT = 80  # the KPI norm: 80% of questions answered directly in the KCC


def _vereis_perm(user, perm: str) -> None:
    if (
        user is None
        or not user.is_authenticated
        or not getattr(user, "is_medewerker", False)
        or not user.has_perm(perm)
    ):
        raise NotFound()


# --- klanten ------------------------------------------------------------------------------------
def klant_zaken_q(klant: Klant) -> Q:
    """Zaken in which this klant is a betrokkene (by the klant record, BSN or KvK-nummer).

    A semi-join on the rollen (`pk IN (SELECT zaak_id FROM rol WHERE ...)`), so that PostgreSQL
    starts from the rol indexes (klant, BSN, KvK-nummer) instead of scanning every zaak."""
    rollen = Q(klant_id=klant.pk)
    if klant.bsn:
        rollen |= Q(bsn=klant.bsn)
    elif klant.kvk_nummer:
        kvk = Q(kvk_nummer=klant.kvk_nummer)
        if klant.vestigingsnummer:
            kvk &= Q(vestigingsnummer=klant.vestigingsnummer) | Q(vestigingsnummer="")
        rollen |= kvk
    return Q(pk__in=Rol.objects.filter(rollen).values("zaak_id"))


_POSTCODE_RE = re.compile(r"^(\d{4})\s?([A-Za-z]{2})\s*[,-]?\s*(\d+)\s*([A-Za-z0-9-]*)$")
_DATUM_RE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_TELEFOON_RE = re.compile(r"^\+?[\d\s\-()]{8,20}$")


@dataclass
class KlantZoekresultaat:
    soort: str  # bsn | kvk | postcode | email | telefoon | naam | ""
    klanten: list[Klant] = field(default_factory=list)
    melding: str = ""

    @property
    def soort_weergave(self) -> str:
        return {
            "bsn": "BSN",
            "kvk": "KvK-nummer",
            "postcode": "postcode en huisnummer",
            "email": "e-mailadres",
            "telefoon": "telefoonnummer",
            "naam": "naam",
        }.get(self.soort, "")


def _naam_kandidaten(woorden: list[str]) -> list[str]:
    """'Jan de Vries' -> ['jan de vries', 'de vries', 'vries']: the achternaam is the tail."""
    woorden = [w.lower() for w in woorden if w]
    return [" ".join(woorden[i:]) for i in range(len(woorden))]


def klanten_zoeken(user, zoekterm: str, limit: int = 10) -> KlantZoekresultaat:
    """Find klanten by BSN, KvK-nummer, postcode + huisnummer, e-mail, telefoon, or name (+
    geboortedatum, e.g. 'de Vries 14-05-1980'). Every form is an index lookup."""
    _vereis_perm(user, "klantregie.view_klant")
    term = " ".join((zoekterm or "").split())
    if not term:
        return KlantZoekresultaat(
            "",
            melding="Typ een BSN, KvK-nummer, postcode en huisnummer, "
            "e-mailadres, telefoonnummer of naam.",
        )
    qs = Klant.objects.all()
    cijfers = re.sub(r"\D", "", term)
    if re.fullmatch(r"\d{9}", term):
        try:
            validate_bsn(term)
        except ValidationError:
            return KlantZoekresultaat("bsn", melding="Dit BSN klopt niet. Controleer de cijfers.")
        return KlantZoekresultaat("bsn", list(qs.filter(bsn=term)[:limit]))
    if re.fullmatch(r"\d{8}", term):
        return KlantZoekresultaat(
            "kvk", list(qs.filter(kvk_nummer=term).order_by("vestigingsnummer")[:limit])
        )
    if match := _POSTCODE_RE.match(term):
        postcode = f"{match.group(1)}{match.group(2).upper()}"
        huisnummer = match.group(3)
        gevonden = qs.filter(
            Q(postcode=postcode) | Q(postcode=f"{match.group(1)} {match.group(2).upper()}"),
            huisnummer=huisnummer,
        )
        if match.group(4):
            gevonden = gevonden.filter(huisnummertoevoeging__iexact=match.group(4))
        return KlantZoekresultaat("postcode", list(gevonden[:limit]))
    if "@" in term:
        return KlantZoekresultaat(
            "email", list(qs.annotate(e=Lower("email")).filter(e=term.lower())[:limit])
        )
    if _TELEFOON_RE.match(term) and len(cijfers) >= 8:
        varianten = {cijfers, "+" + cijfers}
        if cijfers.startswith("31"):
            varianten.add("0" + cijfers[2:])
        if cijfers.startswith("0"):
            varianten.add("+31" + cijfers[1:])
        return KlantZoekresultaat("telefoon", list(qs.filter(telefoon__in=varianten)[:limit]))
    geboortedatum = None
    if match := _DATUM_RE.search(term):
        try:
            geboortedatum = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            return KlantZoekresultaat(
                "naam", melding="Deze geboortedatum bestaat niet. Gebruik dd-mm-jjjj."
            )
        term = (term[: match.start()] + term[match.end() :]).strip()
    woorden = re.findall(r"[\w'-]+", term)
    if not woorden:
        return KlantZoekresultaat("naam", melding="Typ ook de achternaam.")
    kandidaten = _naam_kandidaten(woorden)
    gevonden = qs.annotate(a=Lower("achternaam")).filter(a__in=kandidaten)
    if geboortedatum:
        gevonden = gevonden.filter(geboortedatum=geboortedatum)
    klanten = list(gevonden.order_by("achternaam", "voornamen", "id")[: limit + 1])
    if not geboortedatum:  # organisations by name (always one query: a fixed count)
        klanten += list(
            qs.filter(
                soort=Klant.Soort.ORGANISATIE, bedrijfsnaam__icontains=" ".join(woorden)
            ).order_by("bedrijfsnaam", "id")[: limit + 1]
        )
    melding = ""
    if len(klanten) > limit:
        klanten = klanten[:limit]
        melding = "Er zijn meer klanten met deze naam. Voeg de geboortedatum toe (dd-mm-jjjj)."
    return KlantZoekresultaat("naam", klanten, melding)


def klant_voor_medewerker(user, uuid) -> Klant:
    _vereis_perm(user, "klantregie.view_klant")
    klant = Klant.objects.filter(uuid=uuid).first()
    if klant is None:
        raise NotFound("Deze klant bestaat niet.")
    return klant


# --- klantbeeld ---------------------------------------------------------------------------------
def _max_rang(user) -> int:
    return rang(user.max_vertrouwelijkheid)


def _vraag_prefetch(to_attr: str = "vragen_lijst") -> Prefetch:
    return Prefetch(
        "vragen",
        queryset=Vraag.objects.select_related(
            "zaak__zaaktype", "kennisartikel", "toegewezen_aan", "toegewezen_team"
        ).order_by("volgnummer", "id"),
        to_attr=to_attr,
    )


def _markeer_vragen(contacten, max_rang: int) -> None:
    """Hide the question and answer of questions about a zaak above the user's level."""
    for contact in contacten:
        for vraag in contact.vragen_lijst:
            vraag.verborgen = (
                vraag.zaak is not None and rang(vraag.zaak.vertrouwelijkheidaanduiding) > max_rang
            )


def _contacten_qs(klant: Klant) -> QuerySet[Klantcontact]:
    return (
        Klantcontact.objects.filter(klant=klant)
        .select_related("medewerker")
        .prefetch_related(_vraag_prefetch())
        .order_by("-gestart_op", "-id")
    )


@dataclass
class Klantbeeld:
    klant: Klant
    zaken: list[Zaak]
    meer_zaken: bool
    contacten: list[Klantcontact]
    meer_contacten: bool
    terugbelverzoeken: list[Terugbelverzoek]

    @property
    def open_zaken(self) -> list[Zaak]:
        return [z for z in self.zaken if z.einddatum is None]


def klantbeeld(user, klant_uuid, *, max_zaken: int = 100, max_contacten: int = 20) -> Klantbeeld:
    """One klant: contact details, all zaken (open first), the latest contacts over every channel
    (also questions asked on the PIP) and the open terugbelverzoeken. Six queries."""
    klant = klant_voor_medewerker(user, klant_uuid)
    max_rang = _max_rang(user)
    today = timezone.localdate()
    zaken = list(
        zaken_zichtbaar_voor_medewerker(user)
        .filter(klant_zaken_q(klant))
        .select_related("zaaktype", "statustype", "behandelend_team", "klantregisseur")
        .annotate(
            gesloten=Case(
                When(einddatum__isnull=True, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by(
            "gesloten",
            F("einddatum").desc(nulls_first=True),
            F("uiterlijke_einddatum_afdoening").asc(nulls_last=True),
            "-id",
        )[: max_zaken + 1]
    )
    for zaak in zaken:
        zaak.toegang = VOLLEDIG if rang(zaak.vertrouwelijkheidaanduiding) <= max_rang else BEPERKT
        zaak.signaal = deadline_signaal(zaak, today)
    contacten = list(_contacten_qs(klant)[: max_contacten + 1])
    _markeer_vragen(contacten, max_rang)
    verzoeken = list(
        Terugbelverzoek.objects.filter(klant=klant, status__in=Terugbelverzoek.OPEN_STATUSSEN)
        .select_related("team", "medewerker", "behandelaar", "zaak")
        .order_by("deadline", "id")[:50]
    )
    for verzoek in verzoeken:
        verzoek.te_laat = verzoek.is_te_laat(today)
    return Klantbeeld(
        klant=klant,
        zaken=zaken[:max_zaken],
        meer_zaken=len(zaken) > max_zaken,
        contacten=contacten[:max_contacten],
        meer_contacten=len(contacten) > max_contacten,
        terugbelverzoeken=verzoeken,
    )


def contacthistorie(user, klant_uuid, pagina=None, per_page: int = 25) -> tuple[Klant, Page]:
    """All contacts of a klant, newest first, a page at a time (no COUNT(*))."""
    _vereis_perm(user, "klantregie.view_klantcontact")
    klant = klant_voor_medewerker(user, klant_uuid)
    page = paginate(_contacten_qs(klant), pagina, per_page=per_page)
    _markeer_vragen(page.items, _max_rang(user))
    return klant, page


# --- questions ----------------------------------------------------------------------------------
def vragen_voor_zaak(zaak: Zaak, limit: int = 100) -> list[Vraag]:
    """The questions about a zaak, newest first. The caller got `zaak` through a zaken selector
    and may see its content."""
    return list(
        Vraag.objects.filter(zaak=zaak)
        .select_related(
            "klantcontact__klant", "klantcontact__medewerker", "kennisartikel", "beantwoord_door"
        )
        .order_by("-klantcontact__gestart_op", "-id")[:limit]
    )


def vragen_voor_klant(klant: Klant, limit: int = 100) -> list[Vraag]:
    return list(
        Vraag.objects.filter(klantcontact__klant=klant)
        .select_related("klantcontact", "zaak__zaaktype")
        .order_by("-klantcontact__gestart_op", "-id")[:limit]
    )


def vragen_voor_betrokkene(
    *, bsn: str = "", kvk_nummer: str = "", vestigingsnummer: str = "", kanaal: str = "website"
) -> QuerySet[Vraag]:
    """The requester's own questions ("Mijn vragen" on the PIP): only those of this BSN or
    KvK-nummer, by default only the ones asked on the PIP (kanaal website).

    The same rule as the PIP's zaken (`zaken.selectors.betrokkene_q`): a login without vestiging
    speaks for the whole KvK-nummer, a vestiging sees its own and the company-wide questions; and
    a question about a zaak shows only while the requester is a betrokkene of that zaak (so a
    company-wide question about another vestiging's zaak stays with that vestiging)."""
    if bsn:
        qs = Vraag.objects.filter(klantcontact__klant__bsn=bsn)
    elif kvk_nummer:
        qs = Vraag.objects.filter(klantcontact__klant__kvk_nummer=kvk_nummer)
        if vestigingsnummer:
            qs = qs.filter(klantcontact__klant__vestigingsnummer__in=[vestigingsnummer, ""])
    else:
        return Vraag.objects.none()
    if kanaal:
        qs = qs.filter(klantcontact__kanaal=kanaal)
    eigen_zaken = Zaak.objects.filter(
        betrokkene_q(bsn=bsn, kvk_nummer=kvk_nummer, vestigingsnummer=vestigingsnummer)
    ).values("pk")
    qs = qs.filter(Q(zaak__isnull=True) | Q(zaak_id__in=eigen_zaken))
    return qs.select_related("klantcontact", "zaak__zaaktype").order_by(
        "-klantcontact__gestart_op", "-id"
    )


def open_vragen_voor_medewerker(user, limit: int = 100) -> list[Vraag]:
    """Open questions routed to the user or to one of their teams, oldest first."""
    _vereis_perm(user, "klantregie.vragen_beantwoorden")
    return list(
        Vraag.objects.filter(status=Vraag.Status.OPEN)
        .filter(Q(toegewezen_aan=user) | Q(toegewezen_team_id__in=user.team_ids))
        .select_related(
            "klantcontact__klant", "zaak__zaaktype", "toegewezen_aan", "toegewezen_team"
        )
        .order_by("klantcontact__gestart_op", "id")[:limit]
    )


def open_vraag_voor_medewerker(user, uuid) -> Vraag:
    _vereis_perm(user, "klantregie.vragen_beantwoorden")
    vraag = (
        Vraag.objects.select_related("klantcontact__klant", "zaak__zaaktype")
        .filter(uuid=uuid)
        .first()
    )
    if vraag is None:
        raise NotFound("Deze vraag bestaat niet.")
    from klantregie.services import mag_beantwoorden

    if not mag_beantwoorden(user, vraag):
        raise NotFound("Deze vraag bestaat niet of u heeft er geen toegang toe.")
    return vraag


# --- terugbelverzoeken --------------------------------------------------------------------------
def _terugbel_qs() -> QuerySet[Terugbelverzoek]:
    return Terugbelverzoek.objects.select_related(
        "team", "medewerker", "behandelaar", "klant", "zaak"
    )


def terugbelverzoeken_voor_medewerker(
    user, *, voor: str = "mij", team=None, alleen_open: bool = True, limit: int = 100
) -> list[Terugbelverzoek]:
    """'mij': addressed to or taken on by the user; 'teams': addressed to one of their teams
    (or to `team`); open ones by deadline. 'verstuurd': the ones the user sent, newest first."""
    _vereis_perm(user, "klantregie.view_terugbelverzoek")
    qs = _terugbel_qs()
    if team is not None:
        qs = qs.filter(team=team)
    elif voor == "teams":
        qs = qs.filter(team_id__in=user.team_ids)
    elif voor == "verstuurd":
        qs = qs.filter(aangevraagd_door=user)
        alleen_open = False
    else:
        qs = qs.filter(Q(medewerker=user) | Q(behandelaar=user))
    if alleen_open:
        qs = qs.filter(status__in=Terugbelverzoek.OPEN_STATUSSEN).order_by("deadline", "id")
    else:
        qs = qs.order_by("-verzonden_op", "-id")
    verzoeken = list(qs[:limit])
    today = timezone.localdate()
    for verzoek in verzoeken:
        verzoek.te_laat = verzoek.is_te_laat(today)
    return verzoeken


def terugbelverzoek_voor_medewerker(user, uuid) -> Terugbelverzoek:
    _vereis_perm(user, "klantregie.view_terugbelverzoek")
    verzoek = (
        _terugbel_qs()
        .select_related("vraag", "aangevraagd_door", "afgehandeld_door")
        .prefetch_related("pogingen")
        .filter(uuid=uuid)
        .first()
    )
    if verzoek is None:
        raise NotFound("Dit terugbelverzoek bestaat niet.")
    verzoek.te_laat = verzoek.is_te_laat()
    verzoek.verborgen = verzoek.zaak is not None and rang(
        verzoek.zaak.vertrouwelijkheidaanduiding
    ) > _max_rang(user)
    return verzoek


# --- kennisbank ---------------------------------------------------------------------------------
def _zoektermen(zoekterm: str) -> list[str]:
    return re.findall(r"\w+", (zoekterm or "").lower())[:8]


def _zoek_fulltext(termen: list[str]) -> QuerySet[Kennisartikel]:
    from django.contrib.postgres.search import SearchQuery, SearchRank

    from klantregie.services.kennisbank import ZOEK_CONFIG

    # Any term may match (the best match ranks first); the last term may be half typed.
    delen = [*termen[:-1], f"{termen[-1]}:*"]
    query = SearchQuery(" | ".join(delen), search_type="raw", config=ZOEK_CONFIG)
    alle = SearchQuery(" & ".join(delen), search_type="raw", config=ZOEK_CONFIG)
    return (
        Kennisartikel.objects.filter(actief=True, zoekvector=query)
        .annotate(
            rank=SearchRank(F("zoekvector"), query),
            volledig=Case(
                When(zoekvector=alle, then=Value(1)), default=Value(0), output_field=IntegerField()
            ),
        )
        .order_by("-volledig", "-rank", "vraag", "id")
    )


def _zoek_eenvoudig(termen: list[str]) -> QuerySet[Kennisartikel]:
    """The SQLite fallback: every term as a substring, keywords weigh most."""
    filter_q = Q()
    score = Value(0)
    for term in termen:
        filter_q |= (
            Q(trefwoorden__icontains=term)
            | Q(vraag__icontains=term)
            | Q(product__icontains=term)
            | Q(antwoord__icontains=term)
        )
        for veld, gewicht in (("trefwoorden", 8), ("vraag", 4), ("product", 2), ("antwoord", 1)):
            score = score + Case(
                When(**{f"{veld}__icontains": term}, then=Value(gewicht)),
                default=Value(0),
                output_field=IntegerField(),
            )
    return (
        Kennisartikel.objects.filter(filter_q, actief=True)
        .annotate(rank=score)
        .order_by("-rank", "vraag", "id")
    )


def kennisartikelen_zoeken(zoekterm: str, limit: int = 10) -> list[Kennisartikel]:
    """Search the kennisbank as you type: PostgreSQL full-text search in Dutch (stemming,
    ranking, keywords weighted highest) or a plain substring search on other databases."""
    termen = _zoektermen(zoekterm)
    if not termen:
        return []
    if connection.vendor == "postgresql":
        return list(_zoek_fulltext(termen)[:limit])
    return list(_zoek_eenvoudig(termen)[:limit])


def kennisartikel(uuid, *, alleen_actief: bool = True) -> Kennisartikel:
    qs = Kennisartikel.objects.select_related("eigenaar_team").filter(uuid=uuid)
    if alleen_actief:
        qs = qs.filter(actief=True)
    artikel = qs.first()
    if artikel is None:
        raise NotFound("Dit kennisartikel bestaat niet (meer).")
    return artikel


def kennisartikelen_lijst(pagina=None, per_page: int = 50) -> Page:
    return paginate(
        Kennisartikel.objects.filter(actief=True)
        .select_related("eigenaar_team")
        .order_by("vraag", "id"),
        pagina,
        per_page=per_page,
    )


# --- KCC start page -----------------------------------------------------------------------------
def _dag(vandaag: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(vandaag, time.min), tz)
    return start, start + timedelta(days=1)


@dataclass
class KccOverzicht:
    contacten: list[Klantcontact]
    verstuurd: list[Terugbelverzoek]
    mijn_vragen: int
    mijn_direct: int
    alle_vragen: int
    alle_direct: int
    norm: int = DIRECT_NORM_PROCENT

    @staticmethod
    def _procent(deel: int, totaal: int) -> int | None:
        return round(100 * deel / totaal) if totaal else None

    @property
    def mijn_procent(self) -> int | None:
        return self._procent(self.mijn_direct, self.mijn_vragen)

    @property
    def alle_procent(self) -> int | None:
        return self._procent(self.alle_direct, self.alle_vragen)

    @property
    def onder_norm(self) -> bool:
        return self.alle_procent is not None and self.alle_procent < self.norm


def kcc_overzicht(user, vandaag: date | None = None) -> KccOverzicht:
    """Today's contacts of the user, the terugbelverzoeken they sent and their state, and today's
    share of questions answered directly (theirs and the whole KCC's). Five queries."""
    _vereis_perm(user, "klantregie.view_klantcontact")
    vandaag = vandaag or timezone.localdate()
    start, eind = _dag(vandaag)
    contacten = list(
        Klantcontact.objects.filter(medewerker=user, gestart_op__gte=start, gestart_op__lt=eind)
        .select_related("klant")
        .prefetch_related(_vraag_prefetch())
        .order_by("-gestart_op", "-id")[:100]
    )
    verstuurd = list(
        _terugbel_qs().filter(aangevraagd_door=user).order_by("-verzonden_op", "-id")[:25]
    )
    for verzoek in verstuurd:
        verzoek.te_laat = verzoek.is_te_laat(vandaag)
    direct = Q(resultaat__in=Vraag.DIRECT)
    mijn = Q(klantcontact__medewerker=user)
    cijfers = Vraag.objects.filter(
        klantcontact__gestart_op__gte=start,
        klantcontact__gestart_op__lt=eind,
        klantcontact__medewerker__isnull=False,
    ).aggregate(
        alle=Count("id"),
        alle_direct=Count("id", filter=direct),
        mijn=Count("id", filter=mijn),
        mijn_direct=Count("id", filter=mijn & direct),
    )
    return KccOverzicht(
        contacten=contacten,
        verstuurd=verstuurd,
        mijn_vragen=cijfers["mijn"],
        mijn_direct=cijfers["mijn_direct"],
        alle_vragen=cijfers["alle"],
        alle_direct=cijfers["alle_direct"],
    )


# --- any reader, by actor (Zaakstroom's own API) -----------------------------------------------
def _vereis_actor(actor, perm: str) -> None:
    from klantregie.rechten import mag

    if not mag(actor, perm):
        raise NotFound()


def _afgeschermd(zichtbare_zaken: QuerySet[Zaak] | None, veld: str = "zaak"):
    """True (in the database) for a row about a zaak outside `zichtbare_zaken`: the reader may
    not know that zaak, so it sees the onderwerp but not the content nor the zaak itself."""
    if zichtbare_zaken is None:
        return Value(False, output_field=BooleanField())
    return Case(
        When(**{f"{veld}__isnull": True}, then=Value(False)),
        When(**{f"{veld}__in": zichtbare_zaken.values("pk")}, then=Value(False)),
        default=Value(True),
        output_field=BooleanField(),
    )


def klant_met_nummer(
    actor, *, bsn: str = "", kvk_nummer: str = "", vestigingsnummer: str = ""
) -> Klant | None:
    """The klant another application names by BSN, or by KvK-nummer (and vestigingsnummer);
    None when Zaakstroom does not know it."""
    _vereis_actor(actor, "klantregie.view_klant")
    if bsn:
        return Klant.objects.filter(bsn=bsn).first()
    if kvk_nummer:
        return Klant.objects.filter(
            kvk_nummer=kvk_nummer, vestigingsnummer=vestigingsnummer or ""
        ).first()
    return None


def _klantcontacten_qs(zichtbare_zaken: QuerySet[Zaak] | None) -> QuerySet[Klantcontact]:
    return Klantcontact.objects.select_related("klant").prefetch_related(
        Prefetch(
            "vragen",
            queryset=Vraag.objects.select_related("zaak", "zaaktype", "terugbelverzoek")
            .annotate(afgeschermd=_afgeschermd(zichtbare_zaken))
            .order_by("volgnummer", "id"),
            to_attr="vragen_lijst",
        )
    )


def klantcontact_zoals_vastgelegd(
    contact: Klantcontact, *, zichtbare_zaken: QuerySet[Zaak] | None = None
) -> Klantcontact:
    """A contact the caller has just logged, as a reader sees it (questions about zaken outside
    `zichtbare_zaken` shielded). Logging needs no right to read other contacts."""
    return _klantcontacten_qs(zichtbare_zaken).get(pk=contact.pk)


def klantcontacten_voor_actor(
    actor,
    *,
    zichtbare_zaken: QuerySet[Zaak] | None = None,
    klant: Klant | None = None,
    zaak: Zaak | None = None,
    kanaal: str = "",
    vanaf: datetime | None = None,
    tot: datetime | None = None,
) -> QuerySet[Klantcontact]:
    """Klantcontacten with their questions, newest first, for a reader with
    `view_klantcontact` (or `klantcontacten.lezen`). Every filter runs in the database; a page
    costs three queries whatever its size (contacts with their klant, questions with their zaak,
    zaaktype and terugbelverzoek). `zichtbare_zaken` are the zaken the reader may see (None: all):
    a question about another zaak is `afgeschermd`. `zaak` must be one the reader may see: the
    contacts with a question about it."""
    _vereis_actor(actor, "klantregie.view_klantcontact")
    qs = _klantcontacten_qs(zichtbare_zaken)
    if klant is not None:
        qs = qs.filter(klant=klant)
    if zaak is not None:
        qs = qs.filter(Exists(Vraag.objects.filter(klantcontact=OuterRef("pk"), zaak=zaak)))
    if kanaal:
        qs = qs.filter(kanaal=kanaal)
    if vanaf is not None:
        qs = qs.filter(gestart_op__gte=vanaf)
    if tot is not None:
        qs = qs.filter(gestart_op__lt=tot)
    return qs.order_by("-gestart_op", "-id")


def _terugbelverzoeken_qs(zichtbare_zaken: QuerySet[Zaak] | None) -> QuerySet[Terugbelverzoek]:
    return (
        _terugbel_qs()
        .select_related("vraag__klantcontact")
        .prefetch_related(
            Prefetch("pogingen", queryset=Terugbelpoging.objects.order_by("tijdstip", "id"))
        )
        .annotate(afgeschermd=_afgeschermd(zichtbare_zaken))
    )


def terugbelverzoek_zoals_vastgelegd(
    uuid, *, zichtbare_zaken: QuerySet[Zaak] | None = None
) -> Terugbelverzoek:
    """A verzoek the caller has just sent, or is about to record an attempt on or close, as a
    reader sees it. Whether the caller may do that is the service's question (`terugbelpoging_add`,
    `terugbelverzoek_close`); it needs no right to read the other verzoeken."""
    verzoek = _terugbelverzoeken_qs(zichtbare_zaken).filter(uuid=uuid).first()
    if verzoek is None:
        raise NotFound("Dit terugbelverzoek bestaat niet.")
    return verzoek


def terugbelverzoeken_voor_actor(
    actor,
    *,
    zichtbare_zaken: QuerySet[Zaak] | None = None,
    klant: Klant | None = None,
    zaak: Zaak | None = None,
    status: str = "",
    team=None,
    medewerker=None,
    deadline_voor: date | None = None,
) -> QuerySet[Terugbelverzoek]:
    """Terugbelverzoeken by deadline, with their attempts, for a reader with
    `view_terugbelverzoek` (or `terugbelverzoeken.lezen`): two queries a page. A verzoek about a
    zaak outside `zichtbare_zaken` is `afgeschermd` (its question and zaak are not shown)."""
    _vereis_actor(actor, "klantregie.view_terugbelverzoek")
    qs = _terugbelverzoeken_qs(zichtbare_zaken)
    if klant is not None:
        qs = qs.filter(klant=klant)
    if zaak is not None:
        qs = qs.filter(zaak=zaak)
    if status:
        qs = qs.filter(status=status)
    if team is not None:
        qs = qs.filter(team=team)
    if medewerker is not None:
        qs = qs.filter(medewerker=medewerker)
    if deadline_voor is not None:
        qs = qs.filter(deadline__lt=deadline_voor)
    return qs.order_by("deadline", "id")
