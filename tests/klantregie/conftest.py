import pytest

from core.actor import Actor
from core.vertrouwelijkheid import Vertrouwelijkheid
from klantregie.models import Klant
from tests.factories import KlantFactory, TeamFactory, UserFactory, ZaakFactory, ZaaktypeFactory
from zaken import services as zaken_services


@pytest.fixture
def kcc_team(db):
    return TeamFactory(naam="KCC", code="kcc", lijn=1)


@pytest.fixture
def kcc(db, kcc_team):
    return UserFactory(username="kim", rol="kcc-medewerker", teams=[kcc_team])


@pytest.fixture
def kcc_actor(kcc):
    return Actor.for_user(kcc)


@pytest.fixture
def jan(db):
    return KlantFactory(
        bsn="999993653",
        voornamen="Jan",
        voorvoegsel="de",
        achternaam="Vries",
        telefoon="0612345678",
        email="jan.devries@example.nl",
        postcode="1234AB",
        huisnummer="12",
    )


@pytest.fixture
def teamleider(db, team):
    leider = UserFactory(username="tineke", rol="teamleider", teams=[team])
    team.teamleider = leider
    team.save()
    return leider


def zaak_voor(klant: Klant, zaaktype, **kwargs):
    """A zaak with `klant` as initiator (through the services)."""
    return zaken_services.zaak_create(
        actor=Actor.system("test"),
        zaaktype=zaaktype,
        omschrijving=kwargs.pop("omschrijving", "Zaak van de klant"),
        initiator=zaken_services.Betrokkene.van_klant(klant),
        **kwargs,
    )


@pytest.fixture
def zaak_van_jan(jan, zaaktype):
    return zaak_voor(jan, zaaktype, omschrijving="Parkeervergunning Dorpsstraat")


@pytest.fixture
def kcc_zaaktype(db, kcc_team):
    """A zaaktype the KCC may settle at once, with one resultaattype."""
    zaaktype = ZaaktypeFactory(
        verantwoordelijk_team=kcc_team,
        omschrijving="Paspoort aanvragen",
        kcc_mag_afhandelen=True,
        onderdelen__concept=True,
    )
    zaaktype.resultaattypen.filter(omschrijving="Geweigerd").delete()
    zaken_services.zaaktype_publish(actor=Actor.system("test"), zaaktype=zaaktype)
    zaaktype.refresh_from_db()
    return zaaktype


@pytest.fixture
def geheim_zaaktype(db, team):
    return ZaaktypeFactory(
        verantwoordelijk_team=team,
        omschrijving="Bijzondere bijstand",
        vertrouwelijkheidaanduiding=Vertrouwelijkheid.VERTROUWELIJK,
    )


__all__ = ["ZaakFactory", "zaak_voor"]
