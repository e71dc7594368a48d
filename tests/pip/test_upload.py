"""Acceptance 5: uploads on the PIP are checked by content (not by extension) and size; an
allowed file is stored and the behandelaar sees it on the zaak; when the zaak waits for the
requester, the behandelaar is told."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.actor import Actor
from core.models import OutboxMessage, Signaal
from core.outbox import outbox_deliver
from tests.factories import InformatieobjecttypeFactory, UserFactory, ZaakFactory
from tests.pip.conftest import EXE, PDF
from zaken import services
from zaken.models import Document, Notitie, RolOmschrijving

pytestmark = pytest.mark.django_db


def _iot(zaak):
    return zaak.zaaktype.zaaktype_informatieobjecttypen.get(
        upload_door_aanvrager=True
    ).informatieobjecttype


def _upload(client, zaak, naam, inhoud, titel="Bouwtekening", iot=None):
    return client.post(
        reverse("pip:upload", args=[zaak.uuid]),
        {
            "informatieobjecttype": (iot or _iot(zaak)).pk,
            "titel": titel,
            "inhoud": SimpleUploadedFile(naam, inhoud, content_type="application/pdf"),
        },
    )


@pytest.fixture
def zaak(burger, pip_zaaktype):
    return ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn)


def test_exe_renamed_to_pdf_is_refused_with_a_clear_message(burger_client, zaak):
    response = _upload(burger_client, zaak, "tekening.pdf", EXE)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dit soort bestand kan niet worden toegevoegd" in page
    assert "Kies een bestand van een toegestaan soort" in page
    assert 'value="Bouwtekening"' in page  # what the user typed is kept
    assert not Document.objects.exists()


def test_too_large_file_is_refused(burger_client, zaak, settings):
    settings.ZAAKSTROOM_MAX_UPLOAD_BYTES = 1024 * 1024
    response = _upload(burger_client, zaak, "groot.pdf", PDF + b"0" * (1024 * 1024))
    assert response.status_code == 400
    assert "Het bestand is te groot (1.0 MB). Het mag hoogstens 1 MB zijn." in (
        response.content.decode()
    )
    assert not Document.objects.exists()


def test_allowed_file_is_stored_and_the_behandelaar_sees_it(
    burger_client, zaak, vakspecialist, client
):
    response = _upload(burger_client, zaak, "tekening.pdf", PDF)
    assert response.status_code == 302
    assert response["Location"] == reverse("pip:zaak", args=[zaak.uuid]) + "#documenten"
    document = Document.objects.get()
    assert (document.titel, document.formaat, document.bron) == (
        "Bouwtekening",
        "application/pdf",
        "aanvrager",
    )
    assert document.zichtbaar_voor_initiator
    with document.inhoud.open("rb") as f:
        assert f.read() == PDF
    # the requester sees it on their zaak, marked as theirs
    pagina = burger_client.get(response["Location"]).content.decode()
    assert "Bouwtekening" in pagina and "door u toegevoegd" in pagina
    # the behandelaar (team Vergunningen) sees it on the zaak in the staff screens
    client.force_login(vakspecialist)
    staff = client.get(reverse("zaken:detail", args=[zaak.uuid])).content.decode()
    assert "Bouwtekening" in staff


def test_only_the_document_types_for_requesters_are_offered_and_accepted(burger_client, zaak):
    intern = InformatieobjecttypeFactory(catalogus=zaak.zaaktype.catalogus, omschrijving="Advies")
    zaak.zaaktype.zaaktype_informatieobjecttypen.create(
        informatieobjecttype=intern, upload_door_aanvrager=False, volgnummer=5
    )
    form = burger_client.get(reverse("pip:upload", args=[zaak.uuid])).content.decode()
    assert _iot(zaak).omschrijving in form and "Advies" not in form
    response = _upload(burger_client, zaak, "advies.pdf", PDF, iot=intern)
    assert response.status_code == 400
    assert not Document.objects.exists()


def test_closed_zaak_takes_no_uploads(burger_client, burger, pip_zaaktype):
    zaak = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn, closed=True)
    page = burger_client.get(reverse("pip:upload", args=[zaak.uuid])).content.decode()
    assert "Deze zaak is afgerond" in page and 'type="file"' not in page
    _upload(burger_client, zaak, "x.pdf", PDF)
    assert not Document.objects.exists()


def test_upload_while_waiting_for_the_requester_tells_the_behandelaar(
    burger_client, burger, pip_zaaktype, vakspecialist
):
    zaak = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn, opgeschort=True)
    behandelaar = UserFactory(username="bea", email="bea@voorbeeldstad.nl")
    services.rol_add(
        actor=Actor.system("test"),
        zaak=zaak,
        betrokkene=services.Betrokkene.van_medewerker(behandelaar),
        omschrijving_generiek=RolOmschrijving.BEHANDELAAR,
    )
    assert _upload(burger_client, zaak, "tekening.pdf", PDF).status_code == 302
    signaal = Signaal.objects.get()
    assert signaal.ontvanger == behandelaar and signaal.zaak_uuid == zaak.uuid
    assert "de aanvrager heeft een document toegevoegd" in signaal.onderwerp
    notitie = Notitie.objects.get(zaak=zaak)
    assert "Bouwtekening" in notitie.tekst and "niet vanzelf hervat" in notitie.tekst
    zaak.refresh_from_db()
    assert zaak.opschorting_indicatie  # the behandelaar resumes it, not the upload
    outbox_deliver()
    assert [m.to for m in mail.outbox] == [["bea@voorbeeldstad.nl"]]
    # the behandelaar can resume the zaak
    services.zaak_hervatten(actor=Actor.for_user(vakspecialist), zaak=zaak)


def test_without_a_personal_behandelaar_the_team_is_told(
    burger_client, burger, pip_zaaktype, vakspecialist
):
    zaak = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn, opgeschort=True)
    _upload(burger_client, zaak, "tekening.pdf", PDF)
    assert list(Signaal.objects.values_list("ontvanger__username", flat=True)) == ["vera"]


def test_upload_on_a_running_zaak_sends_no_signal(burger_client, zaak, vakspecialist):
    _upload(burger_client, zaak, "tekening.pdf", PDF)
    assert not Signaal.objects.exists()
    assert not Notitie.objects.exists()
    # and the requester gets no e-mail about their own document
    assert not OutboxMessage.objects.filter(sleutel__startswith="pip:document").exists()
