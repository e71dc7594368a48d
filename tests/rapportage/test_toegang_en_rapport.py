"""Who sees the dashboard and the drill-downs, the audit of personal data, and the PDF report
(municipality header, Dutch text, no fetch of URLs in a zaak's text)."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.urls import reverse

from core.menu import staff_landing, staff_menu
from core.models import AuditRecord
from core.pdf import pdf_text
from tests.factories import UserFactory, ZaakFactory
from zaken.models import Zaak

pytestmark = pytest.mark.django_db


def test_menu_landing_and_403_for_other_roles(client, dataset, vakspecialist):
    assert any(e["name"] == "rapportage:dashboard" for e in staff_menu(dataset.manager))
    assert staff_landing(dataset.manager) == reverse("rapportage:dashboard")
    assert not any(e["name"] == "rapportage:dashboard" for e in staff_menu(vakspecialist))
    client.force_login(vakspecialist)
    assert client.get(reverse("rapportage:dashboard")).status_code == 403
    assert client.get(reverse("rapportage:drilldown", args=["instroom"])).status_code == 403
    client.force_login(dataset.kcc)
    assert client.get(reverse("rapportage:rapport-pdf")).status_code == 403


def _rijen(response):
    return response.content.decode()


def test_teamleider_sees_own_teams_by_default_and_drills_only_into_visible_zaken(client, dataset):
    teamleider = UserFactory(username="tl", rol="teamleider", teams=[dataset.team])
    client.force_login(teamleider)
    html = client.get(reverse("rapportage:dashboard")).content.decode()
    assert "Mijn teams" in html
    d_instroom = html.split('data-kpi="instroom"')[1].split("</section>")[0]
    assert '<p class="kpi-waarde">8</p>' in d_instroom  # the KLACHT of team Overig not counted
    # Even with "alle teams" the drill-down lists only zaken the zaken selector allows.
    html = _rijen(client.get(reverse("rapportage:drilldown", args=["instroom"]), {"team": "alle"}))
    assert "Open 3" in html and "Gesloten 0" in html
    assert "Open 50" not in html  # the klacht of another team


def test_a_confidential_zaak_is_not_listed_without_clearance(client, dataset):
    geheim = ZaakFactory(zaaktype=dataset.zaaktype, omschrijving="Geheime zaak")
    Zaak.objects.filter(pk=geheim.pk).update(
        vertrouwelijkheidaanduiding="geheim", behandelend_team=dataset.team
    )
    teamleider = UserFactory(username="tl2", rol="teamleider", teams=[dataset.team])
    for user in (teamleider, dataset.manager):
        client.force_login(user)
        html = _rijen(client.get(reverse("rapportage:drilldown", args=["instroom"])))
        assert "Open 3" in html
        assert "Geheime zaak" not in html


def test_contact_drilldown_is_audited(client, dataset):
    client.force_login(dataset.manager)
    voor = AuditRecord.objects.filter(actie=AuditRecord.Actie.LEZEN).count()
    html = _rijen(client.get(reverse("rapportage:drilldown", args=["niet_direct"])))
    assert html.count("Doorverbonden") == 2
    assert AuditRecord.objects.filter(actie=AuditRecord.Actie.LEZEN).count() == voor + 1
    record = AuditRecord.objects.filter(actie=AuditRecord.Actie.LEZEN).latest("id")
    assert record.gebruiker == dataset.manager and "Managementrapportage" in record.toelichting


def test_drilldowns_list_what_is_behind_each_kpi(client, dataset, django_assert_max_num_queries):
    client.force_login(dataset.manager)
    verwacht = {
        "instroom": 9,
        "uitstroom": 5,
        "niet_tijdig": 2,
        "buiten_servicenorm": 3,
        "onderhanden": 4,
        "te_laat": 2,
        "opschortingen": 1,
        "verlengingen": 1,
        "klachten": 1,
        "klantregie": 2,
        "taken_te_laat": 1,
        "contacten": 10,
        "zonder_kennisbank": 4,
        "terugbel_te_laat": 2,
    }
    for soort, aantal in verwacht.items():
        with django_assert_max_num_queries(20):
            html = _rijen(client.get(reverse("rapportage:drilldown", args=[soort])))
        tbody = html.split("<tbody>")[1].split("</tbody>")[0]
        assert tbody.count("<tr>") == aantal, soort
    html = _rijen(client.get(reverse("rapportage:drilldown", args=["onderhanden"]), {"leeftijd": 3}))  # fmt: skip
    assert "Open 120" in html and "Open 3<" not in html


class _Recorder(BaseHTTPRequestHandler):
    requests: list = []

    def do_GET(self):
        _Recorder.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_pdf_report_has_header_dutch_text_and_fetches_nothing(client, dataset, settings):
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        te_laat = dataset.open[3]
        Zaak.objects.filter(pk=te_laat.pk).update(
            omschrijving=f'<img src="http://127.0.0.1:{port}/lek.png"> één'
        )
        Zaak.objects.filter(pk=dataset.open[2].pk).update(
            omschrijving='<img src="file:///etc/passwd"> klacht'
        )
        settings.GEMEENTE_NAAM = "Gemeente Voorbeeldstad"
        settings.GEMEENTE_ADRES = "Postbus 1000, 1000 AA Voorbeeldstad"
        client.force_login(dataset.manager)
        response = client.get(reverse("rapportage:rapport-pdf"))
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        tekst = " ".join(pdf_text(response.content).split())  # table cells wrap lines
        for stuk in (
            "Gemeente Voorbeeldstad",
            "Postbus 1000, 1000 AA Voorbeeldstad",
            "Managementrapportage",
            "Direct afgehandeld in het KCC",
            "Norm gehaald",
            "Onderhanden werk per team naar leeftijd",
            "Reïntegratie & Café",
            "Aanvraag één",
            "lek.png",  # the text is shown as text ...
        ):
            assert stuk in tekst, stuk
        assert _Recorder.requests == []  # ... and never fetched
    finally:
        server.shutdown()
