"""Fill PostgreSQL with a realistic Zaakstroom dataset of a given size, fast.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zs_bench_10k \
        .venv/bin/python bench/generate.py --zaken 10000

Per zaak: about 4 statussen, 2 rollen (initiator + behandelaar), 1 document and 2 klantcontacten;
0.3 klanten per zaak; 100 zaaktypen (the demo catalogue plus copies); a year and a half of history
so that the dashboard has something to show; open zaken have open tasks in the werkvoorraden.

Rows are written with COPY in chunks, ids assigned here. Django creates its foreign keys
DEFERRABLE INITIALLY DEFERRED, so a zaak can point at its current status before that status row
is written in the same transaction. Deadlines come from the term calendar: one computation per
(zaaktype, startdatum) pair, cached. The run is idempotent: a marker table records the size built.
"""

from __future__ import annotations

import argparse
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
from django.db import connection, transaction

CHUNK = 20_000
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
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Bos",
    "Yilmaz",
    "El Amrani",
    "Vos",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Kok",
    "Dekker",
    "Brouwer",
    "de Graaf",
    "Koster",
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


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def bsn_from(n: int) -> str:
    """A distinct elfproef-valid BSN for n (starting with 2 so it never hits the demo BSNs)."""
    for prefix in range(20_000_000 + n * 10, 20_000_000 + n * 10 + 10):
        digits = [int(c) for c in str(prefix)]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check <= 9:
            return f"{prefix}{check}"
    raise AssertionError


def tsv(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    s = str(value)
    return s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


class Copier:
    """Buffers rows per table and COPYs them in one go."""

    def __init__(self, cursor):
        self.cursor = cursor
        self.buffers: dict[tuple[str, tuple[str, ...]], list[str]] = {}

    def add(self, table: str, columns: tuple[str, ...], row: tuple) -> None:
        self.buffers.setdefault((table, columns), []).append("\t".join(tsv(v) for v in row))

    def flush(self) -> None:
        for (table, columns), lines in self.buffers.items():
            if not lines:
                continue
            with self.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                copy.write("\n".join(lines) + "\n")
            lines.clear()


def next_id(cursor, table: str) -> int:
    cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
    return cursor.fetchone()[0]


def fix_sequence(cursor, table: str) -> None:
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1)) FROM {table}"
    )


def ensure_catalogue(n_zaaktypen: int = 100):
    """The demo catalogue plus copies of its zaaktypen up to n_zaaktypen."""
    from zaken.models import Zaaktype

    demo = list(
        Zaaktype.objects.filter(concept=False)
        .exclude(identificatie__startswith="BENCH-")
        .order_by("id")
    )
    existing = Zaaktype.objects.filter(identificatie__startswith="BENCH-").count()
    for i in range(existing, max(0, n_zaaktypen - len(demo))):
        source = demo[i % len(demo)]
        children = {
            "statustypen": list(source.statustypen.all()),
            "resultaattypen": list(source.resultaattypen.all()),
            "roltypen": list(source.roltypen.all()),
            "eigenschappen": list(source.eigenschappen.all()),
            "zaaktype_informatieobjecttypen": list(source.zaaktype_informatieobjecttypen.all()),
        }
        teams = list(source.betrokken_teams.all())
        copy = Zaaktype.objects.get(pk=source.pk)
        copy.pk = copy.id = None
        copy._state.adding = True
        copy.uuid = uuid.uuid4()
        copy.identificatie = f"BENCH-{i + 1:03d}"
        copy.omschrijving = f"{source.omschrijving} ({i + 1})"[:80]
        copy.save()
        copy.betrokken_teams.set(teams)
        for objs in children.values():
            for obj in objs:
                obj.pk = obj.id = None
                obj._state.adding = True
                obj.uuid = uuid.uuid4()
                obj.zaaktype = copy
                obj.save()
    return list(
        Zaaktype.objects.filter(concept=False)
        .prefetch_related("statustypen", "resultaattypen", "roltypen", "betrokken_teams")
        .order_by("id")
    )


