"""Documenten API over Zaakstroom's own store: documents from the staff screen show up in the
API, and documents created through the API show up on the zaak."""

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditRecord
from tests.api.conftest import CATALOGI, DOCUMENTEN, ZAKEN, url
from tests.factories import ZaakFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _iot(zaaktype):
    return zaaktype.zaaktype_informatieobjecttypen.get().informatieobjecttype


def test_a_document_added_on_the_staff_screen_is_in_the_api(client, api, vakspecialist, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    client.force_login(vakspecialist)
    response = client.post(
        reverse("zaken:document-add", args=[zaak.uuid]),
        {
            "informatieobjecttype": _iot(zaaktype).pk,
            "titel": "Situatietekening",
            "inhoud": SimpleUploadedFile("tekening.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302

    links = api.get(f"{ZAKEN}/zaakinformatieobjecten", {"zaak": url(ZAKEN, "zaken", zaak)}).json()
    assert len(links) == 1
    document = api.get(links[0]["informatieobject"])
    assert document.status_code == 200
    body = document.json()
    assert body["titel"] == "Situatietekening"
    assert body["formaat"] == "application/pdf"
    assert body["integriteit"]["algoritme"] == "sha_256"
    download = api.get(body["inhoud"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert AuditRecord.objects.filter(
        actie="download", bron="api", object_uuid=links[0]["informatieobject"].rsplit("/", 1)[1]
    ).exists()
    assert api.get(url(ZAKEN, "zaken", zaak)).json()["zaakinformatieobjecten"] == [links[0]["url"]]


def test_a_document_created_in_the_api_shows_on_the_zaak(client, api, vakspecialist, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    created = api.post(
        f"{DOCUMENTEN}/enkelvoudiginformatieobjecten",
        {
            "bronorganisatie": "002220647",
            "creatiedatum": "2026-11-20",
            "titel": "Bewijs van betaling",
            "auteur": "Betaalmodule",
            "taal": "dut",
            "bestandsnaam": "betaling.pdf",
            "inhoud": base64.b64encode(PDF).decode(),
            "informatieobjecttype": url(CATALOGI, "informatieobjecttypen", _iot(zaaktype)),
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    assert created.json()["bestandsomvang"] == len(PDF)
    link = api.post(
        f"{ZAKEN}/zaakinformatieobjecten",
        {"zaak": url(ZAKEN, "zaken", zaak), "informatieobject": created.json()["url"]},
        format="json",
    )
    assert link.status_code == 201
    dubbel = api.post(
        f"{ZAKEN}/zaakinformatieobjecten",
        {"zaak": url(ZAKEN, "zaken", zaak), "informatieobject": created.json()["url"]},
        format="json",
    )
    assert dubbel.status_code == 400

    document_uuid = created.json()["url"].rsplit("/", 1)[1]
    download = reverse("zaken:document-download", args=[zaak.uuid, document_uuid])
    client.force_login(vakspecialist)
    page = client.get(reverse("zaken:detail", args=[zaak.uuid])).content.decode()
    assert "Bewijs van betaling" in page and download in page
    assert client.get(download).status_code == 200

    assert api.delete(link.json()["url"]).status_code == 204
    page = client.get(reverse("zaken:detail", args=[zaak.uuid])).content.decode()
    assert download not in page


def test_document_content_is_checked_like_an_upload(api, zaaktype):
    body = {
        "bronorganisatie": "002220647",
        "creatiedatum": "2026-11-20",
        "titel": "Programma",
        "auteur": "Koppeling",
        "taal": "dut",
        "inhoud": base64.b64encode(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff").decode(),
        "informatieobjecttype": url(CATALOGI, "informatieobjecttypen", _iot(zaaktype)),
    }
    response = api.post(f"{DOCUMENTEN}/enkelvoudiginformatieobjecten", body, format="json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "bestandstype-niet-toegestaan"
    body["inhoud"] = "dit is geen base64!"
    response = api.post(f"{DOCUMENTEN}/enkelvoudiginformatieobjecten", body, format="json")
    assert response.json()["invalidParams"][0]["name"] == "inhoud"


def test_documents_are_limited_to_the_clients_informatieobjecttype(
    beperkte_client, api, zaaktype, system
):
    from zaken import services

    zaak = ZaakFactory(zaaktype=zaaktype)
    iot = _iot(zaaktype)
    services.document_add(
        actor=system,
        zaak=zaak,
        informatieobjecttype=iot,
        titel="Openbaar",
        inhoud=PDF,
        vertrouwelijkheidaanduiding="openbaar",
    )
    services.document_add(
        actor=system,
        zaak=zaak,
        informatieobjecttype=iot,
        titel="Geheim",
        inhoud=PDF,
        vertrouwelijkheidaanduiding="geheim",
    )
    client = beperkte_client(("drc", ["documenten.lezen"], iot, "openbaar"))
    titels = [
        d["titel"]
        for d in client.get(f"{DOCUMENTEN}/enkelvoudiginformatieobjecten").json()["results"]
    ]
    assert titels == ["Openbaar"]
    oio = client.get(f"{DOCUMENTEN}/objectinformatieobjecten").json()
    assert len(oio) == 1 and oio[0]["objectType"] == "zaak"


def test_a_zaakinformatieobject_changes_title_but_not_its_zaak(api, zaaktype, system):
    from zaken import services

    zaak = ZaakFactory(zaaktype=zaaktype)
    ander = ZaakFactory(zaaktype=zaaktype)
    link = services.document_add(
        actor=system, zaak=zaak, informatieobjecttype=_iot(zaaktype), titel="Oud", inhoud=PDF
    )
    zio = url(ZAKEN, "zaakinformatieobjecten", link)
    response = api.patch(zio, {"titel": "Nieuwe titel"}, format="json")
    assert response.status_code == 200 and response.json()["titel"] == "Nieuwe titel"
    response = api.patch(zio, {"zaak": url(ZAKEN, "zaken", ander)}, format="json")
    assert response.status_code == 400
    assert "zrc-004" in response.json()["invalidParams"][0]["reason"]
