from django.apps import AppConfig


class ProcessenConfig(AppConfig):
    name = "processen"
    verbose_name = "Processen (werkvoorraad en klantregie)"
