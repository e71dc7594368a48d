"""The flow: every zaak enters it, the routes by configuration, the multi-team join, and what
happens when a zaak is closed or reopened outside the flow."""

import threading

import pytest
from django.db import connection
from viewflow.workflow.status import PROCESS, STATUS

from core.actor import Actor
from processen import services
from processen.flows import ZaakFlow
from processen.models import Stap, Taak, ZaakProces
from processen.selectors import TEAM, WerkvoorraadFilters, werkvoorraad
from tests.factories import ZaakFactory
from tests.processen.helpers import (
    actor,
    claim_en_rond_af,
    evenement_tot_uitvoering,
    open_taak,
    resultaat,
)
from zaken import services as zaken_services
from zaken.models import RolOmschrijving

pytestmark = pytest.mark.django_db


def _teamvoorraad(user, team):
    from datetime import date

    return list(
        werkvoorraad(
            user,
            WerkvoorraadFilters(weergave=TEAM, team=team.pk),
            vandaag=date.today(),
            binnenkort_tot=date.today(),
        )
    )


def test_every_zaak_enters_the_flow_whatever_the_channel(gemeente, system):
    zaak = zaken_services.zaak_create(
        actor=Actor.burger("999993653"),
        zaaktype=gemeente.parkeer,
        initiator=zaken_services.Betrokkene.persoon("999993653"),
    )
    proces = ZaakProces.objects.get(zaak=zaak)
    assert proces.status == PROCESS.NEW
    taak = open_taak(zaak, Stap.BEOORDELING)
    assert taak.team == gemeente.vergunningen
    assert taak.owner is None
    assert taak.deadline is not None
    # registering the zaak does not pretend someone is working on it yet
    assert list(zaak.statussen.values_list("statustype__omschrijving", flat=True)) == ["Ontvangen"]


def test_evenementenvergunning_gets_the_least_loaded_klantregisseur_and_a_task_per_team(
    gemeente,
):
    g = gemeente
    # Renée holds two open regie-zaken (and one closed), Rachid one: Rachid is least loaded.
    for regisseur, aantal in ((g.renee, 2), (g.rachid, 1)):
        for _ in range(aantal):
            zaken_services.zaak_klantregisseur_set(
                actor=Actor.system("test"),
                zaak=ZaakFactory(zaaktype=g.parkeer),
                klantregisseur=regisseur,
            )
    gesloten = ZaakFactory(zaaktype=g.parkeer)
    zaken_services.zaak_klantregisseur_set(
        actor=Actor.system("test"), zaak=gesloten, klantregisseur=g.rachid
    )
    zaken_services.zaak_close(
        actor=Actor.system("test"), zaak=gesloten, resultaattype=resultaat(g.parkeer)
    )

    zaak = evenement_tot_uitvoering(g)

    zaak.refresh_from_db()
    assert zaak.klantregisseur == g.rachid
    coordinator = zaak.rollen.get(omschrijving_generiek=RolOmschrijving.ZAAKCOORDINATOR)
    assert coordinator.medewerker == g.rachid
    for team, lid in ((g.vergunningen, g.vera), (g.oov, g.otto), (g.verkeer, g.vincent)):
        taken = [t for t in _teamvoorraad(lid, team) if t.zaak_id == zaak.pk]
        assert [t.stap for t in taken] == [Stap.UITVOERING]
    # the klantregisseur sees every task of the zaak across teams
    regie = werkvoorraad(
        g.rachid,
        WerkvoorraadFilters(weergave="regie"),
        vandaag=zaak.startdatum,
        binnenkort_tot=zaak.startdatum,
    )
    assert {t.team for t in regie} == {g.vergunningen, g.oov, g.verkeer}


def test_multi_team_zaak_runs_to_the_end_and_the_klantregisseur_closes_it(gemeente):
    g = gemeente
    zaak = evenement_tot_uitvoering(g)
    for user, team in ((g.otto, g.oov), (g.vincent, g.verkeer), (g.vera, g.vergunningen)):
        claim_en_rond_af(user, open_taak(zaak, Stap.UITVOERING, team), advies=f"Akkoord {team}")
    besluit = open_taak(zaak, Stap.BESLUIT)
    # whoever assessed the zaak for the responsible team takes the besluit
    assert besluit.owner == g.vera
    services.taak_besluiten(actor=actor(g.vera), taak=besluit, resultaattype=resultaat(g.evenement))
    zaak.refresh_from_db()
    informeren = open_taak(zaak, Stap.INFORMEREN)
    assert informeren.owner == zaak.klantregisseur
    assert informeren.team == g.klantregie
    services.taak_informeren(
        actor=actor(zaak.klantregisseur), taak=informeren, bericht="Vergunning verleend."
    )
    zaak.refresh_from_db()
    assert zaak.einddatum is not None
    assert zaak.resultaat.resultaattype.omschrijving == "Verleend"
    assert ZaakProces.objects.get(zaak=zaak).status == PROCESS.DONE
    assert not Taak.objects.filter(zaak=zaak, status__in=["NEW", "ASSIGNED", "STARTED"]).exists()


