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


# --- kennisbank ---------------------------------------------------------------------------------
# vraag, product, zaaktype, trefwoorden, team, antwoord
KENNISARTIKELEN = [
    (
        "Openingstijden milieustraat",
        "Afval en milieustraat",
        "",
        "milieustraat, openingstijden, afval wegbrengen, grofvuil, puin, chemisch afval",
        "bor",
        "De milieustraat aan de Industrieweg 10 is open van dinsdag tot en met vrijdag van "
        "8.30 tot 16.30 uur en op zaterdag van 9.00 tot 15.00 uur. Op maandag, zondag en "
        "feestdagen is de milieustraat dicht.\nNeem uw legitimatiebewijs mee: u laat zien dat "
        "u in Voorbeeldstad woont. Tot 2 m³ per bezoek is gratis.",
    ),
    (
        "Openingstijden gemeentehuis",
        "Gemeentehuis",
        "",
        "openingstijden, gemeentehuis, balie, afspraak, loket",
        "kcc",
        "Het gemeentehuis (Markt 1) is open van maandag tot en met vrijdag van 8.30 tot 17.00 "
        "uur, op donderdag tot 20.00 uur. Voor de balie maakt u eerst een afspraak via "
        "www.voorbeeldstad.nl/afspraak of telefoonnummer 14 000.",
    ),
    (
        "Verlies van reisdocument",
        "Paspoort en ID-kaart",
        "PASPOORT",
        "paspoort, id-kaart, identiteitskaart, kwijt, verloren, gestolen, vermist, reisdocument",
        "kcc",
        "Bent u uw paspoort of ID-kaart kwijt, of is het gestolen? Doe bij diefstal eerst "
        "aangifte bij de politie. Maak daarna een afspraak aan de balie: daar meldt u het "
        "verlies en vraagt u meteen een nieuw document aan. Neem een pasfoto mee. U betaalt de "
        "gewone kosten en € 15 voor de vermissingsmelding. Het nieuwe document is na 5 "
        "werkdagen klaar.",
    ),
    (
        "Paspoort of ID-kaart aanvragen",
        "Paspoort en ID-kaart",
        "PASPOORT",
        "paspoort, id-kaart, identiteitskaart, aanvragen, verlengen, pasfoto",
        "kcc",
        "U vraagt een paspoort of ID-kaart aan bij de balie, op afspraak. Neem een pasfoto en "
        "uw oude document mee. Een paspoort kost € 84,70, een ID-kaart € 77,85 (18 jaar en "
        "ouder). Na 5 werkdagen kunt u het document ophalen.",
    ),
    (
        "Verhuizing doorgeven",
        "Verhuizen",
        "",
        "verhuizen, verhuizing, adres, adreswijziging, inschrijven, nieuw adres",
        "kcc",
        "Geef uw verhuizing uiterlijk 5 dagen na de verhuisdatum door via www.voorbeeldstad.nl/"
        "verhuizen (met DigiD). U kunt dit 4 weken van tevoren al doen. Verhuist u met het "
        "hele gezin, dan geeft één volwassene het voor iedereen door.",
    ),
    (
        "Parkeervergunning voor bewoners",
        "Parkeren",
        "PARKEERVERGUNNING",
        "parkeren, parkeervergunning, vergunning, auto, kenteken, bewoner",
        "vergunningen",
        "Woont u in een betaald-parkeergebied? Dan vraagt u een parkeervergunning aan op "
        "www.voorbeeldstad.nl/parkeren of via het KCC. U heeft het kenteken nodig. De "
        "vergunning kost € 60 per jaar. We beslissen binnen 8 weken; meestal binnen 4 weken.",
    ),
    (
        "Bezoekers laten parkeren",
        "Parkeren",
        "",
        "parkeren, bezoek, bezoekersvergunning, bezoekerskaart, visite",
        "vergunningen",
        "Met een bezoekersvergunning parkeert uw bezoek voor € 0,50 per uur in uw wijk. U "
        "meldt het kenteken van uw bezoek aan in de app of op www.voorbeeldstad.nl/parkeren.",
    ),
    (
        "Parkeerboete (naheffing) betwisten",
        "Parkeren",
        "BEZWAAR",
        "parkeerboete, naheffing, bon, bezwaar, parkeren",
        "juridische-zaken",
        "Bent u het niet eens met een naheffingsaanslag parkeerbelasting? Dien binnen 6 weken "
        "na de datum op de aanslag bezwaar in via www.voorbeeldstad.nl/bezwaar. Vermeld het "
        "nummer van de aanslag en waarom u het er niet mee eens bent.",
    ),
    (
        "Hulp bij het huishouden (Wmo)",
        "Wmo",
        "WMO-MELDING",
        "wmo, huishoudelijke hulp, schoonmaken, zorg, ondersteuning, thuis",
        "wmo",
        "Lukt het huishouden niet meer door ziekte, beperking of ouderdom? Doe een Wmo-melding. "
        "Een consulent belt u binnen 2 weken voor een gesprek. Samen kijken jullie wat u nodig "
        "heeft. Wij beslissen binnen 6 weken na de melding.",
    ),
    (
        "Traplift of woningaanpassing (Wmo)",
        "Wmo",
        "WMO-MELDING",
        "traplift, woningaanpassing, rolstoel, scootmobiel, hulpmiddel, wmo",
        "wmo",
        "Voor een traplift, scootmobiel of aanpassing van uw woning doet u een Wmo-melding. "
        "Een consulent bespreekt met u wat er nodig is. Soms is een eigen bijdrage van "
        "toepassing (het CAK stuurt de rekening).",
    ),
    (
        "Bijzondere bijstand aanvragen",
        "Bijstand",
        "BIJZONDERE-BIJSTAND",
        "bijstand, bijzondere bijstand, kosten, wasmachine, geld, laag inkomen",
        "werk-en-inkomen",
        "Heeft u een laag inkomen en onverwachte, noodzakelijke kosten (bijvoorbeeld een "
        "kapotte wasmachine)? Dan kunt u bijzondere bijstand aanvragen. Doe dit vóór u de "
        "kosten maakt. Een consulent van Werk & Inkomen neemt contact met u op.",
    ),
    (
        "Bijstandsuitkering aanvragen",
        "Bijstand",
        "",
        "uitkering, bijstand, bijstandsuitkering, geen inkomen, participatiewet",
        "werk-en-inkomen",
        "Heeft u geen of te weinig inkomen? Meld u via www.werk.nl en vraag daarna de "
        "bijstandsuitkering aan bij de gemeente. U krijgt binnen 8 weken een besluit. Bij "
        "geldnood kunt u om een voorschot vragen.",
    ),
    (
        "Evenement organiseren",
        "Evenementen",
        "EVENEMENTENVERGUNNING",
        "evenement, festival, feest, braderie, markt, straatfeest",
        "oov",
        "Voor een evenement met meer dan 50 bezoekers, muziek of afgesloten straten heeft u "
        "een evenementenvergunning nodig. Vraag die minstens 8 weken van tevoren aan. Een "
        "klantregisseur is uw vaste contactpersoon; teams van vergunningen, openbare orde en "
        "verkeer beoordelen de aanvraag.",
    ),
    (
        "Bezwaar maken tegen een besluit",
        "Bezwaar",
        "BEZWAAR",
        "bezwaar, bezwaarschrift, besluit, niet eens, beroep",
        "juridische-zaken",
        "Bent u het niet eens met een besluit van de gemeente? Dien binnen 6 weken na de datum "
        "van het besluit een bezwaarschrift in. Zet erin: uw naam en adres, de datum, welk "
        "besluit het is, waarom u het er niet mee eens bent, en uw handtekening.",
    ),
    (
        "Klacht indienen",
        "Klachten",
        "KLACHT",
        "klacht, klagen, ontevreden, behandeling, medewerker",
        "klantregie",
        "Bent u niet tevreden over hoe de gemeente u behandelde? Dien een klacht in via "
        "www.voorbeeldstad.nl/klacht of vertel het de KCC-medewerker; die legt de klacht vast. "
        "Binnen 6 weken hoort u wat we ermee doen.",
    ),
    (
        "Iets kapot of vies op straat melden",
        "Openbare ruimte",
        "MELDING-OR",
        "melding, kapot, lantaarnpaal, stoeptegel, zwerfvuil, openbare ruimte, losliggend",
        "bor",
        "Een kapotte lantaarnpaal, losse stoeptegel of zwerfvuil meldt u via "
        "www.voorbeeldstad.nl/melding, in de app of bij het KCC. Geef de plek zo precies "
        "mogelijk. Wij lossen het binnen 10 werkdagen op.",
    ),
    (
        "Afvalkalender en ophaaldagen",
        "Afval en milieustraat",
        "",
        "afval, container, kliko, ophalen, afvalkalender, groenbak, papier",
        "bor",
        "Wanneer uw containers geleegd worden, staat in de afvalkalender op "
        "www.voorbeeldstad.nl/afval of in de afval-app. Zet de container vóór 7.30 uur aan de "
        "weg. Is uw container niet geleegd, meld het dan dezelfde dag.",
    ),
    (
        "Grofvuil laten ophalen",
        "Afval en milieustraat",
        "",
        "grofvuil, bank, matras, kast, ophalen, afval",
        "bor",
        "Grofvuil (zoals een bank of matras) halen we op afspraak op. Maak de afspraak via "
        "www.voorbeeldstad.nl/grofvuil. Per keer halen we maximaal 2 m³ gratis op. U kunt "
        "grofvuil ook zelf naar de milieustraat brengen.",
    ),
    (
        "Verbouwen: heb ik een vergunning nodig?",
        "Bouwen en verbouwen",
        "OMGEVINGSVERGUNNING",
        "bouwen, verbouwen, dakkapel, uitbouw, aanbouw, vergunning, omgevingsvergunning",
        "vergunningen",
        "Of u een omgevingsvergunning nodig heeft, checkt u in het Omgevingsloket "
        "(www.omgevingsloket.nl). Voor een dakkapel aan de voorkant of een uitbouw hoger dan "
        "4 meter is meestal een vergunning nodig. We beslissen binnen 8 weken; dit kan één keer "
        "met 6 weken worden verlengd.",
    ),
    (
        "Uittreksel BRP aanvragen",
        "Burgerzaken",
        "",
        "uittreksel, brp, inschrijving, bewijs van inschrijving, gemeentelijke basisadministratie",
        "kcc",
        "Een uittreksel uit de Basisregistratie Personen vraagt u aan via "
        "www.voorbeeldstad.nl/uittreksel met DigiD. Het kost € 16,10 en komt binnen 3 "
        "werkdagen met de post.",
    ),
    (
        "Rijbewijs verlengen",
        "Burgerzaken",
        "",
        "rijbewijs, verlengen, cbr, pasfoto, verlopen",
        "kcc",
        "Vraag uw nieuwe rijbewijs eerst online aan via www.voorbeeldstad.nl/rijbewijs met "
        "DigiD en een digitale pasfoto. Na 5 werkdagen haalt u het op aan de balie. Neem uw "
        "oude rijbewijs mee.",
    ),
    (
        "Kwijtschelding gemeentelijke belastingen",
        "Belastingen",
        "",
        "belasting, kwijtschelding, afvalstoffenheffing, rioolheffing, betalen, ozb",
        "werk-en-inkomen",
        "Heeft u een laag inkomen en weinig vermogen? Vraag dan kwijtschelding aan voor de "
        "afvalstoffenheffing en de rioolheffing, binnen 3 maanden na de datum van de aanslag. "
        "Stuur uw inkomensgegevens mee.",
    ),
    (
        "Geboorteaangifte doen",
        "Burgerzaken",
        "",
        "geboorte, baby, aangifte, kind, erkenning",
        "kcc",
        "Doe aangifte van de geboorte binnen 3 dagen, online met DigiD of op afspraak aan de "
        "balie. Neem uw identiteitsbewijs mee. Bent u niet getrouwd, erken het kind dan bij "
        "voorkeur vóór de geboorte.",
    ),
]


