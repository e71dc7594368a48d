"""Online aanvragen: zaaktypen marked as requestable on the PIP, their form (omschrijving,
eigenschappen, attachments) and the ontvangstbevestiging. All or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditRecord
from klantregie.models import Klant
from tests.factories import ZaaktypeFactory
from tests.pip.conftest import EXE, PDF
from zaken.models import Document, Kanaal, RolOmschrijving, Zaak

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanvraagtype(pip_zaaktype):
    eigenschap = pip_zaaktype.eigenschappen.get(naam="kenteken")
    eigenschap.verplicht = True
    eigenschap.publiek_label = "Wat is het kenteken van uw auto?"
    eigenschap.save()
    return pip_zaaktype


def _url(zaaktype):
    return reverse("pip:aanvraag", args=[zaaktype.identificatie])


def test_only_requestable_zaaktypen_are_offered(burger_client, aanvraagtype, team):
    niet = ZaaktypeFactory(
        verantwoordelijk_team=team, aanvraagbaar_via_pip=False, publiek_omschrijving="Paspoort"
    )
    page = burger_client.get(reverse("pip:aanvragen")).content.decode()
    assert "Parkeervergunning" in page and "Paspoort" not in page
    assert burger_client.get(_url(niet)).status_code == 404


def test_aanvraag_creates_the_zaak_with_the_burger_as_initiator(
    burger_client, burger, aanvraagtype
):
    Klant.objects.create(
        soort="persoon", bsn=burger.bsn, voornamen="Anna", achternaam="Jansen", email="a@x.nl"
    )
    form = burger_client.get(_url(aanvraagtype)).content.decode()
    assert "Wat is het kenteken van uw auto?" in form and "Bijlagen (niet verplicht)" in form
    response = burger_client.post(
        _url(aanvraagtype),
        {
            "omschrijving": "Parkeervergunning voor mijn auto",
            "toelichting": "Ik woon op nummer 12.",
            "eigenschap_kenteken": "12-ABC-3",
            "eigenschap_datum": "31-12-2026",
            "bijlagen": [
                SimpleUploadedFile("kenteken.pdf", PDF),
                SimpleUploadedFile("foto.pdf", PDF),
            ],
        },
    )
    assert response.status_code == 302
    zaak = Zaak.objects.get()
    assert response["Location"] == reverse("pip:aanvraag-ontvangen", args=[zaak.uuid])
    assert (zaak.omschrijving, zaak.kanaal, zaak.toelichting) == (
        "Parkeervergunning voor mijn auto",
        Kanaal.WEBSITE,
        "Ik woon op nummer 12.",
    )
    initiator = zaak.rollen.get(omschrijving_generiek=RolOmschrijving.INITIATOR)
    assert (initiator.bsn, initiator.naam, initiator.klant.bsn) == (
        burger.bsn,
        "Anna Jansen",
        burger.bsn,
    )
    assert dict(zaak.eigenschappen.values_list("naam", "waarde")) == {
        "kenteken": "12-ABC-3",
        "datum": "2026-12-31",
    }
    assert sorted(Document.objects.values_list("bestandsnaam", flat=True)) == [
        "foto.pdf",
        "kenteken.pdf",
    ]
    assert AuditRecord.objects.filter(actie="create", zaak_uuid=zaak.uuid, bron="pip").exists()
    bevestiging = burger_client.get(response["Location"]).content.decode()
    assert "We hebben uw aanvraag ontvangen" in bevestiging
    assert zaak.identificatie in bevestiging
    assert f"{zaak.uiterlijke_einddatum_afdoening:%Y}" in bevestiging
    # and it is on Mijn zaken
    assert zaak.identificatie in burger_client.get(reverse("pip:zaken")).content.decode()


def test_missing_required_eigenschap_says_what_to_fix_and_keeps_the_input(
    burger_client, aanvraagtype
):
    response = burger_client.post(
        _url(aanvraagtype), {"omschrijving": "Mijn aanvraag", "eigenschap_datum": "morgen"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vul dit in." in page
    assert "Vul een datum in, bijvoorbeeld 31-12-2026." in page
    assert 'value="Mijn aanvraag"' in page
    assert "Er ging iets mis. Verbeter dit:" in page
    assert not Zaak.objects.exists()


def test_a_refused_attachment_leaves_no_zaak_behind(burger_client, aanvraagtype):
    response = burger_client.post(
        _url(aanvraagtype),
        {
            "omschrijving": "Mijn aanvraag",
            "eigenschap_kenteken": "12-ABC-3",
            "bijlagen": [SimpleUploadedFile("goed.pdf", PDF), SimpleUploadedFile("fout.pdf", EXE)],
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "fout.pdf: Dit soort bestand kan niet worden toegevoegd" in page
    assert 'value="12-ABC-3"' in page
    assert not Zaak.objects.exists() and not Document.objects.exists()


def test_ondernemer_applies_as_the_business(ondernemer_client, ondernemer, aanvraagtype):
    response = ondernemer_client.post(
        _url(aanvraagtype), {"omschrijving": "Vergunning", "eigenschap_kenteken": "AB-12-CD"}
    )
    assert response.status_code == 302
    initiator = Zaak.objects.get().rollen.get(omschrijving_generiek=RolOmschrijving.INITIATOR)
    assert (initiator.kvk_nummer, initiator.bsn, initiator.betrokkene_type) == (
        ondernemer.kvk_nummer,
        "",
        "niet_natuurlijk_persoon",
    )
    assert initiator.naam == "Evenementen BV De Brink"


def test_aanvragen_list_runs_a_fixed_number_of_queries(burger_client, aanvraagtype, team):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def tel() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert burger_client.get(reverse("pip:aanvragen")).status_code == 200
        return len(ctx.captured_queries)

    weinig = tel()
    for _ in range(5):
        ZaaktypeFactory(verantwoordelijk_team=team)
    assert tel() == weinig
