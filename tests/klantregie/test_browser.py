"""Browser tests in Chromium (Playwright): journey 1 with the keyboard alone in at most 10
interactions (acceptance 1), journey 2 (acceptance 2) and zero axe-core violations on the contact
screen and the klantbeeld (acceptance 8)."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from core.actor import Actor
from klantregie.models import Klantcontact, Vraag
from tests.factories import KennisartikelFactory, KlantcontactFactory, TerugbelverzoekFactory
from tests.klantregie.conftest import zaak_voor
from zaken import services as zaken_services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa"]


@pytest.fixture(scope="module")
def chromium():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test itself
    # are synchronous and safe.
    vorige = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()
    if vorige is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = vorige


@pytest.fixture
def open_as(chromium, live_server):
    contexts = []

    def _open(user, path):
        client = Client()
        client.force_login(user)
        context = chromium.new_context(
            base_url=live_server.url, viewport={"width": 1360, "height": 900}
        )
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        contexts.append(context)
        page = context.new_page()
        page.fouten = []
        page.on("pageerror", lambda exc: page.fouten.append(str(exc)))
        # Failed requests of the screen itself (the favicon is the shell's, not ours).
        page.on(
            "response",
            lambda r: (
                page.fouten.append(f"{r.status} {r.url}")
                if r.status >= 400 and not r.url.endswith("/favicon.ico")
                else None
            ),
        )
        page.goto(path)
        if path.startswith("/kcc/contact/"):
            klaar(page)
        return page

    yield _open
    for context in contexts:
        context.close()


def klaar(page):
    """Wait until contact.js has wired the screen (keys pressed earlier would be lost)."""
    page.locator("#contactformulier[data-klaar]").wait_for(state="attached")


def _screenshot(page, naam):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"kcc-{naam}.png"), full_page=True)


def _axe(page, naam):
    from axe_playwright_python.sync_playwright import Axe

    resultaat = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    _screenshot(page, naam)
    assert resultaat.violations_count == 0, resultaat.generate_report()


@pytest.fixture
def milieustraat(db):
    KennisartikelFactory(
        vraag="Grofvuil laten ophalen",
        trefwoorden="grofvuil, afval",
        antwoord="Maak een afspraak. Of breng het naar de milieustraat.",
    )
    return KennisartikelFactory(
        vraag="Openingstijden milieustraat",
        product="Afval en milieustraat",
        trefwoorden="milieustraat, openingstijden, afval",
        antwoord="De milieustraat is open van dinsdag tot en met zaterdag.",
    )


def test_journey_1_answered_directly_with_the_keyboard_in_at_most_ten_interactions(
    open_as, kcc, milieustraat
):
    page = open_as(kcc, "/kcc/contact/")
    interacties = []

    def doe(beschrijving, actie):
        interacties.append(beschrijving)
        actie()

    doe("Alt+K: naar de kennisbank", lambda: page.keyboard.press("Alt+KeyK"))
    doe("typ de vraag", lambda: page.keyboard.type("milieustraat"))
    page.locator("#kb-resultaten button").first.wait_for()
    doe("Enter: open het beste artikel", lambda: page.keyboard.press("Enter"))
    page.locator("#kb-artikel:not([hidden])").wait_for()
    assert "dinsdag tot en met zaterdag" in page.inner_text("#kb-artikel")
    assert page.evaluate("document.activeElement.id") == "kb-gebruik"
    doe("Enter: gebruik dit antwoord", lambda: page.keyboard.press("Enter"))
    assert page.input_value("#id_vragen-0-onderwerp") == "Openingstijden milieustraat"
    assert page.input_value("#id_vragen-0-resultaat") == "direct_beantwoord"
    doe("Ctrl+Enter: contact opslaan", lambda: page.keyboard.press("Control+Enter"))
    page.locator(".message").wait_for()
    assert "Het contact is vastgelegd" in page.inner_text(".messages")
    _screenshot(page, "journey-1")

    assert len(interacties) <= 10, interacties
    assert page.fouten == []
    contact = Klantcontact.objects.get()
    vraag = contact.vragen.get()
    assert contact.kanaal == "telefoon" and contact.medewerker == kcc and contact.klant is None
    assert vraag.onderwerp == "Openingstijden milieustraat"
    assert vraag.resultaat == Vraag.Resultaat.DIRECT_BEANTWOORD
    assert vraag.kennisartikel == milieustraat and contact.antwoord_in_kennisbank
    assert milieustraat in contact.geraadpleegde_artikelen.all()
    assert contact.beeindigd_op > contact.gestart_op  # the duration was recorded


@pytest.fixture
def parkeervergunning(jan, zaaktype):
    zaak = zaak_voor(jan, zaaktype, omschrijving="Parkeervergunning Dorpsstraat")
    zaken_services.zaak_status_set(
        actor=Actor.system("test"),
        zaak=zaak,
        statustype=zaaktype.statustypen.get(omschrijving="In behandeling"),
    )
    zaak.refresh_from_db()
    return zaak


def test_journey_2_status_question_bsn_klantbeeld_zaak_status_and_linked_contact(
    open_as, kcc, jan, parkeervergunning
):
    page = open_as(kcc, "/kcc/contact/")
    assert page.evaluate("document.activeElement.id") == "klant-zoek"
    page.keyboard.type(jan.bsn)
    page.keyboard.press("Enter")
    page.locator(".klantkaart").wait_for()
    assert "Jan de Vries" in page.inner_text(".klantkaart")
    # Focus is on the first zaak; open it and read the citizen-facing status and the date.
    assert parkeervergunning.identificatie in page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    zaak = page.locator("details.zaak-regel[open]")
    tekst = zaak.inner_text()
    assert "Uw zaak is in behandeling." in tekst
    assert parkeervergunning.einddatum_gepland.strftime("%d-%m-%Y") in tekst
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Vraag over deze zaak"
    page.keyboard.press("Enter")
    assert page.input_value("#id_vragen-0-resultaat") == "statusinformatie"
    assert "Uw zaak is in behandeling." in page.input_value("#id_vragen-0-antwoord")
    assert parkeervergunning.identificatie in page.inner_text('[data-rol="zaak-koppeling"]')
    page.keyboard.press("Control+Enter")
    page.locator(".message").wait_for()
    _screenshot(page, "journey-2")

    assert page.fouten == []
    contact = Klantcontact.objects.get()
    vraag = contact.vragen.get()
    assert contact.klant == jan and vraag.zaak == parkeervergunning
    assert vraag.resultaat == Vraag.Resultaat.STATUSINFORMATIE
    assert vraag.onderwerp == parkeervergunning.zaaktype.omschrijving


def test_journey_2_through_the_klantbeeld_page(open_as, kcc, jan, parkeervergunning):
    page = open_as(kcc, f"/kcc/klanten/?q={jan.bsn}")
    assert page.url.endswith(f"/kcc/klanten/{jan.uuid}/")  # one BSN: straight to the klantbeeld
    assert "In behandeling" in page.inner_text("#kop-zaken ~ table")
    page.get_by_role(
        "link", name=f"Contact over deze zaak {parkeervergunning.identificatie}"
    ).click()
    klaar(page)
    assert page.input_value("#id_vragen-0-resultaat") == "statusinformatie"
    page.keyboard.press("Control+Enter")
    page.locator(".message").wait_for()
    vraag = Vraag.objects.get()
    assert vraag.zaak == parkeervergunning and vraag.klantcontact.klant == jan


def test_what_was_typed_survives_a_reload(open_as, kcc):
    page = open_as(kcc, "/kcc/contact/")
    page.fill("#id_vragen-0-onderwerp", "Vraag over de buren")
    page.fill("#id_vragen-0-vraag", "De buren maken veel lawaai.")
    page.keyboard.press("Alt+KeyV")
    page.fill("#id_vragen-1-onderwerp", "Tweede vraag")
    page.wait_for_timeout(400)  # the draft is saved 300 ms after typing stops
    page.reload()
    klaar(page)
    assert page.input_value("#id_vragen-0-vraag") == "De buren maken veel lawaai."
    assert page.input_value("#id_vragen-1-onderwerp") == "Tweede vraag"
    assert "teruggezet" in page.inner_text("#contactformulier")
    page.reload()  # restored input is kept again
    klaar(page)
    assert page.input_value("#id_vragen-1-onderwerp") == "Tweede vraag"
    # Once saved, the next screen starts empty.
    page.select_option("#id_vragen-0-resultaat", "doorverbonden")
    page.select_option("#id_vragen-1-resultaat", "doorverbonden")
    page.keyboard.press("Control+Enter")
    page.locator(".message").wait_for()
    klaar(page)
    assert Klantcontact.objects.get().vragen.count() == 2
    assert page.input_value("#id_vragen-0-onderwerp") == ""
    assert page.locator("#id_vragen-1-onderwerp").count() == 0


def test_axe_finds_no_violations_on_the_contact_screen_and_the_klantbeeld(
    open_as, kcc, jan, parkeervergunning, milieustraat, team
):
    KlantcontactFactory(klant=jan, medewerker=kcc)
    TerugbelverzoekFactory(team=team, klant=jan, onderwerp="Bel over de vergunning")
    page = open_as(kcc, "/kcc/contact/")
    _axe(page, "contact-leeg")
    # With a klant, an article and a second question.
    page.fill("#klant-zoek", jan.bsn)
    page.keyboard.press("Enter")
    page.locator(".klantkaart").wait_for()
    page.keyboard.press("Enter")
    page.fill("#kb-zoek", "milieustraat")
    page.locator("#kb-resultaten button").first.wait_for()
    page.keyboard.press("Enter")
    page.locator("#kb-artikel:not([hidden])").wait_for()
    page.keyboard.press("Alt+KeyV")
    page.select_option("#id_vragen-1-resultaat", "terugbelverzoek")
    _axe(page, "contact-gevuld")
    # A validation error.
    page.keyboard.press("Control+Enter")
    page.locator("#foutmeldingen").wait_for()
    assert page.fouten.pop().startswith("400 ")  # the validation error, on purpose
    _axe(page, "contact-fouten")

    page.goto(f"/kcc/klanten/{jan.uuid}/")
    _axe(page, "klantbeeld")
    page.goto("/kcc/overzicht/")
    _axe(page, "start")
    assert page.fouten == []


def test_starting_a_zaak_prefills_the_zaaktype_from_the_onderwerp(open_as, kcc, jan, zaaktype):
    page = open_as(kcc, f"/kcc/contact/?klant={jan.uuid}")
    page.fill("#id_vragen-0-onderwerp", zaaktype.omschrijving)
    page.select_option("#id_vragen-0-resultaat", "zaak_gestart")
    assert page.locator("#id_vragen-0-zaaktype").is_visible()
    assert page.input_value("#id_vragen-0-zaaktype") == zaaktype.identificatie
    assert not page.locator("#id_vragen-0-terugbel_team").is_visible()
    page.keyboard.press("Control+Enter")
    page.locator(".message").wait_for()
    zaak = Vraag.objects.get().zaak
    assert zaak.zaaktype == zaaktype and zaak.rollen.get().klant == jan
