"""Acceptance point 5: the dashboard on the demo data in a real browser (Playwright with
Debian's Chromium). Every chart has data marks; the screenshot is saved for a human look."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
SCREENSHOT = Path("var/screenshots/dashboard.png")


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
        from django.db import connections

        connections.close_all()


def test_dashboard_on_demo_data_shows_every_chart_populated(browser, live_server):
    call_command("seed_demo", force=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{live_server.url}/inloggen/")
    page.fill("#id_username", "manager")
    page.fill("#id_password", "demo")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/management/")  # the manager lands on the dashboard
    page.get_by_role("heading", name="Managementdashboard").wait_for()

    grafieken = page.locator("svg.grafiek")
    assert grafieken.count() == 3
    for i in range(grafieken.count()):
        grafiek = grafieken.nth(i)
        assert grafiek.get_attribute("role") == "img"
        assert grafiek.locator(".mark").count() > 0, grafiek.get_attribute("aria-label")
    sparklines = page.locator("svg.sparkline")
    assert sparklines.count() >= 10
    for i in range(sparklines.count()):
        assert sparklines.nth(i).locator(".mark").count() > 0
    # Each chart has its table alternative.
    assert page.locator("details table").count() >= 4
    assert page.get_by_text("Norm niet gehaald").count() + page.get_by_text("Norm gehaald").count() >= 9  # fmt: skip
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    page.get_by_role("link", name="Bekijk de lijst bij Openstaande zaken over de termijn").click()
    page.get_by_role("heading", name="Open zaken over de termijn").wait_for()
    assert page.locator("tbody tr").count() > 0
