"""The Zaken API's general behaviour: problem+json with invalidParams, 400 on an unknown query
parameter, Accept-Crs / Content-Crs, ETag / If-None-Match / HEAD, pagination, filters."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from api import pagination
from tests.api.conftest import CATALOGI, ZAKEN, make_token, url
from tests.factories import ZaakFactory, ZaaktypeFactory

pytestmark = pytest.mark.django_db


def test_unknown_query_parameter_is_400(api, zaaktype):
    response = api.get(f"{ZAKEN}/zaken", {"zaaktypee": "x"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    param = response.json()["invalidParams"][0]
    assert param == {
        "name": "zaaktypee",
        "code": "unknown-parameters",
        "reason": param["reason"],
    }
    assert "bestaat niet" in param["reason"]
    assert api.get(url(CATALOGI, "zaaktypen", zaaktype), {"x": 1}).status_code == 400
    assert api.get(f"{CATALOGI}/statustypen", {"zaaktype": "nee"}).status_code == 400


def test_malformed_filter_values_are_400_with_the_field_name(api):
    response = api.get(
        f"{ZAKEN}/zaken",
        {"startdatum__gte": "gisteren", "archiefnominatie": "weggooien", "zaaktype": "x"},
    )
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"startdatum__gte", "archiefnominatie", "zaaktype"}
    assert api.get(f"{ZAKEN}/zaken", {"page": "nul"}).status_code == 400


def test_accept_crs_and_content_crs(alle_rechten, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token(alle_rechten)}")
    missing = client.get(url(ZAKEN, "zaken", zaak))
    assert missing.status_code == 412
    assert missing.json()["code"] == "missing-accept-crs-header"
    wrong = client.get(url(ZAKEN, "zaken", zaak), HTTP_ACCEPT_CRS="EPSG:28992")
    assert wrong.status_code == 406
    ok = client.get(url(ZAKEN, "zaken", zaak), HTTP_ACCEPT_CRS="EPSG:4326")
    assert ok.status_code == 200 and ok["Content-Crs"] == "EPSG:4326"
    # Without a body Content-Crs is not needed, but when sent it must be EPSG:4326.
    wrong_on_get = client.get(
        url(ZAKEN, "zaken", zaak), HTTP_ACCEPT_CRS="EPSG:4326", HTTP_CONTENT_CRS=""
    )
    assert wrong_on_get.status_code == 415

    no_content_crs = client.patch(
        url(ZAKEN, "zaken", zaak), {"omschrijving": "x"}, format="json", HTTP_ACCEPT_CRS="EPSG:4326"
    )
    assert no_content_crs.status_code == 412
    assert no_content_crs.json()["code"] == "missing-content-crs-header"
    wrong_content_crs = client.patch(
        url(ZAKEN, "zaken", zaak),
        {"omschrijving": "x"},
        format="json",
        HTTP_ACCEPT_CRS="EPSG:4326",
        HTTP_CONTENT_CRS="EPSG:28992",
    )
    assert wrong_content_crs.status_code == 415
    # Resources without geometry do not ask for the headers.
    assert client.get(f"{ZAKEN}/statussen").status_code == 200


def test_etag_if_none_match_and_head(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    first = api.get(url(ZAKEN, "zaken", zaak))
    etag = first["ETag"]
    assert etag.startswith('"') and len(etag) > 10
    assert first["API-version"] == "1.7.0"

    not_modified = api.get(url(ZAKEN, "zaken", zaak), HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert (
        api.get(url(ZAKEN, "zaken", zaak), HTTP_IF_NONE_MATCH='"iets-anders", ' + etag).status_code
        == 304
    )
    assert api.get(url(ZAKEN, "zaken", zaak), HTTP_IF_NONE_MATCH='"iets-anders"').status_code == 200

    head = api.head(url(ZAKEN, "zaken", zaak))
    assert head.status_code == 200 and head["ETag"] == etag and head.content == b""

    api.patch(url(ZAKEN, "zaken", zaak), {"omschrijving": "Gewijzigd"}, format="json")
    changed = api.get(url(ZAKEN, "zaken", zaak), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    for resource, obj in (("statussen", zaak.status), ("rollen", zaak.rollen.get())):
        assert api.get(url(ZAKEN, resource, obj))["ETag"]
    assert api.get(url(CATALOGI, "zaaktypen", zaaktype))["ETag"]


def test_pagination_shape_and_bounded_count(api, zaaktype, monkeypatch):
    monkeypatch.setattr(pagination.ZgwPagination, "page_size", 2)
    monkeypatch.setattr(pagination, "COUNT_CAP", 3)
    for _ in range(5):
        ZaakFactory(zaaktype=zaaktype)
    first = api.get(f"{ZAKEN}/zaken").json()
    assert len(first["results"]) == 2
    assert first["previous"] is None
    assert first["next"].endswith("/zaken/api/v1/zaken?page=2")
    # Above the cap the count is bounded: exact on SQLite, planner estimate (>= cap + 1) on
    # PostgreSQL.
    assert first["count"] >= 4
    third = api.get(first["next"].replace("page=2", "page=3")).json()
    assert len(third["results"]) == 1 and third["next"] is None
    assert third["previous"].endswith("page=2")
    beyond = api.get(f"{ZAKEN}/zaken", {"page": 9})
    assert beyond.status_code == 200 and beyond.json()["results"] == []


def test_bounded_count_is_exact_below_the_cap(zaaktype):
    from zaken.models import Zaak

    for _ in range(3):
        ZaakFactory(zaaktype=zaaktype)
    assert pagination.bounded_count(Zaak.objects.all(), cap=10) == 3
    assert pagination.bounded_count(Zaak.objects.all(), cap=2) >= 3


def test_zaak_filters(api, zaaktype):
    ander = ZaaktypeFactory(verantwoordelijk_team=zaaktype.verantwoordelijk_team)
    oud = ZaakFactory(zaaktype=zaaktype, startdatum=date(2025, 3, 1), initiator_bsn="999993653")
    nieuw = ZaakFactory(zaaktype=ander, startdatum=date(2026, 3, 1), initiator_bsn="999990019")
    dicht = ZaakFactory(zaaktype=zaaktype, closed=True)

    def uuids(**params):
        response = api.get(f"{ZAKEN}/zaken", params)
        assert response.status_code == 200, response.json()
        return {z["uuid"] for z in response.json()["results"]}

    assert uuids(zaaktype=url(CATALOGI, "zaaktypen", ander)) == {str(nieuw.uuid)}
    assert uuids(identificatie=oud.identificatie) == {str(oud.uuid)}
    assert uuids(startdatum__lt="2026-01-01") == {str(oud.uuid)}
    assert uuids(startdatum__gte="2026-03-01") >= {str(nieuw.uuid)}
    assert str(oud.uuid) not in uuids(startdatum__gte="2026-03-01")
    assert uuids(einddatum__isnull="false") == {str(dicht.uuid)}
    assert uuids(archiefnominatie="vernietigen") == {str(dicht.uuid)}
    assert uuids(archiefactiedatum__isnull="false") == {str(dicht.uuid)}
    assert uuids(rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn="999990019") == {
        str(nieuw.uuid)
    }
    # Conditions on rollen apply to one rol: this BSN is initiator, not behandelaar.
    assert (
        uuids(
            rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn="999993653",
            rol__omschrijvingGeneriek="behandelaar",
        )
        == set()
    )
    assert uuids(bronorganisatie__in="002220647,123456782") == {
        str(oud.uuid),
        str(nieuw.uuid),
        str(dicht.uuid),
    }
    ordered = api.get(f"{ZAKEN}/zaken", {"ordering": "startdatum"}).json()["results"]
    assert ordered[0]["uuid"] == str(oud.uuid)
    assert api.get(f"{ZAKEN}/zaken", {"ordering": "omschrijving"}).status_code == 400


def test_zoek_with_uuids_and_zaaktypen(api, zaaktype):
    a, b, _c = (ZaakFactory(zaaktype=zaaktype) for _ in range(3))
    response = api.post(
        f"{ZAKEN}/zaken/_zoek", {"uuid__in": [str(a.uuid), str(b.uuid)]}, format="json"
    )
    assert {z["uuid"] for z in response.json()["results"]} == {str(a.uuid), str(b.uuid)}
    bad = api.post(f"{ZAKEN}/zaken/_zoek", {"onbekend": 1, "uuid__in": ["x"]}, format="json")
    assert bad.status_code == 400
    names = {p["name"] for p in bad.json()["invalidParams"]}
    assert "uuid__in.0" in names


def test_unsupported_fields_are_refused_not_dropped(api, zaaktype):
    response = api.post(
        f"{ZAKEN}/zaken",
        {
            "zaaktype": url(CATALOGI, "zaaktypen", zaaktype),
            "bronorganisatie": "002220647",
            "verantwoordelijkeOrganisatie": "002220647",
            "startdatum": "2026-03-02",
            "zaakgeometrie": {"type": "Point", "coordinates": [5.1, 52.1]},
            "kenmerken": [{"kenmerk": "x", "bron": "y"}],
        },
        format="json",
    )
    assert response.status_code == 400
    params = {p["name"]: p for p in response.json()["invalidParams"]}
    assert set(params) == {"zaakgeometrie", "kenmerken"}
    assert params["kenmerken"]["code"] == "niet-ondersteund"


def test_errors_are_dutch_problem_json_without_stack_traces(api, zaaktype):
    response = api.post(f"{ZAKEN}/zaken", b"{niet json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"] == "De inhoud is geen geldige JSON."
    response = api.post(f"{ZAKEN}/zaken", "a=b", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert api.put(f"{ZAKEN}/zaken", {}, format="json").status_code == 405
    missing = api.get(f"{ZAKEN}/zaken/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"


def test_deadlines_are_computed_and_cannot_be_typed_in(api, zaaktype):
    body = {
        "zaaktype": url(CATALOGI, "zaaktypen", zaaktype),
        "bronorganisatie": "002220647",
        "verantwoordelijkeOrganisatie": "002220647",
        "startdatum": "2026-03-02",
        "einddatumGepland": "2030-01-01",
    }
    getypt = api.post(f"{ZAKEN}/zaken", body, format="json")
    assert getypt.status_code == 400
    assert getypt.json()["invalidParams"][0]["name"] == "einddatumGepland"
    del body["einddatumGepland"]
    created = api.post(f"{ZAKEN}/zaken", body, format="json").json()
    # P8W in calendar days lands on Koningsdag (Monday 27 April 2026): the next werkdag.
    assert created["uiterlijkeEinddatumAfdoening"] == "2026-04-28"
    response = api.patch(
        created["url"], {"uiterlijkeEinddatumAfdoening": "2030-01-01"}, format="json"
    )
    assert response.status_code == 400
    assert "uiterlijke_einddatum_afdoening" in response.json()["invalidParams"][0]["reason"]
