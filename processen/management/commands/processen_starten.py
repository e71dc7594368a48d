"""Start the flow for open zaken that have none (zaken registered before processen existed)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from viewflow.workflow.status import PROCESS

from core.actor import Actor
from processen.services import proces_starten
from zaken.models import Zaak


class Command(BaseCommand):
    help = "Start het zaakproces voor open zaken die er nog geen hebben."

    def handle(self, *args, **options):
        actor = Actor.system("Zaakstroom (processen starten)")
        zonder = Zaak.objects.filter(einddatum__isnull=True).exclude(processen__status=PROCESS.NEW)
        aantal = 0
        for zaak in zonder.select_related("zaaktype").iterator(chunk_size=200):
            with transaction.atomic():
                zaak = Zaak.objects.select_for_update().select_related("zaaktype").get(pk=zaak.pk)
                proces_starten(zaak=zaak, actor=actor)
            aantal += 1
        self.stdout.write(f"Zaakproces gestart voor {aantal} open zaken.")
