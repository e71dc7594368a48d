"""Acceptance 2: ZGW JWT authentication and authorisation (zrc-006)."""

import time

import jwt
import pytest
from rest_framework.test import APIClient

from core.models import AuditRecord
from tests.api.conftest import CATALOGI, CRS, ZAKEN, client_for, make_token, url
from tests.factories import ApplicatieFactory, ZaakFactory, ZaaktypeFactory

pytestmark = pytest.mark.django_db


def _client(header=None) -> APIClient:
    client = APIClient()
    extra = dict(CRS)
    if header is not None:
        extra["HTTP_AUTHORIZATION"] = header
    client.credentials(**extra)
    return client


def _assert_problem(response, status, code=None):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert {"type", "code", "title", "detail", "instance"} <= set(body)
    if code:
        assert body["code"] == code
    return body


def test_missing_token_is_401_problem_json(db):
    response = _client().get(f"{ZAKEN}/zaken")
    body = _assert_problem(response, 401, "not_authenticated")
    assert "Authorization: Bearer" in body["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_expired_token_is_401(alle_rechten, settings):
    settings.ZGW_JWT_EXPIRY = 3600
    oud = time.time() - 2 * 3600
    response = client_for(alle_rechten, iat=oud).get(f"{ZAKEN}/zaken")
    body = _assert_problem(response, 401, "jwt-expired")
    assert "verlopen" in body["detail"]
    # The same token is fine while it is young enough.
    assert client_for(alle_rechten, iat=time.time() - 60).get(f"{ZAKEN}/zaken").status_code == 200


def test_token_with_exp_in_the_past_is_401(alle_rechten):
    response = client_for(alle_rechten, exp=int(time.time()) - 120).get(f"{ZAKEN}/zaken")
    _assert_problem(response, 401, "jwt-expired")


def test_wrongly_signed_token_is_401(alle_rechten):
    token = make_token(alle_rechten, secret="een-heel-ander-geheim-van-iemand-anders")
    response = _client(f"Bearer {token}").get(f"{ZAKEN}/zaken")
    body = _assert_problem(response, 401, "invalid-signature")
    assert "handtekening" in body["detail"]


def test_token_without_iat_is_401(alle_rechten):
    token = jwt.encode(
        {"client_id": alle_rechten.client_id}, alle_rechten.secret, algorithm="HS256"
    )
    _assert_problem(_client(f"Bearer {token}").get(f"{ZAKEN}/zaken"), 401, "jwt-missing-iat")


def test_token_from_the_future_is_401(alle_rechten):
    response = client_for(alle_rechten, iat=time.time() + 3600).get(f"{ZAKEN}/zaken")
    _assert_problem(response, 401, "jwt-iat-future")


def test_unknown_or_inactive_client_is_401(db):
    onbekend = ApplicatieFactory.build(client_id="niemand", secret="x" * 32)
    _assert_problem(client_for(onbekend).get(f"{ZAKEN}/zaken"), 401, "unknown-client")
    inactief = ApplicatieFactory(heeft_alle_autorisaties=True, actief=False)
    _assert_problem(client_for(inactief).get(f"{ZAKEN}/zaken"), 401, "unknown-client")


def test_other_algorithms_and_garbage_are_refused(alle_rechten):
    none_token = jwt.encode(
        {"client_id": alle_rechten.client_id, "iat": int(time.time())}, None, algorithm="none"
    )
    _assert_problem(_client(f"Bearer {none_token}").get(f"{ZAKEN}/zaken"), 401)
    _assert_problem(_client("Bearer not-a-jwt").get(f"{ZAKEN}/zaken"), 401, "invalid-token")
    _assert_problem(_client("Basic dXNlcjpwdw==").get(f"{ZAKEN}/zaken"), 401, "invalid-header")


def test_valid_token_without_the_scope_is_403(beperkte_client, zaaktype):
    catalogus_lezer = beperkte_client(("ztc", ["catalogi.lezen"], None, ""))
    body = _assert_problem(catalogus_lezer.get(f"{ZAKEN}/zaken"), 403, "permission_denied")
    assert "zaken.lezen" in body["detail"]


# --- zrc-006: zaaktype and maximum vertrouwelijkheidaanduiding --------------------------------
@pytest.fixture
def x_en_y(zaaktype):
    y = ZaaktypeFactory(verantwoordelijk_team=zaaktype.verantwoordelijk_team)
    return {
        "x_openbaar": ZaakFactory(zaaktype=zaaktype, vertrouwelijkheidaanduiding="openbaar"),
        "x_vertrouwelijk": ZaakFactory(
            zaaktype=zaaktype, vertrouwelijkheidaanduiding="vertrouwelijk"
        ),
        "y_openbaar": ZaakFactory(zaaktype=y, vertrouwelijkheidaanduiding="openbaar"),
        "y": y,
    }


def test_client_for_x_up_to_openbaar_sees_neither_y_nor_vertrouwelijk(
    beperkte_client, zaaktype, x_en_y
):
    client = beperkte_client(("zrc", ["zaken.lezen"], zaaktype, "openbaar"))
    lijst = client.get(f"{ZAKEN}/zaken").json()
    assert lijst["count"] == 1
    assert [z["uuid"] for z in lijst["results"]] == [str(x_en_y["x_openbaar"].uuid)]

    assert client.get(url(ZAKEN, "zaken", x_en_y["x_openbaar"])).status_code == 200
    for verborgen in ("x_vertrouwelijk", "y_openbaar"):
        response = client.get(url(ZAKEN, "zaken", x_en_y[verborgen]))
        _assert_problem(response, 404, "not_found")

    # The same through _zoek, the rows of a zaak and their lists.
    zoek = client.post(f"{ZAKEN}/zaken/_zoek", {}, format="json").json()
    assert [z["uuid"] for z in zoek["results"]] == [str(x_en_y["x_openbaar"].uuid)]
    statussen = client.get(f"{ZAKEN}/statussen").json()
    assert {s["zaak"] for s in statussen["results"]} == {url(ZAKEN, "zaken", x_en_y["x_openbaar"])}
    rollen = client.get(f"{ZAKEN}/rollen").json()
    assert {r["zaak"] for r in rollen["results"]} == {url(ZAKEN, "zaken", x_en_y["x_openbaar"])}
    verborgen_status = x_en_y["y_openbaar"].status
    assert client.get(url(ZAKEN, "statussen", verborgen_status)).status_code == 404


def test_authorisation_covers_every_version_of_the_zaaktype(beperkte_client, zaaktype, system):
    from zaken import services

    client = beperkte_client(("zrc", ["zaken.lezen"], zaaktype, "zeer_geheim"))
    nieuw = services.zaaktype_new_version(
        actor=system,
        zaaktype=zaaktype,
        begin_geldigheid=zaaktype.begin_geldigheid.replace(year=2026),
    )
    nieuw = services.zaaktype_publish(actor=system, zaaktype=nieuw)
    zaak = ZaakFactory(zaaktype=nieuw)
    assert client.get(url(ZAKEN, "zaken", zaak)).status_code == 200


def test_catalogue_reads_are_limited_for_a_zaaktype_bound_client(beperkte_client, zaaktype, x_en_y):
    client = beperkte_client(("ztc", ["catalogi.lezen"], zaaktype, ""))
    zaaktypen = client.get(f"{CATALOGI}/zaaktypen").json()
    assert [z["url"] for z in zaaktypen["results"]] == [url(CATALOGI, "zaaktypen", zaaktype)]
    assert client.get(url(CATALOGI, "zaaktypen", x_en_y["y"])).status_code == 404
    statustypen = client.get(f"{CATALOGI}/statustypen").json()
    assert {s["zaaktype"] for s in statustypen["results"]} == {url(CATALOGI, "zaaktypen", zaaktype)}


def test_audit_trail_records_application_and_user_from_the_token(alle_rechten, zaaktype):
    client = client_for(alle_rechten, user_id="j.jansen", user_representation="Jan Jansen (KCC)")
    response = client.post(
        f"{ZAKEN}/zaken",
        {
            "zaaktype": url(CATALOGI, "zaaktypen", zaaktype),
            "bronorganisatie": "002220647",
            "verantwoordelijkeOrganisatie": "002220647",
            "startdatum": "2026-03-02",
        },
        format="json",
        HTTP_X_AUDIT_TOELICHTING="Aanvraag via formulier",
    )
    assert response.status_code == 201
    record = AuditRecord.objects.get(
        actie="create", object_type="zaak", zaak_uuid=response.json()["uuid"]
    )
    assert record.bron == "api"
    assert record.applicatie == alle_rechten.client_id
    assert record.gebruiker_id_extern == "j.jansen"
    assert record.gebruiker_weergave == "Jan Jansen (KCC)"

    trail = client.get(f"{response.json()['url']}/audittrail").json()
    aangemaakt = next(r for r in trail if r["resource"] == "zaak" and r["actie"] == "create")
    assert aangemaakt["applicatieId"] == alle_rechten.client_id
    assert aangemaakt["gebruikersId"] == "j.jansen"
    assert aangemaakt["gebruikersWeergave"] == "Jan Jansen (KCC)"
    assert aangemaakt["resultaat"] == 201


def test_reads_of_personal_data_are_in_the_audit_trail(api, alle_rechten, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, initiator_bsn="999993653")
    api.get(
        f"{ZAKEN}/zaken", {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "999993653"}
    )
    api.get(url(ZAKEN, "zaken", zaak))
    api.get(url(ZAKEN, "rollen", zaak.rollen.get()))
    reads = AuditRecord.objects.filter(actie="read", applicatie=alle_rechten.client_id)
    assert reads.filter(toelichting__contains="999993653").exists()
    assert reads.filter(zaak_uuid=zaak.uuid, object_type="zaak").exists()
    assert reads.filter(zaak_uuid=zaak.uuid, object_type="rol").exists()
