"""Journey 5 of PRODUCT.md in a real browser: an evenementenvergunning of Evenementen BV De
Brink; the teams do their parts in parallel, the klantregisseur follows every task and closes
the zaak. Playwright with Debian's Chromium, on the demo municipality."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()
        # Queries made inside Playwright's greenlet context use their own connection: close it,
        # or the test database cannot be dropped afterwards.
        from django.db import connections

        connections.close_all()


class Medewerker:
    def __init__(self, browser, base_url):
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.base_url = base_url

    def inloggen(self, username):
        page = self.page
        page.context.clear_cookies()
        page.goto(f"{self.base_url}/inloggen/")
        page.fill("#id_username", username)
        page.fill("#id_password", "demo")
        page.click("main button[type=submit]")
        page.wait_for_url(f"{self.base_url}/werk/")  # a medewerker lands on the werkvoorraad

    def team_tab(self, naam):
        self.page.get_by_role("navigation", name="Welke taken").get_by_role(
            "link", name=naam, exact=True
        ).click()

    def rij(self, identificatie, stap):
        return (
            self.page.locator("table.werkvoorraad tbody tr")
            .filter(has_text=identificatie)
            .filter(has_text=stap)
        )

    def oppakken(self, identificatie, stap):
        self.rij(identificatie, stap).get_by_role("button", name="Oppakken").click()
        self.page.get_by_text("U heeft de taak opgepakt.").wait_for()

    def afronden(self):
        self.page.get_by_role("button", name="Afronden").click()
        self.page.locator(".message").first.wait_for()

    def geen_axe_fouten(self):
        axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()
        result = axe.run(
            self.page,
            options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}},
        )
        assert result.violations_count == 0, result.generate_report()

    def foto(self, naam):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"journey5-{naam}.png"), full_page=True)


def test_journey_5_multi_team_zaak_with_klantregisseur(browser, live_server):
    from core.actor import Actor
    from klantregie.models import Klant
    from organisatie.models import User
    from zaken import services
    from zaken.models import Zaak, Zaaktype

    call_command("seed_demo", force=True)
    brink = Klant.objects.get(kvk_nummer="68750110")
    zaak = services.zaak_create(
        actor=Actor.for_user(User.objects.get(username="kcc")),
        zaaktype=Zaaktype.objects.get(identificatie="EVENEMENTENVERGUNNING", concept=False),
        omschrijving="Kermis op de Brink",
        initiator=services.Betrokkene.van_klant(brink),
        eigenschappen={"datum_evenement": "2027-06-01", "bezoekers": "5000"},
    )
    zaak.refresh_from_db()
    nummer = zaak.identificatie
    regisseur = zaak.klantregisseur
    assert regisseur is not None and regisseur.username in ("regisseur", "regisseur2")

    m = Medewerker(browser, live_server.url)

    # 2e lijn: Vergunningen assesses and asks the three teams for their part.
    m.inloggen("vergunningen")
    m.team_tab("Vergunningen")
    m.geen_axe_fouten()
    m.oppakken(nummer, "Beoordeling")
    m.geen_axe_fouten()
    m.page.get_by_label("Advies en uitvoering door de betrokken teams", exact=False).check()
    m.page.get_by_label("Toelichting").fill("Groot evenement: advies van OOV en Verkeer nodig.")
    m.afronden()
    m.foto("1-beoordeling")

    # 3e lijn: each team does its part, in its own werkvoorraad.
    for username, team, advies in (
        ("vergunningen", "Vergunningen", "Vergunning kan met voorwaarden."),
        ("oov", "Openbare Orde & Veiligheid", "Akkoord met 6 beveiligers."),
        ("verkeer", "Verkeer", "Brink afsluiten van 08:00 tot 24:00."),
    ):
        m.inloggen(username)
        m.team_tab(team)
        m.oppakken(nummer, "Advies en uitvoering")
        m.page.get_by_label("Advies of verslag").fill(advies)
        m.afronden()
        if username == "oov":
            # meanwhile the klantregisseur sees every task of the zaak, across teams
            m.inloggen(regisseur.username)
            m.team_tab("Mijn regiezaken")
            rijen = m.page.locator("table.werkvoorraad tbody tr").filter(has_text=nummer)
            assert rijen.filter(has_text="Verkeer").count() == 1
            assert rijen.filter(has_text="Vergunningen").count() == 0  # Vergunningen is done
            m.foto("2-regiezaken")

    # The join: one besluit, for whoever assessed the zaak.
    m.inloggen("vergunningen")
    m.rij(nummer, "Besluit").get_by_role("link", name="Besluit").click()
    body = m.page.content()
    for advies in ("Akkoord met 6 beveiligers.", "Brink afsluiten"):
        assert advies in body  # the advice of the teams, in the process history
    m.page.get_by_label("Resultaat").select_option(label="Verleend")
    m.afronden()

    # The klantregisseur informs the organiser and closes the zaak.
    m.inloggen(regisseur.username)
    m.rij(nummer, "Aanvrager informeren").get_by_role("link", name="Aanvrager informeren").click()
    m.page.get_by_label("Wat heeft u de aanvrager laten weten?").fill(
        "Vergunning verleend; de voorwaarden staan in de brief."
    )
    m.afronden()
    m.page.goto(f"{live_server.url}/zaken/{zaak.uuid}/")
    m.foto("3-zaak-afgesloten")
    historie = m.page.locator("ol.timeline").inner_text()
    for status in (
        "Ontvangen",
        "In behandeling",
        "Advies gevraagd",
        "Besluit genomen",
        "Afgehandeld",
    ):
        assert status in historie
    proces = m.page.locator("section.proces-panel").inner_text()
    assert "Aanvrager geïnformeerd, zaak afgesloten" in proces
    assert str(regisseur) in proces

    zaak = Zaak.objects.get(pk=zaak.pk)
    assert zaak.einddatum is not None
    assert zaak.resultaat.resultaattype.omschrijving == "Verleend"
