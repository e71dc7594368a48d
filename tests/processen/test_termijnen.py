"""Task deadlines through the term calendar, opschorten/hervatten, and the daily reminders and
escalations (once per day per task and recipient, through the outbox)."""

from datetime import date
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from core.models import OutboxMessage, Signaal
from processen.models import Stap
from processen.services import taak_claimen, taak_signalen_geven
from tests.factories import ZaakFactory
from tests.processen.helpers import actor, open_taak
from zaken import services as zaken_services

pytestmark = pytest.mark.django_db

MA_2_MAART = date(2026, 3, 2)


def _signalen(taak, datum=None):
    qs = Signaal.objects.filter(object_uuid=taak.uuid)
    if datum:
        qs = qs.filter(datum=datum)
    return sorted(qs.values_list("soort", "ontvanger__username"))


def test_task_deadline_follows_the_norm_through_the_term_calendar(gemeente):
    # 5 werkdagen from Thursday 2 April 2026: Tweede Paasdag (6 April) does not count.
    zaak = ZaakFactory(zaaktype=gemeente.parkeer, startdatum=date(2026, 4, 2))
    assert open_taak(zaak, Stap.BEOORDELING).deadline == date(2026, 4, 10)


def test_reminders_and_escalations_once_per_day_per_task(gemeente):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer, startdatum=MA_2_MAART, politiek_gevoelig=True)
    zaak.refresh_from_db()
    regisseur = zaak.klantregisseur.username
    taak = open_taak(zaak, Stap.BEOORDELING)
    assert taak.deadline == date(2026, 3, 9)

    assert taak_signalen_geven(datum=date(2026, 3, 3))["herinneringen"] == 0  # far from it
    # Friday: the deadline is within 2 werkdagen; nobody has the task yet, so the teamleider
    # and the klantregisseur are reminded.
    vrijdag = date(2026, 3, 6)
    taak_signalen_geven(datum=vrijdag)
    assert _signalen(taak, vrijdag) == sorted(
        [("herinnering", "teamleider"), ("herinnering", regisseur)]
    )
    berichten = OutboxMessage.objects.count()
    assert taak_signalen_geven(datum=vrijdag) == {"herinneringen": 0, "escalaties": 0, "taken": 1}
    assert OutboxMessage.objects.count() == berichten  # nothing doubled

    taak_claimen(actor=actor(g.vera), taak=taak)
    # the weekend is no werkdag: no signals
    assert taak_signalen_geven(datum=date(2026, 3, 7))["overgeslagen"] == "zaterdag"
    # Tuesday: overdue. A reminder to the owner, an escalation to teamleider and klantregisseur.
    dinsdag = date(2026, 3, 10)
    resultaat = taak_signalen_geven(datum=dinsdag)
    assert (resultaat["herinneringen"], resultaat["escalaties"]) == (1, 2)
    assert _signalen(taak, dinsdag) == sorted(
        [("herinnering", "vergunningen"), ("escalatie", "teamleider"), ("escalatie", regisseur)]
    )
    assert OutboxMessage.objects.count() == berichten + 3
    mail = OutboxMessage.objects.order_by("-id").first().payload
    assert zaak.identificatie in mail["subject"]
    assert f"/werk/taken/{taak.uuid}/" in mail["text"]
    # the next day the same again, once
    taak_signalen_geven(datum=date(2026, 3, 11))
    taak_signalen_geven(datum=date(2026, 3, 11))
    assert len(_signalen(taak, date(2026, 3, 11))) == 3


def test_opschorten_stops_the_clock_and_hervatten_moves_the_deadlines(gemeente, client):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer, startdatum=MA_2_MAART)
    taak = open_taak(zaak, Stap.BEOORDELING)
    taak_claimen(actor=actor(g.vera), taak=taak)
    uiterlijk = zaak.uiterlijke_einddatum_afdoening
    zaken_services.zaak_opschorten(
        actor=actor(g.vera),
        zaak=zaak,
        reden="Wij missen uw bouwtekening",
        wacht_op_aanvrager=True,
        datum=date(2026, 3, 4),
    )
    taak.refresh_from_db()
    assert taak.opgeschort_sinds == date(2026, 3, 4)
    # while the zaak waits, the overdue task gets no reminder or escalation
    assert taak_signalen_geven(datum=date(2026, 3, 10))["taken"] == 0
    client.force_login(g.vera)
    body = client.get(reverse("processen:werkvoorraad")).content.decode()
    assert "Opgeschort" in body

    zaken_services.zaak_hervatten(actor=actor(g.vera), zaak=zaak, datum=date(2026, 3, 11))
    taak.refresh_from_db()
    zaak.refresh_from_db()
    # waited 5 werkdagen (5, 6, 9, 10, 11 March): 9 March + 5 werkdagen
    assert taak.deadline == date(2026, 3, 16)
    assert taak.opgeschort_sinds is None
    assert zaak.uiterlijke_einddatum_afdoening > uiterlijk
    # and the reminders follow the moved deadline
    assert taak_signalen_geven(datum=date(2026, 3, 11))["herinneringen"] == 0
    taak_signalen_geven(datum=date(2026, 3, 12))
    assert _signalen(taak, date(2026, 3, 12)) == [("herinnering", "vergunningen")]
    taak_signalen_geven(datum=date(2026, 3, 17))
    assert ("escalatie", "teamleider") in _signalen(taak, date(2026, 3, 17))


def test_signals_are_visible_on_the_zaak(gemeente, client):
    g = gemeente
    zaak = ZaakFactory(zaaktype=g.parkeer, startdatum=MA_2_MAART)
    taak_signalen_geven(datum=date(2026, 3, 10))
    client.force_login(g.vera)
    body = client.get(reverse("zaken:detail", args=[zaak.uuid])).content.decode()
    assert "Signalen" in body
    assert "Escalatie" in body
    assert f"{zaak.identificatie}: Beoordeling (2e lijn) is te laat" in body


def test_the_job_runs_from_beat_and_as_a_command(gemeente):
    from processen.tasks import taak_signalen

    entry = settings.CELERY_BEAT_SCHEDULE["processen-taak-signalen"]
    assert entry["task"] == taak_signalen.name
    ZaakFactory(zaaktype=gemeente.parkeer, startdatum=MA_2_MAART)
    out = StringIO()
    call_command("taak_signalen", datum="2026-03-10", stdout=out)
    assert "1 taken bekeken: 0 herinneringen, 1 escalaties." in out.getvalue()
    out = StringIO()
    call_command("taak_signalen", datum="2026-03-10", stdout=out)
    assert "0 herinneringen, 0 escalaties" in out.getvalue()
