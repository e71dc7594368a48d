"""Vraag stellen and Mijn vragen: a question asked on the PIP becomes an open klantcontact on
kanaal website, routed to the klantregisseur or the behandelaar; the answer shows under the zaak
and under Mijn vragen. Bad input keeps the typed text; the text is escaped everywhere."""

import re
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.actor import Actor
from core.models import AuditRecord
from klantregie.models import Klant, Klantcontact, Vraag
from klantregie.services import vraag_beantwoorden, vraag_stellen
from tests.factories import OndernemerFactory, UserFactory, ZaakFactory
from tests.pip.conftest import bedrijfszaak, pip_inloggen
from zaken import services as zaken_services
from zaken.models import RolOmschrijving

pytestmark = pytest.mark.django_db

GEVAARLIJK = '<script>alert("x")</script><b>vet</b>'


def _vraag_url(zaak) -> str:
    return reverse("pip:vraag-stellen", args=[zaak.uuid])


def _stellen(client, zaak, tekst="Wanneer krijg ik een besluit?", sleutel=None):
    return client.post(_vraag_url(zaak), {"vraag": tekst, "sleutel": str(sleutel or uuid.uuid4())})


@pytest.fixture
def zaak(burger, pip_zaaktype):
    return ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn)


# --- asking ---------------------------------------------------------------------------------------
def test_a_question_becomes_an_open_website_contact_routed_to_the_behandelend_team(
    burger_client, burger, zaak, team
):
    page = burger_client.get(reverse("pip:zaak", args=[zaak.uuid])).content.decode()
    assert _vraag_url(zaak) in page
    form = burger_client.get(_vraag_url(zaak)).content.decode()
    assert "Uw vraag komt bij de medewerker die uw zaak behandelt (Team Vergunningen)" in form

    response = _stellen(burger_client, zaak, "Wanneer krijg ik een besluit?")
    assert response.status_code == 302
    assert response["Location"] == reverse("pip:zaak", args=[zaak.uuid]) + "#vragen"
    vraag = Vraag.objects.select_related("klantcontact__klant").get()
    assert vraag.is_open and vraag.zaak == zaak and vraag.vraag == "Wanneer krijg ik een besluit?"
    assert vraag.klantcontact.kanaal == "website"
    assert vraag.klantcontact.klant.bsn == burger.bsn
    assert vraag.toegewezen_aan is None and vraag.toegewezen_team == team
    assert AuditRecord.objects.filter(
        object_uuid=vraag.uuid, actie="create", zaak_uuid=zaak.uuid
    ).exists()

    page = burger_client.get(response["Location"]).content.decode()
    assert "Uw vraag is verstuurd." in page
    vragen = page[page.index('id="vragen"') :]
    assert "Wanneer krijg ik een besluit?" in vragen and "Wacht op antwoord" in vragen


def test_a_question_about_a_zaak_with_a_klantregisseur_goes_to_the_klantregisseur(
    burger_client, zaak
):
    regisseur = UserFactory(rol="klantregisseur", first_name="Rachid", last_name="Bouzid")
    zaken_services.zaak_klantregisseur_set(
        actor=Actor.system("test"), zaak=zaak, klantregisseur=regisseur
    )
    form = burger_client.get(_vraag_url(zaak)).content.decode()
    assert "Uw vraag komt bij uw vaste contactpersoon, Rachid Bouzid." in form
    assert _stellen(burger_client, zaak).status_code == 302
    assert Vraag.objects.get().toegewezen_aan == regisseur


def test_the_form_says_where_the_answer_email_goes(burger_client, burger, zaak):
    form = burger_client.get(_vraag_url(zaak)).content.decode()
    assert "Wilt u een e-mail als er een antwoord is?" in form
    Klant.objects.create(soort="persoon", bsn=burger.bsn, email="anna@x.nl")
    form = burger_client.get(_vraag_url(zaak)).content.decode()
    assert "U krijgt een e-mail op anna@x.nl als er een antwoord is." in form
    response = _stellen(burger_client, zaak)
    page = burger_client.get(response["Location"]).content.decode()
    assert "We sturen een e-mail naar anna@x.nl als er een antwoord is." in page


def test_bad_input_says_what_to_fix_and_keeps_the_typed_text(burger_client, zaak):
    response = _stellen(burger_client, zaak, "   ")
    assert response.status_code == 400
    assert "Schrijf uw vraag." in response.content.decode()

    te_lang = "Dit is mijn vraag. " + "x" * 4000
    response = _stellen(burger_client, zaak, te_lang)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Uw vraag mag hoogstens 4000 tekens lang zijn." in page
    assert te_lang in page  # the typed text is kept
    assert 'aria-invalid="true"' in page
    assert not Vraag.objects.exists() and not Klantcontact.objects.exists()


