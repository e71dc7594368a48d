"""Terugbelverzoeken: the norm in werkdagen through the term calendar, handling (claim, attempts,
close) and the daily reminders and escalations (acceptance 4)."""

from datetime import date, datetime, time, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from core.actor import Actor
from core.errors import Conflict, DomainError, NotAllowed
from core.models import OutboxMessage, Signaal
from core.outbox import outbox_deliver
from klantregie.models import Terugbelverzoek
from klantregie.services import (
    terugbelpoging_add,
    terugbelverzoek_claim,
    terugbelverzoek_close,
    terugbelverzoek_send,
    terugbelverzoeken_signaleren,
)
from tests.factories import TeamFactory, TerugbelverzoekFactory, UserFactory
from zaken.models import Sluitingsdag

pytestmark = pytest.mark.django_db


def _op(d: date, uur: int = 16) -> datetime:
    return timezone.make_aware(datetime.combine(d, time(uur, 30)))


# --- the deadline -------------------------------------------------------------------------------
def test_sent_on_the_friday_before_koningsdag_the_deadline_skips_weekend_and_holiday(
    kcc_actor, team
):
    # Friday 24 April 2026; Koningsdag is Monday 27 April 2026.
    vrijdag = date(2026, 4, 24)
    assert vrijdag.weekday() == 4
    verzoek = terugbelverzoek_send(
        actor=kcc_actor,
        onderwerp="Vraag",
        telefoon="0612345678",
        team=team,
        verzonden_op=_op(vrijdag),
    )
    assert verzoek.norm_werkdagen == 2
    # Mon 27 Koningsdag: not a werkdag; Tue 28 = 1, Wed 29 = 2.
    assert verzoek.deadline == date(2026, 4, 29)


def test_the_norm_is_per_team_and_closing_days_count_too(kcc_actor):
    team = TeamFactory(terugbel_norm_werkdagen=3)
    Sluitingsdag.objects.create(datum=date(2026, 6, 2), omschrijving="Personeelsdag")
    verzoek = terugbelverzoek_send(
        actor=kcc_actor,
        onderwerp="Vraag",
        telefoon="06-1234 5678",
        team=team,
        verzonden_op=_op(date(2026, 5, 29)),  # a Friday
    )
    # Mon 1 June = 1, Tue 2 June closed, Wed 3 = 2, Thu 4 = 3.
    assert verzoek.norm_werkdagen == 3 and verzoek.deadline == date(2026, 6, 4)
    assert verzoek.telefoon == "0612345678"


def test_to_a_medewerker_the_norm_of_their_team_applies_and_they_get_an_email(kcc_actor):
    team = TeamFactory(terugbel_norm_werkdagen=1)
    collega = UserFactory(rol="vakspecialist", teams=[team])
    verzoek = terugbelverzoek_send(
        actor=kcc_actor,
        onderwerp="Vraag",
        telefoon="0612345678",
        medewerker=collega,
        verzonden_op=_op(date(2026, 3, 2)),  # Monday
    )
    assert verzoek.team is None and verzoek.norm_werkdagen == 1
    assert verzoek.deadline == date(2026, 3, 3)
    bericht = OutboxMessage.objects.get(sleutel=f"terugbelverzoek:{verzoek.uuid}")
    assert bericht.payload["to"] == collega.email


@pytest.mark.parametrize(
    ("kwargs", "tekst"),
    [
        ({"team": None}, "team of de medewerker"),
        ({"telefoon": "12"}, "telefoonnummer"),
        ({"onderwerp": " "}, "onderwerp"),
    ],
)
def test_a_terugbelverzoek_needs_a_receiver_a_phone_and_a_subject(kcc_actor, team, kwargs, tekst):
    data = {"onderwerp": "Vraag", "telefoon": "0612345678", "team": team, **kwargs}
    with pytest.raises(DomainError, match=tekst):
        terugbelverzoek_send(actor=kcc_actor, **data)
    assert Terugbelverzoek.objects.count() == 0


