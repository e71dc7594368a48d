"""The klantregisseur: when one is appointed, who, and who may change it."""

import pytest

from core.actor import Actor
from core.errors import DomainError, NotAllowed
from core.models import AuditRecord
from processen import services
from processen.models import Stap
from tests.factories import UserFactory, ZaakFactory
from tests.processen.helpers import actor, claim_en_rond_af, open_taak, resultaat
from zaken import services as zaken_services
from zaken.models import RolOmschrijving

pytestmark = pytest.mark.django_db


def _coordinatoren(zaak):
    return list(
        zaak.rollen.filter(omschrijving_generiek=RolOmschrijving.ZAAKCOORDINATOR).values_list(
            "medewerker__username", flat=True
        )
    )


def test_single_team_zaak_gets_none_until_it_is_marked_politiek_gevoelig(gemeente):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer)
    zaak.refresh_from_db()
    assert zaak.klantregisseur is None
    assert _coordinatoren(zaak) == []

    zaken_services.zaak_politiek_gevoelig_set(
        actor=actor(g.vera), zaak=zaak, reden="Raadsvragen over parkeerbeleid"
    )

    zaak.refresh_from_db()
    assert zaak.klantregisseur in (g.renee, g.rachid)
    assert _coordinatoren(zaak) == [zaak.klantregisseur.username]
    assert AuditRecord.objects.filter(
        zaak_uuid=zaak.uuid,
        actie_weergave="Klantregisseur aangewezen",
        toelichting__contains="Raadsvragen",
    ).exists()


def test_politiek_gevoelig_at_intake_appoints_one_too(gemeente):
    zaak = ZaakFactory(zaaktype=gemeente.parkeer, politiek_gevoelig=True)
    zaak.refresh_from_db()
    assert zaak.klantregisseur is not None


def test_the_informing_step_goes_to_the_klantregisseur(gemeente):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer)
    claim_en_rond_af(g.vera, open_taak(zaak, Stap.BEOORDELING), besluit="besluiten")
    zaken_services.zaak_politiek_gevoelig_set(actor=actor(g.vera), zaak=zaak, reden="Wethouder")
    services.taak_besluiten(
        actor=actor(g.vera), taak=open_taak(zaak, Stap.BESLUIT), resultaattype=resultaat(g.parkeer)
    )
    zaak.refresh_from_db()
    assert open_taak(zaak, Stap.INFORMEREN).owner == zaak.klantregisseur


def test_escalation_by_the_assessor_with_a_reason(gemeente):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer)
    beoordeling = open_taak(zaak, Stap.BEOORDELING)
    # a 3e-lijn colleague who does not assess this zaak may not escalate
    collega = UserFactory(rol="vakspecialist", teams=[g.vergunningen])
    with pytest.raises(NotAllowed):
        services.zaak_klantregie_escaleren(
            actor=actor(collega), zaak=zaak, reden="externe_partijen"
        )
    services.taak_claimen(actor=actor(g.vera), taak=beoordeling)
    with pytest.raises(DomainError) as exc:
        services.zaak_klantregie_escaleren(actor=actor(g.vera), zaak=zaak, reden="anders")
    assert exc.value.field == "toelichting"
    zaak.refresh_from_db()
    assert zaak.klantregisseur is None

    regisseur = services.zaak_klantregie_escaleren(
        actor=actor(g.vera), zaak=zaak, reden="externe_partijen", toelichting="Met de politie"
    )
    zaak.refresh_from_db()
    assert zaak.klantregisseur == regisseur
    assert AuditRecord.objects.filter(
        zaak_uuid=zaak.uuid, toelichting__contains="Samenwerking met externe partijen"
    ).exists()
    with pytest.raises(DomainError, match="al een klantregisseur"):
        services.zaak_klantregie_escaleren(actor=actor(g.vera), zaak=zaak, reden="meerdere_teams")


