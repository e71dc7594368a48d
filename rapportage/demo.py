"""A year of history for the demo municipality, so that the management dashboard has something
to show (ADR 0052). Demo only: historical rows are written in bulk with backdated dates,
bypassing the services (which stamp "now" and would start a flow per zaak). The fixed demo data
of DEMO.md is not touched: these zaken, contacts and verzoeken belong to generated klanten
(`ZAAK-HIST-...`, BSNs from their own range), never to Jan de Vries, Fatima El Amrani or De Brink.
Idempotent: when the history exists only the aggregates are refreshed."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

PREFIX = "ZAAK-HIST-"
AANTAL_ZAKEN = 420
AANTAL_CONTACTEN = 650

VOORNAMEN = ["Anna", "Bram", "Chantal", "Daan", "Eline", "Finn", "Grietje", "Hüseyin", "Iris",
             "Joost", "Karin", "Lucas", "Maaike", "Noah", "Özlem", "Pieter", "Renée", "Sem",
             "Tessa", "Umut", "Vera", "Willem", "Yara", "Zoë"]  # fmt: skip
ACHTERNAMEN = ["Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos",
               "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
               "Dijkstra", "Smits", "de Graaf", "van der Meer", "Jansen"]  # fmt: skip
OMSCHRIJVINGEN = {
    "PASPOORT": ["Nieuw paspoort", "Identiteitskaart verlengen", "Paspoort kind"],
    "MELDING-OR": ["Kapotte straatlantaarn", "Zwerfvuil bij de glasbak", "Scheve stoeptegel",
                   "Overhangende takken", "Verstopte put"],
    "PARKEERVERGUNNING": ["Parkeervergunning bewoners", "Tweede parkeervergunning"],
    "WMO-MELDING": ["Hulp bij het huishouden", "Scootmobiel", "Woningaanpassing"],
    "OMGEVINGSVERGUNNING": ["Dakkapel", "Uitbouw", "Schuur in achtertuin", "Kozijnen vervangen"],
    "EVENEMENTENVERGUNNING": ["Buurtfeest", "Braderie", "Sportdag in het park"],
    "KLACHT": ["Klacht over bejegening", "Klacht over afvalinzameling", "Klacht over wachttijd"],
    "BEZWAAR": ["Bezwaar tegen WOZ-waarde", "Bezwaar tegen weigering vergunning"],
    "BIJZONDERE-BIJSTAND": ["Bijzondere bijstand: koelkast", "Bijzondere bijstand: bril"],
}  # fmt: skip
GEWICHTEN = {"PASPOORT": 14, "MELDING-OR": 30, "PARKEERVERGUNNING": 12, "WMO-MELDING": 10,
             "OMGEVINGSVERGUNNING": 9, "EVENEMENTENVERGUNNING": 4, "KLACHT": 8, "BEZWAAR": 6,
             "BIJZONDERE-BIJSTAND": 7}  # fmt: skip
ONDERWERPEN = ["Openingstijden milieustraat", "Paspoort kwijt", "Verhuizing doorgeven",
               "Status van mijn aanvraag", "Parkeren in de wijk", "Afvalkalender",
               "WMO-hulp aanvragen", "Bijstand", "Evenement organiseren", "Bezwaar maken"]  # fmt: skip
KANALEN_CONTACT = [("telefoon", 50), ("balie", 15), ("email", 12), ("chat", 10), ("website", 13)]
KANALEN_ZAAK = [("website", 45), ("telefoon", 20), ("balie", 15), ("email", 12), ("post", 8)]


def _bsn(n: int) -> str:
    """An elfproef-valid BSN from the range 3xxxxxxxx (kept apart from the fixed demo BSNs)."""
    basis = 300_000_000 + n * 97
    while True:
        cijfers = [int(c) for c in f"{basis:09d}"]
        som = sum(c * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True)) - cijfers[8]
        if som % 11 == 0:
            return f"{basis:09d}"
        basis += 1


def _kies(rng, paren):
    return rng.choices([p[0] for p in paren], weights=[p[1] for p in paren])[0]


def _termijn_dagen(waarde: str, eenheid: str) -> int:
    from zaken.kalender import Duur

    if not waarde:
        return 0
    duur = Duur.parse(waarde)
    dagen = (duur.dagen or 0) + 7 * (duur.weken or 0) + 30 * (duur.maanden or 0)
    return round(dagen * 7 / 5) if eenheid == "werkdagen" else dagen


def _klanten(rng):
    from klantregie.models import Klant

    bsns = [_bsn(i) for i in range(1, 41)]
    bestaand = set(Klant.objects.filter(bsn__in=bsns).values_list("bsn", flat=True))
    Klant.objects.bulk_create(
        Klant(
            soort=Klant.Soort.PERSOON,
            bsn=bsn,
            voornamen=VOORNAMEN[i % len(VOORNAMEN)],
            achternaam=ACHTERNAMEN[(i * 7) % len(ACHTERNAMEN)],
            straat="Historielaan",
            huisnummer=str(i + 1),
            postcode="1234AB",
            woonplaats="Voorbeeldstad",
            telefoon=f"0612{i:06d}",
        )
        for i, bsn in enumerate(bsns)
        if bsn not in bestaand
    )
    return list(Klant.objects.filter(bsn__in=bsns).order_by("bsn"))


def seed_historie() -> str:
    from rapportage.aggregaten import aggregaten_verversen
    from rapportage.normen import normen_aanvullen

    normen_aanvullen()
    from zaken.models import Zaak

    if Zaak.objects.filter(identificatie__startswith=PREFIX).exists():
        return f"historie bestond al; {aggregaten_verversen()}"
    rng = random.Random(2026)
    klanten = _klanten(rng)
    zaken = _zaken(rng, klanten)
    contacten = _contacten(rng, klanten)
    return f"{zaken} historische zaken, {contacten} contacten; {aggregaten_verversen()}"


def _zaken(rng, klanten) -> int:
    from organisatie.models import User
    from zaken.models import (
        Opschorting,
        Resultaat,
        Rol,
        RolOmschrijving,
        Status,
        Zaak,
        Zaaktype,
    )
    from zaken.models.zaak import BetrokkeneType

    vandaag = timezone.localdate()
    zaaktypen = {
        zt.identificatie: zt
        for zt in Zaaktype.objects.filter(concept=False, identificatie__in=GEWICHTEN)
        .select_related("verantwoordelijk_team")
        .prefetch_related("statustypen", "resultaattypen", "roltypen")
    }
    if not zaaktypen:
        return 0
    regisseurs = list(User.objects.filter(username__in=["regisseur", "regisseur2"]))
    gewichten = [(k, v) for k, v in GEWICHTEN.items() if k in zaaktypen]
    rsin = settings.GEMEENTE_RSIN
    nieuw: list[Zaak] = []
    plannen = []
    for nr in range(1, AANTAL_ZAKEN + 1):
        zt = zaaktypen[_kies(rng, gewichten)]
        leeftijd = rng.randint(1, 365)
        start = vandaag - timedelta(days=leeftijd)
        termijn = _termijn_dagen(zt.doorlooptijd, zt.termijn_eenheid) or 30
        servicenorm = _termijn_dagen(zt.servicenorm, zt.termijn_eenheid) or termijn
        uiterlijk = start + timedelta(days=termijn)
        gepland = start + timedelta(days=servicenorm)
        # Most zaken finish in time, some after the servicenorm, some after the deadline.
        r = rng.random()
        if r < 0.62:
            duur = rng.randint(max(1, servicenorm // 3), max(1, servicenorm))
        elif r < 0.86:
            duur = rng.randint(servicenorm, max(servicenorm, termijn))
        else:
            duur = rng.randint(termijn + 1, termijn + 40)
        gesloten = start + timedelta(days=duur) <= vandaag and rng.random() < 0.93
        verlengd = zt.verlenging_mogelijk and rng.random() < 0.12
        if verlengd:
            extra = _termijn_dagen(zt.verlengingstermijn, zt.termijn_eenheid)
            uiterlijk += timedelta(days=extra)
            gepland += timedelta(days=extra)
        zaak = Zaak(
            identificatie=f"{PREFIX}{nr:04d}",
            bronorganisatie=rsin,
            verantwoordelijke_organisatie=rsin,
            zaaktype=zt,
            omschrijving=rng.choice(OMSCHRIJVINGEN[zt.identificatie]),
            registratiedatum=start,
            startdatum=start,
            einddatum=start + timedelta(days=duur) if gesloten else None,
            einddatum_gepland=gepland,
            uiterlijke_einddatum_afdoening=uiterlijk,
            kanaal=_kies(rng, KANALEN_ZAAK),
            vertrouwelijkheidaanduiding=zt.vertrouwelijkheidaanduiding,
            behandelend_team=zt.verantwoordelijk_team,
            klantregisseur=rng.choice(regisseurs)
            if zt.klantregie_vereist and regisseurs and not gesloten
            else None,
            verlenging_duur=f"P{_termijn_dagen(zt.verlengingstermijn, zt.termijn_eenheid)}D"
            if verlengd
            else "",
            verlenging_reden="Advies van een externe partij is nodig." if verlengd else "",
            aangemaakt=timezone.make_aware(datetime.combine(start, time(9, 0))),
        )
        nieuw.append(zaak)
        plannen.append((zaak, zt, gesloten, rng.random() < 0.14))
    Zaak.objects.bulk_create(nieuw, batch_size=500)
    nieuw = list(Zaak.objects.filter(identificatie__startswith=PREFIX).order_by("identificatie"))
    by_ident = {z.identificatie: z for z in nieuw}

    statussen, resultaten, rollen, opschortingen = [], [], [], []
    for i, (plan_zaak, zt, gesloten, opschorten) in enumerate(plannen):
        zaak = by_ident[plan_zaak.identificatie]
        stypen = sorted(zt.statustypen.all(), key=lambda s: s.volgnummer)
        begin = timezone.make_aware(datetime.combine(zaak.startdatum, time(9, 0)))
        statussen.append(Status(zaak=zaak, statustype=stypen[0], datum_status_gezet=begin))
        if len(stypen) > 2:
            statussen.append(
                Status(
                    zaak=zaak,
                    statustype=stypen[1],
                    datum_status_gezet=begin + timedelta(days=1),
                )
            )
        if gesloten:
            statussen.append(
                Status(
                    zaak=zaak,
                    statustype=stypen[-1],
                    datum_status_gezet=timezone.make_aware(
                        datetime.combine(zaak.einddatum, time(15, 0))
                    ),
                )
            )
            resultaat = sorted(zt.resultaattypen.all(), key=lambda r: r.pk)[i % 2 if len(zt.resultaattypen.all()) > 1 else 0]  # fmt: skip
            resultaten.append(Resultaat(zaak=zaak, resultaattype=resultaat))
        initiator = next(
            (r for r in zt.roltypen.all() if r.omschrijving_generiek == RolOmschrijving.INITIATOR),
            None,
        )
        if initiator is not None:
            klant = klanten[i % len(klanten)]
            rollen.append(
                Rol(
                    zaak=zaak,
                    roltype=initiator,
                    omschrijving=initiator.omschrijving,
                    omschrijving_generiek=RolOmschrijving.INITIATOR,
                    betrokkene_type=BetrokkeneType.NATUURLIJK_PERSOON,
                    naam=f"{klant.voornamen} {klant.achternaam}",
                    bsn=klant.bsn,
                    klant=klant,
                    registratiedatum=begin,
                )
            )
        if opschorten and zt.opschorting_en_aanhouding_mogelijk:
            op = zaak.startdatum + timedelta(days=2)
            eind = op + timedelta(days=7)
            if gesloten and zaak.einddatum >= eind:
                opschortingen.append(
                    Opschorting(
                        zaak=zaak,
                        reden="Wacht op aanvullende gegevens van de aanvrager.",
                        wacht_op_aanvrager=True,
                        begindatum=op,
                        einddatum=eind,
                        dagen=7,
                        eenheid="kalenderdagen",
                    )
                )
    Status.objects.bulk_create(statussen, batch_size=1000)
    Resultaat.objects.bulk_create(resultaten, batch_size=1000)
    Rol.objects.bulk_create(rollen, batch_size=1000)
    Opschorting.objects.bulk_create(opschortingen, batch_size=1000)
    # The current status, denormalised on the zaak (the last one per zaak).
    laatste = {}
    for s in Status.objects.filter(zaak__identificatie__startswith=PREFIX).order_by(
        "datum_status_gezet", "id"
    ):
        laatste[s.zaak_id] = s
    for zaak in nieuw:
        s = laatste.get(zaak.pk)
        if s is not None:
            zaak.status_id, zaak.statustype_id = s.pk, s.statustype_id
    Zaak.objects.bulk_update(nieuw, ["status", "statustype"], batch_size=500)
    return len(nieuw)


def _contacten(rng, klanten) -> int:
    from klantregie.models import Klantcontact, Terugbelverzoek, Vraag
    from organisatie.models import Team, User

    kcc = User.objects.filter(username="kcc").first()
    if kcc is None:
        return 0
    teams = list(Team.objects.filter(code__in=["bor", "wmo", "vergunningen", "werk-en-inkomen"]))
    vandaag = timezone.localdate()
    tz = timezone.get_current_timezone()
    contacten, vragen_plan = [], []
    for i in range(AANTAL_CONTACTEN):
        dag = vandaag - timedelta(days=rng.randint(1, 365))
        begin = timezone.make_aware(
            datetime.combine(dag, time(rng.randint(8, 16), rng.randint(0, 59))), tz
        )
        kanaal = _kies(rng, KANALEN_CONTACT)
        via_pip = kanaal == "website" and rng.random() < 0.5
        r = rng.random()
        if r < 0.62:
            resultaat = Vraag.Resultaat.DIRECT_BEANTWOORD
        elif r < 0.78:
            resultaat = Vraag.Resultaat.STATUSINFORMATIE
        elif r < 0.87:
            resultaat = Vraag.Resultaat.TERUGBELVERZOEK
        elif r < 0.94:
            resultaat = Vraag.Resultaat.DOORVERBONDEN
        else:
            resultaat = Vraag.Resultaat.ZAAK_GESTART
        contacten.append(
            Klantcontact(
                kanaal=kanaal,
                klant=klanten[(i * 3) % len(klanten)] if rng.random() < 0.8 else None,
                medewerker=None if via_pip else kcc,
                medewerker_weergave="" if via_pip else (kcc.get_full_name() or kcc.username),
                gestart_op=begin,
                beeindigd_op=begin + timedelta(seconds=rng.randint(40, 600)),
                antwoord_in_kennisbank=(not via_pip) and rng.random() < 0.66,
                aangemaakt=begin,
            )
        )
        vragen_plan.append((resultaat, rng.choice(ONDERWERPEN), rng.random()))
    Klantcontact.objects.bulk_create(contacten, batch_size=500)
    vragen = []
    for contact, (resultaat, onderwerp, _) in zip(contacten, vragen_plan, strict=True):
        vragen.append(
            Vraag(
                klantcontact=contact,
                onderwerp=onderwerp,
                vraag=f"Vraag over: {onderwerp.lower()}",
                antwoord="Beantwoord aan de hand van de kennisbank."
                if contact.antwoord_in_kennisbank
                else "",
                resultaat=resultaat,
                status=Vraag.Status.BEANTWOORD,
                beantwoord_op=contact.beeindigd_op,
            )
        )
    Vraag.objects.bulk_create(vragen, batch_size=500)
    verzoeken = []
    for contact, vraag, (resultaat, onderwerp, kans) in zip(
        contacten, vragen, vragen_plan, strict=True
    ):
        if resultaat != Vraag.Resultaat.TERUGBELVERZOEK or not teams:
            continue
        verzonden = contact.beeindigd_op
        deadline = timezone.localtime(verzonden).date() + timedelta(days=2)
        # All handled (some late): the KCC demo's open verzoeken stay exactly as DEMO.md has them.
        open_blijft = False
        laat = kans < 0.2
        afgehandeld = verzonden + timedelta(days=4 if laat else 1)
        verzoeken.append(
            Terugbelverzoek(
                vraag=vraag,
                klant=contact.klant,
                team=teams[len(verzoeken) % len(teams)],
                onderwerp=onderwerp,
                vraag_tekst=vraag.vraag,
                naam="",
                telefoon="0612345678",
                norm_werkdagen=2,
                deadline=deadline,
                status=Terugbelverzoek.Status.OPEN
                if open_blijft
                else Terugbelverzoek.Status.AFGEHANDELD,
                resultaat="" if open_blijft else Terugbelverzoek.Resultaat.GEHOLPEN,
                afgehandeld_op=None if open_blijft else afgehandeld,
                aangevraagd_door=kcc,
                aangevraagd_door_weergave=kcc.get_full_name() or kcc.username,
                verzonden_op=verzonden,
            )
        )
    Terugbelverzoek.objects.bulk_create(verzoeken, batch_size=500)
    return len(contacten)