# --- handling -----------------------------------------------------------------------------------
def test_claim_attempts_and_close(team):
    vera = UserFactory(rol="vakspecialist", teams=[team])
    verzoek = TerugbelverzoekFactory(team=team)
    terugbelverzoek_claim(actor=Actor.for_user(vera), verzoek=verzoek)
    terugbelpoging_add(actor=Actor.for_user(vera), verzoek=verzoek, uitkomst="niet_bereikt")
    terugbelpoging_add(
        actor=Actor.for_user(vera), verzoek=verzoek, uitkomst="bereikt", notitie="Uitgelegd"
    )
    verzoek = terugbelverzoek_close(
        actor=Actor.for_user(vera), verzoek=verzoek, resultaat="geholpen", toelichting="Klaar"
    )
    verzoek.refresh_from_db()
    assert verzoek.status == "afgehandeld" and verzoek.resultaat == "geholpen"
    assert verzoek.behandelaar == vera and verzoek.afgehandeld_door == vera
    assert list(verzoek.pogingen.values_list("uitkomst", flat=True)) == [
        "niet_bereikt",
        "bereikt",
    ]
    with pytest.raises(Conflict, match="al afgehandeld"):
        terugbelpoging_add(actor=Actor.for_user(vera), verzoek=verzoek, uitkomst="bereikt")


def test_a_second_medewerker_is_told_who_took_the_verzoek(team):
    vera = UserFactory(rol="vakspecialist", teams=[team], first_name="Vera", last_name="Jansen")
    otto = UserFactory(rol="vakspecialist", teams=[team])
    verzoek = TerugbelverzoekFactory(team=team)
    terugbelverzoek_claim(actor=Actor.for_user(vera), verzoek=verzoek)
    with pytest.raises(Conflict, match="Vera Jansen heeft dit terugbelverzoek al opgepakt"):
        terugbelverzoek_claim(actor=Actor.for_user(otto), verzoek=verzoek)
    with pytest.raises(Conflict):
        terugbelpoging_add(actor=Actor.for_user(otto), verzoek=verzoek, uitkomst="bereikt")


def test_the_first_attempt_takes_the_verzoek_on(team):
    vera = UserFactory(rol="vakspecialist", teams=[team])
    verzoek = TerugbelverzoekFactory(team=team)
    terugbelpoging_add(actor=Actor.for_user(vera), verzoek=verzoek, uitkomst="niet_bereikt")
    verzoek.refresh_from_db()
    assert verzoek.behandelaar == vera and verzoek.status == "in_behandeling"


def test_only_the_receivers_handle_a_verzoek(team, teamleider):
    buitenstaander = UserFactory(rol="vakspecialist", teams=[TeamFactory()])
    verzoek = TerugbelverzoekFactory(team=team)
    with pytest.raises(NotAllowed, match="niet aan u of uw team"):
        terugbelverzoek_claim(actor=Actor.for_user(buitenstaander), verzoek=verzoek)
    # The teamleider may.
    terugbelverzoek_claim(actor=Actor.for_user(teamleider), verzoek=verzoek)


def test_closing_as_not_reached_needs_an_attempt(team):
    vera = UserFactory(rol="vakspecialist", teams=[team])
    verzoek = TerugbelverzoekFactory(team=team)
    with pytest.raises(DomainError, match="probeerde te bellen"):
        terugbelverzoek_close(actor=Actor.for_user(vera), verzoek=verzoek, resultaat="niet_bereikt")
    terugbelpoging_add(actor=Actor.for_user(vera), verzoek=verzoek, uitkomst="niet_bereikt")
    terugbelverzoek_close(actor=Actor.for_user(vera), verzoek=verzoek, resultaat="niet_bereikt")


# --- reminders and escalations ------------------------------------------------------------------
def _te_laat_verzoek(team, **kwargs):
    # Sent Monday 2 March 2026, norm 2 werkdagen: deadline Wednesday 4 March.
    return TerugbelverzoekFactory(team=team, verzonden_op=_op(date(2026, 3, 2)), **kwargs)


