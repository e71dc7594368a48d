"""Acceptance 3 and the other run-time rules of the Zaken API specification (zrc-0xx), through
the API. The rules live in zaken.services; these tests show the API reaches them."""

from datetime import date

import pytest
from django.utils import timezone

from tests.api.conftest import CATALOGI, ZAKEN, url
from tests.factories import ZaakFactory, ZaaktypeFactory
from zaken.models import Afleidingswijze, Archiefnominatie, Resultaattype

pytestmark = pytest.mark.django_db


def _status(client, zaak, statustype, when="2026-11-20T10:00:00+01:00"):
    return client.post(
        f"{ZAKEN}/statussen",
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "statustype": url(CATALOGI, "statustypen", statustype),
            "datumStatusGezet": when,
        },
        format="json",
    )


def _resultaat(client, zaak, resultaattype):
    return client.post(
        f"{ZAKEN}/resultaten",
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "resultaattype": url(CATALOGI, "resultaattypen", resultaattype),
        },
        format="json",
    )


def _eind(zaaktype):
    return zaaktype.statustypen.order_by("-volgnummer").first()


def test_end_status_without_resultaat_is_refused(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, startdatum=date(2026, 11, 2))
    response = _status(api, zaak, _eind(zaaktype))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    fout = response.json()["invalidParams"][0]
    assert fout["code"] == "resultaat-does-not-exist"
    assert "resultaat" in fout["reason"]
    zaak.refresh_from_db()
    assert zaak.einddatum is None
    assert zaak.statussen.count() == 1  # nothing half-written


def test_end_status_with_resultaat_closes_and_sets_the_archive_parameters(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, startdatum=date(2026, 11, 2))
    verleend = zaaktype.resultaattypen.get(omschrijving="Verleend")  # afgehandeld + P5Y
    assert _resultaat(api, zaak, verleend).status_code == 201
    assert _status(api, zaak, _eind(zaaktype), "2026-11-20T10:00:00+01:00").status_code == 201
    body = api.get(url(ZAKEN, "zaken", zaak)).json()
    assert body["einddatum"] == "2026-11-20"
    assert body["archiefnominatie"] == Archiefnominatie.VERNIETIGEN
    assert body["archiefactiedatum"] == "2031-11-20"
    assert body["resultaat"] is not None


@pytest.mark.parametrize(
    ("afleiding", "extra", "verwacht"),
    [
        (Afleidingswijze.AFGEHANDELD, {}, "2036-11-20"),  # einddatum + P10Y
        (Afleidingswijze.TERMIJN, {"brondatum_procestermijn": "P1Y"}, "2037-11-20"),
        (Afleidingswijze.EIGENSCHAP, {"brondatum_datumkenmerk": "datum"}, "2037-03-01"),
        (Afleidingswijze.ANDER_DATUMKENMERK, {}, None),  # set by hand (zrc-021)
    ],
)
def test_archiefactiedatum_follows_zrc_021(api, zaaktype, system, afleiding, extra, verwacht):
    from zaken import services

    resultaattype = Resultaattype.objects.create(
        zaaktype=zaaktype,
        omschrijving=f"Test {afleiding}",
        archiefnominatie=Archiefnominatie.BLIJVEND_BEWAREN,
        archiefactietermijn="P10Y",
        brondatum_afleidingswijze=afleiding,
        **extra,
    )
    zaak = ZaakFactory(zaaktype=zaaktype, startdatum=date(2026, 11, 2))
    services.zaakeigenschap_set(
        actor=system,
        zaak=zaak,
        eigenschap=zaaktype.eigenschappen.get(naam="datum"),
        waarde="2027-03-01",
    )
    assert _resultaat(api, zaak, resultaattype).status_code == 201
    assert _status(api, zaak, _eind(zaaktype), "2026-11-20T10:00:00+01:00").status_code == 201
    body = api.get(url(ZAKEN, "zaken", zaak)).json()
    assert body["archiefnominatie"] == Archiefnominatie.BLIJVEND_BEWAREN
    assert body["archiefactiedatum"] == verwacht


