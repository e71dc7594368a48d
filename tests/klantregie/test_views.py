"""The KCC screens through real requests: the contact screen (also without JavaScript), the start
page, terugbelverzoeken, open questions and the panels on pages of other apps."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.actor import Actor
from core.models import AuditRecord
from core.panels import render_panels
from klantregie.forms import lees_sessie
from klantregie.models import Klantcontact, Terugbelverzoek, Vraag
from klantregie.services import VraagInvoer, terugbelverzoek_claim, vraag_stellen
from tests.factories import (
    KennisartikelFactory,
    KlantcontactFactory,
    TeamFactory,
    TerugbelverzoekFactory,
    UserFactory,
)
from tests.klantregie.conftest import zaak_voor

pytestmark = pytest.mark.django_db
R = Vraag.Resultaat
URL = "/kcc/contact/"


def _screen(client):
    response = client.get(URL)
    assert response.status_code == 200
    return response.context["form"]["sessie"].value()


def _post(client, sessie, *, vragen, actie="opslaan", **velden):
    data = {
        "sessie": sessie,
        "kanaal": "telefoon",
        "klant": "",
        "geraadpleegd": "",
        "actie": actie,
        "vragen-TOTAL_FORMS": str(len(vragen)),
        "vragen-INITIAL_FORMS": "0",
        "vragen-MIN_NUM_FORMS": "1",
        "vragen-MAX_NUM_FORMS": "20",
        **velden,
    }
    for i, vraag in enumerate(vragen):
        for key, value in vraag.items():
            data[f"vragen-{i}-{key}"] = value
    return client.post(URL, data)


# --- the contact screen -------------------------------------------------------------------------
def test_the_contact_screen_records_start_time_and_logs_the_contact(client, kcc, jan):
    artikel = KennisartikelFactory(vraag="Openingstijden milieustraat", antwoord="Di-za.")
    client.force_login(kcc)
    sessie = _screen(client)
    start, sleutel = lees_sessie(sessie)
    assert abs((timezone.now() - start).total_seconds()) < 5
    response = _post(
        client,
        sessie,
        klant=str(jan.uuid),
        geraadpleegd=f"{artikel.uuid} not-a-uuid",
        vragen=[
            {
                "onderwerp": "Openingstijden milieustraat",
                "resultaat": R.DIRECT_BEANTWOORD,
                "kennisartikel": str(artikel.uuid),
            }
        ],
    )
    assert response.status_code == 302 and response.url == URL
    contact = Klantcontact.objects.get()
    assert contact.sleutel == sleutel and contact.gestart_op == start
    assert contact.klant == jan and contact.kanaal == "telefoon"
    assert contact.vragen.get().kennisartikel == artikel
    assert list(contact.geraadpleegde_artikelen.all()) == [artikel]
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Het contact is vastgelegd" in m for m in messages)
    # Submitting the same screen again (a double click, a retry) stores nothing new.
    _post(client, sessie, vragen=[{"onderwerp": "x", "resultaat": R.DOORVERBONDEN}])
    assert Klantcontact.objects.count() == 1
    # The next screen is a new contact.
    assert lees_sessie(_screen(client))[1] != sleutel


def test_errors_keep_everything_that_was_typed(client, kcc, jan):
    client.force_login(kcc)
    sessie = _screen(client)
    response = _post(
        client,
        sessie,
        klant=str(jan.uuid),
        kanaal="balie",
        klant_zoek="999993653",
        vragen=[
            {"onderwerp": "Afval", "resultaat": R.DOORVERBONDEN, "vraag": "Wanneer <b>afval</b>?"},
            {"onderwerp": "Status", "resultaat": R.STATUSINFORMATIE, "antwoord": "Mijn antwoord"},
        ],
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Kies de zaak waarover u statusinformatie gaf." in body
    assert "Vraag 2" in body  # the summary says which question
    assert "Wanneer &lt;b&gt;afval&lt;/b&gt;?" in body and "Mijn antwoord" in body
    assert 'value="Afval"' in body and 'value="balie" selected' in body
    assert 'value="999993653"' in body  # the klant search field too
    assert "Jan de Vries" in body  # the chosen klant stays chosen
    assert response.context["form"]["sessie"].value() == sessie  # same start time and key
    assert Klantcontact.objects.count() == 0


def test_a_missing_resultaat_is_a_form_error(client, kcc):
    client.force_login(kcc)
    response = _post(client, _screen(client), vragen=[{"onderwerp": "Iets", "resultaat": ""}])
    assert response.status_code == 400
    body = response.content.decode()
    assert '<a href="#id_vragen-0-resultaat">Vraag 1, resultaat: Dit veld is vereist.</a>' in body


def test_without_javascript_the_search_buttons_rerender_with_what_was_typed(client, kcc, jan):
    KennisartikelFactory(vraag="Openingstijden milieustraat", antwoord="Di-za open.")
    client.force_login(kcc)
    sessie = _screen(client)
    vraag = {"onderwerp": "", "resultaat": "", "vraag": "Wanneer is de milieustraat open?"}
    response = _post(client, sessie, vragen=[vraag], actie="kennisbank_zoeken", kb_zoek="milieu")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Openingstijden milieustraat" in body and "Wanneer is de milieustraat open?" in body
    artikel_uuid = response.context["kb_resultaten"][0].uuid
    response = _post(client, sessie, vragen=[vraag], actie=f"artikel:{artikel_uuid}")
    vf = response.context["formset"].forms[0]
    assert (
        vf["antwoord"].value() == "Di-za open." and vf["resultaat"].value() == R.DIRECT_BEANTWOORD
    )
    assert vf["vraag"].value() == "Wanneer is de milieustraat open?"
    response = _post(client, sessie, vragen=[vraag], actie="klant_zoeken", klant_zoek=jan.bsn)
    assert "Jan de Vries" in response.content.decode()
    response = _post(client, sessie, vragen=[vraag], actie=f"klant:{jan.uuid}")
    assert response.context["beeld"].klant == jan
    response = _post(client, sessie, vragen=[vraag], actie="vraag_toevoegen")
    assert len(response.context["formset"].forms) == 2
    assert Klantcontact.objects.count() == 0


def test_opened_from_a_zaak_the_first_question_is_about_that_zaak(client, kcc, jan, zaak_van_jan):
    client.force_login(kcc)
    response = client.get(URL, {"klant": jan.uuid, "zaak": zaak_van_jan.uuid})
    vf = response.context["formset"].forms[0]
    assert str(vf["zaak"].value()) == str(zaak_van_jan.uuid)
    assert vf["resultaat"].value() == R.STATUSINFORMATIE
    assert "Uw zaak is ontvangen." in vf["antwoord"].value()
    body = response.content.decode()
    assert zaak_van_jan.identificatie in body and "Jan de Vries" in body
    response = _post(
        client,
        response.context["form"]["sessie"].value(),
        klant=str(jan.uuid),
        vragen=[
            {
                "onderwerp": vf["onderwerp"].value(),
                "resultaat": R.STATUSINFORMATIE,
                "zaak": str(zaak_van_jan.uuid),
                "antwoord": vf["antwoord"].value(),
            }
        ],
    )
    assert response.status_code == 302
    assert Vraag.objects.get().zaak == zaak_van_jan


def test_a_terugbelverzoek_and_a_zaak_from_the_contact_screen(client, kcc, jan, zaaktype, team):
    client.force_login(kcc)
    response = _post(
        client,
        _screen(client),
        klant=str(jan.uuid),
        vragen=[
            {
                "onderwerp": "Dakkapel",
                "resultaat": R.TERUGBELVERZOEK,
                "terugbel_team": str(team.pk),
                "terugbel_bereikbaarheid": "ochtend",
            },
            {
                "onderwerp": "Vergunning",
                "resultaat": R.ZAAK_GESTART,
                "zaaktype": zaaktype.identificatie,
            },
        ],
    )
    assert response.status_code == 302
    verzoek = Terugbelverzoek.objects.get()
    assert verzoek.team == team and verzoek.telefoon == jan.telefoon
    zaak = Vraag.objects.get(onderwerp="Vergunning").zaak
    assert zaak.zaaktype == zaaktype and zaak.kanaal == "telefoon"
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any(zaak.identificatie in m for m in messages)


def test_an_anonymous_caller_gets_called_back_by_name_and_number(client, kcc, team):
    client.force_login(kcc)
    response = _post(
        client,
        _screen(client),
        vragen=[
            {
                "onderwerp": "Lawaai",
                "resultaat": R.TERUGBELVERZOEK,
                "terugbel_team": str(team.pk),
                "terugbel_telefoon": "06 9876 5432",
                "terugbel_naam": "Mevrouw Bos",
            }
        ],
    )
    assert response.status_code == 302
    verzoek = Terugbelverzoek.objects.get()
    assert (verzoek.naam, verzoek.telefoon, verzoek.klant) == ("Mevrouw Bos", "0698765432", None)


def test_the_contact_screen_needs_the_right(client, vakspecialist):
    client.force_login(vakspecialist)
    assert client.get(URL).status_code == 403
    client.logout()
    assert client.get(URL).status_code == 302


def test_the_contact_screen_is_keyboard_first_and_csp_clean(client, kcc):
    client.force_login(kcc)
    response = client.get(URL)
    body = response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "<script>" not in body and " onclick=" not in body and "style=" not in body
    assert 'src="/static/klantregie/contact.js"' in body
    assert 'id="klant-zoek"' in body and "autofocus" in body
    assert "Ctrl</kbd>+<kbd>Enter" in body


def test_the_contact_screen_runs_a_fixed_number_of_queries(client, kcc):
    client.force_login(kcc)
    KennisartikelFactory.create_batch(3, product="Afval")
    with CaptureQueriesContext(connection) as weinig:
        client.get(URL)
    KennisartikelFactory.create_batch(20, product="Parkeren")
    TeamFactory.create_batch(10)
    UserFactory.create_batch(10, rol="vakspecialist")
    with CaptureQueriesContext(connection) as veel:
        client.get(URL)
    assert len(weinig) == len(veel)


# --- the start page -----------------------------------------------------------------------------
def test_start_page_shows_todays_contacts_sent_verzoeken_and_the_direct_share(
    client, kcc, jan, team
):
    collega = UserFactory(rol="kcc-medewerker")
    KlantcontactFactory(
        medewerker=kcc,
        klant=jan,
        vragen=[
            VraagInvoer("Afval", R.DIRECT_BEANTWOORD, antwoord="Di."),
            VraagInvoer("Vergunning", R.DOORVERBONDEN),
        ],
    )
    KlantcontactFactory(
        medewerker=collega, vragen=[VraagInvoer("Paspoort", R.DIRECT_BEANTWOORD, antwoord="Ja.")]
    )
    gisteren = timezone.now() - timedelta(days=1)
    KlantcontactFactory(
        medewerker=kcc,
        vragen=[VraagInvoer("Gisteren", R.DOORVERBONDEN)],
        gestart_op=gisteren,
        beeindigd_op=gisteren,
    )
    verzoek = TerugbelverzoekFactory(team=team, actor=Actor.for_user(kcc), onderwerp="Bel Jan")
    terugbelverzoek_claim(actor=Actor.system("test"), verzoek=verzoek)
    client.force_login(kcc)
    response = client.get(reverse("klantregie:start"))
    overzicht = response.context["overzicht"]
    assert (overzicht.mijn_vragen, overzicht.mijn_direct) == (2, 1)
    assert (overzicht.alle_vragen, overzicht.alle_direct) == (3, 2)
    assert overzicht.alle_procent == 67 and overzicht.onder_norm
    body = response.content.decode()
    assert "67%" in body and "onder de norm" in body
    assert "Afval" in body and "Gisteren" not in body and "Paspoort" not in body
    assert "Bel Jan" in body and "In behandeling" in body


def test_pip_questions_do_not_count_for_the_kcc_share(client, kcc, jan, zaak_van_jan):
    vraag_stellen(actor=Actor.burger(jan.bsn), zaak=zaak_van_jan, vraag="Vraag")
    client.force_login(kcc)
    overzicht = client.get(reverse("klantregie:start")).context["overzicht"]
    assert overzicht.alle_vragen == 0 and overzicht.alle_procent is None


def test_start_page_runs_a_fixed_number_of_queries(client, kcc, team):
    client.force_login(kcc)

    def vullen(n):
        for _ in range(n):
            KlantcontactFactory(medewerker=kcc, vragen=[VraagInvoer("x", R.DOORVERBONDEN)] * 2)
            TerugbelverzoekFactory(team=team, actor=Actor.for_user(kcc))

    vullen(1)
    with CaptureQueriesContext(connection) as weinig:
        client.get(reverse("klantregie:start"))
    vullen(15)
    with CaptureQueriesContext(connection) as veel:
        client.get(reverse("klantregie:start"))
    assert len(weinig) == len(veel)


# --- terugbelverzoeken pages --------------------------------------------------------------------
def test_the_receiver_claims_records_attempts_and_closes_on_their_own_page(client, team):
    vera = UserFactory(rol="vakspecialist", teams=[team])
    verzoek = TerugbelverzoekFactory(team=team, onderwerp="Bel over dakkapel")
    client.force_login(vera)
    body = client.get(reverse("klantregie:terugbelverzoeken"), {"voor": "teams"}).content.decode()
    assert "Bel over dakkapel" in body and "Oppakken" in body
    response = client.post(reverse("klantregie:terugbelverzoek-claim", args=[verzoek.uuid]))
    assert response.status_code == 302
    body = client.get(reverse("klantregie:terugbelverzoeken")).content.decode()
    assert "Bel over dakkapel" in body  # now "voor mij"
    response = client.post(
        reverse("klantregie:terugbelpoging", args=[verzoek.uuid]), {"uitkomst": "niet_bereikt"}
    )
    assert response.status_code == 302
    response = client.post(
        reverse("klantregie:terugbelverzoek-afhandelen", args=[verzoek.uuid]),
        {"resultaat": "", "toelichting": "Voicemail ingesproken"},
    )
    assert response.status_code == 400
    assert "Voicemail ingesproken" in response.content.decode()
    response = client.post(
        reverse("klantregie:terugbelverzoek-afhandelen", args=[verzoek.uuid]),
        {"resultaat": "niet_bereikt", "toelichting": "Voicemail ingesproken"},
    )
    assert response.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == "afgehandeld" and verzoek.pogingen.count() == 1
    assert AuditRecord.objects.filter(object_uuid=verzoek.uuid, actie="read").exists()


def test_a_claim_race_tells_the_second_who_has_it(client, team):
    vera = UserFactory(rol="vakspecialist", teams=[team], first_name="Vera", last_name="J")
    otto = UserFactory(rol="vakspecialist", teams=[team])
    verzoek = TerugbelverzoekFactory(team=team)
    terugbelverzoek_claim(actor=Actor.for_user(vera), verzoek=verzoek)
    client.force_login(otto)
    response = client.post(
        reverse("klantregie:terugbelverzoek-claim", args=[verzoek.uuid]), follow=True
    )
    assert "Vera J heeft dit terugbelverzoek al opgepakt." in response.content.decode()


def test_terugbelverzoeken_list_runs_a_fixed_number_of_queries(client, team, jan):
    vera = UserFactory(rol="vakspecialist", teams=[team])
    client.force_login(vera)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("klantregie:terugbelverzoeken"), {"voor": "teams"})
        return len(ctx)

    TerugbelverzoekFactory(team=team, klant=jan)
    weinig = count()
    TerugbelverzoekFactory.create_batch(20, team=team, klant=jan)
    assert count() == weinig


# --- open questions -----------------------------------------------------------------------------
def test_a_behandelaar_answers_a_pip_question_on_the_vragen_page(client, jan, zaak_van_jan, team):
    vera = UserFactory(rol="vakspecialist", teams=[team])
    vraag = vraag_stellen(actor=Actor.burger(jan.bsn), zaak=zaak_van_jan, vraag="Hoe lang nog?")
    client.force_login(vera)
    body = client.get(reverse("klantregie:vragen")).content.decode()
    assert zaak_van_jan.identificatie in body
    url = reverse("klantregie:vraag", args=[vraag.uuid])
    assert "Hoe lang nog?" in client.get(url).content.decode()
    assert client.post(url, {"antwoord": ""}).status_code == 400
    response = client.post(url, {"antwoord": "Nog twee weken."})
    assert response.status_code == 302
    vraag.refresh_from_db()
    assert vraag.antwoord == "Nog twee weken." and vraag.beantwoord_door == vera
    assert "Hoe lang nog?" not in client.get(reverse("klantregie:vragen")).content.decode()
    outsider = UserFactory(rol="vakspecialist", teams=[TeamFactory()])
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_open_questions_list_runs_a_fixed_number_of_queries(client, jan, zaaktype, team):
    vera = UserFactory(rol="vakspecialist", teams=[team])
    client.force_login(vera)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("klantregie:vragen"))
        return len(ctx)

    vraag_stellen(actor=Actor.burger(jan.bsn), zaak=zaak_voor(jan, zaaktype), vraag="1")
    weinig = count()
    for i in range(10):
        vraag_stellen(actor=Actor.burger(jan.bsn), zaak=zaak_voor(jan, zaaktype), vraag=str(i))
    assert count() == weinig


# --- panels on other apps' pages ----------------------------------------------------------------
def test_the_zaak_detail_shows_the_contacts_about_the_zaak(client, kcc, jan, zaak_van_jan, team):
    KlantcontactFactory(
        klant=jan,
        medewerker=kcc,
        vragen=[VraagInvoer("Hoe ver?", R.STATUSINFORMATIE, antwoord="Bijna.", zaak=zaak_van_jan)],
    )
    TerugbelverzoekFactory(team=team, zaak=zaak_van_jan, onderwerp="Terugbellen over de zaak")
    client.force_login(UserFactory(rol="vakspecialist", teams=[team]))
    body = client.get(reverse("zaken:detail", args=[zaak_van_jan.uuid])).content.decode()
    assert "Klantcontacten over deze zaak" in body
    assert "Hoe ver?" in body and "Bijna." in body and "Terugbellen over de zaak" in body


def test_the_werkvoorraad_panel_lists_the_teams_open_terugbelverzoeken(rf, team):
    vera = UserFactory(rol="vakspecialist", teams=[team])
    eigen = TerugbelverzoekFactory(team=team, onderwerp="Voor het team")
    TerugbelverzoekFactory(team=TeamFactory(), onderwerp="Voor een ander team")
    request = rf.get("/werk/")
    request.user = vera
    html = "".join(render_panels("werkvoorraad_panels", request, user=vera, team=team))
    assert "Voor het team" in html and "Voor een ander team" not in html
    assert reverse("klantregie:terugbelverzoek-claim", args=[eigen.uuid]) in html
    html = "".join(render_panels("werkvoorraad_panels", request, user=vera, team=None))
    assert "Voor het team" in html
    manager = UserFactory(rol="manager")
    request.user = manager
    assert "Terugbelverzoeken" in "".join(
        render_panels("werkvoorraad_panels", request, user=manager, team=team)
    )
    burgerachtige = UserFactory(rol=None)
    request.user = burgerachtige
    assert render_panels("werkvoorraad_panels", request, user=burgerachtige, team=team) == []


def test_the_kcc_menu_and_home_page(client, kcc):
    client.force_login(kcc)
    response = client.get("/")
    assert response.status_code == 302 and response.url == reverse("klantregie:start")
    body = client.get(reverse("klantregie:start")).content.decode()
    for label in ("Contact vastleggen", "Klanten", "Terugbellen", "Kennisbank"):
        assert label in body


def test_deadline_date_is_shown_on_the_verzoek_page(client, team):
    vera = UserFactory(rol="vakspecialist", teams=[team])
    verzoek = TerugbelverzoekFactory(
        team=team,
        verzonden_op=timezone.make_aware(timezone.datetime(2026, 4, 24, 10, 0)),
    )
    client.force_login(vera)
    body = client.get(reverse("klantregie:terugbelverzoek", args=[verzoek.uuid])).content.decode()
    assert date(2026, 4, 29).strftime("%d-%m-%Y") in body and "2 werkdagen" in body


def test_the_zaak_detail_panel_runs_a_fixed_number_of_queries(client, kcc, jan, zaak_van_jan, team):
    client.force_login(UserFactory(rol="vakspecialist", teams=[team]))
    url = reverse("zaken:detail", args=[zaak_van_jan.uuid])

    def vullen(n):
        for _ in range(n):
            KlantcontactFactory(
                klant=jan,
                medewerker=kcc,
                vragen=[VraagInvoer("Status", R.STATUSINFORMATIE, antwoord="x", zaak=zaak_van_jan)],
            )
            TerugbelverzoekFactory(team=team, zaak=zaak_van_jan)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    vullen(1)
    weinig = count()
    vullen(12)
    assert count() == weinig


def test_the_search_endpoints_run_a_fixed_number_of_queries(client, kcc):
    from tests.factories import KlantFactory

    client.force_login(kcc)

    def count(url, q):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, {"q": q}).status_code == 200
        return len(ctx)

    klanten = reverse("klantregie:klant-zoeken")
    kennisbank = reverse("klantregie:kennisbank-zoeken")
    KlantFactory(achternaam="Jansen")
    KennisartikelFactory(vraag="Afval", trefwoorden="afval")
    weinig = (count(klanten, "Jansen"), count(kennisbank, "afval"))
    KlantFactory.create_batch(15, achternaam="Jansen")
    KennisartikelFactory.create_batch(15, vraag="Afval", trefwoorden="afval")
    assert (count(klanten, "Jansen"), count(kennisbank, "afval")) == weinig


def test_garbage_in_urls_and_buttons_never_breaks_the_screen(client, kcc):
    client.force_login(kcc)
    assert client.get(URL, {"klant": "xyz", "zaak": "abc"}).status_code == 200
    sessie = _screen(client)
    vraag = {"onderwerp": "x", "resultaat": R.DOORVERBONDEN}
    for actie in ("klant:xyz", "artikel:xyz", "zaak:xyz", "onbekend"):
        assert _post(client, sessie, vragen=[vraag], actie=actie).status_code == 200, actie
    response = _post(client, sessie, vragen=[{**vraag, "zaak": "geen-uuid"}])
    assert response.status_code == 400
    response = _post(client, sessie, vragen=[vraag], klant="geen-uuid")
    assert response.status_code == 400
    response = client.post(URL, {"sessie": sessie, "kanaal": "telefoon", "actie": "opslaan"})
    assert response.status_code == 400  # no management form: an error, not a crash
    response = _post(client, "vervalst", vragen=[{**vraag, "vraag": "Mijn tekst"}])
    assert response.status_code == 400 and Klantcontact.objects.count() == 0
    body = response.content.decode()
    assert "te lang open" in body and "Mijn tekst" in body
    nieuw = response.context["form"]["sessie"].value()
    assert lees_sessie(nieuw) is not None
    assert _post(client, nieuw, vragen=[vraag]).status_code == 302
