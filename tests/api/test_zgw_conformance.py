"""Acceptance 1: real responses validated against the official Zaken 1.7.0, Catalogi 1.3.3 and
Documenten 1.6.0 OpenAPI files in ../shared/zgw/. Skips, saying so, where they are absent."""

import base64
import json

import pytest

from tests.api.conftest import CATALOGI, DOCUMENTEN, ZAKEN, url
from tests.api.zgw_spec import require_specs, validate
from tests.factories import ZaakFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _specs():
    require_specs()


def _post(api, path, body):
    raw = json.dumps(body).encode()
    response = api.post(path, raw, content_type="application/json")
    return response, raw


def test_zaak_create_read_list_and_zoek_conform(api, zaaktype):
    response, raw = _post(
        api,
        f"{ZAKEN}/zaken",
        {
            "zaaktype": url(CATALOGI, "zaaktypen", zaaktype),
            "bronorganisatie": "002220647",
            "verantwoordelijkeOrganisatie": "002220647",
            "startdatum": "2026-03-02",
            "omschrijving": "Aanvraag via het formulier",
        },
    )
    assert response.status_code == 201, response.json()
    validate("zaken", response, body=raw)
    zaak_url = response.json()["url"]
    assert response["Location"] == zaak_url

    detail = api.get(zaak_url)
    assert detail.status_code == 200
    validate("zaken", detail)

    ZaakFactory(zaaktype=zaaktype, initiator_bsn="999993653")
    lijst = api.get(
        f"{ZAKEN}/zaken",
        {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "999993653"},
    )
    assert lijst.status_code == 200 and lijst.json()["count"] == 1
    validate("zaken", lijst)

    zoek, raw = _post(
        api, f"{ZAKEN}/zaken/_zoek", {"zaaktype__in": [url(CATALOGI, "zaaktypen", zaaktype)]}
    )
    assert zoek.status_code == 200 and zoek.json()["count"] == 2
    validate("zaken", zoek, body=raw)


def test_status_rol_resultaat_create_conform(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, initiator_bsn=None)
    statustype = zaaktype.statustypen.get(volgnummer=2)
    status, raw = _post(
        api,
        f"{ZAKEN}/statussen",
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "statustype": url(CATALOGI, "statustypen", statustype),
            "datumStatusGezet": "2026-11-20T10:00:00+01:00",
            "statustoelichting": "In behandeling genomen",
        },
    )
    assert status.status_code == 201, status.json()
    validate("zaken", status, body=raw)

    roltype = zaaktype.roltypen.get(omschrijving_generiek="initiator")
    rol, raw = _post(
        api,
        f"{ZAKEN}/rollen",
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": url(CATALOGI, "roltypen", roltype),
            "roltoelichting": "Aanvrager",
            "betrokkeneIdentificatie": {
                "inpBsn": "999993653",
                "geslachtsnaam": "Vries",
                "voorvoegselGeslachtsnaam": "de",
                "voornamen": "Jan",
            },
        },
    )
    assert rol.status_code == 201, rol.json()
    validate("zaken", rol, body=raw)
    assert rol.json()["betrokkeneIdentificatie"]["inpBsn"] == "999993653"
    validate("zaken", api.get(rol.json()["url"]))

    resultaattype = zaaktype.resultaattypen.get(omschrijving="Verleend")
    resultaat, raw = _post(
        api,
        f"{ZAKEN}/resultaten",
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "resultaattype": url(CATALOGI, "resultaattypen", resultaattype),
            "toelichting": "Verleend",
        },
    )
    assert resultaat.status_code == 201, resultaat.json()
    validate("zaken", resultaat, body=raw)
    validate("zaken", api.get(f"{ZAKEN}/statussen", {"zaak": url(ZAKEN, "zaken", zaak)}))
    validate("zaken", api.get(f"{ZAKEN}/rollen", {"zaak": url(ZAKEN, "zaken", zaak)}))


def test_zaaktype_and_statustype_read_conform(api, zaaktype):
    validate("catalogi", api.get(url(CATALOGI, "zaaktypen", zaaktype)))
    validate("catalogi", api.get(f"{CATALOGI}/zaaktypen"))
    statustype = zaaktype.statustypen.order_by("volgnummer").last()
    response = api.get(url(CATALOGI, "statustypen", statustype))
    assert response.json()["isEindstatus"] is True
    validate("catalogi", response)
    for resource in (
        "statustypen",
        "resultaattypen",
        "roltypen",
        "eigenschappen",
        "catalogussen",
        "informatieobjecttypen",
    ):
        lijst = api.get(f"{CATALOGI}/{resource}")
        assert lijst.status_code == 200, resource
        validate("catalogi", lijst)
        validate("catalogi", api.get(lijst.json()["results"][0]["url"]))


def test_a_400_and_a_403_conform(api, beperkte_client, zaaktype):
    bad, raw = _post(
        api, f"{ZAKEN}/zaken", {"zaaktype": "https://elders.nl/x", "startdatum": "gisteren"}
    )
    assert bad.status_code == 400
    assert bad["Content-Type"] == "application/problem+json"
    names = {p["name"] for p in bad.json()["invalidParams"]}
    assert {"zaaktype", "startdatum", "bronorganisatie"} <= names
    validate("zaken", bad, body=raw)

    lezer = beperkte_client(("zrc", ["zaken.lezen"], zaaktype, "zeer_geheim"))
    forbidden, raw = _post(
        lezer,
        f"{ZAKEN}/zaken",
        {
            "zaaktype": url(CATALOGI, "zaaktypen", zaaktype),
            "bronorganisatie": "002220647",
            "verantwoordelijkeOrganisatie": "002220647",
            "startdatum": "2026-03-02",
        },
    )
    assert forbidden.status_code == 403
    validate("zaken", forbidden, body=raw)


def test_documenten_conform(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    iot = zaaktype.zaaktype_informatieobjecttypen.get().informatieobjecttype
    created, raw = _post(
        api,
        f"{DOCUMENTEN}/enkelvoudiginformatieobjecten",
        {
            "bronorganisatie": "002220647",
            "creatiedatum": "2026-11-20",
            "titel": "Bijlage bij de aanvraag",
            "auteur": "Formulierenmodule",
            "taal": "dut",
            "bestandsnaam": "bijlage.txt",
            "inhoud": base64.b64encode(b"Dit is de bijlage.\n").decode(),
            "informatieobjecttype": url(CATALOGI, "informatieobjecttypen", iot),
        },
    )
    assert created.status_code == 201, created.json()
    validate("documenten", created, body=raw)
    document_url = created.json()["url"]
    validate("documenten", api.get(document_url))
    validate("documenten", api.get(f"{DOCUMENTEN}/enkelvoudiginformatieobjecten"))

    link, raw = _post(
        api,
        f"{ZAKEN}/zaakinformatieobjecten",
        {"zaak": url(ZAKEN, "zaken", zaak), "informatieobject": document_url},
    )
    assert link.status_code == 201, link.json()
    validate("zaken", link, body=raw)
    validate(
        "zaken", api.get(f"{ZAKEN}/zaakinformatieobjecten", {"zaak": url(ZAKEN, "zaken", zaak)})
    )
    oio = api.get(f"{DOCUMENTEN}/objectinformatieobjecten", {"informatieobject": document_url})
    assert oio.json()[0]["object"] == url(ZAKEN, "zaken", zaak)
    validate("documenten", oio)
