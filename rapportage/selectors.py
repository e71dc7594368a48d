"""The read path of the management dashboard: KPIs, tables and chart series from the aggregate
tables (ADR 0050), plus the drill-down lists behind every KPI.

The dashboard runs a fixed number of queries whatever the amount of data: every query groups
the daily aggregate rows (≤ one row per day × zaaktype × team × kanaal) or uses a partial index
on open rows. Drill-down lists read the live tables through the zaken and klantregie selectors,
so they carry the same authorisation as the rest of Zaakstroom."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone

from organisatie.models import Lijn, Team, User
from rapportage.apps import DASHBOARD
from rapportage.models import (
    AggregaatStatus,
    ContactDagcijfer,
    DoorlooptijdCijfer,
    KpiNorm,
    OnderhandenCijfer,
    ZaakDagcijfer,
    ZaaktypeCategorie,
)
from zaken.models import Kanaal, Zaaktype

AANTAL_PERIODES = 6
LEEFTIJDEN = [("0–7 dagen", 0, 7), ("8–30 dagen", 8, 30), ("31–90 dagen", 31, 90), ("> 90 dagen", 91, None)]  # fmt: skip
ZAAK_SOMMEN = (
    "instroom",
    "uitstroom",
    "met_termijn",
    "tijdig",
    "met_servicenorm",
    "binnen_servicenorm",
    "opschortingen",
    "verlengingen",
)


# --- who and which filters ---------------------------------------------------------------------
def vereis_dashboard(user) -> None:
    if (
        not user.is_authenticated
        or not getattr(user, "is_medewerker", False)
        or not user.has_perm(DASHBOARD)
    ):
        raise PermissionDenied


def eigen_teams(user) -> list[int]:
    """The teams a teamleider looks at by default: theirs and the ones they lead."""
    return sorted(set(user.team_ids) | set(user.geleide_teams.values_list("id", flat=True)))


def ziet_alles(user) -> bool:
    return user.has_perm("zaken.alle-zaken-inzien")


@dataclass
class Filters:
    van: date
    tot: date
    zaaktype: str = ""  # identificatie
    teams: list[int] | None = None  # None: every team
    lijn: int | None = None
    kanaal: str = ""

    @property
    def dagen(self) -> int:
        return (self.tot - self.van).days + 1

    def periodes(self) -> list[tuple[date, date]]:
        """Six consecutive periods of equal length that end on `tot` and together span the
        chosen period (ADR 0050): the trend of each KPI."""
        lengte = max(1, self.dagen // AANTAL_PERIODES)
        return [
            (
                self.tot - timedelta(days=(AANTAL_PERIODES - k) * lengte - 1),
                self.tot - timedelta(days=(AANTAL_PERIODES - 1 - k) * lengte),
            )
            for k in range(AANTAL_PERIODES)
        ]


def standaard_periode(vandaag: date | None = None) -> tuple[date, date]:
    """The last 12 months up to today."""
    vandaag = vandaag or timezone.localdate()
    return vandaag - timedelta(days=364), vandaag


# --- helpers ---------------------------------------------------------------------------------
def _zaak_dims(qs: QuerySet, f: Filters, *, team_veld: str = "team_id") -> QuerySet:
    if f.zaaktype:
        qs = qs.filter(zaaktype__identificatie=f.zaaktype)
    if f.teams is not None:
        qs = qs.filter(**{f"{team_veld}__in": f.teams})
    if f.lijn:
        qs = qs.filter(**{f"{team_veld.removesuffix('_id')}__lijn": f.lijn})
    if f.kanaal:
        qs = qs.filter(kanaal=f.kanaal)
    return qs


def _periode_case(veld: str, periodes: list[tuple[date, date]]) -> Case:
    return Case(
        *[
            When(**{f"{veld}__gte": begin, f"{veld}__lte": eind}, then=Value(i))
            for i, (begin, eind) in enumerate(periodes)
        ],
        default=Value(-1),
        output_field=IntegerField(),
    )


def procent(deel: int, totaal: int) -> float | None:
    return round(100 * deel / totaal, 1) if totaal else None


def percentiel(histogram: dict[int, int] | list[tuple[int, int]], p: float) -> float | None:
    """The p-th percentile (0..1) of a histogram {value: count}, interpolated between ranks
    like PostgreSQL's percentile_cont, computed the same way on every database."""
    items = sorted(histogram.items() if isinstance(histogram, dict) else histogram)
    n = sum(c for _, c in items)
    if n == 0:
        return None
    positie = p * (n - 1)
    laag, hoog = math.floor(positie), math.ceil(positie)

    def waarde_op(rang: int) -> int:
        gezien = 0
        for waarde, aantal in items:
            gezien += aantal
            if rang < gezien:
                return waarde
        return items[-1][0]

    a, b = waarde_op(laag), waarde_op(hoog)
    return round(a + (b - a) * (positie - laag), 1)