def test_overdue_reminder_to_the_owner_and_escalation_to_the_teamleider_once_per_day(
    team, teamleider
):
    vera = UserFactory(rol="vakspecialist", teams=[team])
    verzoek = _te_laat_verzoek(team)
    terugbelverzoek_claim(actor=Actor.for_user(vera), verzoek=verzoek)
    op_tijd = _te_laat_verzoek(team)
    terugbelverzoek_close(
        actor=Actor.system("test"), verzoek=op_tijd, resultaat="vervallen"
    )  # closed: no signals

    # On the deadline itself nothing is overdue.
    assert terugbelverzoeken_signaleren(vandaag=date(2026, 3, 4))["te_laat"] == 0
    uitkomst = terugbelverzoeken_signaleren(vandaag=date(2026, 3, 5))
    assert uitkomst == {"te_laat": 1, "herinneringen": 1, "escalaties": 1}
    herinnering = Signaal.objects.get(soort="herinnering")
    escalatie = Signaal.objects.get(soort="escalatie")
    assert herinnering.ontvanger == vera and herinnering.object_uuid == verzoek.uuid
    assert escalatie.ontvanger == teamleider and "te laat" in escalatie.tekst

    # Again the same day: nothing new.
    assert terugbelverzoeken_signaleren(vandaag=date(2026, 3, 5)) == {
        "te_laat": 1,
        "herinneringen": 0,
        "escalaties": 0,
    }
    # The next day: once more.
    assert terugbelverzoeken_signaleren(vandaag=date(2026, 3, 6))["herinneringen"] == 1
    assert Signaal.objects.filter(object_uuid=verzoek.uuid).count() == 4

    # The e-mails go out through the outbox, once each.
    outbox_deliver()
    outbox_deliver()
    ontvangers = sorted(m.to[0] for m in mail.outbox)
    assert ontvangers == sorted([vera.email, vera.email, teamleider.email, teamleider.email])


def test_an_unclaimed_team_verzoek_reminds_and_escalates_to_the_teamleider(team, teamleider):
    _te_laat_verzoek(team)
    assert terugbelverzoeken_signaleren(vandaag=date(2026, 3, 9)) == {
        "te_laat": 1,
        "herinneringen": 1,
        "escalaties": 1,
    }
    assert set(Signaal.objects.values_list("ontvanger", flat=True)) == {teamleider.pk}


def test_a_verzoek_to_a_medewerker_escalates_to_the_teamleider_of_their_team(team, teamleider):
    vera = UserFactory(rol="vakspecialist", teams=[team])
    TerugbelverzoekFactory(team=None, medewerker=vera, verzonden_op=_op(date(2026, 3, 2)))
    terugbelverzoeken_signaleren(vandaag=date(2026, 3, 9))
    assert Signaal.objects.get(soort="herinnering").ontvanger == vera
    assert Signaal.objects.get(soort="escalatie").ontvanger == teamleider


def test_the_daily_job_runs_as_a_command_and_as_a_beat_task(team, teamleider):
    from io import StringIO

    from config.celery import app

    _te_laat_verzoek(team)
    out = StringIO()
    call_command("terugbelverzoeken_signaleren", "--datum", "2026-03-09", stdout=out)
    assert "1 te laat, 1 herinneringen, 1 escalaties" in out.getvalue()
    assert Signaal.objects.count() == 2

    entry = settings.CELERY_BEAT_SCHEDULE["terugbelverzoeken-signaleren"]
    import klantregie.tasks  # noqa: F401  (autodiscovered by the worker)

    assert entry["task"] in app.tasks
    # The task is the same daily job (today is long after 2026-03-04).
    app.tasks[entry["task"]].apply()
    assert Signaal.objects.filter(datum=timezone.localdate()).count() == 2
    assert Signaal.objects.count() == 4


def test_the_deadline_in_werkdagen_uses_the_same_calendar_as_zaken(kcc_actor, team):
    from zaken.kalender import get_kalender

    start = date(2026, 12, 24)  # Thursday before Christmas
    verzoek = TerugbelverzoekFactory(team=team, verzonden_op=_op(start))
    assert verzoek.deadline == get_kalender().add_werkdagen(start, 2) == date(2026, 12, 29)
    assert verzoek.deadline - start == timedelta(days=5)