def test_archiefnominatie_of_the_zaak_is_kept_when_set(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, startdatum=date(2026, 11, 2))
    assert (
        api.patch(
            url(ZAKEN, "zaken", zaak), {"archiefnominatie": "blijvend_bewaren"}, format="json"
        ).status_code
        == 200
    )
    _resultaat(api, zaak, zaaktype.resultaattypen.get(omschrijving="Verleend"))
    _status(api, zaak, _eind(zaaktype))
    assert api.get(url(ZAKEN, "zaken", zaak)).json()["archiefnominatie"] == "blijvend_bewaren"


def test_reopening_without_heropenen_is_403_and_with_it_clears_einddatum(beperkte_client, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, closed=True)
    assert zaak.einddatum is not None
    tweede = zaaktype.statustypen.get(volgnummer=2)

    zonder = beperkte_client(
        (
            "zrc",
            ["zaken.lezen", "zaken.statussen.toevoegen", "zaken.bijwerken"],
            zaaktype,
            "zeer_geheim",
        ),
        client_id="zonder-heropenen",
    )
    response = _status(zonder, zaak, tweede)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    zaak.refresh_from_db()
    assert zaak.einddatum is not None

    met = beperkte_client(
        (
            "zrc",
            ["zaken.lezen", "zaken.statussen.toevoegen", "zaken.heropenen"],
            zaaktype,
            "zeer_geheim",
        ),
        client_id="met-heropenen",
    )
    assert _status(met, zaak, tweede).status_code == 201
    body = met.get(url(ZAKEN, "zaken", zaak)).json()
    assert body["einddatum"] is None
    assert body["archiefactiedatum"] is None
    assert body["archiefnominatie"] is None


def test_changing_a_closed_zaak_needs_geforceerd_bijwerken(beperkte_client, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, closed=True)
    gewoon = beperkte_client(
        ("zrc", ["zaken.lezen", "zaken.bijwerken"], zaaktype, "zeer_geheim"), client_id="gewoon"
    )
    response = gewoon.patch(url(ZAKEN, "zaken", zaak), {"omschrijving": "Correctie"}, format="json")
    assert response.status_code == 403
    assert "afgesloten" in response.json()["detail"]
    geforceerd = beperkte_client(
        ("zrc", ["zaken.lezen", "zaken.geforceerd-bijwerken"], zaaktype, "zeer_geheim"),
        client_id="geforceerd",
    )
    response = geforceerd.patch(
        url(ZAKEN, "zaken", zaak), {"omschrijving": "Correctie"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["omschrijving"] == "Correctie"


def test_catalogue_consistency_rules(api, zaaktype):
    """zrc-016 statustype, zrc-019 roltype, zrc-020 resultaattype, zrc-018 eigenschap of
    another zaaktype are refused with 400."""
    ander = ZaaktypeFactory(verantwoordelijk_team=zaaktype.verantwoordelijk_team)
    zaak = ZaakFactory(zaaktype=zaaktype)
    assert _status(api, zaak, ander.statustypen.first()).status_code == 400
    assert _resultaat(api, zaak, ander.resultaattypen.first()).status_code == 400
    rol = api.post(
        f"{ZAKEN}/rollen",
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": url(CATALOGI, "roltypen", ander.roltypen.first()),
            "betrokkeneIdentificatie": {"inpBsn": "999990019"},
        },
        format="json",
    )
    assert rol.status_code == 400
    assert rol.json()["invalidParams"][0]["name"] == "roltype"
    eigenschap = api.post(
        url(ZAKEN, "zaken", zaak, "zaakeigenschappen"),
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "eigenschap": url(CATALOGI, "eigenschappen", ander.eigenschappen.first()),
            "waarde": "x",
        },
        format="json",
    )
    assert eigenschap.status_code == 400


