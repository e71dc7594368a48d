from django.apps import AppConfig

DASHBOARD = "rapportage.dashboard_bekijken"
NORMEN_BEHEER = [
    f"rapportage.{action}_{model}"
    for model in ("kpinorm", "zaaktypecategorie")
    for action in ("view", "add", "change")
]


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = "Management en rapportage"
    staff_menu = [(70, "Dashboard", "rapportage:dashboard", DASHBOARD)]
    staff_landing = {"manager": "rapportage:dashboard"}
    # After every other app's demo data (the last one is at 60), then the aggregates refresh.
    demo_seed = [(90, "rapportage.demo.seed_historie")]
    rol_rechten = {
        "manager": [DASHBOARD],
        "teamleider": [DASHBOARD],
        "functioneel-beheerder": NORMEN_BEHEER,
    }

    def ready(self):
        from django.db.models.signals import post_migrate

        from rapportage.normen import normen_aanvullen_after_migrate

        post_migrate.connect(
            normen_aanvullen_after_migrate, sender=self, dispatch_uid="zaakstroom-kpi-normen"
        )
