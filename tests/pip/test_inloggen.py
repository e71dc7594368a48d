"""Login on the PIP: the demo login (demo mode only, refused in production), the idle timeout of
15 minutes, logging out everywhere, and the DigiD / eHerkenning SAML flows' wiring."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from organisatie.models import User
from pip.backends import DemoDigiDBackend, DemoEHerkenningBackend, EHerkenningBackend
from pip.saml_urls import csp_met_form_action
from pip.sessie import LAATST_ACTIEF
from tests.factories import ZaakFactory
from tests.pip.conftest import pip_inloggen

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


# --- demo login ---------------------------------------------------------------------------------
def test_demo_login_as_demo_burger_shows_their_zaken(client, pip_zaaktype):
    zaak = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn="999993653")
    page = client.get(reverse("pip:login")).content.decode()
    assert "Demo — geen echte DigiD" in page and "Jan de Vries" in page
    response = client.post(reverse("pip:demo-login-digid"), {"digid-persoon": "999993653"})
    assert response.status_code == 302 and response["Location"] == reverse("pip:zaken")
    user = User.objects.get(bsn="999993653")
    assert (user.soort, user.get_full_name()) == ("burger", "Jan de Vries")
    assert not user.has_usable_password()
    assert zaak.identificatie in client.get(reverse("pip:zaken")).content.decode()


def test_demo_login_as_ondernemer_with_vestiging(client):
    response = client.post(
        reverse("pip:demo-login-eherkenning"),
        {"eh-bedrijf": "68750110", "eh-vestigingsnummer": "000012345678"},
    )
    assert response.status_code == 302
    user = User.objects.get(kvk_nummer="68750110", vestigingsnummer="000012345678")
    assert (user.soort, user.get_full_name()) == ("ondernemer", "Evenementen BV De Brink")
    assert (
        "KvK 68750110, vestiging 000012345678" in client.get(reverse("pip:zaken")).content.decode()
    )


def test_demo_login_with_an_invalid_bsn_says_what_to_fix_and_keeps_the_input(client):
    response = client.post(reverse("pip:demo-login-digid"), {"digid-bsn": "123456789"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "voldoet niet aan de elfproef" in page
    assert 'value="123456789"' in page
    assert 'aria-invalid="true"' in page
    assert "_auth_user_id" not in client.session


def test_demo_login_redirects_back_to_the_page_asked_for_but_never_offsite(client, pip_zaaktype):
    zaak = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn="999993653")
    doel = reverse("pip:zaak", args=[zaak.uuid])
    response = client.post(
        reverse("pip:demo-login-digid"), {"digid-persoon": "999993653", "next": doel}
    )
    assert response["Location"] == doel
    client.logout()
    response = client.post(
        reverse("pip:demo-login-digid"),
        {"digid-persoon": "999993653", "next": "https://kwaad.example/pip/"},
    )
    assert response["Location"] == reverse("pip:zaken")


def test_without_demo_mode_the_demo_login_does_not_exist(client, settings):
    settings.DEMO_MODE = False
    assert "Demo — geen echte DigiD" not in client.get(reverse("pip:login")).content.decode()
    assert (
        client.post(reverse("pip:demo-login-digid"), {"digid-persoon": "999993653"}).status_code
        == 404
    )
    assert (
        client.post(reverse("pip:demo-login-eherkenning"), {"eh-bedrijf": "68750110"}).status_code
        == 404
    )
    # Even called directly, the demo backends refuse.
    assert DemoDigiDBackend().authenticate(None, bsn="999993653") is None
    assert DemoEHerkenningBackend().authenticate(None, demo_kvk_nummer="68750110") is None
    assert not User.objects.filter(bsn="999993653").exists()


def _production(**overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "DEMO_MODE", "SECRET_KEY", "DATABASE_URL"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "a-very-long-and-random-production-secret-key-0123456789abcdef",
            "DEBUG": "False",
            "DEMO_MODE": "False",
            "DATABASE_URL": "sqlite:///:memory:",
            **overrides,
        }
    )
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(','.join(settings.AUTHENTICATION_BACKENDS))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_production_settings_refuse_the_pip_demo_login():
    refused = _production(DEMO_MODE="True")
    assert refused.returncode != 0
    assert "ImproperlyConfigured" in refused.stderr
    assert "demo-login van de PIP" in refused.stderr
    started = _production()
    assert started.returncode == 0, started.stderr
    backends = started.stdout.strip().split(",")
    assert "pip.backends.DigiDBackend" in backends
    assert not [b for b in backends if "Demo" in b]


# --- idle timeout and logout ---------------------------------------------------------------------
def _laatst_actief(client, seconden_geleden: float) -> None:
    session = client.session
    session[LAATST_ACTIEF] = time.time() - seconden_geleden
    session.save()


def test_idle_timeout_is_enforced(burger_client, settings):
    settings.PIP_SESSIE_IDLE_SECONDEN = 15 * 60
    _laatst_actief(burger_client, 14 * 60)
    assert burger_client.get(reverse("pip:zaken")).status_code == 200
    _laatst_actief(burger_client, 15 * 60 + 5)
    response = burger_client.get(reverse("pip:zaken"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("pip:login"))
    assert "omdat u 15 minuten niets heeft gedaan" in response.content.decode()
    assert "_auth_user_id" not in burger_client.session
    assert burger_client.get(reverse("pip:zaken")).status_code == 302


def test_activity_restarts_the_idle_period_and_the_page_carries_the_warning(burger_client):
    _laatst_actief(burger_client, 10 * 60)
    page = burger_client.get(reverse("pip:zaken")).content.decode()
    assert time.time() - burger_client.session[LAATST_ACTIEF] < 5
    assert 'data-sessie-idle="900"' in page and 'data-sessie-waarschuwing="120"' in page
    assert 'id="sessie-dialoog"' in page and "Ingelogd blijven" in page
    assert burger_client.session.get_expiry_age() <= 900 + 300


def test_staying_logged_in_extends_the_session_but_not_after_it_expired(burger_client):
    _laatst_actief(burger_client, 14 * 60)
    response = burger_client.post(reverse("pip:sessie-verlengen"))
    assert response.status_code == 200 and response.json()["ingelogd"] is True
    assert time.time() - burger_client.session[LAATST_ACTIEF] < 5
    _laatst_actief(burger_client, 16 * 60)
    assert burger_client.post(reverse("pip:sessie-verlengen")).status_code == 401


def test_logout_ends_every_session_of_the_account(burger):
    laptop, telefoon = pip_inloggen(Client(), burger), pip_inloggen(Client(), burger)
    assert telefoon.get(reverse("pip:zaken")).status_code == 200
    response = laptop.post(reverse("pip:logout"))
    assert response["Location"] == reverse("pip:uitgelogd")
    assert laptop.get(reverse("pip:zaken")).status_code == 302
    assert telefoon.get(reverse("pip:zaken")).status_code == 302
    assert laptop.get(reverse("pip:logout")).status_code == 405


# --- DigiD and eHerkenning over SAML --------------------------------------------------------------
def test_saml_flows_exist_only_when_switched_on(client, settings):
    settings.PIP_DIGID = settings.PIP_EHERKENNING = False
    for name in ("digid:login", "digid:acs", "eherkenning:login", "eherkenning:acs"):
        assert client.get(reverse(name)).status_code == 404, name
    assert "Inloggen met DigiD" not in client.get(reverse("pip:login")).content.decode()
    settings.PIP_DIGID = settings.PIP_EHERKENNING = True
    page = client.get(reverse("pip:login")).content.decode()
    assert f'href="{reverse("digid:login")}?next=%2Fpip%2Fzaken%2F"' in page
    assert f'href="{reverse("eherkenning:login")}?next=%2Fpip%2Fzaken%2F"' in page


def test_saml_request_page_may_post_to_the_identity_provider_only(settings):
    settings.CONTENT_SECURITY_POLICY = "default-src 'self'; form-action 'self'; base-uri 'self'"
    csp = csp_met_form_action("https://digid.example.nl/saml/idp/request_authentication?x=1")
    assert "form-action 'self' https://digid.example.nl;" in csp
    assert csp_met_form_action("") == settings.CONTENT_SECURITY_POLICY


def test_eherkenning_assertion_maps_to_an_ondernemer_account_by_kvk_and_vestiging():
    attributen = {
        "urn:etoegang:core:LegalSubjectID": [
            {
                "NameID": {
                    "NameQualifier": "urn:etoegang:1.9:EntityConcernedID:KvKnr",
                    "value": "68750110",
                }
            }
        ],
        "urn:etoegang:1.9:ServiceRestriction:Vestigingsnr": ["000012345678"],
        "urn:etoegang:1.11:attribute-represented:CompanyName": ["Evenementen BV De Brink"],
    }
    user, _ = EHerkenningBackend().get_or_create_user(None, None, attributen)
    assert (user.soort, user.kvk_nummer, user.vestigingsnummer) == (
        "ondernemer",
        "68750110",
        "000012345678",
    )
    again, _ = EHerkenningBackend().get_or_create_user(None, None, attributen)
    assert again.pk == user.pk
    zonder_kvk, _ = EHerkenningBackend().get_or_create_user(None, None, {})
    assert zonder_kvk is None


def test_digid_assertion_never_returns_a_staff_account(vakspecialist):
    from pip.backends import DigiDBackend

    vakspecialist.bsn = "999990019"
    vakspecialist.save()
    assert DigiDBackend().get_or_create_user_from_bsn(None, "999990019") is None
    burger = DigiDBackend().get_or_create_user_from_bsn(None, "999993653")
    assert burger.soort == "burger" and burger.bsn == "999993653"
    assert not DigiDBackend().user_can_authenticate(vakspecialist)


def test_digid_artifact_logs_in_a_burger_and_starts_the_pip_session(client, settings):
    """The DigiD ACS of django-digid-eherkenning, with the identity provider (artifact
    resolution over SOAP) replaced at its boundary."""
    from unittest import mock

    from digid_eherkenning.saml2.digid import DigiDClient

    settings.PIP_DIGID = True
    antwoord = mock.Mock(get_nameid=mock.Mock(return_value="s00000000:999993653"))
    with (
        mock.patch.object(DigiDClient, "artifact_resolve", return_value=antwoord),
        mock.patch.object(
            DigiDClient, "conf", new_callable=mock.PropertyMock, return_value={"session_age": 900}
        ),
    ):
        response = client.get(
            reverse("digid:acs"), {"SAMLart": "artefact", "RelayState": "/pip/zaken/"}
        )
    assert response.status_code == 302 and response["Location"] == "/pip/zaken/"
    assert client.session[LAATST_ACTIEF] > time.time() - 5
    assert client.get(reverse("pip:zaken")).status_code == 200
    assert User.objects.get(bsn="999993653").soort == "burger"
