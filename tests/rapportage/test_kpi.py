"""Every KPI on a constructed dataset with known answers (conftest.py), the norm signal, the
CSV exports, the bounded number of queries, and the percentile helper on every database."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse

from rapportage import selectors
from rapportage.aggregaten import aggregaten_verversen
from rapportage.models import KpiNorm
from rapportage.selectors import Filters, percentiel
from tests.factories import KlantcontactFactory, ZaakFactory

pytestmark = pytest.mark.django_db


def _dashboard(ds, **kwargs):
    van, tot = selectors.standaard_periode()
    return selectors.dashboard(ds.manager, Filters(van=van, tot=tot, **kwargs))


def _waarde(d, code):
    return d.kpi(code).waarde


def test_every_kpi_has_its_known_value(dataset):
    d = _dashboard(dataset)
    assert _waarde(d, "direct_afgehandeld") == 80.0
    assert _waarde(d, "kennisbank_gebruikt") == 60.0
    assert _waarde(d, "tijdig_afgehandeld") == 60.0
    assert _waarde(d, "binnen_servicenorm") == 40.0
    assert _waarde(d, "doorlooptijd_mediaan") == 6
    assert _waarde(d, "doorlooptijd_p90") == 9.2
    assert _waarde(d, "zaken_te_laat") == 2
    assert _waarde(d, "taken_te_laat") == 1
    assert _waarde(d, "terugbel_te_laat") == 2
    assert _waarde(d, "instroom") == 9
    assert _waarde(d, "uitstroom") == 5
    assert _waarde(d, "klachten") == 1
    assert _waarde(d, "bezwaarschriften") == 0
    assert _waarde(d, "opschortingen") == 1
    assert _waarde(d, "verlengingen") == 1


def test_instroom_and_uitstroom_per_week(dataset):
    d = _dashboard(dataset)
    weken = {w["label"]: w for w in d.weken}
    iso = dataset.maandag.isocalendar()
    volgende = (dataset.maandag + timedelta(days=7)).isocalendar()
    week = weken[f"{iso.year}-W{iso.week:02d}"]
    assert (week["instroom"], week["uitstroom"]) == (5, 3)
    assert weken[f"{volgende.year}-W{volgende.week:02d}"]["uitstroom"] == 2


def test_onderhanden_werk_by_team_line_and_age(dataset):
    d = _dashboard(dataset)
    per_team = {o["team"]: o for o in d.onderhanden}
    assert per_team["Reïntegratie & Café"]["buckets"] == [1, 1, 0, 1]
    assert per_team["Overig"]["buckets"] == [0, 0, 1, 0]
    assert per_team["Reïntegratie & Café"]["te_laat"] == 1
    per_lijn = {o["lijn"]: o for o in d.onderhanden_lijn}
    assert per_lijn["2e lijn"]["totaal"] == 3 and per_lijn["3e lijn"]["totaal"] == 1


def test_doorlooptijd_per_zaaktype_fte_kanalen_and_klantregie(dataset):
    d = _dashboard(dataset)
    zt = {z["identificatie"]: z for z in d.zaaktypen}["ZT-A"]
    assert (zt["mediaan"], zt["p90"], zt["tijdig_pct"], zt["servicenorm_pct"]) == (6, 9.2, 60.0, 40.0)  # fmt: skip
    team = {t["team"]: t for t in d.teams}["Reïntegratie & Café"]
    assert team["uitstroom"] == 5 and team["per_fte"] == 2.5
    kanalen = {k["kanaal"]: k for k in d.kanalen}
    assert kanalen["telefoon"]["contacten"] == 7 and kanalen["balie"]["contacten"] == 3
    assert kanalen["telefoon"]["direct"] == 7 and kanalen["balie"]["direct"] == 1
    assert [(r["naam"], r["aantal"]) for r in d.regie] == [("Rita Regie", 2)]


def test_filters_narrow_the_figures(dataset):
    d = _dashboard(dataset, zaaktype="KLACHT")
    assert _waarde(d, "instroom") == 1 and _waarde(d, "uitstroom") == 0
    d = _dashboard(dataset, teams=[dataset.team.pk])
    assert _waarde(d, "instroom") == 8 and _waarde(d, "zaken_te_laat") == 1
    d = _dashboard(dataset, lijn=3)
    assert _waarde(d, "instroom") == 1
    d = _dashboard(dataset, kanaal="balie")
    assert _waarde(d, "direct_afgehandeld") == pytest.approx(33.3)
    assert _waarde(d, "instroom") == 0


def test_trend_covers_six_periods_ending_today(dataset):
    d = _dashboard(dataset)
    instroom = d.kpi("instroom")
    assert len(instroom.trend) == 6
    assert sum(w for _, w in instroom.trend) == 9
    assert d.kpi("direct_afgehandeld").trend[-1][1] == 80.0
    assert d.kpi("zaken_te_laat").momentopname


def test_percentiel_interpolates_like_percentile_cont():
    assert percentiel({2: 1, 4: 1, 6: 1, 8: 1, 10: 1}, 0.5) == 6
    assert percentiel({2: 1, 4: 1, 6: 1, 8: 1, 10: 1}, 0.9) == 9.2
    assert percentiel({1: 2, 3: 2}, 0.5) == 2
    assert percentiel({}, 0.5) is None


@pytest.mark.postgres
def test_percentiel_matches_postgresql(dataset):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY einddatum - startdatum), "
            "percentile_cont(0.9) WITHIN GROUP (ORDER BY einddatum - startdatum) "
            "FROM zaken_zaak WHERE einddatum IS NOT NULL"
        )
        mediaan, p90 = cursor.fetchone()
    d = _dashboard(dataset)
    assert (_waarde(d, "doorlooptijd_mediaan"), _waarde(d, "doorlooptijd_p90")) == (
        round(mediaan, 1),
        round(p90, 1),
    )


def test_refresh_is_idempotent(dataset):
    voor = _dashboard(dataset).tabellen()["zaaktypen"].rijen
    aggregaten_verversen()
    aggregaten_verversen(dagen=2)
    assert _dashboard(dataset).tabellen()["zaaktypen"].rijen == voor


def test_a_kpi_below_its_norm_is_flagged_in_the_html(client, dataset):
    KpiNorm.objects.filter(code="direct_afgehandeld").update(norm=90)
    client.force_login(dataset.manager)
    html = client.get(reverse("rapportage:dashboard")).content.decode()
    blok = html.split('data-kpi="direct_afgehandeld"')[1].split("</section>")[0]
    assert "Norm niet gehaald" in blok and "✗" in blok and "80%" in blok
    assert 'class="kpi kpi-niet_gehaald"' in html.split('data-kpi="direct_afgehandeld"')[0][-80:]
    blok = html.split('data-kpi="kennisbank_gebruikt"')[1].split("</section>")[0]
    assert "Norm gehaald" in blok and "Norm niet gehaald" not in blok


def _csv(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def test_csv_exports_have_headers_rows_and_dutch_characters(client, dataset):
    client.force_login(dataset.manager)
    url = reverse("rapportage:dashboard")
    response = client.get(url, {"export": "onderhanden"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rijen = _csv(response)
    assert rijen[0] == ["Team", "Lijn", "0–7 dagen", "8–30 dagen", "31–90 dagen", "> 90 dagen", "Totaal", "Over de termijn"]  # fmt: skip
    assert len(rijen) == 1 + 2
    assert ["Reïntegratie & Café", "2e lijn", "1", "1", "0", "1", "3", "1"] in rijen
    rijen = _csv(client.get(url, {"export": "zaaktypen"}))
    assert rijen[0][0] == "Zaaktype" and len(rijen) == 1 + 2
    assert ["Aanvraag één", "8", "5", "60", "40", "6", "9,2", "1", "1"] in rijen
    rijen = _csv(client.get(url, {"export": "kanalen"}))
    assert len(rijen) == 1 + 2
    for naam in ("kpis", "instroom_uitstroom", "onderhanden_lijn", "teams", "klantregie"):
        rijen = _csv(client.get(url, {"export": naam}))
        assert len(rijen) >= 2, naam
    assert client.get(url, {"export": "bestaat-niet"}).status_code == 404


def test_bad_period_keeps_input_and_says_what_to_fix(client, dataset):
    client.force_login(dataset.manager)
    response = client.get(reverse("rapportage:dashboard"), {"van": "2026-05-01", "tot": "2026-01-01"})  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200
    assert "De einddatum ligt vóór de begindatum" in html
    assert 'value="2026-05-01"' in html


def _extra_data(ds, n):
    for i in range(n):
        zaak = ZaakFactory(zaaktype=ds.zaaktype, kanaal=["post", "email", "balie"][i % 3])
        from zaken.models import Zaak

        Zaak.objects.filter(pk=zaak.pk).update(
            startdatum=ds.vandaag - timedelta(days=5 * i + 1), behandelend_team=ds.team
        )
        KlantcontactFactory(medewerker=ds.kcc, kanaal=["chat", "email"][i % 2])
    aggregaten_verversen()


def test_the_dashboard_runs_a_bounded_number_of_queries(
    client, dataset, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(dataset.manager)
    url = reverse("rapportage:dashboard")
    client.get(url)  # warm up (session, permissions cache)
    with CaptureQueriesContext(connection) as klein:
        assert client.get(url).status_code == 200
    _extra_data(dataset, 12)
    with django_assert_max_num_queries(30), CaptureQueriesContext(connection) as groot:
        assert client.get(url).status_code == 200
    assert len(groot) == len(klein)


def test_refresh_command(dataset):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("kpi_aggregaten_verversen", "--dagen", "3", stdout=out)
    assert "KPI-cijfers ververst" in out.getvalue()
    call_command("kpi_aggregaten_verversen", stdout=out)
    assert _waarde(_dashboard(dataset), "instroom") == 9


def test_csv_export_keeps_a_formula_like_name_as_text(client, dataset):
    """A team named like a spreadsheet formula is exported with a leading quote (CSV injection)."""
    dataset.team.naam = '=HYPERLINK("http://example.invalid","klik")'
    dataset.team.save(update_fields=["naam"])
    aggregaten_verversen()
    client.force_login(dataset.manager)
    rijen = _csv(client.get(reverse("rapportage:dashboard"), {"export": "onderhanden"}))
    assert rijen[1][0] == "'" + dataset.team.naam
    assert not any(cel.startswith("=") for rij in rijen for cel in rij)