def seed_kennisbank() -> str:
    from datetime import timedelta

    from django.contrib.auth.models import Group
    from django.utils import timezone

    from core.actor import Actor
    from core.demo import DEMO_PASSWORD
    from klantregie.models import Kennisartikel
    from klantregie.services import kennisartikel_opslaan
    from organisatie.models import Lidmaatschap, Team, User

    # A redacteur of the kennisbank (admin access for the kennisbank only).
    redacteur, created = User.objects.get_or_create(
        username="redacteur",
        defaults={
            "first_name": "Rosa",
            "last_name": "de Redacteur",
            "email": "redacteur@voorbeeldstad.nl",
            "soort": User.Soort.MEDEWERKER,
            "is_staff": True,
        },
    )
    if created:
        redacteur.set_password(DEMO_PASSWORD)
        redacteur.save()
    redacteur.groups.set([Group.objects.get(name="kennisbank-redacteur")])
    kcc = Team.objects.filter(code="kcc").first()
    if kcc is not None:
        Lidmaatschap.objects.get_or_create(user=redacteur, team=kcc)

    teams = {t.code: t for t in Team.objects.all()}
    actor = Actor.system("Demo")
    nieuw = 0
    herzien = timezone.localdate() + timedelta(days=180)
    for vraag, product, zaaktype, trefwoorden, team, antwoord in KENNISARTIKELEN:
        if Kennisartikel.objects.filter(vraag=vraag).exists():
            continue
        kennisartikel_opslaan(
            actor=actor,
            artikel=Kennisartikel(
                vraag=vraag,
                antwoord=antwoord,
                product=product,
                zaaktype_identificatie=zaaktype,
                trefwoorden=trefwoorden,
                eigenaar_team=teams.get(team),
                herzien_op=herzien,
            ),
        )
        nieuw += 1
    return f"{nieuw} kennisartikelen"


