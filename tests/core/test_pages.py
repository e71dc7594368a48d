import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.urls import reverse

from organisatie.models import Team, User
from zaken.models import Zaak, Zaaktype

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_follows_demo_md():
    call_command("seed_demo", force=True)
    counts = (
        User.objects.count(),
        Team.objects.count(),
        Zaaktype.objects.count(),
        Zaak.objects.count(),
    )
    call_command("seed_demo", force=True)
    assert (
        User.objects.count(),
        Team.objects.count(),
        Zaaktype.objects.count(),
        Zaak.objects.count(),
    ) == counts
    for username in (
        "kcc",
        "regisseur",
        "regisseur2",
        "adviseur",
        "vergunningen",
        "oov",
        "verkeer",
        "bor",
        "teamleider",
        "manager",
        "beheer",
    ):
        assert User.objects.get(username=username).check_password("demo")
    assert User.objects.get(username="beheer").is_staff
    assert Team.objects.get(code="vergunningen").teamleider.username == "teamleider"
    assert set(Zaaktype.objects.values_list("omschrijving", flat=True)) >= {
        "Paspoort of ID-kaart aanvragen",
        "Melding openbare ruimte",
        "Parkeervergunning bewoners",
        "WMO-melding",
        "Omgevingsvergunning",
        "Evenementenvergunning",
        "Klacht",
        "Bezwaarschrift",
        "Bijzondere bijstand",
    }
    assert (
        Zaaktype.objects.get(identificatie="BIJZONDERE-BIJSTAND").vertrouwelijkheidaanduiding
        == "vertrouwelijk"
    )
    jan = Zaak.objects.filter(rollen__bsn="999993653")
    assert jan.filter(einddatum__isnull=True, opschorting_wacht_op_aanvrager=True).exists()
    assert jan.filter(einddatum__isnull=False).exists()
    assert Zaak.objects.filter(
        rollen__kvk_nummer="68750110", zaaktype__identificatie="EVENEMENTENVERGUNNING"
    ).exists()


def test_start_page_lists_the_demo_logins(client, settings):
    settings.DEMO_MODE = True
    body = client.get("/").content.decode()
    for text in (
        "Demo-logins",
        "kcc",
        "regisseur2",
        "teamleider",
        "beheer",
        "999993653",
        "68750110",
        "demo",
    ):
        assert text in body


def test_start_page_hides_demo_logins_outside_demo_mode(client, settings):
    settings.DEMO_MODE = False
    body = client.get("/").content.decode()
    assert "Demo-logins" not in body and "999993653" not in body


def test_login_and_redirect_to_work(client):
    call_command("seed_demo", force=True)
    response = client.post(reverse("login"), {"username": "vergunningen", "password": "demo"})
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_database_down_gives_a_clear_503(client):
    from unittest import mock

    with mock.patch("core.views.render", side_effect=OperationalError("connection refused")):
        response = client.get("/")
    assert response.status_code == 503
    assert "Tijdelijk niet beschikbaar" in response.content.decode()
    assert response["Retry-After"] == "30"


def test_security_headers(client):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_healthz(client):
    assert client.get("/healthz").content == b"ok"


@pytest.mark.parametrize(
    ("username", "landing"),
    [
        ("kcc", "/kcc/overzicht/"),
        ("vergunningen", "/werk/"),
        ("regisseur", "/werk/"),
        ("redacteur", "/kcc/kennisbank/"),
    ],
)
def test_each_role_lands_on_its_own_start_page(client, username, landing):
    call_command("seed_demo", force=True)
    client.post(reverse("login"), {"username": username, "password": "demo"})
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == landing
