"""Send today's deadline reminders and escalations (run daily by Celery beat or cron)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from processen.services import taak_signalen_geven


class Command(BaseCommand):
    help = (
        "Stuur herinneringen en escalaties voor taken bij of over hun termijn (idempotent per dag)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--datum", help="Alsof het deze dag is (JJJJ-MM-DD); standaard vandaag."
        )

    def handle(self, *args, **options):
        datum = None
        if options["datum"]:
            try:
                datum = date.fromisoformat(options["datum"])
            except ValueError as exc:
                raise CommandError("Geef de datum als JJJJ-MM-DD.") from exc
        resultaat = taak_signalen_geven(datum=datum)
        if resultaat.get("overgeslagen"):
            self.stdout.write(f"Geen werkdag ({resultaat['overgeslagen']}): niets verstuurd.")
            return
        self.stdout.write(
            f"{resultaat['taken']} taken bekeken: {resultaat['herinneringen']} herinneringen, "
            f"{resultaat['escalaties']} escalaties."
        )
