"""Load the demo municipality (../shared/design/DEMO.md), idempotently.

Each app declares its demo steps in its AppConfig as ``demo_seed = [(order, "module.function")]``;
the steps run in order inside one transaction, so a failed run leaves nothing half-written."""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Laad de demogemeente Voorbeeldstad (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Ook zonder DEMO_MODE (bijv. voor tests)."
        )

    def handle(self, *args, **options):
        if not settings.DEMO_MODE and not options["force"]:
            raise CommandError("DEMO_MODE staat uit; de demogegevens horen niet in deze omgeving.")
        steps = []
        for config in apps.get_app_configs():
            for order, dotted in getattr(config, "demo_seed", []):
                steps.append((order, dotted))
        with transaction.atomic():
            for _order, dotted in sorted(steps):
                result = import_string(dotted)()
                self.stdout.write(f"  {dotted}: {result or 'ok'}")
        self.stdout.write(self.style.SUCCESS("Demogemeente Voorbeeldstad geladen."))
