"""A small municipality for the process tests: the teams and roles of DEMO.md (in short) and
three zaaktypen that exercise the three routes of the flow."""

from dataclasses import dataclass

import pytest

from core.actor import Actor
from organisatie.models import Team, User
from tests.factories import TeamFactory, UserFactory, ZaaktypeFactory
from zaken import services
from zaken.models import Behandeling, Processtap, Statustype, Zaaktype

# omschrijving, processtap, statustekst
STANDAARD = [
    ("Ontvangen", Processtap.ONTVANGEN, "We hebben uw aanvraag ontvangen."),
    ("In behandeling", Processtap.BEOORDELING, "Een medewerker behandelt uw aanvraag."),
    ("Advies gevraagd", Processtap.UITVOERING, "We vragen advies aan andere afdelingen."),
    ("Besluit genomen", Processtap.BESLUIT, "Er is een besluit genomen."),
    ("Afgehandeld", Processtap.AFGEHANDELD, "Uw aanvraag is afgehandeld."),
]


def maak_zaaktype(*, team, betrokken=(), statussen=STANDAARD, **kwargs) -> Zaaktype:
    """A published zaaktype with the given statustypen (replacing the factory's three)."""
    zaaktype = ZaaktypeFactory(verantwoordelijk_team=team, onderdelen__concept=True, **kwargs)
    zaaktype.statustypen.all().delete()
    for nr, (oms, stap, tekst) in enumerate(statussen, start=1):
        Statustype.objects.create(
            zaaktype=zaaktype,
            volgnummer=nr,
            omschrijving=oms,
            processtap=stap,
            statustekst=tekst,
            informeren=True,
        )
    zaaktype.betrokken_teams.set([team, *betrokken])
    services.zaaktype_publish(actor=Actor.system("test"), zaaktype=zaaktype)
    zaaktype.refresh_from_db()
    return zaaktype


@dataclass
class Gemeente:
    kcc: Team
    klantregie: Team
    vergunningen: Team
    oov: Team
    verkeer: Team
    kim: User  # kcc-medewerker
    renee: User  # klantregisseur
    rachid: User  # klantregisseur
    vera: User  # vakspecialist vergunningen
    otto: User  # vakspecialist oov
    vincent: User  # vakspecialist verkeer
    tineke: User  # teamleider vergunningen
    evenement: Zaaktype  # multi-team, klantregie
    parkeer: Zaaktype  # single team, 2e/3e lijn
    paspoort: Zaaktype  # 1e lijn, KCC settles


@pytest.fixture
def gemeente(db) -> Gemeente:
    kcc = TeamFactory(code="kcc", naam="KCC", lijn=1)
    klantregie = TeamFactory(code="klantregie", naam="Klantregie", lijn=2, is_klantregieteam=True)
    vergunningen = TeamFactory(code="vergunningen", naam="Vergunningen", lijn=3)
    oov = TeamFactory(code="oov", naam="Openbare Orde & Veiligheid", lijn=3)
    verkeer = TeamFactory(code="verkeer", naam="Verkeer", lijn=3)
    tineke = UserFactory(username="teamleider", rol="teamleider", teams=[vergunningen])
    vergunningen.teamleider = tineke
    vergunningen.save()
    g = Gemeente(
        kcc=kcc,
        klantregie=klantregie,
        vergunningen=vergunningen,
        oov=oov,
        verkeer=verkeer,
        kim=UserFactory(username="kcc", rol="kcc-medewerker", teams=[kcc]),
        renee=UserFactory(username="regisseur", rol="klantregisseur", teams=[klantregie]),
        rachid=UserFactory(username="regisseur2", rol="klantregisseur", teams=[klantregie]),
        vera=UserFactory(username="vergunningen", rol="vakspecialist", teams=[vergunningen]),
        otto=UserFactory(username="oov", rol="vakspecialist", teams=[oov]),
        vincent=UserFactory(username="verkeer", rol="vakspecialist", teams=[verkeer]),
        tineke=tineke,
        evenement=maak_zaaktype(
            team=vergunningen,
            betrokken=[oov, verkeer],
            omschrijving="Evenementenvergunning",
            behandeling=Behandeling.TWEEDE_EN_DERDE_LIJN,
            klantregie_vereist=True,
        ),
        parkeer=maak_zaaktype(
            team=vergunningen,
            omschrijving="Parkeervergunning",
            behandeling=Behandeling.TWEEDE_EN_DERDE_LIJN,
        ),
        paspoort=maak_zaaktype(
            team=kcc,
            omschrijving="Paspoort",
            behandeling=Behandeling.EERSTE_LIJN,
            kcc_mag_afhandelen=True,
            aanvraagbaar_via_pip=False,
            statussen=[
                ("Aanvraag ontvangen", Processtap.ONTVANGEN, "We hebben uw aanvraag ontvangen."),
                ("Afgehandeld", Processtap.AFGEHANDELD, "Uw aanvraag is afgehandeld."),
            ],
        ),
    )
    return g
