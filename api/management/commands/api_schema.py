"""Write the OpenAPI schemas of the Zaken, Catalogi and Documenten APIs to api/openapi/, or
with --check fail when the committed files differ from what the code generates."""

import difflib
import sys

from django.core.management.base import BaseCommand, CommandError

from api import schema


class Command(BaseCommand):
    help = "Genereer de OpenAPI-schema's (api/openapi/*.yaml) of controleer ze (--check)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Schrijf niets; faal als het vastgelegde schema afwijkt van de code.",
        )

    def handle(self, *args, **options):
        afwijkend = []
        for component in schema.COMPONENTS:
            text = schema.render_yaml(schema.generate(component))
            path = schema.committed_path(component)
            if options["check"]:
                current = path.read_text(encoding="utf-8") if path.exists() else ""
                if current != text:
                    afwijkend.append(component)
                    diff = difflib.unified_diff(
                        current.splitlines(keepends=True),
                        text.splitlines(keepends=True),
                        fromfile=f"{path} (vastgelegd)",
                        tofile=f"{path} (uit de code)",
                        n=2,
                    )
                    sys.stderr.writelines(list(diff)[:80])
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                self.stdout.write(f"{path} geschreven")
        if afwijkend:
            raise CommandError(
                "Het vastgelegde OpenAPI-schema wijkt af van de code voor: "
                + ", ".join(afwijkend)
                + ". Genereer het opnieuw met `make schema` "
                "(python manage.py api_schema) en commit het."
            )
        if options["check"]:
            self.stdout.write("De OpenAPI-schema's komen overeen met de code.")
