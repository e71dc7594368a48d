"""The zaakdossier: staff with access download it from the zaak detail page (audited), others
get 404; the zaak detail page shows the letters in a fixed number of queries."""

import pytest
from django.urls import reverse

from brieven.models import Brief
from core.actor import Actor
from core.models import AuditRecord
from core.outbox import outbox_deliver
from core.pdf import pdf_text
from tests.brieven.test_brieven import _jan_zaak
from tests.factories import KlantcontactFactory, TeamFactory, UserFactory, ZaakFactory
from zaken import services as zaken_services

pytestmark = pytest.mark.usefixtures("brieven_aan")


@pytest.fixture
def zaak(brief_zaaktype, vakspecialist):
    zaak = _jan_zaak(brief_zaaktype)
    actor = Actor.for_user(vakspecialist)
    zaken_services.notitie_add(
        actor=actor, zaak=zaak, onderwerp="Intern", tekst="Buurman belde: bouwtekening volgt."
    )
    zaken_services.zaak_status_set(
        actor=actor,
        zaak=zaak,
        statustype=brief_zaaktype.statustypen.get(volgnummer=2),
        toelichting="Beoordeling gestart",
    )
    outbox_deliver()
    return zaak


def test_staff_with_access_download_the_dossier_and_it_is_audited(client, zaak, vakspecialist):
    from klantregie.services import VraagInvoer

    kcc = UserFactory(rol="kcc-medewerker", teams=[TeamFactory(code="kcc", lijn=1)])
    KlantcontactFactory(
        medewerker=kcc,
        klant=zaak.rollen.get().klant,
        vragen=[
            VraagInvoer(
                onderwerp="Stand van zaken parkeervergunning",
                vraag="Wanneer hoor ik iets?",
                antwoord="Binnen vier weken.",
                resultaat="statusinformatie",
                zaak=zaak,
            )
        ],
    )
    client.force_login(vakspecialist)
    pagina = client.get(reverse("zaken:detail", args=[zaak.uuid])).content.decode()
    url = reverse("brieven:zaakdossier", args=[zaak.uuid])
    assert url in pagina and "Ontvangstbevestiging" in pagina

    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"zaakdossier-{zaak.identificatie}.pdf" in response["Content-Disposition"]
    tekst = " ".join(pdf_text(response.content).split())
    assert f"Zaakdossier {zaak.identificatie}" in tekst
    assert "Gemeente Voorbeeldstad" in tekst
    assert "Jan de Vries" in tekst
    assert "Beoordeling gestart" in tekst  # status history
    assert "Ontvangstbevestiging" in tekst  # documents and letters
    assert "Buurman belde: bouwtekening volgt." in tekst  # internal notes: staff only
    assert "Stand van zaken parkeervergunning" in tekst  # klantcontacten about the zaak
    assert AuditRecord.objects.filter(
        zaak_uuid=zaak.uuid,
        actie=AuditRecord.Actie.LEZEN,
        gebruiker=vakspecialist,
        toelichting="Zaakdossier (PDF) gedownload",
    ).exists()


def test_no_dossier_without_access(client, zaak):
    andere = UserFactory(rol="vakspecialist", teams=[TeamFactory(code="verkeer")])
    client.force_login(andere)
    assert client.get(reverse("brieven:zaakdossier", args=[zaak.uuid])).status_code == 404
    assert not AuditRecord.objects.filter(
        zaak_uuid=zaak.uuid, toelichting="Zaakdossier (PDF) gedownload"
    ).exists()


def test_no_dossier_in_the_restricted_view_of_a_confidential_zaak(client, team):
    from tests.brieven.conftest import met_briefsoorten
    from tests.factories import ZaaktypeFactory

    zaaktype = met_briefsoorten(
        ZaaktypeFactory(verantwoordelijk_team=team, vertrouwelijkheidaanduiding="geheim")
    )
    zaak = ZaakFactory(zaaktype=zaaktype)
    kcc = UserFactory(rol="kcc-medewerker", teams=[TeamFactory(code="kcc", lijn=1)])
    client.force_login(kcc)
    assert client.get(reverse("zaken:detail", args=[zaak.uuid])).status_code == 200
    assert client.get(reverse("brieven:zaakdossier", args=[zaak.uuid])).status_code == 404


def test_burgers_and_anonymous_users_get_no_dossier(client, zaak):
    url = reverse("brieven:zaakdossier", args=[zaak.uuid])
    assert client.get(url).status_code == 302  # to the staff login
    from tests.factories import BurgerFactory

    client.force_login(BurgerFactory(bsn="999993653"))
    assert client.get(url).status_code in (403, 404)


def test_zaak_detail_with_letters_runs_a_fixed_number_of_queries(
    client, brief_zaaktype, vakspecialist, django_assert_max_num_queries
):
    een = _jan_zaak(brief_zaaktype)
    outbox_deliver()
    client.force_login(vakspecialist)
    client.get(reverse("zaken:detail", args=[een.uuid]))  # warm caches (permissions, session)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as basis:
        client.get(reverse("zaken:detail", args=[een.uuid]))
    veel = ZaakFactory(zaaktype=brief_zaaktype, closed=True)
    for nr in range(4):
        zaken_services.zaak_reopen(actor=Actor.system("t"), zaak=veel, reden=f"r{nr}")
        veel = zaken_services.zaak_close(
            actor=Actor.system("t"),
            zaak=veel,
            resultaattype=brief_zaaktype.resultaattypen.get(omschrijving="Verleend"),
        )
    outbox_deliver()
    assert Brief.objects.filter(zaak=veel).count() == 6
    with django_assert_max_num_queries(len(basis.captured_queries) + 2):
        response = client.get(reverse("zaken:detail", args=[veel.uuid]))
    assert response.content.decode().count("Afhandelbrief / besluit") == 5


def test_dossier_runs_a_fixed_number_of_queries(
    client, zaak, vakspecialist, django_assert_max_num_queries
):
    client.force_login(vakspecialist)
    url = reverse("brieven:zaakdossier", args=[zaak.uuid])
    client.get(url)
    for nr in range(5):
        zaken_services.notitie_add(
            actor=Actor.for_user(vakspecialist), zaak=zaak, tekst=f"Notitie {nr}"
        )
    with django_assert_max_num_queries(30):
        assert client.get(url).status_code == 200


def test_the_dossier_lists_the_zaaks_terugbelverzoeken(client, zaak, vakspecialist):
    """Read through klantregie's selector: shown to staff with the right to see them."""
    from tests.factories import TerugbelverzoekFactory

    TerugbelverzoekFactory(
        onderwerp="Bel terug over de bouwtekening",
        team=vakspecialist.teams.first(),
        klant=zaak.rollen.get().klant,
        zaak=zaak,
    )
    client.force_login(vakspecialist)
    response = client.get(reverse("brieven:zaakdossier", args=[zaak.uuid]))
    tekst = " ".join(pdf_text(response.content).split())
    assert "Bel terug over de bouwtekening" in tekst
