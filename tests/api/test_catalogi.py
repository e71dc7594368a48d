"""Catalogi API writes through the catalogue services: a zaaktype is a concept until it is
published, and a published zaaktype (with its parts) does not change."""

import pytest

from tests.api.conftest import CATALOGI, url
from tests.factories import CatalogusFactory

pytestmark = pytest.mark.django_db


def _zaaktype_body(catalogus, **extra):
    return {
        "identificatie": "API-ZT-1",
        "omschrijving": "Aanvraag via API",
        "vertrouwelijkheidaanduiding": "openbaar",
        "doel": "Testen",
        "aanleiding": "Test",
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": "Aanvragen",
        "onderwerp": "Test",
        "handelingBehandelaar": "Behandelen",
        "doorlooptijd": "P4W",
        "opschortingEnAanhoudingMogelijk": True,
        "verlengingMogelijk": False,
        "publicatieIndicatie": False,
        "productenOfDiensten": [],
        "verantwoordelijke": "Team Test",
        "catalogus": url(CATALOGI, "catalogussen", catalogus),
        "beginGeldigheid": "2026-01-01",
        "versiedatum": "2026-01-01",
        **extra,
    }


def test_create_a_concept_zaaktype_add_its_parts_and_publish(api, db):
    catalogus = CatalogusFactory()
    created = api.post(f"{CATALOGI}/zaaktypen", _zaaktype_body(catalogus), format="json")
    assert created.status_code == 201, created.json()["invalidParams"]
    zaaktype = created.json()
    assert zaaktype["concept"] is True

    onvolledig = api.post(f"{zaaktype['url']}/publish", {}, format="json")
    assert onvolledig.status_code == 400
    assert "statustypen" in onvolledig.json()["invalidParams"][0]["reason"]

    for volgnummer, omschrijving in ((1, "Ontvangen"), (2, "Afgehandeld")):
        response = api.post(
            f"{CATALOGI}/statustypen",
            {"zaaktype": zaaktype["url"], "omschrijving": omschrijving, "volgnummer": volgnummer},
            format="json",
        )
        assert response.status_code == 201, response.json()["invalidParams"]
    dubbel = api.post(
        f"{CATALOGI}/statustypen",
        {"zaaktype": zaaktype["url"], "omschrijving": "Nog een", "volgnummer": 2},
        format="json",
    )
    assert dubbel.status_code == 400
    assert (
        api.post(
            f"{CATALOGI}/resultaattypen",
            {
                "zaaktype": zaaktype["url"],
                "omschrijving": "Verleend",
                "resultaattypeomschrijving": "https://selectielijst.example.nl/omschrijving/1",
                "selectielijstklasse": "https://selectielijst.example.nl/klasse/1",
                "archiefnominatie": "vernietigen",
                "archiefactietermijn": "P5Y",
                "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld"},
            },
            format="json",
        ).status_code
        == 201
    )
    assert (
        api.post(
            f"{CATALOGI}/roltypen",
            {
                "zaaktype": zaaktype["url"],
                "omschrijving": "Aanvrager",
                "omschrijvingGeneriek": "initiator",
            },
            format="json",
        ).status_code
        == 201
    )
    # A 1e-lijn zaaktype needs no team; the routing is set in the admin otherwise.
    from zaken.models import Zaaktype

    Zaaktype.objects.filter(identificatie="API-ZT-1").update(behandeling="eerste_lijn")

    published = api.post(f"{zaaktype['url']}/publish", {}, format="json")
    assert published.status_code == 200, published.json()
    assert published.json()["concept"] is False
    assert len(published.json()["statustypen"]) == 2

    gewijzigd = api.patch(zaaktype["url"], {"doel": "Anders"}, format="json")
    assert gewijzigd.status_code == 400
    assert gewijzigd.json()["invalidParams"][0]["code"] == "non-concept-object"
    nog_een = api.post(
        f"{CATALOGI}/statustypen",
        {"zaaktype": zaaktype["url"], "omschrijving": "Later", "volgnummer": 3},
        format="json",
    )
    assert nog_een.status_code == 400
    assert nog_een.json()["invalidParams"][0]["code"] == "non-concept-zaaktype"


def test_invalid_zaaktype_input_names_the_fields(api, db):
    catalogus = CatalogusFactory()
    response = api.post(
        f"{CATALOGI}/zaaktypen",
        _zaaktype_body(catalogus, doorlooptijd="acht weken", vertrouwelijkheidaanduiding="x"),
        format="json",
    )
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"doorlooptijd", "vertrouwelijkheidaanduiding"}