# --- contacts, questions and terugbelverzoeken --------------------------------------------------
def _sleutel(naam: str):
    import uuid

    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://zaakstroom.demo/klantcontact/{naam}")


def seed_contacten() -> str:
    from datetime import timedelta

    from django.utils import timezone

    from core.actor import Actor
    from klantregie.models import Kennisartikel, Klant, Klantcontact, Terugbelverzoek, Vraag
    from klantregie.services import (
        TerugbelInvoer,
        VraagInvoer,
        klantcontact_log,
        terugbelpoging_add,
        terugbelverzoek_close,
        vraag_stellen,
    )
    from organisatie.models import Team, User
    from zaken.models import Zaak, Zaaktype

    kcc = Actor.for_user(User.objects.get(username="kcc"))
    nu = timezone.now()
    artikel = {a.vraag: a for a in Kennisartikel.objects.all()}
    klant = {k.bsn or k.kvk_nummer: k for k in Klant.objects.all()}
    team = {t.code: t for t in Team.objects.all()}
    zaak = {z.identificatie: z for z in Zaak.objects.filter(identificatie__startswith="ZAAK-DEMO")}
    R = Vraag.Resultaat

    def log(naam, *, kanaal, minuten_geleden, duur, vragen, klant_key=None):
        if Klantcontact.objects.filter(sleutel=_sleutel(naam)).exists():
            return 0
        einde = nu - timedelta(minutes=minuten_geleden)
        klantcontact_log(
            actor=kcc,
            kanaal=kanaal,
            klant=klant.get(klant_key) if klant_key else None,
            vragen=vragen,
            gestart_op=einde - timedelta(seconds=duur),
            beeindigd_op=einde,
            sleutel=_sleutel(naam),
        )
        return 1

    dag = 24 * 60
    aantal = 0
    aantal += log(
        "milieustraat",
        kanaal="telefoon",
        minuten_geleden=40,
        duur=28,
        vragen=[
            VraagInvoer(
                onderwerp="Openingstijden milieustraat",
                resultaat=R.DIRECT_BEANTWOORD,
                vraag="Wanneer is de milieustraat open?",
                kennisartikel=artikel.get("Openingstijden milieustraat"),
            )
        ],
    )
    aantal += log(
        "jan-parkeervergunning",
        kanaal="telefoon",
        minuten_geleden=25,
        duur=95,
        klant_key="999993653",
        vragen=[
            VraagInvoer(
                onderwerp="Parkeervergunning bewoners",
                resultaat=R.STATUSINFORMATIE,
                vraag="Hoe ver is mijn parkeervergunning?",
                antwoord="De aanvraag is in behandeling; verwacht binnen 4 weken een besluit.",
                zaak=zaak.get("ZAAK-DEMO-0001"),
            )
        ],
    )
    aantal += log(
        "fatima-paspoort-kwijt",
        kanaal="balie",
        minuten_geleden=dag + 120,
        duur=240,
        klant_key="999990019",
        vragen=[
            VraagInvoer(
                onderwerp="Verlies van reisdocument",
                resultaat=R.DIRECT_BEANTWOORD,
                vraag="Mijn paspoort is gestolen, wat moet ik doen?",
                kennisartikel=artikel.get("Verlies van reisdocument"),
            )
        ],
    )
    aantal += log(
        "brink-evenement",
        kanaal="email",
        minuten_geleden=2 * dag,
        duur=300,
        klant_key="68750110",
        vragen=[
            VraagInvoer(
                onderwerp="Evenementenvergunning",
                resultaat=R.STATUSINFORMATIE,
                vraag="Is er al nieuws over de vergunning voor het zomerfestival?",
                antwoord="De aanvraag wordt beoordeeld door drie teams; de klantregisseur "
                "neemt contact op.",
                zaak=zaak.get("ZAAK-DEMO-0008"),
            )
        ],
    )
    aantal += log(
        "sanne-evenement",
        kanaal="chat",
        minuten_geleden=15,
        duur=180,
        klant_key="123456782",
        vragen=[
            VraagInvoer(
                onderwerp="Evenement organiseren",
                resultaat=R.DOORVERBONDEN,
                vraag="Ik wil een straatfeest organiseren.",
                antwoord="Doorverbonden met Openbare Orde & Veiligheid.",
            )
        ],
    )
    # An overdue terugbelverzoek (sent 8 days ago to Vergunningen, norm 2 werkdagen) ...
    aantal += log(
        "pieter-dakkapel",
        kanaal="telefoon",
        minuten_geleden=8 * dag,
        duur=150,
        klant_key="111222333",
        vragen=[
            VraagInvoer(
                onderwerp="Verbouwen: heb ik een vergunning nodig?",
                resultaat=R.TERUGBELVERZOEK,
                vraag="Heb ik voor een dakkapel aan de achterkant een vergunning nodig?",
                kennisartikel=None,
                terugbel=TerugbelInvoer(
                    team=team.get("vergunningen"),
                    telefoon="0611122233",
                    bereikbaarheid="na 14.00 uur",
                ),
            )
        ],
    )
    # ... one in time (sent today to Werk & Inkomen) ...
    aantal += log(
        "mohamed-bijstand",
        kanaal="telefoon",
        minuten_geleden=10,
        duur=210,
        klant_key="100000009",
        vragen=[
            VraagInvoer(
                onderwerp="Bijzondere bijstand aanvragen",
                resultaat=R.TERUGBELVERZOEK,
                vraag="Mijn koelkast is kapot en ik kan geen nieuwe betalen.",
                terugbel=TerugbelInvoer(team=team.get("werk-en-inkomen"), telefoon="0612300009"),
            )
        ],
    )
    # ... and one that was handled (WMO, sent 5 days ago, called back and closed).
    aantal += log(
        "els-wmo",
        kanaal="telefoon",
        minuten_geleden=5 * dag,
        duur=200,
        klant_key="100000010",
        vragen=[
            VraagInvoer(
                onderwerp="Hulp bij het huishouden (Wmo)",
                resultaat=R.TERUGBELVERZOEK,
                vraag="Ik heb hulp nodig bij het schoonmaken.",
                terugbel=TerugbelInvoer(team=team.get("wmo"), telefoon="0612300010"),
            )
        ],
    )
    consulent = Actor.for_user(User.objects.get(username="consulent"))
    for verzoek in Terugbelverzoek.objects.filter(
        vraag__klantcontact__sleutel=_sleutel("els-wmo"), status__in=Terugbelverzoek.OPEN_STATUSSEN
    ):
        terugbelpoging_add(actor=consulent, verzoek=verzoek, uitkomst="bereikt")
        terugbelverzoek_close(
            actor=consulent,
            verzoek=verzoek,
            resultaat=Terugbelverzoek.Resultaat.ZAAK_GESTART,
            toelichting="Wmo-melding besproken; consulent plant een keukentafelgesprek.",
        )
    # A paspoort settled at the balie at once (journey 3).
    if Zaaktype.objects.filter(identificatie="PASPOORT", concept=False).exists():
        aantal += log(
            "jan-paspoort-balie",
            kanaal="balie",
            minuten_geleden=3 * dag,
            duur=420,
            klant_key="999993653",
            vragen=[
                VraagInvoer(
                    onderwerp="Paspoort of ID-kaart aanvragen",
                    resultaat=R.ZAAK_AFGEHANDELD,
                    antwoord="Paspoort aangevraagd; ophalen over 5 werkdagen.",
                    kennisartikel=artikel.get("Paspoort of ID-kaart aanvragen"),
                )
            ],
        )
    # A question Jan asked on the PIP about his dakkapel (open, routed to the behandelaar).
    dakkapel = zaak.get("ZAAK-DEMO-0002")
    tekst = "Welke bouwtekening hebben jullie precies nodig? Ik heb alleen een schets."
    if dakkapel is not None and not Vraag.objects.filter(zaak=dakkapel, vraag=tekst).exists():
        vraag_stellen(actor=Actor.burger("999993653"), zaak=dakkapel, vraag=tekst)
        aantal += 1
    return f"{aantal} klantcontacten"
