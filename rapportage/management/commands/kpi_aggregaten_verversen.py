"""Rebuild the KPI aggregate tables (all history, a range, or the last N days)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_date

from rapportage.aggregaten import aggregaten_verversen


class Command(BaseCommand):
    help = "Ververs de KPI-cijfers van het managementdashboard (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--van", help="Eerste dag (JJJJ-MM-DD); standaard de eerste zaak.")
        parser.add_argument("--tot", help="Laatste dag (JJJJ-MM-DD); standaard vandaag.")
        parser.add_argument("--dagen", type=int, help="Alleen de laatste N dagen tot vandaag.")

    def handle(self, *args, **options):
        van = tot = None
        for naam in ("van", "tot"):
            if options[naam]:
                waarde = parse_date(options[naam])
                if waarde is None:
                    raise CommandError(f"--{naam}: geef een datum als JJJJ-MM-DD.")
                if naam == "van":
                    van = waarde
                else:
                    tot = waarde
        if van and tot and van > tot:
            raise CommandError("--van ligt na --tot.")
        begin = time.monotonic()
        resultaat = aggregaten_verversen(van=van, tot=tot, dagen=options["dagen"])
        self.stdout.write(f"{resultaat} ({time.monotonic() - begin:.1f} s)")
