import pytest

from tests.factories import InformatieobjecttypeFactory, ZaaktypeFactory
from zaken.models import ZaaktypeInformatieobjecttype

JAN_BSN = "999993653"


@pytest.fixture
def brieven_aan(settings):
    """Letters are off in the test settings (speed); these tests switch them on."""
    settings.BRIEVEN_AUTOMATISCH = True


def met_briefsoorten(zaaktype):
    """Give a zaaktype the document types letters are stored under, as the demo catalogue has."""
    for nr, omschrijving in enumerate(("Ontvangstbevestiging", "Besluit"), start=10):
        iot = InformatieobjecttypeFactory(catalogus=zaaktype.catalogus, omschrijving=omschrijving)
        ZaaktypeInformatieobjecttype.objects.create(
            zaaktype=zaaktype,
            informatieobjecttype=iot,
            volgnummer=nr,
            richting=ZaaktypeInformatieobjecttype.Richting.UITGAAND,
        )
    return zaaktype


@pytest.fixture
def brief_zaaktype(db, team):
    return met_briefsoorten(
        ZaaktypeFactory(
            verantwoordelijk_team=team,
            omschrijving="Parkeervergunning bewoners",
            publiek_omschrijving="Parkeervergunning",
            doorlooptijd="P8W",
            servicenorm="P4W",
        )
    )