# --- the dashboard -----------------------------------------------------------------------------
@dataclass
class Kpi:
    code: str
    naam: str
    omschrijving: str
    eenheid: str
    norm: Decimal | None
    richting: str
    waarde: float | int | None
    trend: list[tuple[str, float | int | None]] = field(default_factory=list)
    drilldown: str = ""
    momentopname: bool = False

    @property
    def heeft_norm(self) -> bool:
        return self.norm is not None

    @property
    def norm_gehaald(self) -> bool | None:
        if self.norm is None or self.waarde is None:
            return None
        if self.richting == KpiNorm.Richting.HOGER:
            return Decimal(str(self.waarde)) >= self.norm
        return Decimal(str(self.waarde)) <= self.norm

    @property
    def status(self) -> str:
        gehaald = self.norm_gehaald
        if gehaald is None:
            return "geen_norm" if self.norm is None else "geen_gegevens"
        return "gehaald" if gehaald else "niet_gehaald"

    @property
    def teken(self) -> str:
        return "%" if self.eenheid == "procent" else (" dagen" if self.eenheid == "dagen" else "")

    def opmaak(self, waarde) -> str:
        if waarde is None:
            return "—"
        if isinstance(waarde, float) and waarde.is_integer():
            waarde = int(waarde)
        tekst = f"{waarde}".replace(".", ",")
        return f"{tekst}{self.teken}"

    @property
    def waarde_tekst(self) -> str:
        return self.opmaak(self.waarde)

    @property
    def norm_tekst(self) -> str:
        if self.norm is None:
            return "geen norm"
        teken = "≥" if self.richting == KpiNorm.Richting.HOGER else "≤"
        norm = self.norm.normalize()
        return f"{teken} {self.opmaak(float(norm))}"


@dataclass
class Tabel:
    naam: str
    titel: str
    kolommen: list[str]
    rijen: list[list]


@dataclass
class Dashboard:
    filters: Filters
    kpis: list[Kpi]
    weken: list[dict]  # {"label", "instroom", "uitstroom", "week"}
    kanalen: list[dict]  # {"kanaal", "label", "contacten", "kcc", "direct %", ...}
    onderhanden: list[dict]  # per team: {"team", "lijn", "buckets": [n, n, n, n], "te_laat"}
    onderhanden_lijn: list[dict]
    zaaktypen: list[dict]
    teams: list[dict]
    regie: list[dict]
    ververst_op: object
    peildatum: date | None

    def kpi(self, code: str) -> Kpi | None:
        return next((k for k in self.kpis if k.code == code), None)

    def tabellen(self) -> dict[str, Tabel]:
        """Every table of the dashboard, the same for HTML, CSV and PDF."""

        def fmt(v):
            return "" if v is None else v

        t = {}
        t["kpis"] = Tabel(
            "kpis",
            "KPI's tegen de norm",
            ["KPI", "Waarde", "Norm", "Oordeel"]
            + [f"Periode {i + 1}" for i in range(AANTAL_PERIODES)],
            [
                [k.naam, k.waarde_tekst, k.norm_tekst, OORDEEL[k.status]]
                + (
                    [k.opmaak(w) for _, w in k.trend]
                    if k.trend
                    else ["momentopname"] + [""] * (AANTAL_PERIODES - 1)
                )
                for k in self.kpis
            ],
        )
        t["instroom_uitstroom"] = Tabel(
            "instroom_uitstroom",
            "Instroom en uitstroom per week",
            ["Week", "Begint op", "Instroom", "Uitstroom"],
            [[w["label"], w["begin"].strftime("%d-%m-%Y"), w["instroom"], w["uitstroom"]] for w in self.weken],
        )  # fmt: skip
        t["kanalen"] = Tabel(
            "kanalen",
            "Contacten per kanaal",
            ["Kanaal", "Contacten", "Door het KCC", "Vragen KCC", "Direct beantwoord",
             "Direct %", "Uit de kennisbank %"],
            [[k["label"], k["contacten"], k["kcc"], k["vragen"], k["direct"],
              fmt(k["direct_pct"]), fmt(k["kennisbank_pct"])] for k in self.kanalen],
        )  # fmt: skip
        t["onderhanden"] = Tabel(
            "onderhanden",
            "Onderhanden werk per team naar leeftijd",
            ["Team", "Lijn", *[b[0] for b in LEEFTIJDEN], "Totaal", "Over de termijn"],
            [[o["team"], o["lijn"], *o["buckets"], o["totaal"], o["te_laat"]] for o in self.onderhanden],
        )  # fmt: skip
        t["onderhanden_lijn"] = Tabel(
            "onderhanden_lijn",
            "Onderhanden werk per lijn naar leeftijd",
            ["Lijn", *[b[0] for b in LEEFTIJDEN], "Totaal", "Over de termijn"],
            [[o["lijn"], *o["buckets"], o["totaal"], o["te_laat"]] for o in self.onderhanden_lijn],
        )
        t["zaaktypen"] = Tabel(
            "zaaktypen",
            "Doorlooptijd en termijnen per zaaktype",
            ["Zaaktype", "Instroom", "Uitstroom", "Tijdig %", "Binnen servicenorm %",
             "Doorlooptijd mediaan (dagen)", "Doorlooptijd p90 (dagen)", "Opschortingen",
             "Verlengingen"],
            [[z["naam"], z["instroom"], z["uitstroom"], fmt(z["tijdig_pct"]),
              fmt(z["servicenorm_pct"]), fmt(z["mediaan"]), fmt(z["p90"]), z["opschortingen"],
              z["verlengingen"]] for z in self.zaaktypen],
        )  # fmt: skip
        t["teams"] = Tabel(
            "teams",
            "Productie per team",
            ["Team", "Lijn", "Uitstroom", "Formatie (fte)", "Producten per fte"],
            [[r["team"], r["lijn"], r["uitstroom"], fmt(r["fte"]), fmt(r["per_fte"])] for r in self.teams],
        )  # fmt: skip
        t["klantregie"] = Tabel(
            "klantregie",
            "Klantregie: open regiezaken per klantregisseur",
            ["Klantregisseur", "Open regiezaken"],
            [[r["naam"], r["aantal"]] for r in self.regie],
        )
        return t


