"""The process actions and ZGW writes of the API keep the workflow (processen) in step, exactly as
the staff screens do: the workflow subscribes to the zaak events the services publish."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from viewflow.workflow.status import PROCESS, STATUS

from core.models import AuditRecord
from processen.models import OPEN_STATUSSEN, Stap, Taak, ZaakProces
from tests.api.conftest import CATALOGI, ZAKEN, url
from tests.factories import ZaakFactory
from tests.processen import conftest as processen_conftest
from tests.processen.helpers import claim_en_rond_af, evenement_tot_uitvoering, open_taak, resultaat

pytestmark = pytest.mark.django_db

gemeente = processen_conftest.gemeente

MA_2_MAART = date(2026, 3, 2)


@pytest.fixture
def vandaag(monkeypatch):
    """Set the date the services see as today (the clock is outside the system)."""

    def zet(dag: date):
        monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: dag)

    return zet


def test_api_opschorten_and_hervatten_move_the_tasks_as_the_staff_screen_does(
    api, client, gemeente, vandaag
):
    g = gemeente
    scherm = ZaakFactory(zaaktype=g.parkeer, startdatum=MA_2_MAART)
    via_api = ZaakFactory(zaaktype=g.parkeer, startdatum=MA_2_MAART)
    for zaak in (scherm, via_api):
        assert open_taak(zaak, Stap.BEOORDELING).deadline == date(2026, 3, 9)
    client.force_login(g.vera)

    vandaag(date(2026, 3, 4))
    response = client.post(
        reverse("processen:zaak-actie", args=[scherm.uuid, "opschorten"]),
        {"opschorten-reden": "Wij missen de tekening", "opschorten-wacht_op_aanvrager": "on"},
    )
    assert response.status_code == 302
    response = api.post(
        url(ZAKEN, "zaken", via_api, "opschorten"),
        {"reden": "Wij missen de tekening", "wachtOpAanvrager": True},
        format="json",
    )
    assert response.status_code == 200, response.json()
    for zaak in (scherm, via_api):
        assert open_taak(zaak, Stap.BEOORDELING).opgeschort_sinds == date(2026, 3, 4)

    vandaag(date(2026, 3, 11))
    response = client.post(
        reverse("processen:zaak-actie", args=[scherm.uuid, "hervatten"]),
        {"hervatten-toelichting": ""},
    )
    assert response.status_code == 302
    response = api.post(url(ZAKEN, "zaken", via_api, "hervatten"), {}, format="json")
    assert response.status_code == 200, response.json()

    taken = [open_taak(zaak, Stap.BEOORDELING) for zaak in (scherm, via_api)]
    # waited 5 werkdagen (4 to 11 March): 9 March + 5 werkdagen, on both paths
    assert [t.deadline for t in taken] == [date(2026, 3, 16), date(2026, 3, 16)]
    assert [t.opgeschort_sinds for t in taken] == [None, None]
    assert (
        taken[0].data["opgeschort"] == taken[1].data["opgeschort"] == [["2026-03-04", "2026-03-11"]]
    )
    scherm.refresh_from_db()
    via_api.refresh_from_db()
    assert scherm.uiterlijke_einddatum_afdoening == via_api.uiterlijke_einddatum_afdoening


def test_the_zgw_opschorting_attribute_stops_and_restarts_the_task_clock(api, gemeente, vandaag):
    zaak = ZaakFactory(zaaktype=gemeente.parkeer, startdatum=MA_2_MAART)
    vandaag(date(2026, 3, 4))
    response = api.patch(
        url(ZAKEN, "zaken", zaak),
        {"opschorting": {"indicatie": True, "reden": "Wacht op aanvrager"}},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert open_taak(zaak, Stap.BEOORDELING).opgeschort_sinds == date(2026, 3, 4)
    vandaag(date(2026, 3, 6))
    response = api.patch(
        url(ZAKEN, "zaken", zaak), {"opschorting": {"indicatie": False, "reden": ""}}, format="json"
    )
    assert response.status_code == 200
    taak = open_taak(zaak, Stap.BEOORDELING)
    assert (taak.opgeschort_sinds, taak.deadline) == (None, date(2026, 3, 11))


def test_closing_a_zaak_through_the_api_ends_its_workflow(api, gemeente):
    g = gemeente
    zaak = evenement_tot_uitvoering(g)
    assert Taak.objects.filter(zaak=zaak, status__in=OPEN_STATUSSEN).count() == 3
    response = api.post(
        f"{ZAKEN}/resultaten",
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "resultaattype": url(CATALOGI, "resultaattypen", resultaat(g.evenement)),
        },
        format="json",
    )
    assert response.status_code == 201, response.json()["invalidParams"]
    eind = g.evenement.statustypen.order_by("-volgnummer").first()
    response = api.post(
        f"{ZAKEN}/statussen",
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "statustype": url(CATALOGI, "statustypen", eind),
            "datumStatusGezet": timezone.now().isoformat(),
        },
        format="json",
    )
    assert response.status_code == 201, response.json()["invalidParams"]
    zaak.refresh_from_db()
    assert zaak.einddatum is not None
    assert not Taak.objects.filter(zaak=zaak, status__in=OPEN_STATUSSEN).exists()
    assert set(
        Taak.objects.filter(zaak=zaak, stap=Stap.UITVOERING).values_list("status", flat=True)
    ) == {STATUS.CANCELED}
    proces = ZaakProces.objects.get(zaak=zaak)
    assert proces.status == PROCESS.CANCELED
    assert AuditRecord.objects.filter(
        zaak_uuid=zaak.uuid, actie_weergave="Proces beëindigd", applicatie="alles", bron="api"
    ).exists()


def test_reopening_through_the_api_starts_a_new_run_at_the_besluit(api, gemeente):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer, closed=True)
    besluit_genomen = g.parkeer.statustypen.get(omschrijving="Besluit genomen")
    response = api.post(
        f"{ZAKEN}/statussen",
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "statustype": url(CATALOGI, "statustypen", besluit_genomen),
            "datumStatusGezet": timezone.now().isoformat(),
        },
        format="json",
        HTTP_X_AUDIT_TOELICHTING="Nieuw feit",
    )
    assert response.status_code == 201, response.json()
    lopend = ZaakProces.objects.get(zaak=zaak, status=PROCESS.NEW)
    assert open_taak(zaak, Stap.BESLUIT).process == lopend


def test_politiek_gevoelig_through_the_api_appoints_a_klantregisseur(api, gemeente):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer)
    response = api.post(
        url(ZAKEN, "zaken", zaak, "politiek-gevoelig"),
        {"reden": "Raadsvragen over parkeerbeleid"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    zaak.refresh_from_db()
    assert zaak.klantregisseur in (g.renee, g.rachid)
    assert response.json()["klantregisseur"]["identificatie"] == zaak.klantregisseur.username
    record = AuditRecord.objects.get(
        zaak_uuid=zaak.uuid, actie_weergave="Klantregisseur aangewezen"
    )
    assert (record.bron, record.applicatie) == ("api", "alles")
    # the informing step later goes to that klantregisseur
    claim_en_rond_af(g.vera, open_taak(zaak, Stap.BEOORDELING), besluit="besluiten")
    from processen.services import taak_besluiten
    from tests.processen.helpers import actor

    taak_besluiten(
        actor=actor(g.vera), taak=open_taak(zaak, Stap.BESLUIT), resultaattype=resultaat(g.parkeer)
    )
    assert open_taak(zaak, Stap.INFORMEREN).owner == zaak.klantregisseur


def test_a_klantregisseur_set_through_the_api_takes_over_the_informing_step(api, gemeente):
    from processen.services import taak_besluiten
    from tests.processen.helpers import actor

    g = gemeente
    zaak = ZaakFactory(zaaktype=g.evenement)
    zaak.refresh_from_db()
    eerste = zaak.klantregisseur
    andere = g.rachid if eerste == g.renee else g.renee
    claim_en_rond_af(g.vera, open_taak(zaak, Stap.BEOORDELING), besluit="besluiten")
    taak_besluiten(
        actor=actor(g.vera),
        taak=open_taak(zaak, Stap.BESLUIT),
        resultaattype=resultaat(g.evenement),
    )
    assert open_taak(zaak, Stap.INFORMEREN).owner == eerste
    response = api.post(
        url(ZAKEN, "zaken", zaak, "klantregisseur"),
        {"klantregisseur": andere.username, "reden": "Vakantie"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert open_taak(zaak, Stap.INFORMEREN).owner == andere


def test_a_zaak_created_through_the_api_enters_the_flow(api, gemeente):
    response = api.post(
        f"{ZAKEN}/zaken",
        {
            "zaaktype": url(CATALOGI, "zaaktypen", gemeente.parkeer),
            "bronorganisatie": "002220647",
            "verantwoordelijkeOrganisatie": "002220647",
            "startdatum": "2026-03-02",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    taak = Taak.objects.get(zaak__uuid=response.json()["uuid"], stap=Stap.BEOORDELING)
    assert (taak.team, taak.deadline) == (gemeente.vergunningen, date(2026, 3, 9))


def test_deleting_a_zaak_through_the_api_takes_its_process_along(api, gemeente):
    zaak = evenement_tot_uitvoering(gemeente)
    assert api.delete(url(ZAKEN, "zaken", zaak)).status_code == 204
    assert not ZaakProces.objects.filter(zaak_id=zaak.pk).exists()
    assert not Taak.objects.filter(zaak_id=zaak.pk).exists()


def test_the_klantregisseur_endpoint_keeps_the_staff_rules(api, gemeente):
    """Only a klantregisseur of a klantregie team can hold the informing step; a zaak keeps its
    klantregisseur (another one can be appointed, with a reason), as on the staff screen."""
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.evenement)
    zaak.refresh_from_db()
    eerste = zaak.klantregisseur
    endpoint = url(ZAKEN, "zaken", zaak, "klantregisseur")
    geen_regisseur = api.post(
        endpoint, {"klantregisseur": g.vera.username, "reden": "Vakantie"}, format="json"
    )
    assert geen_regisseur.status_code == 400
    assert geen_regisseur.json()["invalidParams"][0]["name"] == "klantregisseur"
    weghalen = api.post(endpoint, {"klantregisseur": None, "reden": "Klaar"}, format="json")
    assert weghalen.status_code == 400
    assert weghalen.json()["invalidParams"][0]["name"] == "klantregisseur"
    zonder_reden = api.post(endpoint, {"klantregisseur": g.rachid.username}, format="json")
    assert zonder_reden.status_code == 400
    assert zonder_reden.json()["invalidParams"][0]["name"] == "reden"
    zaak.refresh_from_db()
    assert zaak.klantregisseur == eerste