def generate(n_zaken: int, seed: int = 20261122) -> None:
    from organisatie.models import Team, User
    from zaken.kalender import get_kalender
    from zaken.models import RolOmschrijving

    rnd = random.Random(seed)
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
            log(f"dataset of {n_zaken} zaken already present; nothing to do")
            return
        if row:
            raise SystemExit(
                f"This database holds a dataset of {row[0]} zaken; use another database."
            )

    zaaktypen = ensure_catalogue()
    log(f"{len(zaaktypen)} zaaktypen")
    teams = {t.pk: t for t in Team.objects.all()}
    regisseurs = list(
        User.objects.filter(groups__name="klantregisseur").values_list("pk", flat=True)
    )
    kalender = get_kalender()
    deadline_cache: dict[tuple[int, date], tuple[date, date]] = {}
    rsin = settings.GEMEENTE_RSIN
    today = date.today()
    history_days = 540
    n_klanten = max(100, int(n_zaken * 0.3))

    with connection.cursor() as cur:
        cur.execute("SET synchronous_commit = off")
        cur.execute("SET maintenance_work_mem = '256MB'")
        ids = {
            t: next_id(cur, t)
            for t in (
                "klantregie_klant",
                "zaken_zaak",
                "zaken_status",
                "zaken_rol",
                "zaken_document",
                "zaken_zaakdocument",
            )
        }
        copier = Copier(cur)

        # --- klanten ---------------------------------------------------------------------------
        log(f"{n_klanten} klanten")
        klanten = []  # (id, bsn, naam)
        now = datetime.now().astimezone()
        cols = (
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
        )
        with transaction.atomic():
            for i in range(n_klanten):
                kid = ids["klantregie_klant"] + i
                bsn = bsn_from(i)
                voornaam, achternaam = rnd.choice(VOORNAMEN), rnd.choice(ACHTERNAMEN)
                voorvoegsel, _, rest = achternaam.rpartition(" ")
                copier.add(
                    "klantregie_klant",
                    cols,
                    (
                        kid,
                        uuid.uuid4(),
                        "persoon",
                        bsn,
                        voornaam,
                        voorvoegsel,
                        rest or achternaam,
                        date(1940, 1, 1) + timedelta(days=rnd.randrange(0, 25000)),
                        "",
                        "",
                        "",
                        "",
                        rnd.choice(STRATEN),
                        str(rnd.randrange(1, 200)),
                        "",
                        f"{1000 + i % 9000}{'ABCDEFGH'[i % 8]}{'KLMNPRST'[i % 8]}",
                        "Voorbeeldstad",
                        f"inwoner{i}@example.nl",
                        f"06{rnd.randrange(10**7, 10**8)}",
                        "email",
                        now,
                        now,
                    ),
                )
                klanten.append((kid, bsn, f"{voornaam} {achternaam}"))
                if (i + 1) % CHUNK == 0:
                    copier.flush()
            copier.flush()

        # --- zaken with statussen, rollen, documenten --------------------------------------------
        iot_cache = {}
        zaak_cols = (
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
        )
        status_cols = (
            "id",
            "uuid",
            "zaak_id",
            "statustype_id",
            "datum_status_gezet",
            "statustoelichting",
            "gezet_door_id",
            "gezet_door_weergave",
        )
        rol_cols = (
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
        )
        doc_cols = (
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
        )
        zd_cols = (
            "id",
            "uuid",
            "zaak_id",
            "document_id",
            "titel",
            "beschrijving",
            "registratiedatum",
            "aard_relatie",
            "status_id",
        )
        per_year: dict[int, int] = {}
        log(f"{n_zaken} zaken")
        created = 0
        while created < n_zaken:
            batch = min(CHUNK, n_zaken - created)
            with transaction.atomic():
                for _ in range(batch):
                    i = created
                    created += 1
                    zaaktype = zaaktypen[rnd.randrange(len(zaaktypen))]
                    statustypen = sorted(zaaktype.statustypen.all(), key=lambda s: s.volgnummer)
                    start = today - timedelta(days=int(rnd.triangular(0, history_days, 0)))
                    key = (zaaktype.pk, start)
                    if key not in deadline_cache:
                        uiterlijk = kalender.add_duur(
                            start, zaaktype.doorlooptijd, zaaktype.termijn_eenheid
                        )
                        gepland = (
                            kalender.add_duur(start, zaaktype.servicenorm, zaaktype.termijn_eenheid)
                            if zaaktype.servicenorm
                            else uiterlijk
                        )
                        deadline_cache[key] = (gepland, uiterlijk)
                    gepland, uiterlijk = deadline_cache[key]
                    age = (today - start).days
                    closed = age > 20 and rnd.random() < min(0.97, age / 90)
                    if closed:
                        duur = max(
                            0,
                            int(
                                rnd.gauss(
                                    (uiterlijk - start).days * 0.7, (uiterlijk - start).days * 0.3
                                )
                            ),
                        )
                        einddatum = min(today, start + timedelta(days=duur))
                        n_status = len(statustypen)
                    else:
                        einddatum = None
                        n_status = max(1, min(len(statustypen) - 1, 1 + int(age / 14)))
                    per_year[start.year] = per_year.get(start.year, 0) + 1
                    zaak_id = ids["zaken_zaak"] + i
                    zaak_uuid = uuid.uuid4()
                    identificatie = f"ZAAK-{start.year}-B{i + 1:09d}"
                    status_ids = []
                    step = max(1, ((einddatum or today) - start).days // max(1, n_status))
                    for s in range(n_status):
                        sid = ids["zaken_status"]
                        ids["zaken_status"] += 1
                        status_ids.append(sid)
                        moment = datetime.combine(
                            start + timedelta(days=s * step), datetime.min.time()
                        ).replace(hour=9 + s, tzinfo=now.tzinfo)
                        if einddatum and s == n_status - 1:
                            moment = moment.replace(
                                year=einddatum.year, month=einddatum.month, day=einddatum.day
                            )
                        copier.add(
                            "zaken_status",
                            status_cols,
                            (
                                sid,
                                uuid.uuid4(),
                                zaak_id,
                                statustypen[s].pk,
                                moment,
                                "",
                                None,
                                "Medewerker",
                            ),
                        )
                    resultaattypen = list(zaaktype.resultaattypen.all())
                    team_id = zaaktype.verantwoordelijk_team_id
                    regie = None
                    if (
                        einddatum is None
                        and (zaaktype.klantregie_vereist or rnd.random() < 0.01)
                        and regisseurs
                    ):
                        regie = regisseurs[i % len(regisseurs)]
                    opgeschort = einddatum is None and rnd.random() < 0.04
                    archiefactiedatum = einddatum + timedelta(days=365 * 5) if einddatum else None
                    copier.add(
                        "zaken_zaak",
                        zaak_cols,
                        (
                            zaak_id,
                            zaak_uuid,
                            identificatie,
                            rsin,
                            rsin,
                            zaaktype.pk,
                            f"{zaaktype.omschrijving} {i + 1}"[:80],
                            "",
                            start,
                            start,
                            einddatum,
                            gepland,
                            uiterlijk,
                            None,
                            KANALEN[i % len(KANALEN)],
                            "",
                            zaaktype.vertrouwelijkheidaanduiding,
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
                            status_ids[-1],
                            statustypen[n_status - 1].pk,
                            resultaattypen[0].archiefnominatie if einddatum else "",
                            "nog_te_archiveren",
                            archiefactiedatum,
                            now,
                            now,
                        ),
                    )
                    if einddatum and resultaattypen:
                        copier.add(
                            "zaken_resultaat",
                            ("uuid", "zaak_id", "resultaattype_id", "toelichting"),
                            (
                                uuid.uuid4(),
                                zaak_id,
                                resultaattypen[rnd.randrange(len(resultaattypen))].pk,
                                "",
                            ),
                        )
                    roltypen = {r.omschrijving_generiek: r for r in zaaktype.roltypen.all()}
                    klant_id, bsn, naam = klanten[rnd.randrange(len(klanten))]
                    ini = roltypen[RolOmschrijving.INITIATOR]
                    copier.add(
                        "zaken_rol",
                        rol_cols,
                        (
                            ids["zaken_rol"],
                            uuid.uuid4(),
                            zaak_id,
                            ini.pk,
                            ini.omschrijving,
                            ini.omschrijving_generiek,
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
                    beh = roltypen.get(RolOmschrijving.BEHANDELAAR)
                    if beh is not None and team_id:
                        copier.add(
                            "zaken_rol",
                            rol_cols,
                            (
                                ids["zaken_rol"] + 1,
                                uuid.uuid4(),
                                zaak_id,
                                beh.pk,
                                beh.omschrijving,
                                beh.omschrijving_generiek,
                                "organisatorische_eenheid",
                                "",
                                now,
                                "",
                                teams[team_id].naam,
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
                    ids["zaken_rol"] += 2
                    if zaaktype.pk not in iot_cache:
                        link = zaaktype.zaaktype_informatieobjecttypen.first()
                        iot_cache[zaaktype.pk] = link.informatieobjecttype_id if link else None
                    if iot_cache[zaaktype.pk]:
                        did = ids["zaken_document"]
                        ids["zaken_document"] += 1
                        copier.add(
                            "zaken_document",
                            doc_cols,
                            (
                                did,
                                uuid.uuid4(),
                                f"DOC-B{did:010d}",
                                rsin,
                                iot_cache[zaaktype.pk],
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
                            zd_cols,
                            (
                                ids["zaken_zaakdocument"],
                                uuid.uuid4(),
                                zaak_id,
                                did,
                                "Aanvraag",
                                "",
                                now,
                                "hoort_bij",
                                None,
                            ),
                        )
                        ids["zaken_zaakdocument"] += 1
                copier.flush()
            if created % 100_000 == 0 or created == n_zaken:
                log(f"  {created} zaken ({time.monotonic() - t0:.0f} s)")

        for table in (
            "klantregie_klant",
            "zaken_zaak",
            "zaken_status",
            "zaken_rol",
            "zaken_document",
            "zaken_zaakdocument",
            "zaken_resultaat",
        ):
            fix_sequence(cur, table)
        for year, count in per_year.items():
            cur.execute(
                "INSERT INTO zaken_identificatieteller (bronorganisatie, jaar, laatste) VALUES (%s, %s, %s) "
                "ON CONFLICT (bronorganisatie, jaar) DO UPDATE SET laatste = GREATEST(zaken_identificatieteller.laatste, "
                "EXCLUDED.laatste)",
                [rsin, year, n_zaken + count],
            )

        for extra in EXTRA_STEPS:
            extra(cur=cur, rnd=rnd, n_zaken=n_zaken, today=today)

        log("ANALYZE")
        cur.execute("ANALYZE")
        cur.execute("INSERT INTO bench_dataset (zaken, gebouwd) VALUES (%s, now())", [n_zaken])
    log(f"done: {n_zaken} zaken in {time.monotonic() - t0:.0f} s")


# Further generators (klantcontacten, tasks, terugbelverzoeken) register here: fn(cur, rnd, n_zaken, today).
EXTRA_STEPS: list = []


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zaken", type=int, required=True)
    args = parser.parse_args(argv)
    if connection.vendor != "postgresql":
        raise SystemExit("The generator needs PostgreSQL: set DATABASE_URL=postgres://...")
    generate(args.zaken)


if __name__ == "__main__":
    main()