OORDEEL = {
    "gehaald": "Norm gehaald",
    "niet_gehaald": "Norm niet gehaald",
    "geen_norm": "Geen norm",
    "geen_gegevens": "Geen gegevens",
}


def dashboard(user, f: Filters, *, vandaag: date | None = None) -> Dashboard:
    """All figures of the dashboard for `f`, in a fixed number of queries."""
    from klantregie.models import Terugbelverzoek
    from processen.models import OPEN_STATUSSEN, Taak
    from processen.toegang import HUMAN
    from zaken.models import Zaak

    vereis_dashboard(user)
    vandaag = vandaag or timezone.localdate()
    periodes = f.periodes()
    trend_van = periodes[0][0]
    labels = [f"{b:%d-%m-%Y} – {e:%d-%m-%Y}" for b, e in periodes]

    normen = {n.code: n for n in KpiNorm.objects.all()}  # 1
    categorieen = dict(
        ZaaktypeCategorie.objects.values_list("zaaktype_identificatie", "categorie")
    )  # 2
    zaaktypen = {
        zt.pk: zt for zt in Zaaktype.objects.only("id", "identificatie", "omschrijving")
    }  # 3
    teams = {t.pk: t for t in Team.objects.all()}  # 4
    status = AggregaatStatus.objects.first()  # 5
    peildatum = status.peildatum if status else vandaag

    zaak_basis = _zaak_dims(ZaakDagcijfer.objects.all(), f)
    sommen = {s: Sum(s) for s in ZAAK_SOMMEN}
    # 7: the period per team
    per_team = list(
        zaak_basis.filter(dag__gte=f.van, dag__lte=f.tot)
        .values("team_id")
        .annotate(uitstroom=Sum("uitstroom"))
        .order_by()
    )
    # 8: the trend periods per zaaktype
    # (over the whole period: the days before the first trend period get periode -1, so the
    # period totals per zaaktype follow from the same rows)
    zaak_trend = list(
        zaak_basis.filter(dag__gte=f.van, dag__lte=f.tot)
        .annotate(periode=_periode_case("dag", periodes))
        .values("periode", "zaaktype_id")
        .annotate(**sommen)
        .order_by()
    )
    per_type: dict = {}
    for r in zaak_trend:
        rij = per_type.setdefault(r["zaaktype_id"], {"zaaktype_id": r["zaaktype_id"]})
        for som in ZAAK_SOMMEN:
            rij[som] = rij.get(som, 0) + (r[som] or 0)
    per_zaaktype = list(per_type.values())
    # 9: per day, for the weekly chart
    per_dag = list(
        zaak_basis.filter(dag__gte=f.van, dag__lte=f.tot)
        .values("dag")
        .annotate(instroom=Sum("instroom"), uitstroom=Sum("uitstroom"))
        .order_by("dag")
    )
    doorloop_basis = _zaak_dims(DoorlooptijdCijfer.objects.all(), f)
    # 10, 11: doorlooptijd histograms
    doorloop = list(
        doorloop_basis.filter(dag__gte=f.van, dag__lte=f.tot)
        .values("zaaktype_id", "dagen")
        .annotate(n=Sum("aantal"))
        .order_by()
    )
    doorloop_trend = list(
        doorloop_basis.filter(dag__gte=trend_van, dag__lte=f.tot)
        .annotate(periode=_periode_case("dag", periodes))
        .values("periode", "dagen")
        .annotate(n=Sum("aantal"))
        .order_by()
    )
    # 12: onderhanden werk by team and age bucket (snapshot at peildatum)
    bucket = Case(
        *[
            When(startdatum__gte=peildatum - timedelta(days=hoog), then=Value(i))
            for i, (_, _laag, hoog) in enumerate(LEEFTIJDEN)
            if hoog is not None
        ],
        default=Value(len(LEEFTIJDEN) - 1),
        output_field=IntegerField(),
    )
    onderhanden = list(
        _zaak_dims(OnderhandenCijfer.objects.all(), f)
        .annotate(bucket=bucket)
        .values("team_id", "bucket")
        .annotate(n=Sum("aantal"), te_laat=Sum("te_laat"))
        .order_by()
    )
    # 13, 14: contacts (filtered by kanaal only: a contact has no zaaktype or team)
    contact_basis = ContactDagcijfer.objects.all()
    if f.kanaal:
        contact_basis = contact_basis.filter(kanaal=f.kanaal)
    csommen = {s: Sum(s) for s in ("contacten", "kcc_contacten", "kennisbank", "vragen", "vragen_direct")}  # fmt: skip
    per_kanaal = list(
        contact_basis.filter(dag__gte=f.van, dag__lte=f.tot)
        .values("kanaal")
        .annotate(**csommen)
        .order_by()
    )
    contact_trend = list(
        contact_basis.filter(dag__gte=trend_van, dag__lte=f.tot)
        .annotate(periode=_periode_case("dag", periodes))
        .values("periode")
        .annotate(**csommen)
        .order_by()
    )
    # 15, 16: terugbelverzoeken over their deadline (now, and per trend period)
    terugbel = Terugbelverzoek.objects.all()
    if f.teams is not None:
        terugbel = terugbel.filter(team_id__in=f.teams)
    if f.lijn:
        terugbel = terugbel.filter(team__lijn=f.lijn)
    terugbel_nu = terugbel.filter(
        status__in=Terugbelverzoek.OPEN_STATUSSEN, deadline__lt=vandaag
    ).count()
    terugbel_trend = dict(
        terugbel.filter(deadline__gte=trend_van, deadline__lte=f.tot)
        .annotate(afgehandeld_dag=TruncDate("afgehandeld_op"))
        .filter(
            Q(status__in=Terugbelverzoek.OPEN_STATUSSEN, deadline__lt=vandaag)
            | Q(afgehandeld_dag__gt=F("deadline"))
        )
        .annotate(periode=_periode_case("deadline", periodes))
        .values("periode")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("periode", "n")
    )
    # 17: tasks over their deadline (now)
    taken = Taak.objects.filter(
        flow_task_type=HUMAN, status__in=OPEN_STATUSSEN, deadline__lt=vandaag
    )
    if f.teams is not None:
        taken = taken.filter(team_id__in=f.teams)
    if f.lijn:
        taken = taken.filter(team__lijn=f.lijn)
    if f.zaaktype:
        taken = taken.filter(zaak__zaaktype__identificatie=f.zaaktype)
    taken_nu = taken.count()
    # 18: klantregie load per klantregisseur (open zaken, partial index)
    regie_qs = Zaak.objects.filter(einddatum__isnull=True, klantregisseur__isnull=False)
    regie_qs = _zaak_dims(regie_qs, f, team_veld="behandelend_team_id")
    # Counted on the partial index alone (an index-only scan), the names fetched apart.
    regie_tellingen = dict(
        regie_qs.values("klantregisseur_id")
        .annotate(n=Count("*"))
        .order_by()
        .values_list("klantregisseur_id", "n")
    )
    regisseurs = {
        u.pk: u
        for u in User.objects.filter(pk__in=list(regie_tellingen)).only(
            "first_name", "last_name", "username"
        )
    }
    regie = sorted(
        (
            {
                "id": pk,
                "naam": " ".join(p for p in (u.first_name, u.last_name) if p) or u.username,
                "aantal": regie_tellingen[pk],
                "_achternaam": u.last_name,
            }
            for pk, u in regisseurs.items()
        ),
        key=lambda r: (-r["aantal"], r["_achternaam"]),
    )
    for r in regie:
        del r["_achternaam"]

    # --- assemble (no more queries) ---------------------------------------------------------
    def ident(zaaktype_id):
        zt = zaaktypen.get(zaaktype_id)
        return zt.identificatie if zt else "?"

    totaal = {s: sum(r[s] or 0 for r in per_zaaktype) for s in ZAAK_SOMMEN}
    trend = defaultdict(lambda: defaultdict(int))
    cat_trend = defaultdict(lambda: defaultdict(int))
    cat_totaal = defaultdict(int)
    for r in zaak_trend:
        if r["periode"] < 0:
            continue
        for s in ZAAK_SOMMEN:
            trend[r["periode"]][s] += r[s] or 0
        cat = categorieen.get(ident(r["zaaktype_id"]))
        if cat:
            cat_trend[cat][r["periode"]] += r["instroom"] or 0
    for r in per_zaaktype:
        cat = categorieen.get(ident(r["zaaktype_id"]))
        if cat:
            cat_totaal[cat] += r["instroom"] or 0

    hist_totaal: dict[int, int] = defaultdict(int)
    hist_per_type: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for r in doorloop:
        hist_totaal[r["dagen"]] += r["n"]
        hist_per_type[ident(r["zaaktype_id"])][r["dagen"]] += r["n"]
    hist_trend: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for r in doorloop_trend:
        if r["periode"] >= 0:
            hist_trend[r["periode"]][r["dagen"]] += r["n"]

    ctotaal = {s: sum(r[s] or 0 for r in per_kanaal) for s in csommen}
    ctrend = {r["periode"]: r for r in contact_trend if r["periode"] >= 0}

    te_laat_nu = sum(r["te_laat"] or 0 for r in onderhanden)

    def reeks(fn):
        return [(labels[i], fn(i)) for i in range(AANTAL_PERIODES)]

    def z(i, s):
        return trend[i][s] if i in trend else 0

    def c(i, s):
        return (ctrend[i][s] or 0) if i in ctrend else 0

    waarden = {
        "direct_afgehandeld": (
            procent(ctotaal["vragen_direct"], ctotaal["vragen"]),
            reeks(lambda i: procent(c(i, "vragen_direct"), c(i, "vragen"))),
            "niet_direct",
        ),
        "kennisbank_gebruikt": (
            procent(ctotaal["kennisbank"], ctotaal["kcc_contacten"]),
            reeks(lambda i: procent(c(i, "kennisbank"), c(i, "kcc_contacten"))),
            "zonder_kennisbank",
        ),
        "tijdig_afgehandeld": (
            procent(totaal["tijdig"], totaal["met_termijn"]),
            reeks(lambda i: procent(z(i, "tijdig"), z(i, "met_termijn"))),
            "niet_tijdig",
        ),
        "binnen_servicenorm": (
            procent(totaal["binnen_servicenorm"], totaal["met_servicenorm"]),
            reeks(lambda i: procent(z(i, "binnen_servicenorm"), z(i, "met_servicenorm"))),
            "buiten_servicenorm",
        ),
        "doorlooptijd_mediaan": (
            percentiel(hist_totaal, 0.5),
            reeks(lambda i: percentiel(hist_trend.get(i, {}), 0.5)),
            "uitstroom",
        ),
        "doorlooptijd_p90": (
            percentiel(hist_totaal, 0.9),
            reeks(lambda i: percentiel(hist_trend.get(i, {}), 0.9)),
            "uitstroom",
        ),
        "zaken_te_laat": (te_laat_nu, None, "te_laat"),
        "taken_te_laat": (taken_nu, None, "taken_te_laat"),
        "terugbel_te_laat": (
            terugbel_nu,
            reeks(lambda i: terugbel_trend.get(i, 0)),
            "terugbel_te_laat",
        ),
        "instroom": (totaal["instroom"], reeks(lambda i: z(i, "instroom")), "instroom"),
        "uitstroom": (totaal["uitstroom"], reeks(lambda i: z(i, "uitstroom")), "uitstroom"),
        "klachten": (
            cat_totaal["klacht"],
            reeks(lambda i: cat_trend["klacht"].get(i, 0)),
            "klachten",
        ),
        "bezwaarschriften": (
            cat_totaal["bezwaar"],
            reeks(lambda i: cat_trend["bezwaar"].get(i, 0)),
            "bezwaarschriften",
        ),
        "opschortingen": (
            totaal["opschortingen"],
            reeks(lambda i: z(i, "opschortingen")),
            "opschortingen",
        ),
        "verlengingen": (
            totaal["verlengingen"],
            reeks(lambda i: z(i, "verlengingen")),
            "verlengingen",
        ),
    }
    kpis = []
    for norm in sorted(normen.values(), key=lambda n: (n.volgorde, n.code)):
        if not norm.actief or norm.code not in waarden:
            continue
        waarde, reeks_, drill = waarden[norm.code]
        kpis.append(
            Kpi(
                code=norm.code,
                naam=norm.naam,
                omschrijving=norm.omschrijving,
                eenheid=norm.eenheid,
                norm=norm.norm,
                richting=norm.richting,
                waarde=waarde,
                trend=reeks_ or [],
                drilldown=drill,
                momentopname=reeks_ is None,
            )
        )

    # weeks (ISO weeks, Monday first) of the period
    weken: dict[date, dict] = {}
    maandag = f.van - timedelta(days=f.van.weekday())
    while maandag <= f.tot:
        iso = maandag.isocalendar()
        weken[maandag] = {
            "begin": max(maandag, f.van),
            "label": f"{iso.year}-W{iso.week:02d}",
            "instroom": 0,
            "uitstroom": 0,
        }
        maandag += timedelta(days=7)
    for r in per_dag:
        week = weken.get(r["dag"] - timedelta(days=r["dag"].weekday()))
        if week is not None:
            week["instroom"] += r["instroom"] or 0
            week["uitstroom"] += r["uitstroom"] or 0

    kanaal_labels = dict(Kanaal.choices)
    kanalen = sorted(
        (
            {
                "kanaal": r["kanaal"],
                "label": kanaal_labels.get(r["kanaal"], r["kanaal"]),
                "contacten": r["contacten"] or 0,
                "kcc": r["kcc_contacten"] or 0,
                "vragen": r["vragen"] or 0,
                "direct": r["vragen_direct"] or 0,
                "direct_pct": procent(r["vragen_direct"] or 0, r["vragen"] or 0),
                "kennisbank_pct": procent(r["kennisbank"] or 0, r["kcc_contacten"] or 0),
            }
            for r in per_kanaal
        ),
        key=lambda k: (-k["contacten"], k["label"]),
    )

    per_team_onderhanden: dict = {}
    per_lijn: dict = {}
    for r in onderhanden:
        team = teams.get(r["team_id"])
        naam = team.naam if team else "Geen team"
        lijn = Lijn(team.lijn).label if team and team.lijn else "—"
        for sleutel, doel in ((naam, per_team_onderhanden), (lijn, per_lijn)):
            rij = doel.setdefault(
                sleutel,
                {
                    "team": naam,
                    "lijn": lijn,
                    "buckets": [0] * len(LEEFTIJDEN),
                    "te_laat": 0,
                    "team_id": r["team_id"],
                },
            )
            rij["buckets"][r["bucket"]] += r["n"] or 0
            rij["te_laat"] += r["te_laat"] or 0
    for rij in [*per_team_onderhanden.values(), *per_lijn.values()]:
        rij["totaal"] = sum(rij["buckets"])

    zaaktype_rijen: dict[str, dict] = {}
    for r in per_zaaktype:
        zt = zaaktypen.get(r["zaaktype_id"])
        key = ident(r["zaaktype_id"])
        rij = zaaktype_rijen.setdefault(
            key,
            {
                "identificatie": key,
                "naam": zt.omschrijving if zt else key,
                **dict.fromkeys(ZAAK_SOMMEN, 0),
            },
        )
        for s in ZAAK_SOMMEN:
            rij[s] += r[s] or 0
    for key, rij in zaaktype_rijen.items():
        rij["tijdig_pct"] = procent(rij["tijdig"], rij["met_termijn"])
        rij["servicenorm_pct"] = procent(rij["binnen_servicenorm"], rij["met_servicenorm"])
        rij["mediaan"] = percentiel(hist_per_type.get(key, {}), 0.5)
        rij["p90"] = percentiel(hist_per_type.get(key, {}), 0.9)

    team_rijen = []
    for r in per_team:
        team = teams.get(r["team_id"])
        fte = team.fte if team else None
        team_rijen.append(
            {
                "team_id": r["team_id"],
                "team": team.naam if team else "Geen team",
                "lijn": Lijn(team.lijn).label if team and team.lijn else "—",
                "uitstroom": r["uitstroom"] or 0,
                "fte": fte,
                "per_fte": round((r["uitstroom"] or 0) / float(fte), 1) if fte else None,
            }
        )

    return Dashboard(
        filters=f,
        kpis=kpis,
        weken=list(weken.values()),
        kanalen=kanalen,
        onderhanden=sorted(per_team_onderhanden.values(), key=lambda r: (r["lijn"], r["team"])),
        onderhanden_lijn=sorted(per_lijn.values(), key=lambda r: r["lijn"]),
        zaaktypen=sorted(zaaktype_rijen.values(), key=lambda r: r["naam"]),
        teams=sorted(team_rijen, key=lambda r: (r["lijn"], r["team"])),
        regie=regie,
        ververst_op=status.ververst_op if status else None,
        peildatum=status.peildatum if status else None,
    )


