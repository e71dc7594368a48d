"""Demo teams and staff users (DEMO.md)."""

from django.contrib.auth.models import Group

from core.demo import DEMO_PASSWORD, DEMO_STAFF
from organisatie.models import Lidmaatschap, Lijn, Team, User
from organisatie.rollen import sync_rollen

TEAMS = [
    # code, naam, lijn, klantregieteam, fte, e-mail
    ("kcc", "KCC (klantcontactcentrum)", Lijn.EERSTE, False, "18.5"),
    ("klantregie", "Klantregie", Lijn.TWEEDE, True, "6.0"),
    ("werk-en-inkomen", "Werk & Inkomen", Lijn.TWEEDE, False, "12.0"),
    ("wmo", "WMO", Lijn.TWEEDE, False, "9.0"),
    ("vergunningen", "Vergunningen", Lijn.DERDE, False, "8.0"),
    ("oov", "Openbare Orde & Veiligheid", Lijn.DERDE, False, "4.0"),
    ("verkeer", "Verkeer", Lijn.DERDE, False, "5.0"),
    ("bor", "Beheer Openbare Ruimte", Lijn.DERDE, False, "14.0"),
    ("juridische-zaken", "Juridische Zaken", Lijn.DERDE, False, "5.0"),
    ("management", "Management", None, False, None),
]


def seed_organisatie() -> str:
    sync_rollen()
    teams = {}
    for code, naam, lijn, regie, fte in TEAMS:
        team, _ = Team.objects.update_or_create(
            code=code,
            defaults={
                "naam": naam,
                "lijn": lijn,
                "is_klantregieteam": regie,
                "fte": fte,
                "email": f"{code}@voorbeeldstad.nl",
                "telefoon": "14 000",
            },
        )
        teams[code] = team
    for username, voornaam, achternaam, rol, team_code in DEMO_STAFF:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": voornaam,
                "last_name": achternaam,
                "email": f"{username}@voorbeeldstad.nl",
                "soort": User.Soort.MEDEWERKER,
                "is_staff": rol in ("functioneel-beheerder", "kennisbank-redacteur"),
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.set([Group.objects.get(name=rol)])
        if team_code:
            Lidmaatschap.objects.get_or_create(user=user, team=teams[team_code])
    Team.objects.filter(code="vergunningen").update(
        teamleider=User.objects.get(username="teamleider")
    )
    Team.objects.filter(code="management").update(teamleider=User.objects.get(username="manager"))
    return f"{len(teams)} teams, {len(DEMO_STAFF)} medewerkers"
