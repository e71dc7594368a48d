from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "ZGW API's"
    demo_seed = [(60, "api.demo.seed_api_applicaties")]
    rol_rechten = {
        "functioneel-beheerder": [
            f"api.{action}_{model}"
            for model in ("applicatie", "autorisatie")
            for action in ("view", "add", "change", "delete")
        ],
    }

    def ready(self):
        # The OpenAPI extension for the ZGW JWT authentication registers itself on import.
        from api import schema  # noqa: F401
