"""1e lijn: a KCC-settleable zaak is created, settled and closed in one step ("klaar terwijl u
wacht"); from another channel it lands in the KCC's werkvoorraad."""

import pytest
from viewflow.workflow.status import PROCESS, STATUS

from core.errors import DomainError
from processen import services
from processen.models import Stap, Taak, ZaakProces
from tests.processen.helpers import actor, claim_en_rond_af, open_taak, resultaat
from zaken import services as zaken_services
from zaken.models import Kanaal, Zaak

pytestmark = pytest.mark.django_db


def test_kcc_settles_and_closes_in_one_step_with_resultaat(gemeente):
    g = gemeente
    zaak = services.zaak_direct_afhandelen(
        actor=actor(g.kim),
        zaaktype=g.paspoort,
        initiator=zaken_services.Betrokkene.persoon("999993653", naam="Jan de Vries"),
        resultaattype=resultaat(g.paspoort),
        kanaal=Kanaal.BALIE,
        omschrijving="Nieuw paspoort",
        toelichting="Opgehaald aan de balie.",
    )
    assert zaak.einddatum is not None
    assert zaak.resultaat.resultaattype.omschrijving == "Verleend"
    assert zaak.archiefactiedatum is not None
    assert list(zaak.statussen.values_list("statustype__omschrijving", "gezet_door")) == [
        ("Aanvraag ontvangen", g.kim.pk),
        ("Afgehandeld", g.kim.pk),
    ]
    taak = Taak.objects.get(zaak=zaak, stap=Stap.AFHANDELEN)
    assert (taak.status, taak.owner, taak.team) == (STATUS.DONE, g.kim, g.kcc)
    assert ZaakProces.objects.get(zaak=zaak).status == PROCESS.DONE


def test_direct_afhandelen_refuses_other_zaaktypen_and_writes_nothing(gemeente):
    g = gemeente
    aantal = Zaak.objects.count()
    with pytest.raises(DomainError) as exc:
        services.zaak_direct_afhandelen(
            actor=actor(g.kim),
            zaaktype=g.parkeer,
            initiator=None,
            resultaattype=resultaat(g.parkeer),
            kanaal=Kanaal.TELEFOON,
        )
    assert exc.value.field == "zaaktype"
    with pytest.raises(DomainError) as exc:
        services.zaak_direct_afhandelen(
            actor=actor(g.kim),
            zaaktype=g.paspoort,
            initiator=None,
            resultaattype=resultaat(g.parkeer),
            kanaal=Kanaal.TELEFOON,
        )
    assert exc.value.field == "resultaattype"
    assert Zaak.objects.count() == aantal


def test_only_the_1e_lijn_settles_directly(gemeente):
    g = gemeente
    aantal = Zaak.objects.count()
    with pytest.raises(DomainError):
        services.zaak_direct_afhandelen(
            actor=actor(g.vera),
            zaaktype=g.paspoort,
            initiator=None,
            resultaattype=resultaat(g.paspoort),
            kanaal=Kanaal.BALIE,
        )
    assert Zaak.objects.count() == aantal


def test_from_another_channel_it_waits_in_the_kcc_werkvoorraad(gemeente, system):
    g = gemeente
    zaak = zaken_services.zaak_create(actor=system, zaaktype=g.paspoort, kanaal=Kanaal.POST)
    taak = open_taak(zaak, Stap.AFHANDELEN)
    assert taak.team == g.kcc
    claim_en_rond_af(g.kim, taak, resultaattype=resultaat(g.paspoort), toelichting="")
    zaak.refresh_from_db()
    assert zaak.einddatum is not None
