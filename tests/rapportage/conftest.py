"""A constructed dataset with known answers for the KPI tests (acceptance point 1).

Period: the default (last 12 months). Team "Reïntegratie & Café" (fte 2) handles zaaktype A;
team "Overig" handles zaaktype KLACHT.
- Five zaken of A started on Monday M (five weeks ago) and closed after 2, 4, 6, 8 and 10 days:
  median 6, p90 9.2 (interpolated); uiterlijke einddatum M+7 → 3 of 5 tijdig (60%);
  einddatum gepland M+5 → 2 of 5 binnen servicenorm (40%). Instroom week of M: 5; uitstroom:
  3 in that week, 2 in the next. One of them verlengd. Producten per fte: 5 / 2 = 2,5.
- Open: A started 3 days ago; A opgeschort, started 10 days ago; KLACHT started 50 days ago;
  A started 120 days ago → age buckets 1/1/1/1. Two past their uiterlijke einddatum.
  Two open zaken have klantregisseur R.
- Ten KCC contacts: 8 answered directly, 2 doorverbonden (80%); 6 from the kennisbank (60%);
  7 by telephone, 3 at the balie.
- Terugbelverzoeken: two open past their deadline, one open in time.
- Tasks: exactly one open task past its deadline."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from klantregie.models import Klantcontact, Terugbelverzoek
from klantregie.services import VraagInvoer
from processen.models import OPEN_STATUSSEN, Taak
from rapportage.aggregaten import aggregaten_verversen
from tests.factories import (
    KlantcontactFactory,
    TeamFactory,
    TerugbelverzoekFactory,
    UserFactory,
    ZaakFactory,
    ZaaktypeFactory,
)
from zaken.models import Zaak


@dataclass
class Dataset:
    vandaag: date
    maandag: date
    team: object
    overig: object
    zaaktype: object
    klacht: object
    gesloten: list
    open: list
    regisseur: object
    manager: object
    kcc: object


def _zet(zaak, **velden):
    Zaak.objects.filter(pk=zaak.pk).update(**velden)
    zaak.refresh_from_db()
    return zaak


@pytest.fixture
def dataset(db):
    vandaag = timezone.localdate()
    maandag = vandaag - timedelta(days=vandaag.weekday() + 35)
    team = TeamFactory(naam="Reïntegratie & Café", code="reintegratie", lijn=2, fte=2)
    overig = TeamFactory(naam="Overig", code="overig", lijn=3)
    zaaktype = ZaaktypeFactory(identificatie="ZT-A", omschrijving="Aanvraag één", verantwoordelijk_team=team)  # fmt: skip
    klacht = ZaaktypeFactory(identificatie="KLACHT", omschrijving="Klacht", verantwoordelijk_team=overig)  # fmt: skip
    gesloten = []
    for i, dagen in enumerate([2, 4, 6, 8, 10]):
        zaak = ZaakFactory(
            zaaktype=zaaktype, closed=True, kanaal="telefoon", omschrijving=f"Gesloten {i}"
        )
        gesloten.append(
            _zet(
                zaak,
                startdatum=maandag,
                registratiedatum=maandag,
                einddatum=maandag + timedelta(days=dagen),
                uiterlijke_einddatum_afdoening=maandag + timedelta(days=7),
                einddatum_gepland=maandag + timedelta(days=5),
                behandelend_team=team,
                verlenging_duur="P10D" if i == 0 else "",
            )
        )
    regisseur = UserFactory(username="regie", rol="klantregisseur", first_name="Rita", last_name="Regie")  # fmt: skip
    open_ = []
    for leeftijd, zt, tm, te_laat, opgeschort in [
        (3, zaaktype, team, False, False),
        (10, zaaktype, team, False, True),
        (50, klacht, overig, True, False),
        (120, zaaktype, team, True, False),
    ]:
        start = vandaag - timedelta(days=leeftijd)
        zaak = ZaakFactory(
            zaaktype=zt,
            startdatum=start,
            kanaal="website",
            opgeschort=opgeschort,
            omschrijving=f"Open {leeftijd}",
        )
        open_.append(
            _zet(
                zaak,
                behandelend_team=tm,
                uiterlijke_einddatum_afdoening=vandaag - timedelta(days=1)
                if te_laat
                else vandaag + timedelta(days=30),
                klantregisseur=regisseur if leeftijd in (3, 50) else None,
            )
        )
    kcc = UserFactory(username="kim", rol="kcc-medewerker")
    for i in range(10):
        resultaat = "direct_beantwoord" if i < 8 else "doorverbonden"
        KlantcontactFactory(
            medewerker=kcc,
            kanaal="telefoon" if i < 7 else "balie",
            vragen=[VraagInvoer(onderwerp=f"Vraag {i}", resultaat=resultaat, antwoord="Ja.")],
        )
    ids = list(Klantcontact.objects.order_by("id").values_list("id", flat=True)[:6])
    Klantcontact.objects.filter(id__in=ids).update(antwoord_in_kennisbank=True)
    Klantcontact.objects.exclude(id__in=ids).update(antwoord_in_kennisbank=False)
    for i in range(3):
        verzoek = TerugbelverzoekFactory(team=team)
        Terugbelverzoek.objects.filter(pk=verzoek.pk).update(
            deadline=vandaag - timedelta(days=2) if i < 2 else vandaag + timedelta(days=2)
        )
    Taak.objects.filter(status__in=OPEN_STATUSSEN).update(deadline=vandaag + timedelta(days=10))
    een = Taak.objects.filter(status__in=OPEN_STATUSSEN, flow_task_type="HUMAN").first()
    if een is not None:
        Taak.objects.filter(pk=een.pk).update(deadline=vandaag - timedelta(days=1))
    aggregaten_verversen()
    manager = UserFactory(username="mara", rol="manager")
    return Dataset(vandaag, maandag, team, overig, zaaktype, klacht, gesloten, open_, regisseur, manager, kcc)  # fmt: skip
