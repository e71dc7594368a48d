"""The demo municipality's zaken went through the flow: tasks, statuses and klantregisseurs
agree with each other (DEMO.md)."""

import pytest
from django.core.management import call_command
from viewflow.workflow.status import PROCESS

from processen.models import OPEN_STATUSSEN, Stap, Taak, ZaakProces
from zaken.models import Zaak

pytestmark = pytest.mark.django_db


def test_demo_zaken_are_consistent_with_the_flow():
    call_command("seed_demo", force=True)
    for zaak in Zaak.objects.filter(identificatie__startswith="ZAAK-DEMO-"):
        open_taken = Taak.objects.filter(
            zaak=zaak, flow_task_type="HUMAN", status__in=OPEN_STATUSSEN
        )
        if zaak.einddatum:
            assert ZaakProces.objects.get(zaak=zaak).status == PROCESS.DONE, zaak
            assert not open_taken.exists(), zaak
        else:
            assert ZaakProces.objects.get(zaak=zaak).status == PROCESS.NEW, zaak
            assert open_taken.exists(), zaak

    brink = Zaak.objects.get(
        rollen__kvk_nummer="68750110", zaaktype__identificatie="EVENEMENTENVERGUNNING"
    )
    assert brink.klantregisseur is not None
    assert set(
        Taak.objects.filter(
            zaak=brink, stap=Stap.UITVOERING, status__in=OPEN_STATUSSEN
        ).values_list("team__code", flat=True)
    ) == {"vergunningen", "verkeer"}
    opgeschort = Zaak.objects.get(rollen__bsn="999993653", opschorting_wacht_op_aanvrager=True)
    assert Taak.objects.filter(zaak=opgeschort, opgeschort_sinds__isnull=False).exists()
    politiek = Zaak.objects.get(identificatie="ZAAK-DEMO-0017")
    assert politiek.politiek_gevoelig and politiek.klantregisseur is not None
    # overdue examples for the signals
    from django.utils import timezone

    assert (
        Taak.objects.filter(
            status__in=OPEN_STATUSSEN,
            deadline__lt=timezone.localdate(),
            opgeschort_sinds__isnull=True,
        ).count()
        >= 3
    )
