"""The demo municipality's fixed names (../shared/design/DEMO.md is the contract)."""

DEMO_PASSWORD = "demo"  # noqa: S105 - demo only; production settings refuse DEMO_MODE

# username, first name, last name, role, team code
DEMO_STAFF = [
    ("kcc", "Kim", "Claassen", "kcc-medewerker", "kcc"),
    ("regisseur", "Renée", "Smit", "klantregisseur", "klantregie"),
    ("regisseur2", "Rachid", "Bouzid", "klantregisseur", "klantregie"),
    ("adviseur", "Anouk", "de Graaf", "klantadviseur", "werk-en-inkomen"),
    ("vergunningen", "Vera", "Jansen", "vakspecialist", "vergunningen"),
    ("oov", "Otto", "van Dijk", "vakspecialist", "oov"),
    ("verkeer", "Vincent", "Bakker", "vakspecialist", "verkeer"),
    ("bor", "Bram", "Visser", "vakspecialist", "bor"),
    ("teamleider", "Tineke", "Mulder", "teamleider", "vergunningen"),
    ("manager", "Marco", "de Boer", "manager", "management"),
    ("beheer", "Bea", "Hendriks", "functioneel-beheerder", None),
    # Additions beyond DEMO.md, so that every team in the catalogue has someone to do the work.
    ("jurist", "Julia", "Verbeek", "vakspecialist", "juridische-zaken"),
    ("consulent", "Chris", "Wouters", "klantadviseur", "wmo"),
    ("redacteur", "Rosa", "de Redacteur", "kennisbank-redacteur", "kcc"),
]

DEMO_BURGERS = [
    ("999993653", "Jan", "de", "Vries"),
    ("999990019", "Fatima", "El", "Amrani"),
]
DEMO_ONDERNEMER = ("68750110", "Evenementen BV De Brink")
