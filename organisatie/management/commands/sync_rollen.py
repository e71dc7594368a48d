from django.core.management.base import BaseCommand

from organisatie.rollen import sync_rollen


class Command(BaseCommand):
    help = "Maak de rollen (groepen) aan en geef ze de rechten die de apps vastleggen."

    def handle(self, *args, **options):
        sync_rollen(verbosity=options["verbosity"])
        self.stdout.write(self.style.SUCCESS("Rollen bijgewerkt."))