def test_identificatie_is_unique_per_bronorganisatie_and_generated_otherwise(api, zaaktype):
    body = {
        "zaaktype": url(CATALOGI, "zaaktypen", zaaktype),
        "bronorganisatie": "002220647",
        "verantwoordelijkeOrganisatie": "002220647",
        "startdatum": "2026-03-02",
    }
    eerste = api.post(f"{ZAKEN}/zaken", {**body, "identificatie": "EXTERN-1"}, format="json")
    assert eerste.status_code == 201
    tweede = api.post(f"{ZAKEN}/zaken", {**body, "identificatie": "EXTERN-1"}, format="json")
    assert tweede.status_code == 400
    assert tweede.json()["invalidParams"][0]["code"] == "identificatie-niet-uniek"
    gegenereerd = api.post(f"{ZAKEN}/zaken", body, format="json").json()
    assert gegenereerd["identificatie"].startswith("ZAAK-2026-")


def test_vertrouwelijkheid_is_derived_from_the_zaaktype(api, zaaktype):
    body = {
        "zaaktype": url(CATALOGI, "zaaktypen", zaaktype),
        "bronorganisatie": "002220647",
        "verantwoordelijkeOrganisatie": "002220647",
        "startdatum": "2026-03-02",
    }
    assert api.post(f"{ZAKEN}/zaken", body, format="json").json()[
        "vertrouwelijkheidaanduiding"
    ] == (zaaktype.vertrouwelijkheidaanduiding)


def test_a_deelzaak_cannot_be_a_hoofdzaak(api, zaaktype):
    hoofd = ZaakFactory(zaaktype=zaaktype)
    body = {
        "zaaktype": url(CATALOGI, "zaaktypen", zaaktype),
        "bronorganisatie": "002220647",
        "verantwoordelijkeOrganisatie": "002220647",
        "startdatum": timezone.localdate().isoformat(),
        "hoofdzaak": url(ZAKEN, "zaken", hoofd),
    }
    deel = api.post(f"{ZAKEN}/zaken", body, format="json")
    assert deel.status_code == 201
    assert api.get(url(ZAKEN, "zaken", hoofd)).json()["deelzaken"] == [deel.json()["url"]]
    response = api.post(f"{ZAKEN}/zaken", {**body, "hoofdzaak": deel.json()["url"]}, format="json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "hoofdzaak"


def test_producten_of_diensten_must_belong_to_the_zaaktype(api, zaaktype):
    zaaktype.producten_of_diensten = ["https://producten.voorbeeldstad.nl/parkeren"]
    zaaktype.save(update_fields=["producten_of_diensten"])
    body = {
        "zaaktype": url(CATALOGI, "zaaktypen", zaaktype),
        "bronorganisatie": "002220647",
        "verantwoordelijkeOrganisatie": "002220647",
        "startdatum": "2026-03-02",
        "productenOfDiensten": ["https://producten.voorbeeldstad.nl/iets-anders"],
    }
    response = api.post(f"{ZAKEN}/zaken", body, format="json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "invalid-products-services"
    body["productenOfDiensten"] = ["https://producten.voorbeeldstad.nl/parkeren"]
    assert api.post(f"{ZAKEN}/zaken", body, format="json").status_code == 201


def test_archiefstatus_needs_nominatie_datum_and_archived_documents(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, closed=True)
    zaak_url = url(ZAKEN, "zaken", zaak)
    response = api.patch(
        zaak_url, {"archiefstatus": "gearchiveerd", "archiefactiedatum": None}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "archiefstatus"
    response = api.patch(zaak_url, {"archiefstatus": "gearchiveerd"}, format="json")
    assert response.status_code == 200


def test_delete_removes_the_zaak_and_its_parts(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    status = zaak.status
    assert api.delete(url(ZAKEN, "zaken", zaak)).status_code == 204
    assert api.get(url(ZAKEN, "zaken", zaak)).status_code == 404
    assert api.get(url(ZAKEN, "statussen", status)).status_code == 404


def test_a_new_zaak_is_not_archived_yet(api, zaaktype):
    response = api.post(
        f"{ZAKEN}/zaken",
        {
            "zaaktype": url(CATALOGI, "zaaktypen", zaaktype),
            "bronorganisatie": "002220647",
            "verantwoordelijkeOrganisatie": "002220647",
            "startdatum": "2026-03-02",
            "archiefstatus": "gearchiveerd",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "archiefstatus"
