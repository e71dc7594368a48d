"""Fill PostgreSQL with a realistic Zaakstroom dataset of a given size, fast.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zs_bench_10k \\
        .venv/bin/python bench/generate.py --zaken 10000

Per zaak: about 4 statussen, 2 rollen (initiator + behandelend team), 1 document and 2
klantcontacten (with their questions); one zaak in forty has a terugbelverzoek; open zaken have a
running process with an open task in the werkvoorraad of their team. 0.3 klanten per zaak; 100
zaaktypen (the demo catalogue plus copies); a year and a half of history, so that the dashboard
has something to show.

How it is fast:
- rows are written with COPY, in chunks, by two worker processes (one per core) that each build a
  disjoint range of zaken; every row's id follows from the zaak's number (fixed-size id blocks), so
  the workers need no coordination;
- the indexes that back no constraint are dropped before the load and built once afterwards,
  which is far cheaper than maintaining them row by row;
- foreign-key triggers are off during the load (`session_replication_role = replica`): the data is
  consistent by construction, and an orphan check at the end proves it;
- deadlines come from the term calendar, computed once per (zaaktype, startdatum) pair.

The run is idempotent: the table `bench_dataset` records the size that was built.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")

import django

django.setup()

from django.conf import settings
from django.core.management import call_command
from django.db import connection

CHUNK = 10_000
WORKERS = 2
HISTORY_DAYS = 540
FLOW = "processen/flows.ZaakFlow"
DONE_NODES = [
    ("start", "START"),
    ("intake", "FUNCTION"),
    ("routering", "SWITCH"),
    ("klantregie", "FUNCTION"),
    ("naar_lijn", "SWITCH"),
]
# Rows per zaak in each table: the id of row k of zaak i is base + i * BLOCK + k.
BLOCK = {
    "zaken_zaak": 1,
    "zaken_status": 8,
    "zaken_rol": 2,
    "zaken_document": 1,
    "zaken_zaakdocument": 1,
    "zaken_resultaat": 1,
    "processen_zaakproces": 1,
    "processen_taak": 6,
    "processen_taak_previous": 5,
    "klantregie_klantcontact": 2,
    "klantregie_vraag": 2,
    "klantregie_terugbelverzoek": 1,
}
VOORNAMEN = [
    "Jan",
    "Anna",
    "Mohamed",
    "Sanne",
    "Pieter",
    "Fatima",
    "Kees",
    "Lisa",
    "Ahmed",
    "Eva",
    "Daan",
    "Noor",
    "Bram",
    "Emma",
    "Youssef",
    "Sophie",
    "Thijs",
    "Julia",
    "Mehmet",
    "Lotte",
]
ACHTERNAMEN = [
    ("de", "Vries"),
    ("", "Jansen"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("", "Bos"),
    ("", "Yilmaz"),
    ("El", "Amrani"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Dijk"),
    ("", "Kok"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Graaf"),
    ("", "Koster"),
]
STRATEN = [
    "Dorpsstraat",
    "Kerkstraat",
    "Molenweg",
    "Stationsstraat",
    "Lindelaan",
    "Marktplein",
    "Parkweg",
    "Brink",
]
KANALEN = ["telefoon", "balie", "email", "website", "website", "website", "post", "chat"]

COLS = {
    "klantregie_klant": (
        "id",
        "uuid",
        "soort",
        "bsn",
        "voornamen",
        "voorvoegsel",
        "achternaam",
        "geboortedatum",
        "kvk_nummer",
        "vestigingsnummer",
        "rsin",
        "bedrijfsnaam",
        "straat",
        "huisnummer",
        "huisnummertoevoeging",
        "postcode",
        "woonplaats",
        "email",
        "telefoon",
        "voorkeurskanaal",
        "aangemaakt",
        "gewijzigd",
    ),
    "zaken_zaak": (
        "id",
        "uuid",
        "identificatie",
        "bronorganisatie",
        "verantwoordelijke_organisatie",
        "zaaktype_id",
        "omschrijving",
        "toelichting",
        "registratiedatum",
        "startdatum",
        "einddatum",
        "einddatum_gepland",
        "uiterlijke_einddatum_afdoening",
        "publicatiedatum",
        "kanaal",
        "communicatiekanaal",
        "vertrouwelijkheidaanduiding",
        "producten_of_diensten",
        "selectielijstklasse",
        "hoofdzaak_id",
        "opschorting_indicatie",
        "opschorting_reden",
        "opschorting_wacht_op_aanvrager",
        "verlenging_reden",
        "verlenging_duur",
        "politiek_gevoelig",
        "klantregisseur_id",
        "behandelend_team_id",
        "status_id",
        "statustype_id",
        "archiefnominatie",
        "archiefstatus",
        "archiefactiedatum",
        "aangemaakt",
        "gewijzigd",
    ),
    "zaken_status": (
        "id",
        "uuid",
        "zaak_id",
        "statustype_id",
        "datum_status_gezet",
        "statustoelichting",
        "gezet_door_id",
        "gezet_door_weergave",
    ),
    "zaken_resultaat": ("id", "uuid", "zaak_id", "resultaattype_id", "toelichting"),
    "zaken_rol": (
        "id",
        "uuid",
        "zaak_id",
        "roltype_id",
        "omschrijving",
        "omschrijving_generiek",
        "betrokkene_type",
        "roltoelichting",
        "registratiedatum",
        "indicatie_machtiging",
        "naam",
        "bsn",
        "kvk_nummer",
        "vestigingsnummer",
        "rsin",
        "klant_id",
        "medewerker_id",
        "team_id",
        "betrokkene_identificatie",
        "contactpersoon",
    ),
    "zaken_document": (
        "id",
        "uuid",
        "identificatie",
        "bronorganisatie",
        "informatieobjecttype_id",
        "titel",
        "beschrijving",
        "auteur",
        "creatiedatum",
        "ontvangstdatum",
        "verzenddatum",
        "status",
        "taal",
        "formaat",
        "bestandsnaam",
        "bestandsomvang",
        "inhoud",
        "checksum",
        "vertrouwelijkheidaanduiding",
        "bron",
        "zichtbaar_voor_initiator",
        "versie",
        "aangemaakt_door_id",
        "aangemaakt_door_weergave",
        "aangemaakt",
    ),
    "zaken_zaakdocument": (
        "id",
        "uuid",
        "zaak_id",
        "document_id",
        "titel",
        "beschrijving",
        "registratiedatum",
        "aard_relatie",
        "status_id",
    ),
    "processen_zaakproces": (
        "id",
        "flow_class",
        "status",
        "created",
        "finished",
        "data",
        "zaak_id",
    ),
    "processen_taak": (
        "id",
        "flow_task",
        "flow_task_type",
        "status",
        "created",
        "assigned",
        "started",
        "finished",
        "scheduled",
        "token",
        "external_task_id",
        "owner_permission",
        "owner_permission_obj_pk",
        "uuid",
        "stap",
        "deadline",
        "opgeschort_sinds",
        "data",
        "owner_id",
        "owner_permission_content_type_id",
        "team_id",
        "zaak_id",
        "process_id",
    ),
    "processen_taak_previous": ("id", "from_taak_id", "to_taak_id"),
    "klantregie_klantcontact": (
        "id",
        "uuid",
        "sleutel",
        "kanaal",
        "medewerker_weergave",
        "gestart_op",
        "beeindigd_op",
        "antwoord_in_kennisbank",
        "aangemaakt",
        "klant_id",
        "medewerker_id",
    ),
    "klantregie_klantcontact_geraadpleegde_artikelen": ("klantcontact_id", "kennisartikel_id"),
    "klantregie_vraag": (
        "id",
        "uuid",
        "volgnummer",
        "onderwerp",
        "onderwerp_bron",
        "vraag",
        "antwoord",
        "resultaat",
        "status",
        "beantwoord_op",
        "beantwoord_door_weergave",
        "beantwoord_door_id",
        "kennisartikel_id",
        "klantcontact_id",
        "toegewezen_aan_id",
        "toegewezen_team_id",
        "zaak_id",
        "zaaktype_id",
    ),
    "klantregie_terugbelverzoek": (
        "id",
        "uuid",
        "onderwerp",
        "vraag_tekst",
        "naam",
        "telefoon",
        "bereikbaarheid",
        "norm_werkdagen",
        "deadline",
        "status",
        "opgepakt_op",
        "resultaat",
        "resultaat_toelichting",
        "afgehandeld_op",
        "aangevraagd_door_weergave",
        "verzonden_op",
        "aangevraagd_door_id",
        "afgehandeld_door_id",
        "behandelaar_id",
        "klant_id",
        "medewerker_id",
        "team_id",
        "zaak_id",
        "vraag_id",
    ),
}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def bsn_from(n: int) -> str:
    """A distinct elfproef-valid BSN for n (starting with 2 so it never meets the demo BSNs)."""
    for prefix in range(20_000_000 + n * 10, 20_000_000 + n * 10 + 10):
        digits = [int(c) for c in str(prefix)]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check <= 9:
            return f"{prefix}{check}"
    raise AssertionError


def tsv(value) -> str:
    if value is None:
        return r"\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    s = str(value)
    if "\\" in s or "\t" in s or "\n" in s:
        s = s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")
    return s


class Copier:
    """Buffers rows per table and COPYs them in one go."""

    def __init__(self, cursor):
        self.cursor = cursor
        self.buffers: dict[str, list[str]] = {table: [] for table in COLS}

    def add(self, table: str, row: tuple) -> None:
        self.buffers[table].append("\t".join(map(tsv, row)))

    def flush(self) -> None:
        for table, lines in self.buffers.items():
            if lines:
                with self.cursor.copy(
                    f"COPY {table} ({', '.join(COLS[table])}) FROM STDIN"
                ) as copy:
                    copy.write("\n".join(lines) + "\n")
                lines.clear()


def ensure_catalogue(n_zaaktypen: int = 100) -> None:
    """The demo catalogue plus copies of its zaaktypen, up to n_zaaktypen."""
    from zaken.models import Zaaktype

    demo = list(
        Zaaktype.objects.filter(concept=False)
        .exclude(identificatie__startswith="BENCH-")
        .order_by("id")
    )
    existing = Zaaktype.objects.filter(identificatie__startswith="BENCH-").count()
    for i in range(existing, max(0, n_zaaktypen - len(demo))):
        source = demo[i % len(demo)]
        children = [
            list(source.statustypen.all()),
            list(source.resultaattypen.all()),
            list(source.roltypen.all()),
            list(source.eigenschappen.all()),
            list(source.zaaktype_informatieobjecttypen.all()),
        ]
        teams = list(source.betrokken_teams.all())
        copy = Zaaktype.objects.get(pk=source.pk)
        copy.pk = copy.id = None
        copy._state.adding = True
        copy.uuid = uuid.uuid4()
        copy.identificatie = f"BENCH-{i + 1:03d}"
        copy.omschrijving = f"{source.omschrijving} ({i + 1})"[:80]
        copy.save()
        copy.betrokken_teams.set(teams)
        for objs in children:
            for obj in objs:
                obj.pk = obj.id = None
                obj._state.adding = True
                obj.uuid = uuid.uuid4()
                obj.zaaktype = copy
                obj.save()


def catalogue_snapshot() -> list[dict]:
    """The zaaktypen as plain data for the workers."""
    from zaken.models import RolOmschrijving, Zaaktype

    snapshot = []
    for zt in (
        Zaaktype.objects.filter(concept=False)
        .prefetch_related(
            "statustypen", "resultaattypen", "roltypen", "zaaktype_informatieobjecttypen"
        )
        .order_by("id")
    ):
        roltypen = {r.omschrijving_generiek: (r.pk, r.omschrijving) for r in zt.roltypen.all()}
        links = list(zt.zaaktype_informatieobjecttypen.all())
        snapshot.append(
            {
                "id": zt.pk,
                "omschrijving": zt.omschrijving,
                "doorlooptijd": zt.doorlooptijd,
                "servicenorm": zt.servicenorm,
                "eenheid": zt.termijn_eenheid,
                "team": zt.verantwoordelijk_team_id,
                "klantregie": zt.klantregie_vereist,
                "vertrouwelijkheid": zt.vertrouwelijkheidaanduiding,
                "statustypen": [
                    s.pk for s in sorted(zt.statustypen.all(), key=lambda s: s.volgnummer)
                ],
                "resultaattypen": [(r.pk, r.archiefnominatie) for r in zt.resultaattypen.all()],
                "initiator": roltypen[RolOmschrijving.INITIATOR],
                "behandelaar": roltypen.get(RolOmschrijving.BEHANDELAAR),
                "iot": links[0].informatieobjecttype_id if links else None,
            }
        )
    return snapshot


def klant_row(i: int, base: int, now: datetime, rnd: random.Random) -> tuple:
    voorvoegsel, achternaam = ACHTERNAMEN[rnd.randrange(len(ACHTERNAMEN))]
    voornaam = VOORNAMEN[rnd.randrange(len(VOORNAMEN))]
    return (
        base + i,
        uuid.UUID(int=rnd.getrandbits(128), version=4),
        "persoon",
        bsn_from(i),
        voornaam,
        voorvoegsel,
        achternaam,
        date(1940, 1, 1) + timedelta(days=rnd.randrange(0, 25000)),
        "",
        "",
        "",
        "",
        STRATEN[i % len(STRATEN)],
        str(1 + i % 199),
        "",
        f"{1000 + i % 9000}{'ABCDEFGH'[i % 8]}{'KLMNPRST'[i % 8]}",
        "Voorbeeldstad",
        f"inwoner{i}@example.nl",
        f"06{10_000_000 + i:08d}",
        "email",
        now,
        now,
    )


def worker(args) -> int:
    """Build zaken [first, last) with everything that belongs to them."""
    wid, first, last, ctx = args
    from django.db import connection as conn

    from zaken.kalender import get_kalender

    conn.close()
    rnd = random.Random(ctx["seed"] * 100 + wid)

    def uid():
        return uuid.UUID(int=rnd.getrandbits(128), version=4)

    kalender = get_kalender()
    deadline_cache: dict = {}
    taak_deadline: dict = {}
    zaaktypen, base, today, now = ctx["zaaktypen"], ctx["base"], ctx["today"], ctx["now"]
    tz = now.tzinfo
    rsin, n_klanten, leden, kcc, artikelen, regisseurs, teams = (
        ctx["rsin"],
        ctx["n_klanten"],
        ctx["leden"],
        ctx["kcc"],
        ctx["artikelen"],
        ctx["regisseurs"],
        ctx["teams"],
    )
    done = 0
    with conn.cursor() as cur:
        cur.execute("SET synchronous_commit = off")
        cur.execute("SET session_replication_role = replica")
        copier = Copier(cur)
        for i in range(first, last):
            zt = zaaktypen[rnd.randrange(len(zaaktypen))]
            statustypen = zt["statustypen"]
            start = today - timedelta(days=int(rnd.triangular(0, HISTORY_DAYS, 0)))
            key = (zt["id"], start)
            if key not in deadline_cache:
                uiterlijk = kalender.add_duur(start, zt["doorlooptijd"], zt["eenheid"])
                gepland = (
                    kalender.add_duur(start, zt["servicenorm"], zt["eenheid"])
                    if zt["servicenorm"]
                    else uiterlijk
                )
                deadline_cache[key] = (gepland, uiterlijk)
            gepland, uiterlijk = deadline_cache[key]
            age = (today - start).days
            termijn = max(1, (uiterlijk - start).days)
            closed = age > 20 and rnd.random() < min(0.97, age / 90)
            if closed:
                duur = max(0, int(rnd.gauss(termijn * 0.7, termijn * 0.3)))
                einddatum = min(today, start + timedelta(days=duur))
                n_status = len(statustypen)
            else:
                einddatum = None
                n_status = max(1, min(len(statustypen) - 1, 1 + age // 14))
            zid = base["zaken_zaak"] + i
            step = max(1, ((einddatum or today) - start).days // n_status)
            sid = base["zaken_status"] + i * BLOCK["zaken_status"]
            for s in range(n_status):
                moment = datetime(start.year, start.month, start.day, 9 + s, tzinfo=tz) + timedelta(
                    days=s * step
                )
                if einddatum and s == n_status - 1:
                    moment = datetime(einddatum.year, einddatum.month, einddatum.day, 15, tzinfo=tz)
                copier.add(
                    "zaken_status",
                    (sid + s, uid(), zid, statustypen[s], moment, "", None, "Medewerker"),
                )
            team_id = zt["team"]
            regie = (
                regisseurs[i % len(regisseurs)]
                if (einddatum is None and (zt["klantregie"] or rnd.random() < 0.01) and regisseurs)
                else None
            )
            opgeschort = einddatum is None and rnd.random() < 0.04
            resultaat = (
                zt["resultaattypen"][rnd.randrange(len(zt["resultaattypen"]))]
                if einddatum
                else None
            )
            copier.add(
                "zaken_zaak",
                (
                    zid,
                    uid(),
                    f"ZAAK-{start.year}-B{i + 1:09d}",
                    rsin,
                    rsin,
                    zt["id"],
                    f"{zt['omschrijving']} {i + 1}"[:80],
                    "",
                    start,
                    start,
                    einddatum,
                    gepland,
                    uiterlijk,
                    None,
                    KANALEN[i % len(KANALEN)],
                    "",
                    zt["vertrouwelijkheid"],
                    "[]",
                    "",
                    None,
                    opgeschort,
                    "Wacht op aanvullende gegevens" if opgeschort else "",
                    opgeschort,
                    "",
                    "",
                    rnd.random() < 0.005,
                    regie,
                    team_id,
                    sid + n_status - 1,
                    statustypen[n_status - 1],
                    resultaat[1] if resultaat else "",
                    "nog_te_archiveren",
                    einddatum + timedelta(days=365 * 5) if einddatum else None,
                    now,
                    now,
                ),
            )
            if resultaat:
                copier.add(
                    "zaken_resultaat", (base["zaken_resultaat"] + i, uid(), zid, resultaat[0], "")
                )
            klant_index = rnd.randrange(n_klanten)
            klant_id = base["klantregie_klant"] + klant_index
            voornaam, achternaam = ctx["klantnamen"][klant_index]
            naam = f"{voornaam} {achternaam}"
            bsn = ctx["bsns"][klant_index]
            rid = base["zaken_rol"] + i * BLOCK["zaken_rol"]
            ini_pk, ini_oms = zt["initiator"]
            copier.add(
                "zaken_rol",
                (
                    rid,
                    uid(),
                    zid,
                    ini_pk,
                    ini_oms,
                    "initiator",
                    "natuurlijk_persoon",
                    "",
                    now,
                    "",
                    naam,
                    bsn,
                    "",
                    "",
                    "",
                    klant_id,
                    None,
                    None,
                    "{}",
                    "{}",
                ),
            )
            if zt["behandelaar"] and team_id:
                copier.add(
                    "zaken_rol",
                    (
                        rid + 1,
                        uid(),
                        zid,
                        zt["behandelaar"][0],
                        zt["behandelaar"][1],
                        "behandelaar",
                        "organisatorische_eenheid",
                        "",
                        now,
                        "",
                        teams[team_id],
                        "",
                        "",
                        "",
                        "",
                        None,
                        None,
                        team_id,
                        "{}",
                        "{}",
                    ),
                )
            if zt["iot"]:
                did = base["zaken_document"] + i
                copier.add(
                    "zaken_document",
                    (
                        did,
                        uid(),
                        f"DOC-B{did:010d}",
                        rsin,
                        zt["iot"],
                        "Aanvraag",
                        "",
                        naam,
                        start,
                        start,
                        None,
                        "definitief",
                        "dut",
                        "application/pdf",
                        "aanvraag.pdf",
                        24_000,
                        "",
                        "0" * 64,
                        "zaakvertrouwelijk",
                        "aanvrager",
                        True,
                        1,
                        None,
                        naam,
                        now,
                    ),
                )
                copier.add(
                    "zaken_zaakdocument",
                    (
                        base["zaken_zaakdocument"] + i,
                        uid(),
                        zid,
                        did,
                        "Aanvraag",
                        "",
                        now,
                        "hoort_bij",
                        None,
                    ),
                )
            if einddatum is None:
                # A running process: the automatic nodes done, one open task in the team's werkvoorraad.
                pid = base["processen_zaakproces"] + i
                created = datetime(start.year, start.month, start.day, 9, tzinfo=tz)
                copier.add(
                    "processen_zaakproces",
                    (pid, FLOW, "NEW", created, None, '{"heropend": false}', zid),
                )
                tid = base["processen_taak"] + i * BLOCK["processen_taak"]
                prev_id = base["processen_taak_previous"] + i * BLOCK["processen_taak_previous"]
                for k, (node, soort) in enumerate(DONE_NODES):
                    copier.add(
                        "processen_taak",
                        (
                            tid + k,
                            f"{FLOW}.{node}",
                            soort,
                            "DONE",
                            created,
                            None,
                            created,
                            created,
                            None,
                            "start",
                            None,
                            "",
                            "",
                            uid(),
                            "",
                            None,
                            None,
                            "{}",
                            None,
                            None,
                            None,
                            zid,
                            pid,
                        ),
                    )
                    if k:
                        copier.add(
                            "processen_taak_previous", (prev_id + k - 1, tid + k, tid + k - 1)
                        )
                if start not in taak_deadline:
                    taak_deadline[start] = kalender.add_werkdagen(start, 5)
                members = leden.get(team_id) or []
                owner = (
                    members[rnd.randrange(len(members))] if members and rnd.random() < 0.5 else None
                )
                copier.add(
                    "processen_taak",
                    (
                        tid + 5,
                        f"{FLOW}.beoordeling",
                        "HUMAN",
                        "ASSIGNED" if owner else "NEW",
                        created,
                        created if owner else None,
                        None,
                        None,
                        None,
                        "start",
                        None,
                        "",
                        "",
                        uid(),
                        "beoordeling",
                        taak_deadline[start],
                        None,
                        "{}",
                        owner,
                        None,
                        team_id,
                        zid,
                        pid,
                    ),
                )
                copier.add("processen_taak_previous", (prev_id + 4, tid + 5, tid + 4))
            # Two klantcontacten: the one that started the zaak, and a later one.
            medewerker_id, medewerker = kcc[i % len(kcc)]
            later = min(today, start + timedelta(days=1 + i % 29))
            cid = base["klantregie_klantcontact"] + i * 2
            vid = base["klantregie_vraag"] + i * 2
            for n, dag in enumerate((start, later)):
                resultaat_vraag = (
                    "zaak_gestart"
                    if n == 0
                    else ("statusinformatie" if rnd.random() < 0.6 else "direct_beantwoord")
                )
                artikel = (
                    artikelen[i % len(artikelen)]
                    if resultaat_vraag == "direct_beantwoord" and artikelen
                    else None
                )
                begin = datetime(dag.year, dag.month, dag.day, 10 + n, i % 60, tzinfo=tz)
                eind = begin + timedelta(seconds=40 + i % 380)
                copier.add(
                    "klantregie_klantcontact",
                    (
                        cid + n,
                        uid(),
                        uid(),
                        KANALEN[(i + n) % len(KANALEN)],
                        medewerker,
                        begin,
                        eind,
                        artikel is not None,
                        eind,
                        klant_id,
                        medewerker_id,
                    ),
                )
                if artikel is not None:
                    copier.add(
                        "klantregie_klantcontact_geraadpleegde_artikelen", (cid + n, artikel)
                    )
                koppel = resultaat_vraag != "direct_beantwoord"
                copier.add(
                    "klantregie_vraag",
                    (
                        vid + n,
                        uid(),
                        1,
                        "Aanvraag"
                        if n == 0
                        else ("Status van mijn zaak" if koppel else "Algemene vraag"),
                        "zaaktype" if koppel else ("kennisbank" if artikel else "vrij"),
                        "Vraag van de klant",
                        "Antwoord gegeven",
                        resultaat_vraag,
                        "beantwoord",
                        eind,
                        medewerker,
                        medewerker_id,
                        artikel,
                        cid + n,
                        None,
                        None,
                        zid if koppel else None,
                        zt["id"] if koppel else None,
                    ),
                )
            if i % 40 == 7 and team_id:
                verzonden = datetime(later.year, later.month, later.day, 11, tzinfo=tz)
                open_ = (today - later).days < 6
                copier.add(
                    "klantregie_terugbelverzoek",
                    (
                        base["klantregie_terugbelverzoek"] + i,
                        uid(),
                        "Vraag over de zaak",
                        "Wil graag teruggebeld worden",
                        naam,
                        "0612345678",
                        "Overdag",
                        2,
                        kalender.add_werkdagen(later, 2),
                        "open" if open_ else "afgehandeld",
                        None,
                        "" if open_ else "geholpen",
                        "",
                        None if open_ else verzonden + timedelta(days=1),
                        medewerker,
                        verzonden,
                        medewerker_id,
                        None if open_ else medewerker_id,
                        None,
                        klant_id,
                        None,
                        team_id,
                        zid,
                        None,
                    ),
                )
            done += 1
            if done % CHUNK == 0:
                copier.flush()
        copier.flush()
    conn.close()
    return done


def generate(n_zaken: int, seed: int = 20261122) -> None:
    from organisatie.models import Team, User

    t0 = time.monotonic()
    log("migrate + seed_demo")
    call_command("migrate", verbosity=0, interactive=False)
    call_command("seed_demo", force=True, verbosity=0)
    with connection.cursor() as cur:
        cur.execute(
            "CREATE TABLE IF NOT EXISTS bench_dataset (zaken integer PRIMARY KEY, gebouwd timestamptz)"
        )
        cur.execute("SELECT zaken FROM bench_dataset")
        row = cur.fetchone()
        if row and row[0] == n_zaken:
            log(f"a dataset of {n_zaken} zaken is already here; nothing to build")
            refresh_aggregates()
            return
        if row:
            raise SystemExit(
                f"This database holds a dataset of {row[0]} zaken; use another database."
            )

    ensure_catalogue()
    zaaktypen = catalogue_snapshot()
    log(f"{len(zaaktypen)} zaaktypen")
    now = datetime.now().astimezone()
    today = now.date()
    with connection.cursor() as cur:
        indexes = drop_secondary_indexes(cur, [*BLOCK, "klantregie_klant"])
    log(f"{len(indexes)} secondary indexes dropped for the load; rebuilt afterwards")
    n_klanten = max(100, int(n_zaken * 0.3))
    rnd = random.Random(seed)

    with connection.cursor() as cur:
        base = {}
        for table, _block in BLOCK.items():
            cur.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
            base[table] = cur.fetchone()[0]
        cur.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM klantregie_klant")
        base["klantregie_klant"] = cur.fetchone()[0]
        cur.execute(
            "SELECT team_id, array_agg(user_id ORDER BY user_id) FROM organisatie_lidmaatschap GROUP BY team_id"
        )
        leden = dict(cur.fetchall())
        cur.execute("SELECT id FROM klantregie_kennisartikel ORDER BY id")
        artikelen = [r[0] for r in cur.fetchall()]

        log(f"{n_klanten} klanten")
        cur.execute("SET synchronous_commit = off")
        copier = Copier(cur)
        klantnamen, bsns = [], []
        for i in range(n_klanten):
            row = klant_row(i, base["klantregie_klant"], now, rnd)
            klantnamen.append((row[4], " ".join(p for p in row[5:7] if p)))
            bsns.append(row[3])
            copier.add("klantregie_klant", row)
            if (i + 1) % 50_000 == 0:
                copier.flush()
        copier.flush()

    kcc = list(
        User.objects.filter(groups__name="kcc-medewerker")
        .order_by("id")
        .values_list("id", "first_name")
    )
    ctx = {
        "seed": seed,
        "zaaktypen": zaaktypen,
        "base": base,
        "today": today,
        "now": now,
        "rsin": settings.GEMEENTE_RSIN,
        "n_klanten": n_klanten,
        "klantnamen": klantnamen,
        "bsns": bsns,
        "leden": leden,
        "kcc": kcc or [(None, "KCC")],
        "artikelen": artikelen,
        "regisseurs": list(
            User.objects.filter(groups__name="klantregisseur")
            .order_by("id")
            .values_list("id", flat=True)
        ),
        "teams": dict(Team.objects.values_list("id", "naam")),
    }
    connection.close()
    log(
        f"{n_zaken} zaken with statussen, rollen, documenten, processen and klantcontacten ({WORKERS} workers)"
    )
    per = -(-n_zaken // WORKERS)
    ranges = [
        (w, w * per, min(n_zaken, (w + 1) * per), ctx) for w in range(WORKERS) if w * per < n_zaken
    ]
    try:
        with multiprocessing.get_context("fork").Pool(len(ranges)) as pool:
            built = sum(pool.map(worker, ranges))
        log(f"  {built} zaken built ({time.monotonic() - t0:.0f} s)")
    finally:
        t = time.monotonic()
        with connection.cursor() as cur:
            recreate_indexes(cur, indexes)
        log(f"  {len(indexes)} indexes rebuilt in {time.monotonic() - t:.0f} s")

    with connection.cursor() as cur:
        for table in (*BLOCK, "klantregie_klant"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
        cur.execute(
            "SELECT date_part('year', startdatum)::int, count(*) FROM zaken_zaak GROUP BY 1"
        )
        for year, count in cur.fetchall():
            cur.execute(
                "INSERT INTO zaken_identificatieteller (bronorganisatie, jaar, laatste) VALUES (%s, %s, %s) "
                "ON CONFLICT (bronorganisatie, jaar) DO UPDATE SET laatste = GREATEST(zaken_identificatieteller.laatste,"
                " EXCLUDED.laatste)",
                [settings.GEMEENTE_RSIN, year, n_zaken + count],
            )
        log("orphan check (the foreign keys were not checked during the load)")
        check_orphans(cur)
        # VACUUM as well: it sets the visibility map (index-only scans) and leaves nothing for
        # autovacuum to do while the benchmark measures.
        log("VACUUM ANALYZE")
        cur.execute("VACUUM (ANALYZE)")
        cur.execute("INSERT INTO bench_dataset (zaken, gebouwd) VALUES (%s, now())", [n_zaken])
    refresh_aggregates()
    log(f"done: {n_zaken} zaken in {time.monotonic() - t0:.0f} s")


def drop_secondary_indexes(cur, tables: list[str]) -> list[str]:
    """Drop the indexes that back no constraint (foreign-key, filter and search indexes) of the
    bulk-loaded tables and return their definitions. Building an index once after COPY costs a
    fraction of maintaining it row by row; primary keys and unique constraints stay in place."""
    cur.execute(
        "SELECT ix.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ix ON ix.oid = i.indexrelid "
        "JOIN pg_namespace n ON n.oid = t.relnamespace "
        "WHERE n.nspname = current_schema() AND t.relname = ANY(%s) "
        "AND NOT i.indisprimary AND NOT i.indisunique "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)",
        [tables],
    )
    found = cur.fetchall()
    for name, _definition in found:
        cur.execute(f'DROP INDEX "{name}"')
    return [definition for _name, definition in found]


def recreate_indexes(cur, definitions: list[str]) -> None:
    cur.execute("SET maintenance_work_mem = '512MB'")
    for definition in definitions:
        cur.execute(definition)


def refresh_aggregates() -> None:
    """The dashboard reads daily aggregates; rebuild them for the generated year (rapportage)."""
    from django.core.management import get_commands

    if "kpi_aggregaten_verversen" in get_commands():
        t = time.monotonic()
        call_command("kpi_aggregaten_verversen", verbosity=0)
        log(f"dashboard aggregates refreshed in {time.monotonic() - t:.0f} s")


ORPHAN_CHECKS = [
    ("zaken_status", "zaak_id", "zaken_zaak"),
    ("zaken_zaak", "status_id", "zaken_status"),
    ("zaken_rol", "zaak_id", "zaken_zaak"),
    ("zaken_rol", "klant_id", "klantregie_klant"),
    ("zaken_zaakdocument", "document_id", "zaken_document"),
    ("processen_taak", "process_id", "processen_zaakproces"),
    ("processen_taak_previous", "to_taak_id", "processen_taak"),
    ("klantregie_vraag", "klantcontact_id", "klantregie_klantcontact"),
    ("klantregie_vraag", "zaak_id", "zaken_zaak"),
    ("klantregie_terugbelverzoek", "zaak_id", "zaken_zaak"),
]


def check_orphans(cur) -> None:
    for table, column, target in ORPHAN_CHECKS:
        cur.execute(
            f"SELECT count(*) FROM {table} t LEFT JOIN {target} x ON x.id = t.{column} "
            f"WHERE t.{column} IS NOT NULL AND x.id IS NULL"
        )
        orphans = cur.fetchone()[0]
        if orphans:
            raise SystemExit(f"{orphans} rows of {table}.{column} point nowhere in {target}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zaken", type=int, required=True)
    args = parser.parse_args(argv)
    if connection.vendor != "postgresql":
        raise SystemExit("The generator needs PostgreSQL: set DATABASE_URL=postgres://...")
    generate(args.zaken)


if __name__ == "__main__":
    main()
