"""Measure the nine journeys of TARGETS.md against the dataset in DATABASE_URL.

Server time is the time Django takes to answer a request through the full middleware stack
(the in-process test client: no network, no browser). Each journey runs a warm-up and then
`--repeat` requests over a pool of different subjects (BSNs, zaken, teams), so caches do not
flatter the figures; we report p50, p95 and the number of queries of one request.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zs_bench_10k .venv/bin/python bench/measure.py --out x.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")

import django

django.setup()

import jwt
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

TARGETS_MS = {1: 50, 2: 50, 3: 50, 4: 100, 5: 100, 6: 50, 7: 30, 8: 100, 9: 1000}
NAMES = {
    1: "PIP mijn zaken",
    2: "PIP zaak detail",
    3: "KCC klant zoeken (BSN) + klantbeeld",
    4: "KCC klantcontact vastleggen",
    5: "Werkvoorraad team, eerste pagina",
    6: "API GET /zaken?bsn",
    7: "API GET /zaken/{uuid}",
    8: "API POST /zaken + status",
    9: "Managementdashboard, een jaar",
}
API_CLIENT = ("zaakstroom-demo", "zaakstroom-demo-secret-for-local-use-only")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def timed(fn) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as ctx:
        t = time.perf_counter()
        fn()
        elapsed = (time.perf_counter() - t) * 1000
    return elapsed, len(ctx.captured_queries)


def run(journey: int, steps, subjects: list, repeat: int, warmup: int) -> dict:
    """`steps(subject)` performs the requests of one journey and returns nothing; it asserts success."""
    for i in range(warmup):
        steps(subjects[i % len(subjects)])
    times, queries = [], []
    for i in range(repeat):
        elapsed, n = timed(lambda i=i: steps(subjects[i % len(subjects)]))
        times.append(elapsed)
        queries.append(n)
    return {
        "journey": journey,
        "name": NAMES[journey],
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "queries": max(queries),
        "queries_min": min(queries),
        "target_p95_ms": TARGETS_MS[journey],
        "requests": repeat,
    }


def ok(response, *codes):
    codes = codes or (200,)
    if response.status_code not in codes:
        body = response.content[:500].decode(errors="replace")
        raise AssertionError(
            f"{response.request['PATH_INFO']} answered {response.status_code}: {body}"
        )
    return response


def api_client() -> Client:
    token = jwt.encode(
        {
            "iss": API_CLIENT[0],
            "iat": int(time.time()),
            "client_id": API_CLIENT[0],
            "user_id": "bench",
            "user_representation": "Benchmark",
        },
        API_CLIENT[1],
        algorithm="HS256",
    )
    return Client(
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_ACCEPT_CRS="EPSG:4326",
        HTTP_CONTENT_CRS="EPSG:4326",
    )


def staff_client(username: str) -> Client:
    from organisatie.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def subjects_burgers(n: int) -> list[str]:
    """BSNs that are initiator of several zaken."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT bsn FROM zaken_rol WHERE bsn <> '' AND bsn LIKE '2%%' GROUP BY bsn HAVING count(*) >= 3 "
            "ORDER BY bsn LIMIT %s",
            [n],
        )
        return [r[0] for r in cur.fetchall()]


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    from klantregie.models import Kennisartikel, Klant
    from organisatie.models import Team
    from zaken.models import Zaak

    with connection.cursor() as cur:
        cur.execute("SELECT zaken FROM bench_dataset")
        size = cur.fetchone()[0]
    results = []
    bsns = subjects_burgers(40)

    # 1 + 2: the PIP, logged in through the demo DigiD login as burgers with several zaken.
    pip_clients = {}
    for bsn in bsns:
        client = Client()
        ok(client.post(reverse("pip:demo-login-digid"), {"digid-bsn": bsn}), 302)
        pip_clients[bsn] = client
    results.append(
        run(
            1,
            lambda bsn: ok(pip_clients[bsn].get(reverse("pip:zaken"))),
            bsns,
            args.repeat,
            args.warmup,
        )
    )
    pip_zaken = []
    for bsn in bsns:
        zaak = (
            Zaak.objects.filter(rollen__bsn=bsn)
            .order_by("-startdatum")
            .values_list("uuid", flat=True)
            .first()
        )
        pip_zaken.append((bsn, zaak))
    results.append(
        run(
            2,
            lambda s: ok(pip_clients[s[0]].get(reverse("pip:zaak", args=[s[1]]))),
            pip_zaken,
            args.repeat,
            args.warmup,
        )
    )

    # 3: KCC search by BSN, then the klantbeeld of the klant found.
    kcc = staff_client("kcc")
    klanten = {k.bsn: k.uuid for k in Klant.objects.filter(bsn__in=bsns)}

    def kcc_search(bsn):
        ok(kcc.get(reverse("klantregie:klant-zoeken"), {"q": bsn}))
        ok(kcc.get(reverse("klantregie:klantbeeld", args=[klanten[bsn]])))

    results.append(run(3, kcc_search, [b for b in bsns if b in klanten], args.repeat, args.warmup))

    # 4: log a klantcontact: a question answered directly from the kennisbank, with the klant.
    from klantregie.views import VRAGEN_PREFIX

    artikel = Kennisartikel.objects.order_by("id").first()
    sessie_re = re.compile(r'name="sessie"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="sessie"')

    def log_contact(bsn):
        page = ok(kcc.get(reverse("klantregie:contact"))).content.decode()
        match = sessie_re.search(page)
        sessie = match.group(1) or match.group(2)
        p = VRAGEN_PREFIX
        ok(
            kcc.post(
                reverse("klantregie:contact"),
                {
                    "kanaal": "telefoon",
                    "klant": str(klanten[bsn]),
                    "sessie": sessie,
                    "actie": "opslaan",
                    f"{p}-TOTAL_FORMS": "1",
                    f"{p}-INITIAL_FORMS": "0",
                    f"{p}-MIN_NUM_FORMS": "0",
                    f"{p}-MAX_NUM_FORMS": "1000",
                    f"{p}-0-onderwerp": artikel.vraag,
                    f"{p}-0-vraag": "Wanneer open?",
                    f"{p}-0-antwoord": artikel.antwoord[:500],
                    f"{p}-0-resultaat": "direct_beantwoord",
                    f"{p}-0-kennisartikel": str(artikel.uuid),
                },
            ),
            302,
        )

    results.append(run(4, log_contact, [b for b in bsns if b in klanten], args.repeat, args.warmup))

    # 5: the werkvoorraad of a team (the team tab, first page, sorted by deadline), as the
    # teamleider of Vergunningen and the vakspecialisten of the other 3e-lijn teams open it.
    werk_subjects = []
    for username in ("teamleider", "oov", "verkeer", "bor"):
        client = staff_client(username)
        for team_pk in Team.objects.filter(leden__username=username).values_list("pk", flat=True):
            werk_subjects.append((client, team_pk))
    results.append(
        run(
            5,
            lambda s: ok(
                s[0].get(reverse("processen:werkvoorraad"), {"weergave": "team", "team": s[1]})
            ),
            werk_subjects,
            args.repeat,
            args.warmup,
        )
    )

    # 6 + 7 + 8: the ZGW API with the demo client (all rights).
    api = api_client()
    results.append(
        run(
            6,
            lambda bsn: ok(
                api.get(
                    "/zaken/api/v1/zaken",
                    {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": bsn},
                )
            ),
            bsns,
            args.repeat,
            args.warmup,
        )
    )
    zaak_uuids = list(Zaak.objects.order_by("-id").values_list("uuid", flat=True)[:200:5])
    results.append(
        run(
            7,
            lambda u: ok(api.get(f"/zaken/api/v1/zaken/{u}")),
            zaak_uuids,
            args.repeat,
            args.warmup,
        )
    )
    from zaken.models import Zaaktype

    zaaktype = Zaaktype.objects.get(identificatie="PARKEERVERGUNNING", concept=False)
    statustype = zaaktype.statustypen.get(volgnummer=2)
    base = "http://testserver"

    def create(_):
        created = ok(
            api.post(
                "/zaken/api/v1/zaken",
                {
                    "zaaktype": f"{base}/catalogi/api/v1/zaaktypen/{zaaktype.uuid}",
                    "bronorganisatie": settings.GEMEENTE_RSIN,
                    "verantwoordelijkeOrganisatie": settings.GEMEENTE_RSIN,
                    "startdatum": str(timezone.localdate()),
                    "omschrijving": "Benchmark",
                },
                content_type="application/json",
            ),
            201,
        ).json()
        ok(
            api.post(
                "/zaken/api/v1/statussen",
                {
                    "zaak": created["url"],
                    "statustype": f"{base}/catalogi/api/v1/statustypen/{statustype.uuid}",
                    "datumStatusGezet": timezone.now().isoformat(),
                },
                content_type="application/json",
            ),
            201,
        )

    results.append(run(8, create, list(range(10)), args.repeat, args.warmup))

    # 9: the management dashboard over the last year, all zaaktypen.
    try:
        url = reverse("rapportage:dashboard")
    except NoReverseMatch:
        url = None
    if url:
        manager = staff_client("manager")
        vandaag = timezone.localdate()
        results.append(
            run(
                9,
                lambda _: ok(
                    manager.get(
                        url,
                        {"van": str(vandaag.replace(year=vandaag.year - 1)), "tot": str(vandaag)},
                    )
                ),
                [0],
                max(10, args.repeat // 6),
                2,
            )
        )
    out = {"size": size, "measured_at": timezone.now().isoformat(), "results": results}
    Path(args.out).write_text(json.dumps(out, indent=2))
    return out


if __name__ == "__main__":
    main()
