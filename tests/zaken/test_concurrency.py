"""Real concurrency on PostgreSQL: threads with their own connections."""

import threading

import pytest
from django.db import connection

from core.actor import Actor
from tests.factories import TeamFactory, ZaaktypeFactory
from zaken import services
from zaken.models import Zaak

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_twenty_threads_creating_zaken_get_twenty_distinct_identificaties():
    zaaktype = ZaaktypeFactory(verantwoordelijk_team=TeamFactory())
    barrier = threading.Barrier(20)
    results, errors = [], []

    def create():
        try:
            barrier.wait(timeout=30)
            zaak = services.zaak_create(
                actor=Actor.system("test"), zaaktype=zaaktype, omschrijving="gelijktijdig"
            )
            results.append(zaak.identificatie)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert len(results) == 20
    assert len(set(results)) == 20
    assert Zaak.objects.filter(omschrijving="gelijktijdig").count() == 20
    nummers = sorted(int(i.rsplit("-", 1)[1]) for i in results)
    assert nummers == list(range(nummers[0], nummers[0] + 20))
