"""Browser tests in Chromium (Playwright).

Acceptance 2: keyboard only — demo login → mijn zaken → zaak detail with the timeline → upload a
PDF → ask a question (first with an empty form, then with a text) → Mijn vragen. Screenshots are
kept in test-artifacts/pip/.
Acceptance 3: axe-core finds zero WCAG 2.1 A/AA violations on every PIP page."""

import functools
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import RequestFactory

from core import views as core_views
from core.models import Signaal
from klantregie.models import Vraag
from zaken.models import Document, Zaak

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTEFACTEN = Path(__file__).resolve().parents[2] / "test-artifacts" / "pip"
CHROMIUM = "/usr/bin/chromium"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def demo(db):
    call_command("seed_demo", force=True, stdout=open(os.devnull, "w"))  # noqa: SIM115


def _tab_naar(page, selector: str, max_tabs: int = 60, terug: bool = False) -> None:
    """Press Tab (Shift+Tab when `terug`) until the element matching `selector` has the focus."""
    for _ in range(max_tabs):
        page.keyboard.press("Shift+Tab" if terug else "Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _shot(page, naam: str) -> None:
    page.screenshot(path=str(ARTEFACTEN / f"{naam}.png"), full_page=True)


def test_keyboard_only_journey(browser, live_server, demo, tmp_path):
    pdf = tmp_path / "bouwtekening.pdf"
    from pip.demo import eenvoudige_pdf

    pdf.write_bytes(eenvoudige_pdf(["Bouwtekening dakkapel", "Schaal 1:100"]))
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    # Let Playwright intercept the file dialog from the start (enabling it lazily races).
    page.on("filechooser", lambda _keuze: None)
    page.goto(f"{live_server.url}/pip/inloggen/")
    _shot(page, "01-inloggen")

    # The skip link is the first stop and takes the focus to the content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"

    # Demo login: pick Jan de Vries with the keyboard.
    _tab_naar(page, "input[name='digid-persoon']")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.value") == "999993653"
    _tab_naar(page, "form[action$='/demo/digid/'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pip/zaken/")
    assert page.locator("h1").inner_text() == "Mijn zaken"
    assert page.get_by_text("Actie nodig").count() >= 1
    _shot(page, "02-mijn-zaken")

    # Open the opgeschorte omgevingsvergunning.
    zaak = Zaak.objects.get(identificatie="ZAAK-DEMO-0002")
    _tab_naar(page, f"a[href='/pip/zaken/{zaak.uuid}/']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/pip/zaken/{zaak.uuid}/")
    tijdlijn = page.locator(".zs-tijdlijn")
    assert tijdlijn.locator("[aria-current=step]").inner_text().startswith("In behandeling")
    assert "Volgende stap" in tijdlijn.inner_text()
    _shot(page, "03-zaak-detail")

    # Upload a PDF: choose the type, name it, pick the file, send — all with the keyboard.
    _tab_naar(page, f"a[href='/pip/zaken/{zaak.uuid}/uploaden/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/uploaden/")
    _tab_naar(page, "select[name=informatieobjecttype]")
    page.keyboard.type("Bijlage")
    assert page.evaluate("document.activeElement.selectedOptions[0].text") == "Bijlage"
    _tab_naar(page, "input[name=titel]")
    page.keyboard.type("Bouwtekening")
    _tab_naar(page, "input[name=inhoud]")
    with page.expect_file_chooser() as keuze:
        page.keyboard.press("Space")
    keuze.value.set_files(str(pdf))
    _shot(page, "04-upload")
    _tab_naar(page, "form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/pip/zaken/{zaak.uuid}/#documenten")
    assert "Uw document 'Bouwtekening' is toegevoegd" in page.locator(".zs-meldingen").inner_text()
    assert "Bouwtekening" in page.locator("#documenten").inner_text()
    _shot(page, "05-na-upload")

    document = Document.objects.get(titel="Bouwtekening")
    assert document.formaat == "application/pdf" and document.bron == "aanvrager"
    assert Signaal.objects.filter(zaak_uuid=zaak.uuid).exists()  # the behandelaar was told

    # Ask a question: the button is in the section above the documents (Shift+Tab back to it).
    _tab_naar(page, f"a[href='/pip/zaken/{zaak.uuid}/vraag/']", terug=True)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/pip/zaken/{zaak.uuid}/vraag/")
    assert page.locator("h1").inner_text() == "Stel een vraag over uw zaak"
    # Sent empty: the error summary gets the focus and leads to the field.
    _tab_naar(page, "main form.zs-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.locator(".zs-foutoverzicht").wait_for()
    assert page.evaluate("document.activeElement.classList.contains('zs-foutoverzicht')")
    assert "Schrijf uw vraag." in page.locator(".zs-foutoverzicht").inner_text()
    _shot(page, "06-vraag-met-fout")
    _tab_naar(page, "textarea[name=vraag]")
    vraag_tekst = "Is de bouwtekening zo goed, of hebben jullie nog iets nodig?"
    page.keyboard.type(vraag_tekst)
    _shot(page, "07-vraag-stellen")
    _tab_naar(page, "main form.zs-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/pip/zaken/{zaak.uuid}/#vragen")
    assert "Uw vraag is verstuurd." in page.locator(".zs-meldingen").inner_text()
    vragen = page.locator("#vragen").inner_text()
    assert vraag_tekst in vragen and "Wacht op antwoord" in vragen
    _shot(page, "08-na-vraag")
    vraag = Vraag.objects.get(vraag=vraag_tekst)
    assert vraag.klantcontact.kanaal == "website" and vraag.zaak_id == zaak.pk
    assert vraag.toegewezen_aan == zaak.klantregisseur  # Renée Smit, the klantregisseur

    # Mijn vragen, through the navigation.
    page.keyboard.press("Home")
    _tab_naar(page, "a.zs-nav__link[href='/pip/vragen/']", terug=True)
    page.keyboard.press("Enter")
    page.wait_for_url("**/pip/vragen/")
    assert page.locator("h1").inner_text() == "Mijn vragen"
    assert vraag_tekst in page.locator(".zs-vragenlijst").inner_text()
    _shot(page, "09-mijn-vragen")
    page.close()


def test_session_warning_appears_before_the_timeout_and_can_be_dismissed(
    browser, live_server, demo, settings
):
    settings.PIP_SESSIE_IDLE_SECONDEN = 8
    settings.PIP_SESSIE_WAARSCHUWING_SECONDEN = 4
    page = browser.new_page(locale="nl-NL")
    page.goto(f"{live_server.url}/pip/inloggen/")
    page.check("#id_digid-persoon_0")
    page.get_by_role("button", name="Inloggen als inwoner (demo)").click()
    page.wait_for_url("**/pip/zaken/")
    dialoog = page.locator("#sessie-dialoog")
    dialoog.wait_for(state="visible", timeout=5000)
    assert page.evaluate("document.activeElement.textContent") == "Ingelogd blijven"
    _shot(page, "10-sessie-waarschuwing")
    page.keyboard.press("Enter")
    dialoog.wait_for(state="hidden", timeout=5000)
    # Without activity the page goes to the server, which has ended the session by then.
    page.wait_for_url("**/pip/inloggen/**", timeout=15000)
    assert "niets heeft gedaan" in page.locator(".zs-meldingen").inner_text()
    page.close()


def _serveer_500(route, *_args, body: str) -> None:
    route.fulfill(status=500, body=body, content_type="text/html")


def _axe(page, naam: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    resultaat = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    _shot(page, f"axe-{naam}")
    assert resultaat.violations_count == 0, f"{naam}:\n{resultaat.generate_report()}"


def test_axe_finds_no_violations_on_any_pip_page(browser, live_server, demo):
    base = live_server.url
    open_zaak = Zaak.objects.get(identificatie="ZAAK-DEMO-0002")
    dicht = Zaak.objects.get(identificatie="ZAAK-DEMO-0003")
    met_antwoord = Zaak.objects.get(identificatie="ZAAK-DEMO-0001")
    open_vraag = Vraag.objects.get(zaak=open_zaak, klantcontact__kanaal="website")
    beantwoord = Vraag.objects.get(zaak=met_antwoord, klantcontact__kanaal="website")
    for breedte, hoogte, soort in ((1280, 900, "desktop"), (375, 740, "mobiel")):
        context = browser.new_context(viewport={"width": breedte, "height": hoogte}, locale="nl-NL")
        page = context.new_page()
        page.goto(f"{base}/pip/inloggen/")
        _axe(page, f"{soort}-inloggen")
        page.get_by_role("button", name="Inloggen als inwoner (demo)").click()
        _axe(page, f"{soort}-inloggen-met-fouten")
        page.check("#id_digid-persoon_0")
        page.get_by_role("button", name="Inloggen als inwoner (demo)").click()
        page.wait_for_url("**/pip/zaken/")
        pages = [
            ("mijn-zaken", "/pip/zaken/"),
            ("mijn-zaken-gezocht", "/pip/zaken/?zoek=bestaatniet"),
            ("zaak-opgeschort", f"/pip/zaken/{open_zaak.uuid}/"),
            ("zaak-afgerond", f"/pip/zaken/{dicht.uuid}/"),
            ("zaak-met-antwoord", f"/pip/zaken/{met_antwoord.uuid}/"),
            ("upload", f"/pip/zaken/{open_zaak.uuid}/uploaden/"),
            ("vraag-stellen", f"/pip/zaken/{open_zaak.uuid}/vraag/"),
            ("mijn-vragen", "/pip/vragen/"),
            ("vraag-open", f"/pip/vragen/{open_vraag.uuid}/"),
            ("vraag-beantwoord", f"/pip/vragen/{beantwoord.uuid}/"),
            ("aanvragen", "/pip/aanvragen/"),
            ("aanvraag", "/pip/aanvragen/EVENEMENTENVERGUNNING/"),
            ("voorkeuren", "/pip/voorkeuren/"),
            ("404", "/pip/bestaat-niet/"),
        ]
        for naam, pad in pages:
            page.goto(base + pad)
            _axe(page, f"{soort}-{naam}")
        # forms with errors
        page.goto(f"{base}/pip/zaken/{open_zaak.uuid}/uploaden/")
        page.get_by_role("button", name="Document versturen").click()
        _axe(page, f"{soort}-upload-met-fouten")
        page.goto(f"{base}/pip/zaken/{open_zaak.uuid}/vraag/")
        page.get_by_role("button", name="Vraag versturen").click()
        _axe(page, f"{soort}-vraag-met-fouten")
        page.fill("#id_vraag", f"Vraag op {soort}: kan ik langskomen?")
        page.get_by_role("button", name="Vraag versturen").click()
        page.wait_for_url("**/#vragen")
        _axe(page, f"{soort}-na-vraag")
        page.goto(f"{base}/pip/aanvragen/EVENEMENTENVERGUNNING/")
        page.fill("#id_eigenschap_datum_evenement", "morgen")
        page.get_by_role("button", name="Aanvraag versturen").click()
        _axe(page, f"{soort}-aanvraag-met-fouten")
        page.fill("#id_omschrijving", "Buurtfeest")
        page.fill("#id_eigenschap_datum_evenement", "2027-06-01")
        page.get_by_role("button", name="Aanvraag versturen").click()
        page.wait_for_url("**/aanvragen/ontvangen/**")
        _axe(page, f"{soort}-ontvangstbevestiging")
        page.goto(f"{base}/pip/voorkeuren/")
        page.fill("#id_email", "geen-adres")
        page.get_by_role("button", name="Opslaan").click()
        _axe(page, f"{soort}-voorkeuren-met-fouten")
        # the session warning dialog
        page.goto(f"{base}/pip/zaken/")
        page.evaluate("document.getElementById('sessie-dialoog').showModal()")
        _axe(page, f"{soort}-sessie-waarschuwing")
        # the server error page, served at a PIP address
        foutpagina = core_views.error_500(RequestFactory().get("/pip/zaken/")).content.decode()
        page.route(f"{base}/pip/fout/", functools.partial(_serveer_500, body=foutpagina))
        page.goto(f"{base}/pip/fout/")
        _axe(page, f"{soort}-500")
        # logged out
        page.goto(f"{base}/pip/zaken/")
        page.locator("header").get_by_role("button", name="Uitloggen").click()
        page.wait_for_url("**/pip/uitgelogd/")
        _axe(page, f"{soort}-uitgelogd")
        context.close()
    # a medewerker on the PIP
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(f"{base}/inloggen/")
    page.fill("#id_username", "vergunningen")
    page.fill("#id_password", "demo")
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    page.goto(f"{base}/pip/zaken/")
    assert "Mijn zaken is voor inwoners en ondernemers" in page.content()
    _axe(page, "medewerker-geen-toegang")
    context.close()
