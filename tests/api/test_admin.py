"""API applications are managed in the admin by the functioneel beheerder, with the rules of the
Autorisaties API on the form and every change in the audit trail."""

import pytest
from django.urls import reverse

from api.models import Applicatie
from core.models import AuditRecord
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(client):
    user = UserFactory(username="bea", rol="functioneel-beheerder", is_staff=True)
    client.force_login(user)
    return user


def _post(client, autorisaties, **applicatie):
    data = {
        "label": "Formulieren",
        "client_id": "formulieren",
        "secret": "een-geheim-van-minstens-zestien-tekens",
        "actief": "on",
        "autorisaties-TOTAL_FORMS": str(len(autorisaties)),
        "autorisaties-INITIAL_FORMS": "0",
        "autorisaties-MIN_NUM_FORMS": "0",
        "autorisaties-MAX_NUM_FORMS": "1000",
        **applicatie,
    }
    for i, autorisatie in enumerate(autorisaties):
        for key, value in autorisatie.items():
            data[f"autorisaties-{i}-{key}"] = value
    return client.post(reverse("admin:api_applicatie_add"), data)


def test_a_zaken_autorisatie_needs_a_zaaktype(client, beheerder, zaaktype):
    response = _post(
        client,
        [
            {
                "component": "zrc",
                "scopes": ["zaken.lezen"],
                "max_vertrouwelijkheidaanduiding": "openbaar",
            }
        ],
    )
    assert response.status_code == 200
    assert "Kies het zaaktype (ac-003)." in response.content.decode()
    assert not Applicatie.objects.exists()


def test_scopes_must_belong_to_the_component(client, beheerder, zaaktype):
    response = _post(
        client,
        [{"component": "ztc", "scopes": ["zaken.lezen"]}],
    )
    assert "horen niet bij de Catalogi API" in response.content.decode()


def test_all_rights_and_separate_autorisaties_exclude_each_other(client, beheerder, zaaktype):
    response = _post(
        client,
        [{"component": "ztc", "scopes": ["catalogi.lezen"]}],
        heeft_alle_autorisaties="on",
    )
    assert response.status_code == 200
    assert "ac-002" in response.content.decode()


def test_a_valid_application_is_saved_and_audited(client, beheerder, zaaktype):
    response = _post(
        client,
        [
            {
                "component": "zrc",
                "scopes": ["zaken.lezen", "zaken.aanmaken"],
                "zaaktype": str(zaaktype.pk),
                "max_vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
            }
        ],
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    applicatie = Applicatie.objects.get(client_id="formulieren")
    assert sorted(applicatie.autorisaties.get().scopes) == ["zaken.aanmaken", "zaken.lezen"]
    assert AuditRecord.objects.filter(
        object_type="applicatie", actie="create", gebruiker=beheerder
    ).exists()
    assert AuditRecord.objects.filter(object_type="autorisatie", actie="create").exists()
