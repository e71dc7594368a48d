from django.apps import AppConfig


class KlantregieConfig(AppConfig):
    name = "klantregie"
    verbose_name = "Klantregie (KCC)"
    demo_seed = [(30, "klantregie.demo.seed_klanten")]
    rol_rechten = {
        "kcc-medewerker": [
            "klantregie.view_klant",
            "klantregie.add_klant",
            "klantregie.change_klant",
        ],
        "klantadviseur": [
            "klantregie.view_klant",
            "klantregie.add_klant",
            "klantregie.change_klant",
        ],
        "klantregisseur": [
            "klantregie.view_klant",
            "klantregie.add_klant",
            "klantregie.change_klant",
        ],
        "vakspecialist": ["klantregie.view_klant"],
        "teamleider": ["klantregie.view_klant"],
        "functioneel-beheerder": ["klantregie.view_klant", "klantregie.change_klant"],
    }