def test_the_same_form_sent_twice_stores_one_question(burger_client, zaak):
    sleutel = uuid.uuid4()
    eerste = _stellen(burger_client, zaak, "Dubbel verstuurd?", sleutel=sleutel)
    tweede = _stellen(burger_client, zaak, "Dubbel verstuurd?", sleutel=sleutel)
    assert eerste.status_code == tweede.status_code == 302
    assert Vraag.objects.count() == 1 and Klantcontact.objects.count() == 1
    # a damaged key is not an error for the requester: the question gets a fresh one
    assert _stellen(burger_client, zaak, "Nog een", sleutel="kapot").status_code == 302
    assert Vraag.objects.count() == 2


def test_the_form_carries_a_fresh_key_each_time(burger_client, zaak):
    sleutels = {
        re.search(
            r'name="sleutel" value="([^"]+)"', burger_client.get(_vraag_url(zaak)).content.decode()
        )[1]
        for _ in range(2)
    }
    assert len(sleutels) == 2


# --- answers and Mijn vragen ------------------------------------------------------------------
def test_the_answer_appears_under_the_zaak_and_in_mijn_vragen(burger_client, zaak, vakspecialist):
    _stellen(burger_client, zaak, "Hoe lang duurt het nog?")
    vraag = Vraag.objects.get()
    staff = Client()
    staff.force_login(vakspecialist)  # a member of the behandelend team, on the KCC's page
    response = staff.post(
        reverse("klantregie:vraag", args=[vraag.uuid]), {"antwoord": "Nog ongeveer twee weken."}
    )
    assert response.status_code == 302

    page = burger_client.get(reverse("pip:zaak", args=[zaak.uuid])).content.decode()
    vragen = page[page.index('id="vragen"') :]
    assert "Nog ongeveer twee weken." in vragen and "Beantwoord" in vragen
    lijst = burger_client.get(reverse("pip:vragen")).content.decode()
    assert "Hoe lang duurt het nog?" in lijst and zaak.identificatie in lijst
    assert "Nog ongeveer twee weken." in lijst  # the list shows the answers too
    assert reverse("pip:vraag", args=[vraag.uuid]) in lijst
    assert 'aria-current="page">Mijn vragen' in lijst
    detail = burger_client.get(reverse("pip:vraag", args=[vraag.uuid])).content.decode()
    assert "Antwoord op uw vraag" in detail and "Nog ongeveer twee weken." in detail
    assert AuditRecord.objects.filter(actie="list", object_type="klantvraag").exists()
    gelezen = AuditRecord.objects.get(actie="read", object_uuid=vraag.uuid)
    assert gelezen.klant_id == vraag.klantcontact.klant_id and gelezen.zaak_uuid == zaak.uuid


def test_mijn_vragen_lists_only_the_requesters_own_pip_questions(
    burger_client, burger, andere_burger, zaak, pip_zaaktype, kcc_user
):
    from klantregie.services import VraagInvoer, klantcontact_log

    eigen = vraag_stellen(actor=Actor.burger(burger.bsn), zaak=zaak, vraag="Mijn eigen vraag")
    ander = vraag_stellen(
        actor=Actor.burger(andere_burger.bsn),
        zaak=ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=andere_burger.bsn),
        vraag="Vraag van Bert",
    )
    klantcontact_log(  # a phone call is not a question asked on the PIP
        actor=Actor.for_user(kcc_user),
        kanaal="telefoon",
        klant=Klant.objects.get(bsn=burger.bsn),
        vragen=[VraagInvoer("Status", "direct_beantwoord", vraag="Telefoonvraag", antwoord="x")],
    )
    lijst = burger_client.get(reverse("pip:vragen")).content.decode()
    assert "Mijn eigen vraag" in lijst and reverse("pip:vraag", args=[eigen.uuid]) in lijst
    assert "Vraag van Bert" not in lijst and "Telefoonvraag" not in lijst
    assert str(ander.uuid) not in lijst


def test_no_questions_yet_says_where_to_ask(burger_client):
    page = burger_client.get(reverse("pip:vragen")).content.decode()
    assert "U heeft nog geen vragen gesteld op Mijn zaken." in page


def test_mijn_vragen_runs_a_fixed_number_of_queries_for_3_and_for_30_questions(
    burger_client, burger, pip_zaaktype
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert burger_client.get(reverse("pip:vragen")).status_code == 200
        return len(ctx.captured_queries)

    actor = Actor.burger(burger.bsn)
    zaken = [ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn) for _ in range(3)]
    for i in range(3):
        vraag_stellen(actor=actor, zaak=zaken[i], vraag=f"Vraag {i}")
    drie = queries()
    behandelaar = UserFactory(rol="vakspecialist", teams=[pip_zaaktype.verantwoordelijk_team])
    for i in range(27):
        vraag = vraag_stellen(actor=actor, zaak=zaken[i % 3], vraag=f"Vraag {i + 3}")
        if i % 2:
            vraag_beantwoorden(actor=Actor.for_user(behandelaar), vraag=vraag, antwoord="Ja.")
    dertig = queries()
    assert drie == dertig
    assert dertig <= 8


