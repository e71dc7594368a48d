"""Every status change made by the flow is in the zaak's status history, with the statustekst
the requester sees, set on behalf of the person whose action moved the flow."""

import pytest

from processen import services
from processen.models import Stap
from tests.factories import ZaakFactory
from tests.processen.conftest import maak_zaaktype
from tests.processen.helpers import (
    actor,
    claim_en_rond_af,
    evenement_tot_uitvoering,
    open_taak,
    resultaat,
)
from zaken.models import Behandeling, Processtap

pytestmark = pytest.mark.django_db


def _historie(zaak):
    return [
        (s.statustype.omschrijving, s.statustype.statustekst, s.gezet_door_weergave)
        for s in zaak.statussen.select_related("statustype").order_by("datum_status_gezet", "id")
    ]


def test_each_step_of_the_multi_team_flow_shows_in_the_status_history(gemeente):
    g = gemeente
    zaak = evenement_tot_uitvoering(g)
    for user, team in ((g.otto, g.oov), (g.vincent, g.verkeer), (g.vera, g.vergunningen)):
        claim_en_rond_af(user, open_taak(zaak, Stap.UITVOERING, team), advies="Akkoord")
    services.taak_besluiten(
        actor=actor(g.vera),
        taak=open_taak(zaak, Stap.BESLUIT),
        resultaattype=resultaat(g.evenement),
    )
    zaak.refresh_from_db()
    regisseur = zaak.klantregisseur
    services.taak_informeren(actor=actor(regisseur), taak=open_taak(zaak, Stap.INFORMEREN))

    assert _historie(zaak) == [
        ("Ontvangen", "We hebben uw aanvraag ontvangen.", "test"),
        ("In behandeling", "Een medewerker behandelt uw aanvraag.", str(g.vera)),
        ("Advies gevraagd", "We vragen advies aan andere afdelingen.", str(g.otto)),
        ("Besluit genomen", "Er is een besluit genomen.", str(g.vera)),
        ("Afgehandeld", "Uw aanvraag is afgehandeld.", str(regisseur)),
    ]
    assert zaak.statussen.filter(gezet_door=regisseur).count() == 1


def test_a_third_line_zaaktype_skips_the_assessment_and_its_status(gemeente, system):
    g = gemeente
    melding = maak_zaaktype(
        team=g.oov,
        behandeling=Behandeling.DERDE_LIJN,
        statussen=[
            ("Ontvangen", Processtap.ONTVANGEN, "We hebben uw melding ontvangen."),
            ("In behandeling", Processtap.UITVOERING, "Een medewerker is met uw melding bezig."),
            ("Afgehandeld", Processtap.AFGEHANDELD, "Uw melding is afgehandeld."),
        ],
    )
    zaak = ZaakFactory(zaaktype=melding)
    taak = open_taak(zaak, Stap.UITVOERING)
    assert taak.team == g.oov
    claim_en_rond_af(g.otto, taak, advies="Opgeruimd")
    besluit = open_taak(zaak, Stap.BESLUIT)
    assert besluit.owner == g.otto  # the one who did the work settles it
    services.taak_besluiten(actor=actor(g.otto), taak=besluit, resultaattype=resultaat(melding))
    services.taak_informeren(actor=actor(g.otto), taak=open_taak(zaak, Stap.INFORMEREN))
    zaak.refresh_from_db()
    assert [s[0:2] for s in _historie(zaak)] == [
        ("Ontvangen", "We hebben uw melding ontvangen."),
        ("In behandeling", "Een medewerker is met uw melding bezig."),
        ("Afgehandeld", "Uw melding is afgehandeld."),
    ]
    assert (
        not zaak.statussen.filter(gezet_door__isnull=True)
        .exclude(statustype__processtap=Processtap.ONTVANGEN)
        .exists()
    )


def test_one_in_behandeling_status_serves_a_2e_lijn_zaaktype_too(gemeente):
    g = gemeente
    klacht = maak_zaaktype(
        team=g.klantregie,
        behandeling=Behandeling.TWEEDE_LIJN,
        statussen=[
            ("Ontvangen", Processtap.ONTVANGEN, "We hebben uw klacht ontvangen."),
            ("In behandeling", Processtap.UITVOERING, "Een medewerker behandelt uw klacht."),
            ("Afgehandeld", Processtap.AFGEHANDELD, "Uw klacht is afgehandeld."),
        ],
    )
    zaak = ZaakFactory(zaaktype=klacht)
    services.taak_claimen(actor=actor(g.renee), taak=open_taak(zaak, Stap.BEOORDELING))
    zaak.refresh_from_db()
    assert zaak.statustype.omschrijving == "In behandeling"


def test_the_flow_never_moves_a_status_backwards(gemeente, system):
    from zaken import services as zaken_services

    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer)
    besluit = g.parkeer.statustypen.get(processtap=Processtap.BESLUIT)
    zaken_services.zaak_status_set(actor=system, zaak=zaak, statustype=besluit)
    claim_en_rond_af(g.vera, open_taak(zaak, Stap.BEOORDELING), besluit="besluiten")
    zaak.refresh_from_db()
    assert zaak.statustype == besluit
    assert zaak.statussen.count() == 2