def test_a_2e_lijn_medewerker_may_escalate(gemeente):
    adviseur = UserFactory(rol="klantadviseur", teams=[gemeente.klantregie])
    zaak = ZaakFactory(zaaktype=gemeente.parkeer)
    assert services.zaak_klantregie_escaleren(
        actor=actor(adviseur), zaak=zaak, reden="meervoudige_maatwerkvraag"
    )


def test_teamleider_reassigns_and_the_informing_step_follows(gemeente):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.evenement)
    zaak.refresh_from_db()
    eerste = zaak.klantregisseur
    andere = g.rachid if eerste == g.renee else g.renee
    with pytest.raises(NotAllowed):
        services.klantregisseur_wijzigen(
            actor=actor(g.vera), zaak=zaak, klantregisseur=andere, reden="Vakantie"
        )
    with pytest.raises(DomainError) as exc:
        services.klantregisseur_wijzigen(
            actor=actor(g.tineke), zaak=zaak, klantregisseur=g.vera, reden="Vakantie"
        )
    assert exc.value.field == "klantregisseur"

    # run the zaak to the informing step, held by the first klantregisseur
    claim_en_rond_af(g.vera, open_taak(zaak, Stap.BEOORDELING), besluit="besluiten")
    services.taak_besluiten(
        actor=actor(g.vera),
        taak=open_taak(zaak, Stap.BESLUIT),
        resultaattype=resultaat(g.evenement),
    )
    assert open_taak(zaak, Stap.INFORMEREN).owner == eerste

    services.klantregisseur_wijzigen(
        actor=actor(g.tineke), zaak=zaak, klantregisseur=andere, reden="Vakantie"
    )
    zaak.refresh_from_db()
    assert zaak.klantregisseur == andere
    assert _coordinatoren(zaak) == [andere.username]
    assert open_taak(zaak, Stap.INFORMEREN).owner == andere


def test_no_klantregisseur_available_does_not_block_intake(gemeente):
    g = gemeente
    for regisseur in (g.renee, g.rachid):
        regisseur.is_active = False
        regisseur.save()
    zaak = ZaakFactory(zaaktype=g.evenement)
    zaak.refresh_from_db()
    assert zaak.klantregisseur is None
    assert open_taak(zaak, Stap.BEOORDELING)
    assert AuditRecord.objects.filter(
        zaak_uuid=zaak.uuid, actie_weergave__startswith="Klantregie nodig"
    ).exists()


def test_least_loaded_is_counted_per_team_and_ties_go_to_the_first(gemeente, system):
    g = gemeente
    eerste = services.klantregisseur_kiezen()
    assert eerste == min((g.renee, g.rachid), key=lambda u: u.pk)
    zaken_services.zaak_klantregisseur_set(
        actor=Actor.system("t"), zaak=ZaakFactory(zaaktype=g.parkeer), klantregisseur=eerste
    )
    assert services.klantregisseur_kiezen() == ({g.renee, g.rachid} - {eerste}).pop()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("ronde", range(2))
def test_two_zaken_appointed_at_the_same_moment_go_to_different_klantregisseurs(gemeente, ronde):
    import threading

    from django.db import connection

    from zaken.models import Zaak

    g = gemeente
    zaken = [ZaakFactory(zaaktype=g.parkeer) for _ in range(2)]
    barrier = threading.Barrier(2)
    fouten = []

    def markeer(zaak):
        try:
            barrier.wait(timeout=30)
            zaken_services.zaak_politiek_gevoelig_set(
                actor=actor(g.vera), zaak=zaak, reden="Raadsvragen"
            )
        except Exception as exc:  # pragma: no cover - reported below
            fouten.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=markeer, args=(z,)) for z in zaken]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert fouten == []
    regisseurs = set(
        Zaak.objects.filter(pk__in=[z.pk for z in zaken]).values_list("klantregisseur", flat=True)
    )
    assert regisseurs == {g.renee.pk, g.rachid.pk}