def test_beoordeling_can_go_straight_to_the_besluit(gemeente):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer)
    claim_en_rond_af(g.vera, open_taak(zaak, Stap.BEOORDELING), besluit="besluiten")
    assert not Taak.objects.filter(zaak=zaak, stap=Stap.UITVOERING).exists()
    assert open_taak(zaak, Stap.BESLUIT).owner == g.vera


def test_closing_outside_the_flow_cancels_the_open_tasks(gemeente, system):
    g = gemeente
    zaak = evenement_tot_uitvoering(g)
    zaken_services.zaak_close(actor=system, zaak=zaak, resultaattype=resultaat(g.evenement))
    proces = ZaakProces.objects.get(zaak=zaak)
    assert proces.status == PROCESS.CANCELED
    assert "buiten het proces" in proces.data["beeindigd"]
    statussen = set(
        Taak.objects.filter(zaak=zaak, stap=Stap.UITVOERING).values_list("status", flat=True)
    )
    assert statussen == {STATUS.CANCELED}
    # a cancelled task can no longer be claimed
    from core.errors import Conflict

    with pytest.raises(Conflict):
        services.taak_claimen(actor=actor(g.otto), taak=Taak.objects.get(zaak=zaak, team=g.oov))


def test_reopening_starts_a_new_run_at_the_besluit(gemeente, system):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer, closed=True)
    assert ZaakProces.objects.get(zaak=zaak).status == PROCESS.CANCELED
    zaken_services.zaak_reopen(actor=actor(g.tineke), zaak=zaak, reden="Nieuw feit")
    lopend = ZaakProces.objects.get(zaak=zaak, status=PROCESS.NEW)
    besluit = open_taak(zaak, Stap.BESLUIT)
    assert besluit.process == lopend
    assert besluit.team == g.vergunningen


def test_deleting_a_zaak_takes_its_process_and_tasks_along(gemeente, system):
    zaak = evenement_tot_uitvoering(gemeente)
    zaken_services.zaak_delete(actor=system, zaak=zaak, reden="Dubbel geregistreerd")
    assert not ZaakProces.objects.filter(zaak_id=zaak.pk).exists()
    assert not Taak.objects.filter(zaak_id=zaak.pk).exists()


def test_the_flow_locks_the_process_row():
    from viewflow.workflow.lock import SelectForUpdateLock

    assert isinstance(ZaakFlow.lock_impl, SelectForUpdateLock)


# --- real concurrency (PostgreSQL) --------------------------------------------------------------
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("ronde", range(3))
def test_parallel_branches_completing_at_the_same_moment_join_exactly_once(gemeente, ronde):
    g = gemeente
    zaak = evenement_tot_uitvoering(g)
    taken = []
    for user, team in ((g.vera, g.vergunningen), (g.otto, g.oov), (g.vincent, g.verkeer)):
        taak = open_taak(zaak, Stap.UITVOERING, team)
        services.taak_claimen(actor=actor(user), taak=taak)
        taken.append((user, taak))
    barrier = threading.Barrier(len(taken))
    errors = []

    def afronden(user, taak):
        try:
            barrier.wait(timeout=30)
            services.taak_uitvoeren(actor=actor(user), taak=taak, advies="Akkoord")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=afronden, args=pair) for pair in taken]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    joins = Taak.objects.filter(zaak=zaak, flow_task=ZaakFlow.uitvoering_samenvoegen)
    assert joins.count() == 1
    assert joins.get().status == STATUS.DONE
    besluiten = Taak.objects.filter(zaak=zaak, stap=Stap.BESLUIT)
    assert besluiten.count() == 1
    assert besluiten.get().status == STATUS.ASSIGNED


def test_open_zaken_from_before_processen_get_a_process(gemeente, system):
    from io import StringIO

    from django.core.management import call_command

    zaak = ZaakFactory(zaaktype=gemeente.parkeer)
    gesloten = ZaakFactory(zaaktype=gemeente.parkeer, closed=True)
    ZaakProces.objects.filter(zaak__in=[zaak, gesloten]).delete()  # as if registered before
    out = StringIO()
    call_command("processen_starten", stdout=out)
    assert "voor 1 open zaken" in out.getvalue()
    assert open_taak(zaak, Stap.BEOORDELING)
    assert not ZaakProces.objects.filter(zaak=gesloten).exists()
    call_command("processen_starten", stdout=out)
    assert ZaakProces.objects.filter(zaak=zaak).count() == 1