# --- drill-down --------------------------------------------------------------------------------
ZAAK_DRILLDOWNS = {
    "instroom": "Zaken gestart in de periode",
    "uitstroom": "Zaken afgesloten in de periode",
    "niet_tijdig": "Zaken afgesloten na de uiterlijke einddatum",
    "buiten_servicenorm": "Zaken afgesloten na de servicenorm",
    "onderhanden": "Onderhanden werk",
    "te_laat": "Open zaken over de termijn",
    "taken_te_laat": "Zaken met een taak over de termijn",
    "opschortingen": "Zaken opgeschort in de periode",
    "verlengingen": "Verlengde zaken (gestart in de periode)",
    "klachten": "Klachten",
    "bezwaarschriften": "Bezwaarschriften",
    "klantregie": "Open regiezaken",
}
CONTACT_DRILLDOWNS = {
    "contacten": "Klantcontacten",
    "niet_direct": "KCC-contacten met een vraag die niet direct is beantwoord",
    "zonder_kennisbank": "KCC-contacten zonder antwoord uit de kennisbank",
}
TERUGBEL_DRILLDOWNS = {"terugbel_te_laat": "Terugbelverzoeken over de deadline"}
DRILLDOWNS = {**ZAAK_DRILLDOWNS, **CONTACT_DRILLDOWNS, **TERUGBEL_DRILLDOWNS}


