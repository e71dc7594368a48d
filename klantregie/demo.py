"""Demo klanten (DEMO.md) and a few more inhabitants for realistic lists."""

from datetime import date

from klantregie.models import Klant
from zaken.models import Kanaal

KLANTEN = [
    {
        "soort": "persoon",
        "bsn": "999993653",
        "voornamen": "Jan",
        "voorvoegsel": "de",
        "achternaam": "Vries",
        "geboortedatum": date(1980, 5, 14),
        "straat": "Dorpsstraat",
        "huisnummer": "12",
        "postcode": "1234AB",
        "woonplaats": "Voorbeeldstad",
        "email": "jan.devries@example.nl",
        "telefoon": "0612345678",
        "voorkeurskanaal": Kanaal.EMAIL,
    },
    {
        "soort": "persoon",
        "bsn": "999990019",
        "voornamen": "Fatima",
        "voorvoegsel": "El",
        "achternaam": "Amrani",
        "geboortedatum": date(1992, 11, 2),
        "straat": "Lindelaan",
        "huisnummer": "3",
        "postcode": "1234CD",
        "woonplaats": "Voorbeeldstad",
        "email": "fatima.elamrani@example.nl",
        "telefoon": "0687654321",
        "voorkeurskanaal": Kanaal.TELEFOON,
    },
    {
        "soort": "organisatie",
        "kvk_nummer": "68750110",
        "bedrijfsnaam": "Evenementen BV De Brink",
        "straat": "Brink",
        "huisnummer": "1",
        "postcode": "1234EF",
        "woonplaats": "Voorbeeldstad",
        "email": "info@debrink.example.nl",
        "telefoon": "0201234567",
        "voorkeurskanaal": Kanaal.EMAIL,
    },
]

# Extra inhabitants with elfproef-valid demo BSNs.
EXTRA = [
    ("Pieter", "", "Bakker", "111222333", "Molenweg", "20", "1235AA"),
    ("Sanne", "van", "Leeuwen", "123456782", "Stationsstraat", "5", "1235AB"),
    ("Mohamed", "", "Yilmaz", "100000009", "Marktstraat", "14", "1235AC"),
    ("Els", "", "Kuipers", "100000010", "Parkweg", "2", "1235AD"),
]


def seed_klanten() -> str:
    count = 0
    for data in KLANTEN:
        key = (
            {"bsn": data["bsn"]}
            if data.get("bsn")
            else {"kvk_nummer": data["kvk_nummer"], "vestigingsnummer": ""}
        )
        _, created = Klant.objects.update_or_create(**key, defaults=data)
        count += created
    for voornaam, voorvoegsel, achternaam, bsn, straat, nr, postcode in EXTRA:
        _, created = Klant.objects.update_or_create(
            bsn=bsn,
            defaults={
                "soort": "persoon",
                "voornamen": voornaam,
                "voorvoegsel": voorvoegsel,
                "achternaam": achternaam,
                "straat": straat,
                "huisnummer": nr,
                "postcode": postcode,
                "woonplaats": "Voorbeeldstad",
                "email": f"{voornaam.lower()}.{achternaam.lower()}@example.nl",
            },
        )
        count += created
    return f"{count} klanten aangemaakt"
