"""Finding a klant and the klantbeeld: zaken open first, contacts over every channel (also PIP
questions), open terugbelverzoeken; the restricted view of confidential zaken (acceptance 5); a
fixed number of queries (acceptance 7); every read in the audit trail."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.actor import Actor
from core.models import AuditRecord
from klantregie.models import Vraag
from klantregie.selectors import klanten_zoeken
from klantregie.services import VraagInvoer, vraag_stellen
from tests.factories import (
    KlantcontactFactory,
    KlantFactory,
    TerugbelverzoekFactory,
    UserFactory,
    ZaaktypeFactory,
)
from tests.klantregie.conftest import zaak_voor
from zaken import services as zaken_services

pytestmark = pytest.mark.django_db
R = Vraag.Resultaat
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# --- finding a klant ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("zoekterm", "soort"),
    [
        ("999993653", "bsn"),
        ("1234AB 12", "postcode"),
        ("1234 ab 12", "postcode"),
        ("JAN.DEVRIES@example.nl", "email"),
        ("06-12345678", "telefoon"),
        ("+31612345678", "telefoon"),
        ("de Vries 14-05-1980", "naam"),
        ("Jan de Vries", "naam"),
    ],
)
def test_a_klant_is_found_by_every_key(kcc, jan, zoekterm, soort):
    jan.geboortedatum = date(1980, 5, 14)
    jan.save()
    KlantFactory(achternaam="Vries", geboortedatum=date(1990, 1, 1), postcode="9999ZZ")
    resultaat = klanten_zoeken(kcc, zoekterm)
    assert resultaat.soort == soort
    assert jan in resultaat.klanten
    if soort != "naam" or "1980" in zoekterm:
        assert resultaat.klanten == [jan]


def test_klant_search_by_kvk_and_clear_messages(kcc):
    brink = KlantFactory(organisatie=True, kvk_nummer="68750110", bedrijfsnaam="De Brink BV")
    assert klanten_zoeken(kcc, "68750110").klanten == [brink]
    assert klanten_zoeken(kcc, "brink").klanten == [brink]
    assert "BSN klopt niet" in klanten_zoeken(kcc, "123456789").melding
    assert "bestaat niet" in klanten_zoeken(kcc, "Vries 31-02-1980").melding
    assert klanten_zoeken(kcc, "").klanten == []


def test_the_search_endpoint_selects_and_logs_the_read(client, kcc, jan):
    client.force_login(kcc)
    data = client.get(reverse("klantregie:klant-zoeken"), {"q": jan.bsn}).json()
    assert [k["uuid"] for k in data["klanten"]] == [str(jan.uuid)]
    assert data["klanten"][0]["naam"] == "Jan de Vries"
    assert AuditRecord.objects.filter(actie="list", klant_id=jan.pk, gebruiker=kcc).exists()


def test_the_klanten_page_goes_straight_to_the_klantbeeld_for_one_bsn(client, kcc, jan):
    client.force_login(kcc)
    response = client.get(reverse("klantregie:klanten"), {"q": jan.bsn})
    assert response.status_code == 302
    assert response.url == reverse("klantregie:klantbeeld", args=[jan.uuid])
    body = client.get(reverse("klantregie:klanten"), {"q": "Vries"}).content.decode()
    assert "Jan de Vries" in body


def test_only_staff_with_the_right_search_klanten(client, jan):
    burger = UserFactory(username="burger", soort="burger", bsn="999990019")
    client.force_login(burger)
    assert client.get(reverse("klantregie:klant-zoeken"), {"q": jan.bsn}).status_code == 403
    manager = UserFactory(rol="manager")
    client.force_login(manager)
    assert client.get(reverse("klantregie:klantbeeld", args=[jan.uuid])).status_code == 403


# --- the klantbeeld -----------------------------------------------------------------------------
def test_klantbeeld_shows_zaken_open_first_contacts_and_open_terugbelverzoeken(
    client, kcc, jan, zaaktype, team
):
    oud = zaak_voor(jan, zaaktype, omschrijving="Oude vergunning", startdatum=date(2025, 3, 3))
    zaken_services.zaak_close(
        actor=Actor.system("test"),
        zaak=oud,
        resultaattype=zaaktype.resultaattypen.get(omschrijving="Verleend"),
    )
    open_zaak = zaak_voor(jan, zaaktype, omschrijving="Nieuwe vergunning")
    regisseur = UserFactory(rol="klantregisseur", first_name="Renée", last_name="Smit")
    zaken_services.zaak_klantregisseur_set(
        actor=Actor.system("test"), zaak=open_zaak, klantregisseur=regisseur
    )
    andermans = zaak_voor(KlantFactory(), zaaktype, omschrijving="Van de buurman")
    KlantcontactFactory(
        klant=jan,
        medewerker=kcc,
        kanaal="balie",
        vragen=[VraagInvoer("Afval", R.DIRECT_BEANTWOORD, antwoord="Dinsdag.")],
    )
    vraag_stellen(actor=Actor.burger(jan.bsn), zaak=open_zaak, vraag="Wanneer beslist u?")
    TerugbelverzoekFactory(team=team, klant=jan, onderwerp="Bel over de dakkapel")
    client.force_login(kcc)
    body = client.get(reverse("klantregie:klantbeeld", args=[jan.uuid])).content.decode()
    assert body.index(open_zaak.identificatie) < body.index(oud.identificatie)
    assert andermans.identificatie not in body
    for tekst in (
        "Nieuwe vergunning",
        "Vergunningen",  # behandelend team
        "Renée Smit",  # klantregisseur
        open_zaak.uiterlijke_einddatum_afdoening.strftime("%d-%m-%Y"),
        "Balie",
        "Dinsdag.",
        "Website / PIP",  # the question asked on the PIP
        "Wanneer beslist u?",
        "Open",
        "Bel over de dakkapel",
        "jan.devries@example.nl",
    ):
        assert tekst in body, tekst
    assert AuditRecord.objects.filter(
        actie="read", klant_id=jan.pk, gebruiker=kcc, toelichting="Klantbeeld bekeken"
    ).exists()


def test_kcc_sees_existence_and_status_of_a_confidential_zaak_but_not_its_content(
    client, kcc, jan, geheim_zaaktype
):
    zaak = zaak_voor(jan, geheim_zaaktype, omschrijving="Vervanging wasmachine")
    iot = geheim_zaaktype.zaaktype_informatieobjecttypen.get().informatieobjecttype
    document = zaken_services.document_add(
        actor=Actor.system("test"),
        zaak=zaak,
        informatieobjecttype=iot,
        titel="Inkomensgegevens",
        inhoud=SimpleUploadedFile("inkomen.pdf", PDF, "application/pdf"),
        bestandsnaam="inkomen.pdf",
    )
    zaken_services.notitie_add(
        actor=Actor.system("test"), zaak=zaak, tekst="Schulden bij de energieleverancier"
    )
    KlantcontactFactory(
        klant=jan,
        medewerker=kcc,
        vragen=[
            VraagInvoer(
                "Bijzondere bijstand",
                R.STATUSINFORMATIE,
                vraag="Mijn schulden lopen op",
                antwoord="Wordt behandeld",
                zaak=zaak,
            )
        ],
    )
    client.force_login(kcc)
    body = client.get(reverse("klantregie:klantbeeld", args=[jan.uuid])).content.decode()
    # Existence, zaaktype and status.
    assert zaak.identificatie in body
    assert "Bijzondere bijstand" in body and "Ontvangen" in body
    assert "Vertrouwelijk" in body
    # Not the content: no omschrijving, no team, no question text about it.
    for geheim in ("Vervanging wasmachine", "Mijn schulden lopen op", "Wordt behandeld"):
        assert geheim not in body, geheim
    paneel = client.get(reverse("klantregie:klant-paneel", args=[jan.uuid])).content.decode()
    assert zaak.identificatie in paneel and "Vervanging wasmachine" not in paneel
    # Documents and notes answer 404.
    download = reverse("zaken:document-download", args=[zaak.uuid, document.uuid])
    assert client.get(download).status_code == 404
    notitie = client.post(reverse("zaken:notitie-add", args=[zaak.uuid]), {"tekst": "x"})
    assert notitie.status_code == 404
    detail = client.get(reverse("zaken:detail", args=[zaak.uuid])).content.decode()
    assert "Schulden bij de energieleverancier" not in detail and "Inkomensgegevens" not in detail
    assert "Klantcontacten over deze zaak" not in detail
    # Somebody entitled sees it all.
    client.force_login(UserFactory(rol="klantadviseur"))
    body = client.get(reverse("klantregie:klantbeeld", args=[jan.uuid])).content.decode()
    assert "Vervanging wasmachine" in body and "Mijn schulden lopen op" in body


def test_klantbeeld_and_contact_history_run_a_fixed_number_of_queries(
    client, kcc, jan, zaaktype, geheim_zaaktype, team
):
    def queries(url):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        return len(ctx.captured_queries), response.content.decode()

    def vullen(n):
        for i in range(n):
            zaak = zaak_voor(jan, geheim_zaaktype if i % 3 == 0 else zaaktype)
            KlantcontactFactory(
                klant=jan,
                medewerker=kcc,
                kanaal=["telefoon", "balie", "email"][i % 3],
                vragen=[
                    VraagInvoer("Status", R.STATUSINFORMATIE, antwoord="x", zaak=zaak),
                    VraagInvoer("Iets", R.DOORVERBONDEN),
                ],
            )
            vraag_stellen(actor=Actor.burger(jan.bsn), zaak=zaak, vraag=f"Vraag {i}")
            TerugbelverzoekFactory(team=team, klant=jan, zaak=zaak)

    client.force_login(kcc)
    urls = {
        "klantbeeld": reverse("klantregie:klantbeeld", args=[jan.uuid]),
        "paneel": reverse("klantregie:klant-paneel", args=[jan.uuid]),
        "historie": reverse("klantregie:contacthistorie", args=[jan.uuid]),
    }
    vullen(2)
    weinig = {naam: queries(url) for naam, url in urls.items()}
    vullen(25)
    veel = {naam: queries(url) for naam, url in urls.items()}
    for naam in urls:
        assert weinig[naam][0] == veel[naam][0], naam
        assert veel[naam][1].count("<tr") > weinig[naam][1].count("<tr") or naam == "paneel"
    assert weinig["klantbeeld"][0] <= 14
    assert "Alle contacten" in veel["klantbeeld"][1]


def test_contact_history_pages_through_all_contacts(client, kcc, jan):
    for i in range(30):
        KlantcontactFactory(
            klant=jan, medewerker=kcc, vragen=[VraagInvoer(f"Onderwerp {i:02d}", R.DOORVERBONDEN)]
        )
    client.force_login(kcc)
    url = reverse("klantregie:contacthistorie", args=[jan.uuid])
    eerste = client.get(url).content.decode()
    tweede = client.get(url, {"pagina": 2}).content.decode()
    assert "Onderwerp 29" in eerste and "Onderwerp 00" not in eerste
    assert "Onderwerp 00" in tweede and "Ouder" in eerste
    assert AuditRecord.objects.filter(klant_id=jan.pk, toelichting="Contacthistorie").count() == 2


def test_an_unknown_klant_is_404(client, kcc):
    import uuid

    client.force_login(kcc)
    assert client.get(reverse("klantregie:klantbeeld", args=[uuid.uuid4()])).status_code == 404
    assert client.get(reverse("klantregie:klant-paneel", args=[uuid.uuid4()])).status_code == 404


def test_a_vakspecialist_sees_only_zaken_of_their_teams_on_the_klantbeeld(client, jan, team):
    eigen = zaak_voor(jan, ZaaktypeFactory(verantwoordelijk_team=team))
    andere = zaak_voor(jan, ZaaktypeFactory())
    client.force_login(UserFactory(rol="vakspecialist", teams=[team]))
    body = client.get(reverse("klantregie:klantbeeld", args=[jan.uuid])).content.decode()
    assert eigen.identificatie in body and andere.identificatie not in body