def drilldown_zaken(
    user,
    soort: str,
    f: Filters,
    *,
    bucket: int | None = None,
    team: int | None = None,
    klantregisseur: int | None = None,
    vandaag: date | None = None,
) -> QuerySet:
    """The zaken behind a KPI, through the zaken selector: only zaken the user may see, and
    never one above their vertrouwelijkheid (no restricted rows in management lists)."""
    from core.vertrouwelijkheid import tot_en_met
    from processen.models import OPEN_STATUSSEN, Taak
    from processen.toegang import HUMAN
    from zaken.models import Opschorting
    from zaken.selectors import zaken_zichtbaar_voor_medewerker

    vereis_dashboard(user)
    vandaag = vandaag or timezone.localdate()
    qs = zaken_zichtbaar_voor_medewerker(user).filter(
        vertrouwelijkheidaanduiding__in=tot_en_met(user.max_vertrouwelijkheid)
    )
    qs = _zaak_dims(qs, f, team_veld="behandelend_team_id")
    if team is not None:
        qs = qs.filter(behandelend_team_id=team)
    gestart = Q(startdatum__gte=f.van, startdatum__lte=f.tot)
    gesloten = Q(einddatum__gte=f.van, einddatum__lte=f.tot)
    if soort == "instroom":
        qs = qs.filter(gestart)
    elif soort == "uitstroom":
        qs = qs.filter(gesloten)
    elif soort == "niet_tijdig":
        qs = qs.filter(gesloten, einddatum__gt=F("uiterlijke_einddatum_afdoening"))
    elif soort == "buiten_servicenorm":
        qs = qs.filter(gesloten, einddatum__gt=F("einddatum_gepland"))
    elif soort == "onderhanden":
        qs = qs.filter(einddatum__isnull=True)
        if bucket is not None and 0 <= bucket < len(LEEFTIJDEN):
            _, laag, hoog = LEEFTIJDEN[bucket]
            qs = qs.filter(startdatum__lte=vandaag - timedelta(days=laag))
            if hoog is not None:
                qs = qs.filter(startdatum__gte=vandaag - timedelta(days=hoog))
    elif soort == "te_laat":
        qs = qs.filter(einddatum__isnull=True, uiterlijke_einddatum_afdoening__lt=vandaag)
    elif soort == "taken_te_laat":
        taken = Taak.objects.filter(
            flow_task_type=HUMAN, status__in=OPEN_STATUSSEN, deadline__lt=vandaag
        )
        if f.teams is not None:
            taken = taken.filter(team_id__in=f.teams)
        qs = _zaak_dims(
            zaken_zichtbaar_voor_medewerker(user).filter(
                vertrouwelijkheidaanduiding__in=tot_en_met(user.max_vertrouwelijkheid)
            ),
            Filters(f.van, f.tot, zaaktype=f.zaaktype, kanaal=f.kanaal),
        ).filter(pk__in=taken.values("zaak_id"))
    elif soort == "opschortingen":
        qs = qs.filter(
            pk__in=Opschorting.objects.filter(begindatum__gte=f.van, begindatum__lte=f.tot).values(
                "zaak_id"
            )
        )
    elif soort == "verlengingen":
        qs = qs.filter(gestart).exclude(verlenging_duur="")
    elif soort in ("klachten", "bezwaarschriften"):
        categorie = "klacht" if soort == "klachten" else "bezwaar"
        idents = ZaaktypeCategorie.objects.filter(categorie=categorie).values(
            "zaaktype_identificatie"
        )
        qs = qs.filter(gestart, zaaktype__identificatie__in=idents)
    elif soort == "klantregie":
        qs = qs.filter(einddatum__isnull=True, klantregisseur__isnull=False)
        if klantregisseur is not None:
            qs = qs.filter(klantregisseur_id=klantregisseur)
    else:
        return qs.none()
    return qs.select_related("zaaktype", "statustype", "behandelend_team").order_by(
        "-startdatum", "-id"
    )


