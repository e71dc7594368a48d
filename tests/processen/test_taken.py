"""Claiming, releasing, assigning and completing tasks: who may, and what happens when two
people act at the same moment."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from core.errors import Conflict, DomainError, NotAllowed, NotFound
from core.models import AuditRecord
from processen import services
from processen.models import Stap, Taak
from tests.factories import TeamFactory, UserFactory, ZaakFactory
from tests.processen.helpers import actor, evenement_tot_uitvoering, open_taak

pytestmark = pytest.mark.django_db


def test_claim_release_and_audit(gemeente):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer)
    taak = open_taak(zaak, Stap.BEOORDELING)
    services.taak_claimen(actor=actor(g.vera), taak=taak)
    taak.refresh_from_db()
    assert (taak.owner, taak.status) == (g.vera, "ASSIGNED")
    assert taak.assigned is not None
    zaak.refresh_from_db()
    assert zaak.statustype.omschrijving == "In behandeling"  # the step's work began
    services.taak_vrijgeven(actor=actor(g.vera), taak=taak)
    taak.refresh_from_db()
    assert (taak.owner, taak.status) == (None, "NEW")
    weergaven = list(
        AuditRecord.objects.filter(object_uuid=taak.uuid).values_list("actie_weergave", flat=True)
    )
    assert "Taak opgepakt" in weergaven and "Taak vrijgegeven" in weergaven


def test_a_claimed_task_cannot_be_claimed_again_and_the_message_says_by_whom(gemeente):
    g = gemeente
    collega = UserFactory(
        rol="vakspecialist", teams=[g.vergunningen], first_name="Kees", last_name="Collega"
    )
    taak = open_taak(ZaakFactory(zaaktype=g.parkeer), Stap.BEOORDELING)
    services.taak_claimen(actor=actor(g.vera), taak=taak)
    with pytest.raises(Conflict) as exc:
        services.taak_claimen(actor=actor(collega), taak=taak)
    assert str(g.vera) in exc.value.message
    assert "Kies een andere taak" in exc.value.message


def test_only_the_owner_completes_a_task(gemeente):
    g = gemeente
    collega = UserFactory(rol="vakspecialist", teams=[g.vergunningen])
    taak = open_taak(ZaakFactory(zaaktype=g.parkeer), Stap.BEOORDELING)
    with pytest.raises(NotAllowed, match="Pak de taak eerst op"):
        services.taak_beoordelen(actor=actor(g.vera), taak=taak, besluit="besluiten")
    services.taak_claimen(actor=actor(g.vera), taak=taak)
    with pytest.raises(NotAllowed):
        services.taak_beoordelen(actor=actor(collega), taak=taak, besluit="besluiten")
    taak.refresh_from_db()
    assert taak.status == "ASSIGNED"


def test_vakspecialist_of_another_team_cannot_see_or_claim_the_task(gemeente, client):
    g = gemeente
    zaak = evenement_tot_uitvoering(g)
    oov_taak = open_taak(zaak, Stap.UITVOERING, g.oov)
    buitenstaander = UserFactory(rol="vakspecialist", teams=[TeamFactory(code="bor", naam="BOR")])
    # the service itself refuses, not only the view
    with pytest.raises(NotFound):
        services.taak_claimen(actor=actor(buitenstaander), taak=oov_taak)
    # a vakspecialist of a team that works on the zaak sees the zaak, but not OOV's task
    with pytest.raises(NotFound):
        services.taak_claimen(actor=actor(g.vincent), taak=oov_taak)
    with pytest.raises(NotFound):
        services.taak_vrijgeven(actor=actor(g.vincent), taak=oov_taak)
    oov_taak.refresh_from_db()
    assert oov_taak.owner is None
    for user in (buitenstaander, g.vincent):
        client.force_login(user)
        assert client.get(reverse("processen:taak-detail", args=[oov_taak.uuid])).status_code == 404
        assert (
            client.post(reverse("processen:taak-claimen", args=[oov_taak.uuid])).status_code == 404
        )
        body = client.get(reverse("processen:werkvoorraad"), {"weergave": "team", "team": g.oov.pk})
        assert body.status_code == 404
    client.force_login(g.otto)
    assert client.get(reverse("processen:taak-detail", args=[oov_taak.uuid])).status_code == 200


def test_teamleider_assigns_and_bulk_assigns_within_the_team(gemeente):
    g = gemeente
    taken = [open_taak(ZaakFactory(zaaktype=g.parkeer), Stap.BEOORDELING) for _ in range(3)]
    with pytest.raises(NotAllowed):
        services.taak_toewijzen(actor=actor(g.vera), taak=taken[0], medewerker=g.vera)
    with pytest.raises(DomainError) as exc:
        services.taak_toewijzen(actor=actor(g.tineke), taak=taken[0], medewerker=g.otto)
    assert exc.value.field == "medewerker"
    services.taak_toewijzen(actor=actor(g.tineke), taak=taken[0], medewerker=g.vera)
    collega = UserFactory(rol="vakspecialist", teams=[g.vergunningen])
    # reassigning a claimed task, and bulk assignment
    assert (
        services.taken_bulk_toewijzen(actor=actor(g.tineke), taken=taken, medewerker=collega) == 3
    )
    assert set(
        Taak.objects.filter(pk__in=[t.pk for t in taken]).values_list("owner", flat=True)
    ) == {collega.pk}


def test_bulk_assignment_is_all_or_nothing(gemeente):
    g = gemeente
    eigen = open_taak(ZaakFactory(zaaktype=g.parkeer), Stap.BEOORDELING)
    zaak = evenement_tot_uitvoering(g)
    vreemd = open_taak(zaak, Stap.UITVOERING, g.oov)  # not Tineke's team
    with pytest.raises(DomainError):
        services.taken_bulk_toewijzen(
            actor=actor(g.tineke), taken=[eigen, vreemd], medewerker=g.vera
        )
    eigen.refresh_from_db()
    assert eigen.owner is None


# --- real concurrency (PostgreSQL) --------------------------------------------------------------
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("ronde", range(3))
def test_two_users_claiming_at_the_same_moment(gemeente, ronde):
    g = gemeente
    collega = UserFactory(rol="vakspecialist", teams=[g.vergunningen], first_name="Kees")
    taak = open_taak(ZaakFactory(zaaktype=g.parkeer), Stap.BEOORDELING)
    barrier = threading.Barrier(2)
    gelukt, geweigerd, fouten = [], [], []

    def claim(user):
        try:
            barrier.wait(timeout=30)
            services.taak_claimen(actor=actor(user), taak=taak)
            gelukt.append(user)
        except Conflict as exc:
            geweigerd.append(exc.message)
        except Exception as exc:  # pragma: no cover - reported below
            fouten.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=claim, args=(u,)) for u in (g.vera, collega)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert fouten == []
    assert len(gelukt) == 1
    assert len(geweigerd) == 1
    winnaar = gelukt[0]
    assert geweigerd[0] == f"Deze taak is al opgepakt door {winnaar}. Kies een andere taak."
    taak.refresh_from_db()
    assert taak.owner == winnaar
    assert (
        AuditRecord.objects.filter(object_uuid=taak.uuid, actie_weergave="Taak opgepakt").count()
        == 1
    )


def test_a_confidential_zaak_flows_and_its_task_stays_hidden_above_ones_level(gemeente):
    from datetime import date

    from processen.selectors import TEAM, WerkvoorraadFilters, werkvoorraad
    from zaken import services as zaken_services

    g = gemeente
    # the KCC registers zaken above its own level; the flow still runs for them
    vertrouwelijk = zaken_services.zaak_create(
        actor=actor(g.kim), zaaktype=g.parkeer, vertrouwelijkheidaanduiding="vertrouwelijk"
    )
    geheim = zaken_services.zaak_create(
        actor=actor(g.kim), zaaktype=g.parkeer, vertrouwelijkheidaanduiding="geheim"
    )
    zichtbaar = {
        t.zaak_id
        for t in werkvoorraad(
            g.vera,
            WerkvoorraadFilters(weergave=TEAM, team=g.vergunningen.pk),
            vandaag=date.today(),
            binnenkort_tot=date.today(),
        )
    }
    assert vertrouwelijk.pk in zichtbaar
    assert geheim.pk not in zichtbaar
    services.taak_claimen(actor=actor(g.vera), taak=open_taak(vertrouwelijk, Stap.BEOORDELING))
    with pytest.raises(NotFound):
        services.taak_claimen(actor=actor(g.vera), taak=open_taak(geheim, Stap.BEOORDELING))
