"""The KPIs Zaakstroom knows, with their default norms. `normen_aanvullen` (run after every
migrate and by seed_demo) adds the ones that are missing and never overwrites what the
functioneel beheerder changed in the admin."""

from decimal import Decimal

H, L = "hoger", "lager"

# code, naam, uitleg, norm (None: no norm), richting, eenheid
STANDAARD_NORMEN = [
    ("direct_afgehandeld", "Direct afgehandeld in het KCC",
     "Deel van de vragen aan het KCC dat in het eerste contact is beantwoord.", 80, H, "procent"),
    ("kennisbank_gebruikt", "Antwoord uit de kennisbank",
     "Deel van de KCC-contacten waarin het antwoord in de kennisbank is gevonden.", 60, H, "procent"),
    ("tijdig_afgehandeld", "Tijdig afgehandeld",
     "Deel van de afgesloten zaken dat binnen de (wettelijke) doorlooptijd klaar was.", 90, H,
     "procent"),
    ("binnen_servicenorm", "Binnen de servicenorm",
     "Deel van de afgesloten zaken dat binnen de servicenorm klaar was.", 80, H, "procent"),
    ("doorlooptijd_mediaan", "Doorlooptijd (mediaan)",
     "De helft van de afgesloten zaken was binnen zoveel kalenderdagen klaar.", 30, L, "dagen"),
    ("doorlooptijd_p90", "Doorlooptijd (90e percentiel)",
     "90% van de afgesloten zaken was binnen zoveel kalenderdagen klaar.", 60, L, "dagen"),
    ("zaken_te_laat", "Openstaande zaken over de termijn",
     "Open zaken waarvan de uiterlijke einddatum voorbij is (nu).", 10, L, "aantal"),
    ("taken_te_laat", "Taken over de termijn",
     "Openstaande taken in de werkvoorraad waarvan de uiterste datum voorbij is (nu).", 10, L,
     "aantal"),
    ("terugbel_te_laat", "Terugbelverzoeken te laat",
     "Openstaande terugbelverzoeken waarvan de deadline voorbij is (nu).", 5, L, "aantal"),
    ("instroom", "Instroom", "Zaken gestart in de periode.", None, H, "aantal"),
    ("uitstroom", "Uitstroom", "Zaken afgesloten in de periode.", None, H, "aantal"),
    ("klachten", "Klachten", "Klachten ontvangen in de periode.", None, L, "aantal"),
    ("bezwaarschriften", "Bezwaarschriften", "Bezwaarschriften ontvangen in de periode.", None,
     L, "aantal"),
    ("opschortingen", "Opschortingen", "Zaken opgeschort in de periode.", None, L, "aantal"),
    ("verlengingen", "Verlengingen", "Verlengde zaken onder de instroom van de periode.", None,
     L, "aantal"),
]  # fmt: skip

STANDAARD_CATEGORIEEN = [("KLACHT", "klacht"), ("BEZWAAR", "bezwaar")]


def normen_aanvullen() -> int:
    from rapportage.models import KpiNorm, ZaaktypeCategorie

    bestaand = set(KpiNorm.objects.values_list("code", flat=True))
    nieuw = [
        KpiNorm(
            code=code,
            naam=naam,
            omschrijving=uitleg,
            norm=None if norm is None else Decimal(norm),
            richting=richting,
            eenheid=eenheid,
            volgorde=(i + 1) * 10,
        )
        for i, (code, naam, uitleg, norm, richting, eenheid) in enumerate(STANDAARD_NORMEN)
        if code not in bestaand
    ]
    KpiNorm.objects.bulk_create(nieuw)
    if not ZaaktypeCategorie.objects.exists():
        ZaaktypeCategorie.objects.bulk_create(
            ZaaktypeCategorie(zaaktype_identificatie=ident, categorie=cat)
            for ident, cat in STANDAARD_CATEGORIEEN
        )
    return len(nieuw)


def normen_aanvullen_after_migrate(sender, **kwargs):
    normen_aanvullen()
