"""The demo catalogue (DEMO.md) and demo zaken in various states, built through the services."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from core.actor import Actor
from core.vertrouwelijkheid import Vertrouwelijkheid as V
from organisatie.models import Team, User
from zaken import services
from zaken.models import (
    Afleidingswijze,
    Archiefnominatie,
    Behandeling,
    Catalogus,
    Eigenschap,
    Informatieobjecttype,
    Kanaal,
    Processtap,
    Resultaattype,
    RolOmschrijving,
    Roltype,
    Statustype,
    Zaak,
    Zaaktype,
    ZaaktypeInformatieobjecttype,
)

P = Processtap
KAL, WERK = Zaaktype.TermijnEenheid.KALENDERDAGEN, Zaaktype.TermijnEenheid.WERKDAGEN

STATUS_STANDAARD = [
    ("Ontvangen", P.ONTVANGEN, True, "We hebben uw aanvraag ontvangen. We gaan ermee aan de slag."),
    ("In behandeling", P.BEOORDELING, True, "Een medewerker behandelt uw aanvraag."),
    (
        "Advies gevraagd",
        P.UITVOERING,
        False,
        "We vragen advies aan andere afdelingen. Dat hoort bij deze aanvraag.",
    ),
    (
        "Besluit genomen",
        P.BESLUIT,
        True,
        "Er is een besluit genomen. U krijgt de brief met het besluit.",
    ),
    ("Afgehandeld", P.AFGEHANDELD, True, "Uw aanvraag is afgehandeld."),
]
STATUS_KORT = [
    ("Ontvangen", P.ONTVANGEN, True, "We hebben uw melding ontvangen."),
    ("In behandeling", P.UITVOERING, True, "Een medewerker is met uw melding bezig."),
    ("Afgehandeld", P.AFGEHANDELD, True, "Uw melding is afgehandeld."),
]
STATUS_KCC = [
    ("Aanvraag ontvangen", P.ONTVANGEN, False, "We hebben uw aanvraag ontvangen."),
    ("Afgehandeld", P.AFGEHANDELD, True, "Uw aanvraag is afgehandeld."),
]

R_VERGUNNING = [
    (
        "Verleend",
        "Uw vergunning is verleend.",
        Archiefnominatie.VERNIETIGEN,
        "P5Y",
        Afleidingswijze.AFGEHANDELD,
        "",
    ),
    (
        "Geweigerd",
        "Uw aanvraag is afgewezen.",
        Archiefnominatie.VERNIETIGEN,
        "P10Y",
        Afleidingswijze.AFGEHANDELD,
        "",
    ),
    (
        "Ingetrokken",
        "U heeft uw aanvraag ingetrokken.",
        Archiefnominatie.VERNIETIGEN,
        "P1Y",
        Afleidingswijze.TERMIJN,
        "P1Y",
    ),
]
R_OMGEVING = [
    (
        "Verleend",
        "Uw vergunning is verleend.",
        Archiefnominatie.BLIJVEND_BEWAREN,
        "",
        Afleidingswijze.AFGEHANDELD,
        "",
    ),
    (
        "Geweigerd",
        "Uw aanvraag is afgewezen.",
        Archiefnominatie.VERNIETIGEN,
        "P10Y",
        Afleidingswijze.TERMIJN,
        "P2Y",
    ),
    (
        "Ingetrokken",
        "U heeft uw aanvraag ingetrokken.",
        Archiefnominatie.VERNIETIGEN,
        "P1Y",
        Afleidingswijze.AFGEHANDELD,
        "",
    ),
]

# identificatie, omschrijving, publiek, toelichting, behandeling, team, betrokken teams, klantregie, kcc, pip,
# doorlooptijd, eenheid, servicenorm, verlengingstermijn, vertrouwelijkheid, statussen, resultaten, eigenschappen
ZAAKTYPEN = [
    (
        "PASPOORT",
        "Paspoort of ID-kaart aanvragen",
        "Paspoort of ID-kaart",
        "U vraagt een paspoort of identiteitskaart aan bij de balie.",
        Behandeling.EERSTE_LIJN,
        "kcc",
        ["kcc"],
        False,
        True,
        False,
        "P5D",
        WERK,
        "",
        "",
        V.ZAAKVERTROUWELIJK,
        STATUS_KCC,
        [
            (
                "Aangevraagd",
                "Uw document is aangevraagd. U kunt het over 5 werkdagen ophalen.",
                Archiefnominatie.VERNIETIGEN,
                "P11Y",
                Afleidingswijze.AFGEHANDELD,
                "",
            )
        ],
        [],
    ),
    (
        "MELDING-OR",
        "Melding openbare ruimte",
        "Melding openbare ruimte",
        "Meld iets kapot of vies op straat, in het park of op de stoep.",
        Behandeling.DERDE_LIJN,
        "bor",
        ["bor"],
        False,
        False,
        True,
        "P10D",
        WERK,
        "P5D",
        "",
        V.OPENBAAR,
        STATUS_KORT,
        [
            (
                "Opgelost",
                "Wat u meldde is opgelost.",
                Archiefnominatie.VERNIETIGEN,
                "P1Y",
                Afleidingswijze.AFGEHANDELD,
                "",
            ),
            (
                "Niet in behandeling",
                "We pakken uw melding niet op. In de brief staat waarom.",
                Archiefnominatie.VERNIETIGEN,
                "P1Y",
                Afleidingswijze.AFGEHANDELD,
                "",
            ),
        ],
        [("locatie", "Waar is het?", Eigenschap.Formaat.TEKST, True)],
    ),
    (
        "PARKEERVERGUNNING",
        "Parkeervergunning bewoners",
        "Parkeervergunning",
        "Met een parkeervergunning parkeert u in uw eigen wijk.",
        Behandeling.TWEEDE_EN_DERDE_LIJN,
        "vergunningen",
        ["vergunningen"],
        False,
        False,
        True,
        "P8W",
        KAL,
        "P4W",
        "",
        V.ZAAKVERTROUWELIJK,
        STATUS_STANDAARD,
        R_VERGUNNING,
        [("kenteken", "Wat is het kenteken van uw auto?", Eigenschap.Formaat.TEKST, True)],
    ),
    (
        "WMO-MELDING",
        "WMO-melding",
        "Hulp bij het dagelijks leven (Wmo)",
        "U vraagt hulp of ondersteuning thuis. Een consulent neemt contact met u op.",
        Behandeling.TWEEDE_LIJN,
        "wmo",
        ["wmo"],
        False,
        False,
        True,
        "P6W",
        KAL,
        "",
        "",
        V.VERTROUWELIJK,
        STATUS_STANDAARD,
        [
            (
                "Toegekend",
                "U krijgt de hulp die u vroeg.",
                Archiefnominatie.VERNIETIGEN,
                "P7Y",
                Afleidingswijze.AFGEHANDELD,
                "",
            ),
            (
                "Afgewezen",
                "U krijgt deze hulp niet. In de brief staat waarom.",
                Archiefnominatie.VERNIETIGEN,
                "P7Y",
                Afleidingswijze.AFGEHANDELD,
                "",
            ),
        ],
        [],
    ),
    (
        "OMGEVINGSVERGUNNING",
        "Omgevingsvergunning",
        "Omgevingsvergunning",
        "Voor bouwen, verbouwen of slopen heeft u vaak een omgevingsvergunning nodig.",
        Behandeling.TWEEDE_EN_DERDE_LIJN,
        "vergunningen",
        ["vergunningen", "juridische-zaken"],
        True,
        False,
        True,
        "P8W",
        KAL,
        "",
        "P6W",
        V.ZAAKVERTROUWELIJK,
        STATUS_STANDAARD,
        R_OMGEVING,
        [("locatie", "Op welk adres wilt u bouwen?", Eigenschap.Formaat.TEKST, True)],
    ),
    (
        "EVENEMENTENVERGUNNING",
        "Evenementenvergunning",
        "Evenementenvergunning",
        "Voor een evenement in de openbare ruimte heeft u een vergunning nodig.",
        Behandeling.TWEEDE_EN_DERDE_LIJN,
        "vergunningen",
        ["vergunningen", "oov", "verkeer"],
        True,
        False,
        True,
        "P8W",
        KAL,
        "",
        "",
        V.ZAAKVERTROUWELIJK,
        STATUS_STANDAARD,
        R_VERGUNNING,
        [
            ("datum_evenement", "Op welke datum is het evenement?", Eigenschap.Formaat.DATUM, True),
            ("bezoekers", "Hoeveel bezoekers verwacht u?", Eigenschap.Formaat.GETAL, False),
        ],
    ),
    (
        "KLACHT",
        "Klacht",
        "Klacht",
        "U bent niet tevreden over hoe de gemeente u behandelde.",
        Behandeling.TWEEDE_LIJN,
        "klantregie",
        ["klantregie"],
        False,
        False,
        True,
        "P6W",
        KAL,
        "P2W",
        "",
        V.ZAAKVERTROUWELIJK,
        STATUS_KORT,
        [
            (
                "Gegrond",
                "Uw klacht is terecht. We hebben maatregelen genomen.",
                Archiefnominatie.VERNIETIGEN,
                "P1Y",
                Afleidingswijze.AFGEHANDELD,
                "",
            ),
            (
                "Ongegrond",
                "Uw klacht is niet terecht. In de brief staat waarom.",
                Archiefnominatie.VERNIETIGEN,
                "P1Y",
                Afleidingswijze.AFGEHANDELD,
                "",
            ),
        ],
        [],
    ),
    (
        "BEZWAAR",
        "Bezwaarschrift",
        "Bezwaar",
        "U bent het niet eens met een besluit van de gemeente.",
        Behandeling.DERDE_LIJN,
        "juridische-zaken",
        ["juridische-zaken"],
        False,
        False,
        True,
        "P12W",
        KAL,
        "",
        "P6W",
        V.ZAAKVERTROUWELIJK,
        STATUS_STANDAARD,
        [
            (
                "Gegrond",
                "Uw bezwaar is terecht. Het besluit is aangepast.",
                Archiefnominatie.VERNIETIGEN,
                "P10Y",
                Afleidingswijze.TERMIJN,
                "P1Y",
            ),
            (
                "Ongegrond",
                "Uw bezwaar is niet terecht. Het besluit blijft.",
                Archiefnominatie.VERNIETIGEN,
                "P10Y",
                Afleidingswijze.TERMIJN,
                "P1Y",
            ),
            (
                "Niet-ontvankelijk",
                "We kunnen uw bezwaar niet behandelen.",
                Archiefnominatie.VERNIETIGEN,
                "P5Y",
                Afleidingswijze.AFGEHANDELD,
                "",
            ),
        ],
        [
            (
                "besluitdatum",
                "Wanneer was het besluit waar u bezwaar tegen maakt?",
                Eigenschap.Formaat.DATUM,
                True,
            )
        ],
    ),
    (
        "BIJZONDERE-BIJSTAND",
        "Bijzondere bijstand",
        "Bijzondere bijstand",
        "Geld voor noodzakelijke kosten die u niet zelf kunt betalen.",
        Behandeling.TWEEDE_LIJN,
        "werk-en-inkomen",
        ["werk-en-inkomen"],
        False,
        False,
        True,
        "P8W",
        KAL,
        "",
        "",
        V.VERTROUWELIJK,
        STATUS_STANDAARD,
        [
            (
                "Toegekend",
                "U krijgt bijzondere bijstand.",
                Archiefnominatie.VERNIETIGEN,
                "P7Y",
                Afleidingswijze.AFGEHANDELD,
                "",
            ),
            (
                "Afgewezen",
                "U krijgt geen bijzondere bijstand. In de brief staat waarom.",
                Archiefnominatie.VERNIETIGEN,
                "P7Y",
                Afleidingswijze.AFGEHANDELD,
                "",
            ),
        ],
        [],
    ),
]

IOT = [
    # omschrijving, categorie, aanvrager mag uploaden, richting
    ("Aanvraag", "Aanvraag", True, "inkomend"),
    ("Bijlage", "Bijlage", True, "inkomend"),
    ("Besluit", "Besluit", False, "uitgaand"),
    ("Ontvangstbevestiging", "Brief", False, "uitgaand"),
    ("Correspondentie", "Brief", False, "uitgaand"),
    ("Advies", "Advies", False, "intern"),
]

ROLTYPEN = [
    ("Aanvrager", RolOmschrijving.INITIATOR),
    ("Behandelaar", RolOmschrijving.BEHANDELAAR),
    ("Klantregisseur", RolOmschrijving.ZAAKCOORDINATOR),
    ("Belanghebbende", RolOmschrijving.BELANGHEBBENDE),
    ("Adviseur", RolOmschrijving.ADVISEUR),
]

CATALOGUS_BEGIN = date(2025, 1, 1)


def seed_catalogus() -> str:
    catalogus, _ = Catalogus.objects.get_or_create(
        domein="ZAAK",
        rsin=settings.GEMEENTE_RSIN,
        defaults={
            "naam": "Zaaktypecatalogus Voorbeeldstad",
            "contactpersoon_beheer_naam": "Bea Hendriks",
            "contactpersoon_beheer_emailadres": "beheer@voorbeeldstad.nl",
            "versie": "1",
            "begindatum_versie": CATALOGUS_BEGIN,
        },
    )
    iots = {}
    for omschrijving, categorie, _upload, _richting in IOT:
        iot, _ = Informatieobjecttype.objects.get_or_create(
            catalogus=catalogus,
            omschrijving=omschrijving,
            defaults={
                "informatieobjectcategorie": categorie,
                "begin_geldigheid": CATALOGUS_BEGIN,
                "concept": False,
                "vertrouwelijkheidaanduiding": V.ZAAKVERTROUWELIJK,
            },
        )
        iots[omschrijving] = iot
    teams = {t.code: t for t in Team.objects.all()}
    aangemaakt = 0
    for (
        ident,
        oms,
        publiek,
        uitleg,
        behandeling,
        team,
        betrokken,
        regie,
        kcc,
        pip,
        doorloop,
        eenheid,
        norm,
        verlenging,
        vertr,
        statussen,
        resultaten,
        eigenschappen,
    ) in ZAAKTYPEN:
        if Zaaktype.objects.filter(catalogus=catalogus, identificatie=ident).exists():
            continue
        zaaktype = Zaaktype.objects.create(
            catalogus=catalogus,
            identificatie=ident,
            omschrijving=oms,
            publiek_omschrijving=publiek,
            publiek_toelichting=uitleg,
            behandeling=behandeling,
            verantwoordelijk_team=teams[team],
            klantregie_vereist=regie,
            kcc_mag_afhandelen=kcc,
            aanvraagbaar_via_pip=pip,
            doorlooptijd=doorloop,
            termijn_eenheid=eenheid,
            servicenorm=norm,
            verlenging_mogelijk=bool(verlenging),
            verlengingstermijn=verlenging,
            vertrouwelijkheidaanduiding=vertr,
            versiedatum=CATALOGUS_BEGIN,
            begin_geldigheid=CATALOGUS_BEGIN,
            doel=uitleg,
            aanleiding="Verzoek van een inwoner of bedrijf.",
            onderwerp=oms[:80],
            verantwoordelijke="Gemeente Voorbeeldstad",
            producten_of_diensten=[f"https://www.voorbeeldstad.nl/producten/{ident.lower()}"],
        )
        zaaktype.betrokken_teams.set([teams[c] for c in betrokken])
        for nr, (omschrijving, stap, informeren, tekst) in enumerate(statussen, start=1):
            Statustype.objects.create(
                zaaktype=zaaktype,
                volgnummer=nr,
                omschrijving=omschrijving,
                processtap=stap,
                informeren=informeren,
                statustekst=tekst,
            )
        for omschrijving, publiek_res, nominatie, termijn, wijze, procestermijn in resultaten:
            Resultaattype.objects.create(
                zaaktype=zaaktype,
                omschrijving=omschrijving,
                publiek_omschrijving=publiek_res,
                archiefnominatie=nominatie,
                archiefactietermijn=termijn,
                brondatum_afleidingswijze=wijze,
                brondatum_procestermijn=procestermijn,
                omschrijving_generiek=omschrijving,
                selectielijstklasse="https://selectielijst.openzaak.nl/api/v1/resultaten/demo",
            )
        for omschrijving, generiek in ROLTYPEN:
            Roltype.objects.create(
                zaaktype=zaaktype, omschrijving=omschrijving, omschrijving_generiek=generiek
            )
        for naam, label, formaat, verplicht in eigenschappen:
            Eigenschap.objects.create(
                zaaktype=zaaktype,
                naam=naam,
                definitie=label,
                publiek_label=label,
                formaat=formaat,
                verplicht=verplicht,
            )
        for nr, (omschrijving, _cat, upload, richting) in enumerate(IOT, start=1):
            ZaaktypeInformatieobjecttype.objects.create(
                zaaktype=zaaktype,
                informatieobjecttype=iots[omschrijving],
                volgnummer=nr,
                richting=richting,
                upload_door_aanvrager=upload,
            )
        services.zaaktype_publish(actor=Actor.system("Demo"), zaaktype=zaaktype)
        aangemaakt += 1
    return f"{aangemaakt} zaaktypen gepubliceerd"


# --- demo zaken ---------------------------------------------------------------------------------
# The demo zaken go through the flow (processen) like real ones: the demo users claim and
# complete their tasks, so statuses, tasks, klantregisseurs and the audit trail all agree.
def _user(name: str) -> User:
    return User.objects.get(username=name)


def _zaaktype(ident: str) -> Zaaktype:
    return Zaaktype.objects.get(identificatie=ident, concept=False)


def _demo_zaak(
    nummer: int,
    *,
    ident: str,
    klant,
    actor: str,
    dagen_geleden: int,
    omschrijving: str,
    kanaal: str = Kanaal.WEBSITE,
    eigenschappen=None,
    **kwargs,
) -> tuple[Zaak, bool]:
    identificatie = f"ZAAK-DEMO-{nummer:04d}"
    bestaand = Zaak.objects.filter(identificatie=identificatie).first()
    if bestaand:
        return bestaand, False
    start = timezone.localdate() - timedelta(days=dagen_geleden)
    zaak = services.zaak_create(
        actor=Actor.for_user(_user(actor)),
        zaaktype=_zaaktype(ident),
        omschrijving=omschrijving,
        startdatum=start,
        registratiedatum=start,
        kanaal=kanaal,
        identificatie=identificatie,
        initiator=services.Betrokkene.van_klant(klant) if klant else None,
        eigenschappen=eigenschappen,
        **kwargs,
    )
    return zaak, True


def _stap(username: str, zaak: Zaak, stap: str, team: str | None = None, **gegevens) -> None:
    """`username` takes the open task of `stap` (of `team`) and, given `gegevens`, completes it."""
    from processen import services as processen
    from processen.models import OPEN_STATUSSEN, Taak

    taken = Taak.objects.filter(zaak=zaak, stap=stap, status__in=OPEN_STATUSSEN)
    if team:
        taken = taken.filter(team__code=team)
    taak = taken.get()
    user = _user(username)
    actor = Actor.for_user(user)
    if taak.owner_id != user.pk:
        processen.taak_claimen(actor=actor, taak=taak)
    if gegevens:
        processen.taak_afronden(actor=actor, taak=taak, **gegevens)


def _resultaat(zaak: Zaak, omschrijving: str):
    return zaak.zaaktype.resultaattypen.get(omschrijving=omschrijving)


def _afronden(zaak: Zaak, username: str, resultaat: str, bericht: str = "") -> None:
    """Besluit and informing by `username` (or the klantregisseur), which closes the zaak."""
    _stap(username, zaak, "besluit", resultaattype=_resultaat(zaak, resultaat), toelichting="")
    zaak.refresh_from_db()
    informant = zaak.klantregisseur.username if zaak.klantregisseur_id else username
    _stap(informant, zaak, "informeren", bericht=bericht)


def seed_zaken() -> str:
    from klantregie.models import Klant
    from processen.services import taak_signalen_geven

    jan = Klant.objects.get(bsn="999993653")
    fatima = Klant.objects.get(bsn="999990019")
    brink = Klant.objects.get(kvk_nummer="68750110")
    extra = list(
        Klant.objects.filter(soort="persoon").exclude(pk__in=[jan.pk, fatima.pk]).order_by("id")
    )
    nieuw = 0

    # Jan de Vries: open, opgeschort ("actie nodig"), closed.
    zaak, created = _demo_zaak(
        1,
        ident="PARKEERVERGUNNING",
        klant=jan,
        actor="kcc",
        dagen_geleden=10,
        omschrijving="Parkeervergunning Dorpsstraat",
        eigenschappen={"kenteken": "12-ABC-3"},
    )
    if created:
        nieuw += 1
        _stap("vergunningen", zaak, "beoordeling")
    zaak, created = _demo_zaak(
        2,
        ident="OMGEVINGSVERGUNNING",
        klant=jan,
        actor="kcc",
        dagen_geleden=20,
        omschrijving="Dakkapel Dorpsstraat 12",
        eigenschappen={"locatie": "Dorpsstraat 12"},
    )
    if created:
        nieuw += 1
        _stap("vergunningen", zaak, "beoordeling")
        services.zaak_opschorten(
            actor=Actor.for_user(_user("vergunningen")),
            zaak=zaak,
            wacht_op_aanvrager=True,
            reden="Wij missen de bouwtekening. Wilt u die toevoegen?",
            datum=zaak.startdatum + timedelta(days=6),
        )
    zaak, created = _demo_zaak(
        3,
        ident="MELDING-OR",
        klant=jan,
        actor="kcc",
        dagen_geleden=30,
        kanaal=Kanaal.TELEFOON,
        omschrijving="Losliggende stoeptegel Kerkplein",
        eigenschappen={"locatie": "Kerkplein 4"},
    )
    if created:
        nieuw += 1
        _stap("bor", zaak, "uitvoering", advies="Tegel opnieuw gelegd.")
        _afronden(zaak, "bor", "Opgelost", "De stoeptegel ligt weer vast.")
    zaak, created = _demo_zaak(
        4,
        ident="PASPOORT",
        klant=jan,
        actor="kcc",
        dagen_geleden=45,
        kanaal=Kanaal.BALIE,
        omschrijving="Nieuw paspoort",
    )
    if created:
        nieuw += 1
        _stap("kcc", zaak, "afhandelen", resultaattype=_resultaat(zaak, "Aangevraagd"))

    # Fatima El Amrani: a few zaken, one confidential.
    zaak, created = _demo_zaak(
        5,
        ident="WMO-MELDING",
        klant=fatima,
        actor="kcc",
        dagen_geleden=12,
        kanaal=Kanaal.TELEFOON,
        omschrijving="Hulp bij huishouden",
    )
    if created:
        nieuw += 1
        _stap("consulent", zaak, "beoordeling")
    zaak, created = _demo_zaak(
        6,
        ident="BIJZONDERE-BIJSTAND",
        klant=fatima,
        actor="adviseur",
        dagen_geleden=8,
        omschrijving="Vervanging wasmachine",
    )
    if created:
        nieuw += 1
    zaak, created = _demo_zaak(
        7,
        ident="KLACHT",
        klant=fatima,
        actor="kcc",
        dagen_geleden=40,
        kanaal=Kanaal.EMAIL,
        omschrijving="Klacht over wachttijd balie",
    )
    if created:
        nieuw += 1
        _stap("regisseur", zaak, "beoordeling", besluit="besluiten", toelichting="")
        _afronden(zaak, "regisseur", "Gegrond", "Excuses; de balie heeft extra bezetting.")

    # Evenementen BV De Brink: an evenementenvergunning (multi-team, klantregisseur), halfway:
    # OOV has given its advice, Vergunningen and Verkeer are still working on theirs.
    zaak, created = _demo_zaak(
        8,
        ident="EVENEMENTENVERGUNNING",
        klant=brink,
        actor="kcc",
        dagen_geleden=6,
        omschrijving="Zomerfestival op de Brink",
        eigenschappen={
            "datum_evenement": str(timezone.localdate() + timedelta(days=90)),
            "bezoekers": "2500",
        },
    )
    if created:
        nieuw += 1
        _stap("vergunningen", zaak, "beoordeling", besluit="uitvoeren", toelichting="")
        _stap("oov", zaak, "uitvoering", "oov", advies="Akkoord met 4 verkeersregelaars.")
        _stap("verkeer", zaak, "uitvoering", "verkeer")

    # More zaken for the lists and signals: overdue, near the deadline, politically sensitive.
    # nummer, zaaktype, dagen geleden, omschrijving, wie werkt eraan, afsluiten met, eigenschappen
    scenario = [
        (9, "BEZWAAR", 95, "Bezwaar tegen weigering parkeervergunning", "jurist", None,
         {"besluitdatum": "2026-06-01"}),
        (10, "MELDING-OR", 16, "Kapotte lantaarnpaal Molenweg", "bor", None,
         {"locatie": "Molenweg 20"}),
        (11, "PARKEERVERGUNNING", 50, "Parkeervergunning Stationsstraat", "vergunningen", None,
         {"kenteken": "XY-123-Z"}),
        (12, "OMGEVINGSVERGUNNING", 30, "Uitbouw achterzijde", "jurist", None,
         {"locatie": "Lindelaan 7"}),
        (13, "MELDING-OR", 3, "Zwerfvuil speeltuin", None, None, {"locatie": "Speeltuin Oost"}),
        (14, "KLACHT", 20, "Klacht over afvalinzameling", "regisseur", None, {}),
        (15, "PARKEERVERGUNNING", 70, "Parkeervergunning Marktstraat", "vergunningen",
         "Verleend", {"kenteken": "AB-12-CD"}),
        (16, "WMO-MELDING", 60, "Trapliftaanvraag", "consulent", "Toegekend", {}),
        (17, "BEZWAAR", 40, "Bezwaar tegen WOZ-beschikking", "jurist", None,
         {"besluitdatum": "2026-02-15"}),
        (18, "MELDING-OR", 9, "Boom valt bijna om", "bor", None, {"locatie": "Parkweg"}),
    ]  # fmt: skip
    for i, (nummer, ident, dagen, omschrijving, wie, resultaat, eigenschappen) in enumerate(
        scenario
    ):
        klant = extra[i % len(extra)] if extra else None
        zaak, created = _demo_zaak(
            nummer,
            ident=ident,
            klant=klant,
            actor="kcc",
            dagen_geleden=dagen,
            omschrijving=omschrijving,
            kanaal=[Kanaal.WEBSITE, Kanaal.TELEFOON, Kanaal.BALIE][i % 3],
            eigenschappen=eigenschappen or None,
            politiek_gevoelig=(nummer == 17),
        )
        if not created:
            continue
        nieuw += 1
        if wie is None:
            continue
        zaaktype = zaak.zaaktype
        if ident == "OMGEVINGSVERGUNNING":
            _stap("vergunningen", zaak, "beoordeling", besluit="uitvoeren", toelichting="")
            _stap(wie, zaak, "uitvoering", "juridische-zaken")
        elif zaaktype.behandeling == Behandeling.DERDE_LIJN:
            _stap(wie, zaak, "uitvoering", **({"advies": "Afgehandeld."} if resultaat else {}))
        elif resultaat:
            _stap(wie, zaak, "beoordeling", besluit="besluiten", toelichting="")
        else:
            _stap(wie, zaak, "beoordeling")
        if resultaat:
            _afronden(zaak, wie, resultaat)
    signalen = taak_signalen_geven()
    return (
        f"{nieuw} demozaken aangemaakt; {signalen.get('herinneringen', 0)} herinneringen en "
        f"{signalen.get('escalaties', 0)} escalaties"
    )
