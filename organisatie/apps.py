from django.apps import AppConfig


class OrganisatieConfig(AppConfig):
    name = "organisatie"
    verbose_name = "Organisatie"
    demo_seed = [(10, "organisatie.demo.seed_organisatie")]
    rol_rechten = {
        "functioneel-beheerder": [
            f"organisatie.{action}_{model}"
            for model in ("team", "user", "lidmaatschap", "rolprofiel")
            for action in ("view", "add", "change")
        ],
        "teamleider": ["organisatie.view_team", "organisatie.view_user"],
        "manager": ["organisatie.view_team"],
    }

    def ready(self):
        from django.db.models.signals import post_migrate

        from organisatie.rollen import sync_rollen_after_migrate

        # post_migrate is sent after all migrations ran; sync_rollen creates every app's
        # permissions itself, so running once (for this app) is enough.
        post_migrate.connect(
            sync_rollen_after_migrate, sender=self, dispatch_uid="zaakstroom-sync-rollen"
        )
