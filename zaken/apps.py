from django.apps import AppConfig

ZAAK_LEZEN = ["zaken.lezen", "zaken.view_zaak"]
ZAAK_WERKEN = [*ZAAK_LEZEN, "zaken.aanmaken", "zaken.bijwerken", "zaken.statussen.toevoegen"]
CATALOGUS_BEHEER = [
    f"zaken.{action}_{model}"
    for model in (
        "catalogus",
        "zaaktype",
        "statustype",
        "resultaattype",
        "roltype",
        "eigenschap",
        "informatieobjecttype",
        "zaaktypeinformatieobjecttype",
        "sluitingsdag",
    )
    for action in ("view", "add", "change", "delete")
]


class ZakenConfig(AppConfig):
    name = "zaken"
    verbose_name = "Zaken en catalogus"
    staff_menu = [(50, "Zaken", "zaken:list", "zaken.lezen")]
    demo_seed = [(20, "zaken.demo.seed_catalogus"), (40, "zaken.demo.seed_zaken")]
    rol_rechten = {
        "kcc-medewerker": [*ZAAK_WERKEN, "zaken.alle-zaken-inzien"],
        "klantadviseur": [*ZAAK_WERKEN, "zaken.alle-zaken-inzien"],
        "klantregisseur": [*ZAAK_WERKEN, "zaken.alle-zaken-inzien"],
        "vakspecialist": ZAAK_WERKEN,
        "teamleider": [*ZAAK_WERKEN, "zaken.heropenen", "zaken.geforceerd-bijwerken"],
        "manager": [*ZAAK_LEZEN, "zaken.alle-zaken-inzien"],
        "functioneel-beheerder": [
            *ZAAK_LEZEN,
            "zaken.alle-zaken-inzien",
            "zaken.heropenen",
            "zaken.catalogus-beheren",
            *CATALOGUS_BEHEER,
        ],
    }