def drilldown_contacten(user, soort: str, f: Filters) -> QuerySet:
    """KCC contacts behind a KPI, through the klantregie selector (with its right check)."""
    from datetime import datetime, time

    from core.actor import Actor
    from core.errors import NotFound
    from klantregie.models import Vraag
    from klantregie.selectors import klantcontacten_voor_actor
    from zaken.selectors import zaken_zichtbaar_voor_medewerker

    vereis_dashboard(user)
    tz = timezone.get_current_timezone()
    try:
        qs = klantcontacten_voor_actor(
            Actor.for_user(user),
            zichtbare_zaken=zaken_zichtbaar_voor_medewerker(user),
            kanaal=f.kanaal,
            vanaf=timezone.make_aware(datetime.combine(f.van, time.min), tz),
            tot=timezone.make_aware(datetime.combine(f.tot + timedelta(days=1), time.min), tz),
        )
    except NotFound as exc:
        raise PermissionDenied from exc
    if soort == "niet_direct":
        qs = qs.filter(medewerker__isnull=False).filter(
            pk__in=Vraag.objects.exclude(resultaat__in=Vraag.DIRECT).values("klantcontact_id")
        )
    elif soort == "zonder_kennisbank":
        qs = qs.filter(medewerker__isnull=False, antwoord_in_kennisbank=False)
    elif soort != "contacten":
        return qs.none()
    return qs.select_related("medewerker")


