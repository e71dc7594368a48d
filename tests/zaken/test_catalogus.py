from datetime import date

import pytest
from django.urls import reverse

from core.actor import Actor
from core.errors import DomainError, NotAllowed
from core.models import AuditRecord
from tests.factories import UserFactory, ZaaktypeFactory
from zaken import services
from zaken.models import Zaaktype

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder():
    return UserFactory(username="bea", rol="functioneel-beheerder", is_staff=True)


def test_published_zaaktype_cannot_be_edited_through_the_service(beheerder, team):
    zaaktype = ZaaktypeFactory(verantwoordelijk_team=team)
    assert not zaaktype.concept
    with pytest.raises(DomainError) as exc:
        services.zaaktype_update(
            actor=Actor.for_user(beheerder), zaaktype=zaaktype, doorlooptijd="P2W"
        )
    assert exc.value.code == "non-concept-object"
    zaaktype.refresh_from_db()
    assert zaaktype.doorlooptijd == "P8W"


def test_published_zaaktype_cannot_be_edited_in_the_admin(client, beheerder, team):
    zaaktype = ZaaktypeFactory(verantwoordelijk_team=team)
    client.force_login(beheerder)
    url = reverse("admin:zaken_zaaktype_change", args=[zaaktype.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="doorlooptijd"' not in page.content  # read-only
    response = client.post(url, {"omschrijving": "Gewijzigd", "doorlooptijd": "P1W"})
    assert response.status_code == 403
    zaaktype.refresh_from_db()
    assert zaaktype.omschrijving != "Gewijzigd"


def test_concept_can_be_edited_and_published(beheerder, team):
    zaaktype = ZaaktypeFactory(verantwoordelijk_team=team, onderdelen__concept=True)
    actor = Actor.for_user(beheerder)
    services.zaaktype_update(actor=actor, zaaktype=zaaktype, doorlooptijd="P6W")
    services.zaaktype_publish(actor=actor, zaaktype=zaaktype)
    zaaktype.refresh_from_db()
    assert not zaaktype.concept and zaaktype.doorlooptijd == "P6W"
    assert AuditRecord.objects.filter(object_uuid=zaaktype.uuid, actie="publish").exists()


def test_incomplete_zaaktype_is_not_published(beheerder, team):
    zaaktype = ZaaktypeFactory(verantwoordelijk_team=team, onderdelen__concept=True)
    zaaktype.resultaattypen.all().delete()
    with pytest.raises(DomainError, match="resultaattype"):
        services.zaaktype_publish(actor=Actor.for_user(beheerder), zaaktype=zaaktype)


def test_correction_is_explicit_and_audited(beheerder, team):
    zaaktype = ZaaktypeFactory(verantwoordelijk_team=team)
    actor = Actor.for_user(beheerder)
    with pytest.raises(DomainError, match="reden"):
        services.zaaktype_correct(
            actor=actor, zaaktype=zaaktype, reden="", publiek_omschrijving="X"
        )
    with pytest.raises(DomainError):
        services.zaaktype_correct(actor=actor, zaaktype=zaaktype, reden="x", identificatie="ANDERS")
    services.zaaktype_correct(
        actor=actor, zaaktype=zaaktype, reden="Typfout", publiek_omschrijving="Parkeervergunning"
    )
    zaaktype.refresh_from_db()
    assert zaaktype.publiek_omschrijving == "Parkeervergunning"
    record = AuditRecord.objects.get(object_uuid=zaaktype.uuid, actie="correct")
    assert record.toelichting == "Typfout"
    assert record.nieuw == {"publiek_omschrijving": "Parkeervergunning"}


def test_correction_in_the_admin(client, beheerder, team):
    zaaktype = ZaaktypeFactory(verantwoordelijk_team=team)
    client.force_login(beheerder)
    url = reverse("admin:zaken_zaaktype_corrigeer", args=[zaaktype.pk])
    data = {
        f: getattr(zaaktype, f)
        for f in (
            "omschrijving",
            "publiek_omschrijving",
            "publiek_toelichting",
            "toelichting",
            "doorlooptijd",
            "servicenorm",
            "verlengingstermijn",
        )
    }
    response = client.post(url, {**data, "reden": "", "publiek_omschrijving": "Nieuw"})
    assert response.status_code == 200 and "Dit veld is vereist" in response.content.decode()
    response = client.post(url, {**data, "reden": "Spelfout", "publiek_omschrijving": "Nieuw"})
    assert response.status_code == 302
    zaaktype.refresh_from_db()
    assert zaaktype.publiek_omschrijving == "Nieuw"


def test_only_beheer_may_change_the_catalogue(vakspecialist, team):
    zaaktype = ZaaktypeFactory(verantwoordelijk_team=team, onderdelen__concept=True)
    with pytest.raises(NotAllowed):
        services.zaaktype_publish(actor=Actor.for_user(vakspecialist), zaaktype=zaaktype)


def test_new_version_ends_the_previous_one_on_publish(beheerder, team):
    v1 = ZaaktypeFactory(verantwoordelijk_team=team)
    actor = Actor.for_user(beheerder)
    v2 = services.zaaktype_new_version(actor=actor, zaaktype=v1, begin_geldigheid=date(2026, 6, 1))
    assert v2.concept and v2.statustypen.count() == 3 and v2.identificatie == v1.identificatie
    services.zaaktype_publish(actor=actor, zaaktype=v2)
    v1.refresh_from_db()
    assert v1.einde_geldigheid == date(2026, 5, 31)
    from zaken.selectors import zaaktype_actueel

    assert zaaktype_actueel(v1.identificatie, op=date(2026, 5, 31)) == v1
    assert zaaktype_actueel(v1.identificatie, op=date(2026, 6, 1)) == v2
    assert Zaaktype.objects.filter(identificatie=v1.identificatie).count() == 2