def test_zaak_detail_runs_the_same_queries_for_one_and_for_ten_questions(
    burger_client, burger, zaak
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert burger_client.get(reverse("pip:zaak", args=[zaak.uuid])).status_code == 200
        return len(ctx.captured_queries)

    actor = Actor.burger(burger.bsn)
    vraag_stellen(actor=actor, zaak=zaak, vraag="Eerste")
    een = queries()
    for i in range(9):
        vraag_stellen(actor=actor, zaak=zaak, vraag=f"Vraag {i}")
    assert queries() == een


def test_the_question_and_answer_are_escaped_everywhere(burger_client, burger, zaak, vakspecialist):
    _stellen(burger_client, zaak, GEVAARLIJK)
    vraag = Vraag.objects.get()
    staff = Client()
    staff.force_login(vakspecialist)
    lijst = staff.get(reverse("klantregie:vragen")).content.decode()  # the onderwerp only
    assert reverse("klantregie:vraag", args=[vraag.uuid]) in lijst
    staff_pages = [
        reverse("klantregie:vraag", args=[vraag.uuid]),
        reverse("zaken:detail", args=[zaak.uuid]),
        reverse("klantregie:klantbeeld", args=[vraag.klantcontact.klant.uuid]),
    ]
    for url in staff_pages:
        page = staff.get(url).content.decode()
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page, url
        assert "<script>alert" not in page and "<b>vet</b>" not in page, url
    vraag_beantwoorden(actor=Actor.for_user(vakspecialist), vraag=vraag, antwoord=GEVAARLIJK)
    pip_pages = [
        reverse("pip:zaak", args=[zaak.uuid]),
        reverse("pip:vragen"),
        reverse("pip:vraag", args=[vraag.uuid]),
    ]
    for url in pip_pages:
        page = burger_client.get(url).content.decode()
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page, url
        assert "<script>alert" not in page and "<b>vet</b>" not in page, url
    # and the typed text on a form that came back with an error
    response = _stellen(burger_client, zaak, GEVAARLIJK + "x" * 4000)
    assert response.status_code == 400
    assert "<script>alert" not in response.content.decode()


# --- who sees which question ------------------------------------------------------------------
def test_a_burger_never_sees_a_business_question_and_vice_versa(
    burger_client, burger, ondernemer_client, ondernemer, zaak, pip_zaaktype
):
    burgervraag = vraag_stellen(actor=Actor.burger(burger.bsn), zaak=zaak, vraag="Burger")
    bedrijfsvraag = vraag_stellen(
        actor=Actor.ondernemer(ondernemer.kvk_nummer),
        zaak=bedrijfszaak(ondernemer.kvk_nummer, zaaktype=pip_zaaktype),
        vraag="Bedrijf",
    )
    for client, eigen, ander in (
        (burger_client, burgervraag, bedrijfsvraag),
        (ondernemer_client, bedrijfsvraag, burgervraag),
    ):
        assert client.get(reverse("pip:vraag", args=[eigen.uuid])).status_code == 200
        assert client.get(reverse("pip:vraag", args=[ander.uuid])).status_code == 404
        lijst = client.get(reverse("pip:vragen")).content.decode()
        assert str(eigen.uuid) in lijst and str(ander.uuid) not in lijst


def test_a_belanghebbende_may_ask_and_sees_only_their_own_questions(burger, andere_burger, zaak):
    zaken_services.rol_add(
        actor=Actor.system("test"),
        zaak=zaak,
        betrokkene=zaken_services.Betrokkene.persoon(andere_burger.bsn, naam="Buur"),
        omschrijving_generiek=RolOmschrijving.BELANGHEBBENDE,
    )
    van_aanvrager = vraag_stellen(actor=Actor.burger(burger.bsn), zaak=zaak, vraag="Aanvrager")
    buur = pip_inloggen(Client(), andere_burger)
    assert _stellen(buur, zaak, "Vraag van de buurman").status_code == 302
    page = buur.get(reverse("pip:zaak", args=[zaak.uuid])).content.decode()
    assert "Vraag van de buurman" in page and "Aanvrager" not in page.split('id="vragen"')[1]
    assert buur.get(reverse("pip:vraag", args=[van_aanvrager.uuid])).status_code == 404


def test_a_vestiging_login_asks_for_its_vestiging(pip_zaaktype):
    vestiging = OndernemerFactory(kvk_nummer="11112222", vestigingsnummer="000011112222")
    zaak = bedrijfszaak("11112222", "000011112222", zaaktype=pip_zaaktype)
    client = pip_inloggen(Client(), vestiging)
    assert _stellen(client, zaak).status_code == 302
    klant = Vraag.objects.get().klantcontact.klant
    assert (klant.kvk_nummer, klant.vestigingsnummer) == ("11112222", "000011112222")
