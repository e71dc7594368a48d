"""A ZGW client registers a zaak (POST /zaken, then its initiator with POST /rollen): the
requests only record the letter; rendering waits for the worker that delivers the outbox."""

from unittest import mock

import pytest

from brieven import services
from brieven.models import Brief
from core.models import OutboxMessage
from core.outbox import outbox_deliver
from tests.api.conftest import CATALOGI, ZAKEN, alle_rechten, api, url  # noqa: F401  (fixtures)

pytestmark = pytest.mark.usefixtures("brieven_aan")


def test_api_requests_do_not_render_the_letter(
    api,  # noqa: F811
    brief_zaaktype,
    django_capture_on_commit_callbacks,
    monkeypatch,
):
    def niet_in_het_verzoek(html):
        raise AssertionError("a PDF was rendered inside the API request")

    monkeypatch.setattr(services, "render_pdf", niet_in_het_verzoek)
    with (
        mock.patch("core.tasks.outbox_deliver.delay") as naar_de_broker,
        django_capture_on_commit_callbacks(execute=True),
    ):
        zaak = api.post(
            f"{ZAKEN}/zaken",
            {
                "zaaktype": url(CATALOGI, "zaaktypen", brief_zaaktype),
                "bronorganisatie": "002220647",
                "verantwoordelijkeOrganisatie": "002220647",
                "startdatum": "2026-03-02",
                "omschrijving": "Parkeervergunning via de API",
            },
            format="json",
        )
        assert zaak.status_code == 201, zaak.json()
        rol = api.post(
            f"{ZAKEN}/rollen",
            {
                "zaak": zaak.json()["url"],
                "betrokkeneType": "natuurlijk_persoon",
                "roltype": url(
                    CATALOGI,
                    "roltypen",
                    brief_zaaktype.roltypen.get(omschrijving_generiek="initiator"),
                ),
                "roltoelichting": "Aanvrager",
                "betrokkeneIdentificatie": {
                    "inpBsn": "999993653",
                    "geslachtsnaam": "Vries",
                    "voorvoegselGeslachtsnaam": "de",
                    "voornamen": "Jan",
                },
            },
            format="json",
        )
        assert rol.status_code == 201, rol.json()
    assert naar_de_broker.called
    bericht = OutboxMessage.objects.get(soort="brief")
    assert bericht.verzonden_op is None
    assert not Brief.objects.exists()

    # The worker delivers it.
    monkeypatch.undo()
    outbox_deliver()
    brief = Brief.objects.get()
    assert brief.document is not None
    from core.pdf import pdf_text

    assert "Jan de Vries" in pdf_text(brief.document.inhoud.open("rb").read())
