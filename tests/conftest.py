import pytest
from django.db import connection

from core.actor import Actor
from tests.factories import TeamFactory, UserFactory, ZaaktypeFactory


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` need row locks or full-text search; on SQLite they are skipped
    with a reason that shows in the summary (-ra), never silently."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL=postgres://...; CI does)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def system():
    return Actor.system("test")


@pytest.fixture
def team(db):
    return TeamFactory(naam="Vergunningen", code="vergunningen")


@pytest.fixture
def vakspecialist(db, team):
    return UserFactory(username="vera", rol="vakspecialist", teams=[team])


@pytest.fixture
def kcc_user(db):
    kcc = TeamFactory(naam="KCC", code="kcc", lijn=1)
    return UserFactory(username="kim", rol="kcc-medewerker", teams=[kcc])


@pytest.fixture
def zaaktype(db, team):
    return ZaaktypeFactory(verantwoordelijk_team=team)


@pytest.fixture
def is_postgres():
    return connection.vendor == "postgresql"
