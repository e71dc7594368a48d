"""Real concurrency on PostgreSQL (acceptance 6): threads with their own connections."""

import threading
import uuid

import pytest
from django.db import connection

from core.actor import Actor
from klantregie.models import Klantcontact, Terugbelverzoek, Vraag
from klantregie.services import VraagInvoer, klantcontact_log, terugbelverzoek_claim
from tests.factories import (
    KennisartikelFactory,
    KlantFactory,
    TeamFactory,
    TerugbelverzoekFactory,
    UserFactory,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _in_threads(n, fn):
    barrier = threading.Barrier(n)
    results, errors = [], []

    def run(i):
        try:
            barrier.wait(timeout=30)
            results.append(fn(i))
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results, errors


def test_twenty_concurrent_contact_logs_store_exactly_twenty_contacts():
    kcc_team = TeamFactory(code="kcc", naam="KCC", lijn=1)
    medewerkers = [UserFactory(rol="kcc-medewerker", teams=[kcc_team]) for _ in range(20)]
    klanten = [KlantFactory() for _ in range(5)]
    artikel = KennisartikelFactory(vraag="Openingstijden milieustraat")

    def log(i):
        return klantcontact_log(
            actor=Actor.for_user(medewerkers[i]),
            kanaal="telefoon",
            klant=klanten[i % 5],  # several sessions on the same klant at once
            sleutel=uuid.uuid4(),
            vragen=[
                VraagInvoer(
                    onderwerp="Openingstijden milieustraat",
                    resultaat="direct_beantwoord",
                    kennisartikel=artikel,
                ),
                VraagInvoer(onderwerp=f"Vraag {i}", resultaat="doorverbonden"),
            ],
        ).pk

    results, errors = _in_threads(20, log)
    assert errors == []
    assert len(set(results)) == 20
    assert Klantcontact.objects.count() == 20
    assert Vraag.objects.count() == 40
    assert set(Klantcontact.objects.values_list("medewerker", flat=True)) == {
        m.pk for m in medewerkers
    }


def test_the_same_contact_submitted_concurrently_is_stored_once():
    kcc = UserFactory(rol="kcc-medewerker")
    sleutel = uuid.uuid4()

    def log(_i):
        return klantcontact_log(
            actor=Actor.for_user(kcc),
            kanaal="telefoon",
            sleutel=sleutel,
            vragen=[VraagInvoer(onderwerp="Dubbel verstuurd", resultaat="doorverbonden")],
        ).pk

    results, errors = _in_threads(8, log)
    assert errors == []
    assert len(results) == 8 and len(set(results)) == 1
    assert Klantcontact.objects.count() == 1 and Vraag.objects.count() == 1


def test_two_medewerkers_claiming_the_same_terugbelverzoek_exactly_one_gets_it():
    team = TeamFactory()
    vera, otto = (UserFactory(rol="vakspecialist", teams=[team]) for _ in range(2))
    verzoek = TerugbelverzoekFactory(team=team)

    def claim(i):
        return terugbelverzoek_claim(actor=Actor.for_user([vera, otto][i]), verzoek=verzoek)

    results, errors = _in_threads(2, claim)
    assert len(results) == 1 and len(errors) == 1
    assert "al opgepakt" in str(errors[0])
    verzoek = Terugbelverzoek.objects.get()
    assert verzoek.behandelaar == results[0].behandelaar