def drilldown_terugbelverzoeken(user, soort: str, f: Filters, *, vandaag=None) -> QuerySet:
    from core.actor import Actor
    from core.errors import NotFound
    from klantregie.models import Terugbelverzoek
    from klantregie.selectors import terugbelverzoeken_voor_actor
    from zaken.selectors import zaken_zichtbaar_voor_medewerker

    vereis_dashboard(user)
    vandaag = vandaag or timezone.localdate()
    try:
        qs = terugbelverzoeken_voor_actor(
            Actor.for_user(user),
            zichtbare_zaken=zaken_zichtbaar_voor_medewerker(user),
            deadline_voor=vandaag,
        )
    except NotFound as exc:
        raise PermissionDenied from exc
    qs = qs.filter(status__in=Terugbelverzoek.OPEN_STATUSSEN)
    if f.teams is not None:
        qs = qs.filter(team_id__in=f.teams)
    if f.lijn:
        qs = qs.filter(team__lijn=f.lijn)
    return qs


def oudste_te_late_zaken(user, f: Filters, limit: int = 10) -> list:
    """For the report: the open zaken longest past their deadline that the user may see."""
    qs = drilldown_zaken(user, "te_laat", f)
    return list(qs.order_by("uiterlijke_einddatum_afdoening", "id")[:limit])
