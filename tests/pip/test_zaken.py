"""Mijn zaken and the zaak detail: what the requester sees, in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.actor import Actor
from core.models import AuditRecord
from tests.factories import UserFactory, ZaakFactory
from tests.pip.conftest import PDF
from zaken import services
from zaken.models import Informatieobjecttype, RolOmschrijving, ZaaktypeInformatieobjecttype

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_mijn_zaken_runs_a_fixed_number_of_queries_for_3_and_for_30_zaken(
    burger_client, burger, pip_zaaktype
):
    for _ in range(3):
        ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn, opgeschort=True)
    drie = _queries(burger_client, reverse("pip:zaken"))
    for _ in range(27):
        ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn)
    dertig = _queries(burger_client, reverse("pip:zaken"))
    assert drie == dertig
    assert dertig <= 8
    # the second page too
    assert _queries(burger_client, reverse("pip:zaken") + "?pagina=2") == dertig


def test_mijn_zaken_shows_what_the_requester_needs_newest_first(
    burger_client, burger, pip_zaaktype
):
    oud = ZaakFactory(
        zaaktype=pip_zaaktype,
        initiator_bsn=burger.bsn,
        startdatum=timezone.localdate() - timedelta(days=40),
        closed=True,
    )
    wacht = ZaakFactory(
        zaaktype=pip_zaaktype,
        initiator_bsn=burger.bsn,
        opgeschort=True,
        startdatum=timezone.localdate() - timedelta(days=5),
    )
    nieuw = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn)
    page = burger_client.get(reverse("pip:zaken")).content.decode()
    assert page.index(nieuw.identificatie) < page.index(wacht.identificatie)
    assert page.index(wacht.identificatie) < page.index(oud.identificatie)
    assert "Parkeervergunning" in page  # the public name of the zaaktype
    assert "Uw zaak is ontvangen." in page  # the current statustekst
    assert f"{nieuw.einddatum_gepland:%-d}" in page
    assert page.count("Actie nodig") == 1
    kaarten = page.split('<li class="zs-zaakkaart')[1:]
    assert [("Actie nodig" in k) for k in kaarten] == [False, True, False]
    assert AuditRecord.objects.filter(actie="list", gebruiker=burger).exists()


def test_mijn_zaken_filter_and_search(burger_client, burger, pip_zaaktype):
    open_ = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn, omschrijving="Dakkapel")
    dicht = ZaakFactory(
        zaaktype=pip_zaaktype, initiator_bsn=burger.bsn, omschrijving="Schutting", closed=True
    )
    url = reverse("pip:zaken")
    lopend = burger_client.get(url, {"status": "lopend"}).content.decode()
    assert open_.identificatie in lopend and dicht.identificatie not in lopend
    afgerond = burger_client.get(url, {"status": "afgerond"}).content.decode()
    assert dicht.identificatie in afgerond and open_.identificatie not in afgerond
    gezocht = burger_client.get(url, {"zoek": "schut"}).content.decode()
    assert dicht.identificatie in gezocht and open_.identificatie not in gezocht
    op_nummer = burger_client.get(url, {"zoek": open_.identificatie[-6:]}).content.decode()
    assert open_.identificatie in op_nummer and dicht.identificatie not in op_nummer
    niets = burger_client.get(url, {"zoek": "bestaatniet"}).content.decode()
    assert "geen zaken die passen bij uw zoekopdracht" in niets


def test_zaak_detail_timeline_dates_and_contact(burger_client, burger, pip_zaaktype):
    zaak = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn)
    services.zaak_status_set(
        actor=Actor.system("test"),
        zaak=zaak,
        statustype=pip_zaaktype.statustypen.get(volgnummer=2),
    )
    page = burger_client.get(reverse("pip:zaak", args=[zaak.uuid])).content.decode()
    tijdlijn = page[page.index('class="zs-tijdlijn"') :]
    # past status with its date, the current one highlighted, the next one shown
    assert tijdlijn.index("Ontvangen") < tijdlijn.index("In behandeling")
    assert tijdlijn.index("In behandeling") < tijdlijn.index("Afgehandeld")
    assert tijdlijn.count('aria-current="step"') == 1
    huidig = tijdlijn[tijdlijn.index('aria-current="step"') :]
    assert huidig.index("In behandeling") < huidig.index("Volgende stap")
    assert "Uw zaak is in behandeling." in huidig
    assert f"{timezone.localdate():%Y-%m-%d}" in tijdlijn
    assert "Volgende stap" in tijdlijn and "Uw zaak is afgehandeld." in tijdlijn
    # expected and latest date
    assert "Verwacht klaar" in page and "Uiterlijk klaar" in page
    # contact: the behandelend team
    assert "Team Vergunningen" in page
    assert AuditRecord.objects.filter(actie="read", zaak_uuid=zaak.uuid, gebruiker=burger).exists()


def test_zaak_detail_names_the_klantregisseur_as_contact(burger_client, burger, pip_zaaktype):
    zaak = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn)
    regisseur = UserFactory(
        first_name="Renée", last_name="Smit", email="renee@voorbeeldstad.nl", telefoon="14 000"
    )
    services.zaak_klantregisseur_set(
        actor=Actor.system("test"), zaak=zaak, klantregisseur=regisseur
    )
    page = burger_client.get(reverse("pip:zaak", args=[zaak.uuid])).content.decode()
    assert "Uw vaste contactpersoon (klantregisseur)" in page
    assert "Renée Smit" in page and "renee@voorbeeldstad.nl" in page


def test_only_documents_visible_to_the_initiator_are_listed_and_downloads_are_logged(
    burger_client, burger, pip_zaaktype
):
    zaak = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn)
    iot = pip_zaaktype.zaaktype_informatieobjecttypen.first().informatieobjecttype
    kwargs = {"actor": Actor.system("test"), "zaak": zaak, "informatieobjecttype": iot}
    zichtbaar = services.document_add(
        **kwargs, titel="Brief voor u", inhoud=PDF, zichtbaar_voor_initiator=True
    ).document
    intern = services.document_add(
        **kwargs, titel="Intern advies", inhoud=PDF, zichtbaar_voor_initiator=False
    ).document
    page = burger_client.get(reverse("pip:zaak", args=[zaak.uuid])).content.decode()
    assert "Brief voor u" in page and "Intern advies" not in page
    response = burger_client.get(reverse("pip:document", args=[zaak.uuid, zichtbaar.uuid]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert AuditRecord.objects.filter(
        actie="download", object_uuid=zichtbaar.uuid, gebruiker=burger
    ).exists()
    assert (
        burger_client.get(reverse("pip:document", args=[zaak.uuid, intern.uuid])).status_code == 404
    )


def test_closed_zaak_shows_the_result_and_the_besluit(burger_client, burger, pip_zaaktype):
    besluittype = Informatieobjecttype.objects.create(
        catalogus=pip_zaaktype.catalogus,
        omschrijving="Besluit",
        informatieobjectcategorie="Besluit",
        begin_geldigheid=pip_zaaktype.begin_geldigheid,
        concept=False,
    )
    ZaaktypeInformatieobjecttype.objects.create(
        zaaktype=pip_zaaktype, informatieobjecttype=besluittype, volgnummer=2
    )
    pip_zaaktype.resultaattypen.filter(omschrijving="Verleend").update(
        publiek_omschrijving="Uw vergunning is verleend."
    )
    zaak = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn)
    services.document_add(
        actor=Actor.system("test"),
        zaak=zaak,
        informatieobjecttype=besluittype,
        titel="Besluit parkeervergunning",
        inhoud=PDF,
        zichtbaar_voor_initiator=True,
    )
    services.zaak_close(
        actor=Actor.system("test"),
        zaak=zaak,
        resultaattype=pip_zaaktype.resultaattypen.get(omschrijving="Verleend"),
    )
    page = burger_client.get(reverse("pip:zaak", args=[zaak.uuid])).content.decode()
    uitkomst = page[page.index('id="kop-uitkomst"') : page.index('id="kop-gegevens"')]
    assert "Uw vergunning is verleend." in uitkomst
    assert "Besluit parkeervergunning" in uitkomst
    assert "Volgende stap" not in page
    assert "Document toevoegen" not in page


def test_opgeschorte_zaak_asks_for_action(burger_client, burger, pip_zaaktype):
    zaak = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn, opgeschort=True)
    page = burger_client.get(reverse("pip:zaak", args=[zaak.uuid])).content.decode()
    assert "Actie nodig" in page and "Wacht op documenten" in page
    assert reverse("pip:upload", args=[zaak.uuid]) in page


def test_zaak_detail_runs_a_fixed_number_of_queries(burger_client, burger, pip_zaaktype):
    zaak = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn)
    url = reverse("pip:zaak", args=[zaak.uuid])
    weinig = _queries(burger_client, url)
    iot = pip_zaaktype.zaaktype_informatieobjecttypen.first().informatieobjecttype
    for i in range(10):
        services.document_add(
            actor=Actor.system("test"),
            zaak=zaak,
            informatieobjecttype=iot,
            titel=f"Brief {i}",
            inhoud=PDF,
            zichtbaar_voor_initiator=True,
        )
    services.zaak_status_set(
        actor=Actor.system("test"), zaak=zaak, statustype=pip_zaaktype.statustypen.get(volgnummer=2)
    )
    for _ in range(3):  # more rollen that match the burger
        services.rol_add(
            actor=Actor.system("test"),
            zaak=zaak,
            betrokkene=services.Betrokkene.persoon(burger.bsn),
            omschrijving_generiek=RolOmschrijving.INITIATOR,
        )
    assert _queries(burger_client, url) == weinig
