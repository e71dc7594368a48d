import time

import pytest
from django.test import Client

from core.actor import Actor
from pip.sessie import LAATST_ACTIEF
from tests.factories import BurgerFactory, OndernemerFactory, ZaakFactory, ZaaktypeFactory
from zaken import services
from zaken.models import RolOmschrijving

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
# The first bytes of a Windows executable (MZ header with the PE signature).
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 44 + b"PE\x00\x00"


def pip_inloggen(client: Client, user) -> Client:
    """Log a PIP account in the way the PIP does (a PIP backend, a fresh idle timer)."""
    backend = (
        "pip.backends.DemoDigiDBackend"
        if user.soort == "burger"
        else "pip.backends.DemoEHerkenningBackend"
    )
    client.force_login(user, backend=backend)
    session = client.session
    session[LAATST_ACTIEF] = time.time()
    session.save()
    return client


def bedrijfszaak(kvk_nummer: str, vestigingsnummer: str = "", **kwargs):
    """A zaak with a business (KvK-nummer, optionally a vestiging) as initiator."""
    zaak = ZaakFactory(initiator_bsn=None, **kwargs)
    services.rol_add(
        actor=Actor.system("test"),
        zaak=zaak,
        betrokkene=services.Betrokkene.organisatie(
            kvk_nummer, naam="Testbedrijf BV", vestigingsnummer=vestigingsnummer
        ),
        omschrijving_generiek=RolOmschrijving.INITIATOR,
    )
    return zaak


@pytest.fixture
def pip_zaaktype(db, team):
    return ZaaktypeFactory(verantwoordelijk_team=team, publiek_omschrijving="Parkeervergunning")


@pytest.fixture
def burger(db):
    return BurgerFactory(first_name="Anna", last_name="Jansen")


@pytest.fixture
def andere_burger(db):
    return BurgerFactory(first_name="Bert", last_name="Bakker")


@pytest.fixture
def ondernemer(db):
    return OndernemerFactory(kvk_nummer="68750110", last_name="Evenementen BV De Brink")


@pytest.fixture
def burger_client(burger):
    return pip_inloggen(Client(), burger)


@pytest.fixture
def ondernemer_client(ondernemer):
    return pip_inloggen(Client(), ondernemer)
