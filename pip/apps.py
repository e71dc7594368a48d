from django.apps import AppConfig


class PipConfig(AppConfig):
    name = "pip"
    verbose_name = "Persoonlijke Internet Pagina"
    # core.views renders pip/404.html (403, 500) for paths under /pip/.
    error_pages_prefix = "/pip/"
    demo_seed = [(60, "pip.demo.seed_pip"), (65, "pip.demo.seed_vragen")]

    def ready(self):
        from pip import notificaties  # noqa: F401  (subscribes to the zaak events)
