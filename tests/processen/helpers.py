"""Helpers to drive zaken through the flow in tests, as the people of the test municipality."""

from core.actor import Actor
from processen import services
from processen.models import OPEN_STATUSSEN, Stap, Taak
from tests.factories import ZaakFactory


def actor(user) -> Actor:
    return Actor.for_user(user)


def open_taak(zaak, stap, team=None) -> Taak:
    qs = Taak.objects.filter(zaak=zaak, stap=stap, status__in=OPEN_STATUSSEN)
    if team is not None:
        qs = qs.filter(team=team)
    return qs.get()


def claim_en_rond_af(user, taak, **gegevens) -> Taak:
    services.taak_claimen(actor=actor(user), taak=taak)
    return services.taak_afronden(actor=actor(user), taak=taak, **gegevens)


def evenement_tot_uitvoering(g, **zaak_kwargs):
    """An evenementenvergunning, assessed by Vergunningen: three uitvoering tasks are open."""
    zaak = ZaakFactory(zaaktype=g.evenement, **zaak_kwargs)
    claim_en_rond_af(g.vera, open_taak(zaak, Stap.BEOORDELING), besluit="uitvoeren")
    return zaak


def resultaat(zaaktype, omschrijving="Verleend"):
    return zaaktype.resultaattypen.get(omschrijving=omschrijving)
