from django.apps import AppConfig


class ProcessenConfig(AppConfig):
    name = "processen"
    verbose_name = "Processen (werkvoorraad en klantregie)"
    staff_menu = [(10, "Werkvoorraad", "processen:werkvoorraad", "zaken.lezen")]
    zaak_detail_panels = [(10, "processen/_zaak_panel.html", "processen.panels.zaak_panel")]
    rol_rechten = {
        "teamleider": [
            "processen.view_taak",
            "processen.taken_verdelen",
            "processen.klantregisseur_wijzigen",
        ],
        "manager": ["processen.view_taak", "processen.alle_taken_inzien"],
        "functioneel-beheerder": ["processen.view_taak", "processen.view_zaakproces"],
    }

    def ready(self):
        # Importing the subscribers registers them (and loads the flow, so that viewflow's
        # class setup has run before the first request or migration).
        from processen import subscribers  # noqa: F401
