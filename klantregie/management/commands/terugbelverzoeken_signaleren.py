from datetime import date

from django.core.management.base import BaseCommand, CommandError

from klantregie.services import terugbelverzoeken_signaleren


class Command(BaseCommand):
    help = (
        "Stuur herinneringen (aan de behandelaar) en escalaties (aan de teamleider) voor "
        "terugbelverzoeken die te laat zijn. Hoogstens één per verzoek, ontvanger en dag."
    )

    def add_arguments(self, parser):
        parser.add_argument("--datum", help="Rekenen alsof het deze dag is (JJJJ-MM-DD).")

    def handle(self, *args, **options):
        vandaag = None
        if options.get("datum"):
            try:
                vandaag = date.fromisoformat(options["datum"])
            except ValueError as exc:
                raise CommandError("Gebruik voor --datum de vorm JJJJ-MM-DD.") from exc
        uitkomst = terugbelverzoeken_signaleren(vandaag=vandaag)
        self.stdout.write(
            f"{uitkomst['te_laat']} te laat, {uitkomst['herinneringen']} herinneringen, "
            f"{uitkomst['escalaties']} escalaties verstuurd."
        )
