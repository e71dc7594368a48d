from django.apps import AppConfig

SJABLONEN_BEHEER = [
    f"brieven.{actie}_briefsjabloon" for actie in ("view", "add", "change", "delete")
]


class BrievenConfig(AppConfig):
    name = "brieven"
    verbose_name = "Brieven en documenten"
    zaak_detail_panels = [(40, "brieven/_zaak_panel.html", "brieven.panels.zaak_brieven")]
    demo_seed = [(25, "brieven.demo.seed_sjablonen")]
    rol_rechten = {"functioneel-beheerder": [*SJABLONEN_BEHEER, "brieven.view_brief"]}

    def ready(self):
        from brieven import subscribers  # noqa: F401  (subscribes to the zaak events)
