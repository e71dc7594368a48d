from django.apps import AppConfig

KLANT = ["klantregie.view_klant", "klantregie.add_klant", "klantregie.change_klant"]
CONTACT = ["klantregie.view_klantcontact", "klantregie.add_klantcontact"]
TERUGBELLEN = [
    "klantregie.view_terugbelverzoek",
    "klantregie.add_terugbelverzoek",
    "klantregie.change_terugbelverzoek",
]
TERUGBELLEN_ONTVANGEN = ["klantregie.view_terugbelverzoek", "klantregie.change_terugbelverzoek"]
KENNISBANK_LEZEN = ["klantregie.view_kennisartikel"]
KENNISBANK_BEHEER = [
    "klantregie.view_kennisartikel",
    "klantregie.add_kennisartikel",
    "klantregie.change_kennisartikel",
]
BEANTWOORDEN = ["klantregie.vragen_beantwoorden"]


class KlantregieConfig(AppConfig):
    name = "klantregie"
    verbose_name = "Klantregie (KCC)"
    demo_seed = [
        (30, "klantregie.demo.seed_klanten"),
        (35, "klantregie.demo.seed_kennisbank"),
        (60, "klantregie.demo.seed_contacten"),
    ]
    staff_landing = {
        "kcc-medewerker": "klantregie:start",
        "kennisbank-redacteur": "klantregie:kennisbank",
    }
    staff_menu = [
        (20, "KCC", "klantregie:start", "klantregie.add_klantcontact"),
        (21, "Contact vastleggen", "klantregie:contact", "klantregie.add_klantcontact"),
        (52, "Klanten", "klantregie:klanten", "klantregie.view_klant"),
        (56, "Terugbellen", "klantregie:terugbelverzoeken", "klantregie.view_terugbelverzoek"),
        (57, "Vragen", "klantregie:vragen", "klantregie.vragen_beantwoorden"),
        (60, "Kennisbank", "klantregie:kennisbank", "klantregie.view_kennisartikel"),
    ]
    zaak_detail_panels = [
        (30, "klantregie/_zaak_contacten_panel.html", "klantregie.panels.zaak_contacten")
    ]
    werkvoorraad_panels = [
        (50, "klantregie/_terugbel_panel.html", "klantregie.panels.werkvoorraad")
    ]
    rol_rechten = {
        "kcc-medewerker": [*KLANT, *CONTACT, *TERUGBELLEN, *KENNISBANK_LEZEN, *BEANTWOORDEN],
        "klantadviseur": [*KLANT, *CONTACT, *TERUGBELLEN, *KENNISBANK_LEZEN, *BEANTWOORDEN],
        "klantregisseur": [*KLANT, *CONTACT, *TERUGBELLEN, *KENNISBANK_LEZEN, *BEANTWOORDEN],
        "vakspecialist": [
            "klantregie.view_klant",
            "klantregie.view_klantcontact",
            *TERUGBELLEN_ONTVANGEN,
            *KENNISBANK_LEZEN,
            *BEANTWOORDEN,
        ],
        "teamleider": [
            "klantregie.view_klant",
            "klantregie.view_klantcontact",
            *TERUGBELLEN_ONTVANGEN,
            *KENNISBANK_LEZEN,
            *BEANTWOORDEN,
        ],
        "manager": [
            "klantregie.view_klantcontact",
            "klantregie.view_terugbelverzoek",
            *KENNISBANK_LEZEN,
        ],
        "functioneel-beheerder": [
            "klantregie.view_klant",
            "klantregie.change_klant",
            *KENNISBANK_BEHEER,
        ],
        # Redacteuren maintain the kennisbank in the admin (they need is_staff for the admin).
        "kennisbank-redacteur": KENNISBANK_BEHEER,
    }
