"""The demo API clients of DEMO.md: created by seed_demo, shown on the demo start page, and
working."""

import pytest
from django.core.management import call_command

from api.models import Applicatie
from tests.api.conftest import CATALOGI, ZAKEN, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("seed_demo", "--force", verbosity=0)
    call_command("seed_demo", "--force", verbosity=0)  # idempotent


def test_seed_demo_creates_the_two_clients_of_demo_md(demo):
    alle = Applicatie.objects.get(client_id="zaakstroom-demo")
    assert alle.secret == "zaakstroom-demo-secret-for-local-use-only"
    assert alle.heeft_alle_autorisaties
    beperkt = Applicatie.objects.get(client_id="zaakstroom-demo-beperkt")
    assert beperkt.secret == "zaakstroom-demo-beperkt-secret-for-local-use"
    assert not beperkt.heeft_alle_autorisaties
    regels = {(a.component, tuple(a.scopes)) for a in beperkt.autorisaties.all()}
    assert regels == {("zrc", ("zaken.lezen",)), ("ztc", ("catalogi.lezen",))}
    assert {a.zaaktype.identificatie for a in beperkt.autorisaties.all()} == {"MELDING-OR"}
    assert {a.max_vertrouwelijkheidaanduiding for a in beperkt.autorisaties.all()} == {"openbaar"}


def test_the_restricted_demo_client_sees_only_melding_openbare_ruimte(demo):
    beperkt = client_for(Applicatie.objects.get(client_id="zaakstroom-demo-beperkt"))
    zaken = beperkt.get(f"{ZAKEN}/zaken").json()["results"]
    assert len(zaken) >= 2  # the demo's meldingen openbare ruimte
    zaaktypen = {z["zaaktype"] for z in zaken}
    melding = beperkt.get(f"{CATALOGI}/zaaktypen", {"identificatie": "MELDING-OR"}).json()
    assert zaaktypen <= {z["url"] for z in melding["results"]}
    assert all(z["vertrouwelijkheidaanduiding"] == "openbaar" for z in zaken)
    assert beperkt.post(f"{ZAKEN}/zaken", {}, format="json").status_code == 403
    alles = client_for(Applicatie.objects.get(client_id="zaakstroom-demo"))
    assert alles.get(f"{ZAKEN}/zaken").json()["count"] > len(zaken)


def test_the_demo_start_page_shows_the_clients(client, demo, settings):
    settings.DEMO_MODE = True
    body = client.get("/").content.decode()
    for text in (
        "zaakstroom-demo",
        "zaakstroom-demo-secret-for-local-use-only",
        "zaakstroom-demo-beperkt",
        "zaakstroom-demo-beperkt-secret-for-local-use",
        "/zaken/api/v1/openapi.yaml",
    ):
        assert text in body
