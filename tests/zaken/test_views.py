import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditRecord
from core.vertrouwelijkheid import Vertrouwelijkheid
from tests.factories import TeamFactory, UserFactory, ZaakFactory, ZaaktypeFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _list_queries(client, django_assert_num_queries, expected=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("zaken:list"), {"open": "alle"})
    assert response.status_code == 200
    return len(ctx.captured_queries), response


def test_zaak_list_runs_a_fixed_number_of_queries(client, vakspecialist, zaaktype):
    client.force_login(vakspecialist)
    ZaakFactory.create_batch(5, zaaktype=zaaktype)
    five, response = _list_queries(client, None)
    assert response.content.decode().count('href="/zaken/') >= 5
    ZaakFactory.create_batch(45, zaaktype=zaaktype)
    fifty, response = _list_queries(client, None)
    assert five == fifty
    assert five <= 12


def test_zaak_list_is_sorted_by_deadline_and_filters(client, kcc_user, zaaktype):
    from datetime import date

    late = ZaakFactory(zaaktype=zaaktype, startdatum=date(2025, 1, 6), omschrijving="oud")
    recent = ZaakFactory(zaaktype=zaaktype, omschrijving="nieuw")
    closed = ZaakFactory(zaaktype=zaaktype, closed=True, omschrijving="dicht")
    client.force_login(kcc_user)
    body = client.get(reverse("zaken:list")).content.decode()
    assert body.index(late.identificatie) < body.index(recent.identificatie)
    assert closed.identificatie not in body
    assert "Te laat" in body
    body = client.get(reverse("zaken:list"), {"open": "gesloten"}).content.decode()
    assert closed.identificatie in body and recent.identificatie not in body
    body = client.get(reverse("zaken:list"), {"deadline": "te_laat"}).content.decode()
    assert late.identificatie in body and recent.identificatie not in body
    body = client.get(reverse("zaken:list"), {"zoek": recent.identificatie}).content.decode()
    assert recent.identificatie in body and late.identificatie not in body


def test_vakspecialist_sees_only_zaken_of_their_teams(client, vakspecialist, zaaktype):
    eigen = ZaakFactory(zaaktype=zaaktype)
    ander = ZaakFactory(zaaktype=ZaaktypeFactory(verantwoordelijk_team=TeamFactory()))
    client.force_login(vakspecialist)
    body = client.get(reverse("zaken:list")).content.decode()
    assert eigen.identificatie in body and ander.identificatie not in body
    assert client.get(reverse("zaken:detail", args=[ander.uuid])).status_code == 404
    assert client.get(reverse("zaken:detail", args=[eigen.uuid])).status_code == 200


def test_detail_shows_history_and_logs_the_read(client, vakspecialist, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, opgeschort=True)
    client.force_login(vakspecialist)
    body = client.get(reverse("zaken:detail", args=[zaak.uuid])).content.decode()
    for text in (
        "Statushistorie",
        "Ontvangen",
        "Betrokkenen",
        "Test Aanvrager",
        "Opschortingen",
        "Audit trail",
        "wacht op aanvrager",
    ):
        assert text in body
    assert AuditRecord.objects.filter(
        zaak_uuid=zaak.uuid, actie="read", gebruiker=vakspecialist
    ).exists()


def test_kcc_sees_only_existence_and_status_of_a_confidential_zaak(client, kcc_user, team):
    geheim = ZaaktypeFactory(
        verantwoordelijk_team=team, vertrouwelijkheidaanduiding=Vertrouwelijkheid.VERTROUWELIJK
    )
    zaak = ZaakFactory(zaaktype=geheim)
    client.force_login(kcc_user)
    body = client.get(reverse("zaken:detail", args=[zaak.uuid])).content.decode()
    assert "Deze zaak is vertrouwelijk" in body and "Ontvangen" in body
    assert "Test Aanvrager" not in body and "Audit trail" not in body
    response = client.post(reverse("zaken:notitie-add", args=[zaak.uuid]), {"tekst": "x"})
    assert response.status_code == 404


def test_note_with_errors_keeps_what_was_typed(client, vakspecialist, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    client.force_login(vakspecialist)
    response = client.post(
        reverse("zaken:notitie-add", args=[zaak.uuid]), {"onderwerp": "Belangrijk", "tekst": ""}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'value="Belangrijk"' in body and "Dit veld is vereist" in body
    response = client.post(
        reverse("zaken:notitie-add", args=[zaak.uuid]),
        {"onderwerp": "Belangrijk", "tekst": "<b>x</b>"},
    )
    assert response.status_code == 302
    body = client.get(reverse("zaken:detail", args=[zaak.uuid])).content.decode()
    assert "&lt;b&gt;x&lt;/b&gt;" in body


def test_document_upload_checks_content_and_download_is_logged(client, vakspecialist, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    iot = zaaktype.zaaktype_informatieobjecttypen.get().informatieobjecttype
    client.force_login(vakspecialist)
    url = reverse("zaken:document-add", args=[zaak.uuid])
    exe = SimpleUploadedFile(
        "brief.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200, "application/pdf"
    )
    response = client.post(url, {"titel": "Nep", "informatieobjecttype": iot.pk, "inhoud": exe})
    assert response.status_code == 400
    assert "Dit soort bestand kan niet worden toegevoegd" in response.content.decode()
    pdf = SimpleUploadedFile("aanvraag.pdf", PDF, "application/pdf")
    response = client.post(
        url,
        {
            "titel": "Aanvraag",
            "informatieobjecttype": iot.pk,
            "inhoud": pdf,
            "zichtbaar_voor_initiator": "on",
        },
    )
    assert response.status_code == 302
    link = zaak.zaakdocumenten.get()
    assert link.document.formaat == "application/pdf" and len(link.document.checksum) == 64
    assert link.document.zichtbaar_voor_initiator
    download = client.get(reverse("zaken:document-download", args=[zaak.uuid, link.document.uuid]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert AuditRecord.objects.filter(zaak_uuid=zaak.uuid, actie="download").exists()
    outsider = UserFactory(rol="vakspecialist", teams=[TeamFactory()])
    client.force_login(outsider)
    assert (
        client.get(
            reverse("zaken:document-download", args=[zaak.uuid, link.document.uuid])
        ).status_code
        == 404
    )


def test_staff_screens_need_a_medewerker(client, zaaktype):
    assert client.get(reverse("zaken:list")).status_code == 302
    burger = UserFactory(username="burger", soort="burger", bsn="999993653")
    client.force_login(burger)
    assert client.get(reverse("zaken:list")).status_code == 403
