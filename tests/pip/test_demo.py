"""The PIP on the demo data (DEMO.md): the contact person is the klantregisseur, else the
behandelend team; the demo questions are routed to them and answered; seeding twice adds nothing."""

import os

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from klantregie.models import Vraag
from zaken.models import Zaak

pytestmark = pytest.mark.django_db


def _seed():
    call_command("seed_demo", force=True, stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def demo(db):
    _seed()


def _demo_login(soort: str, waarde: str) -> Client:
    client = Client()
    veld = "digid-persoon" if soort == "digid" else "eh-bedrijf"
    response = client.post(reverse(f"pip:demo-login-{soort}"), {veld: waarde})
    assert response.status_code == 302
    return client


def _contact(page: str) -> str:
    return page[page.index('id="kop-contact"') : page.index('id="kop-vragen"')]


def test_de_brink_sees_the_klantregisseur_as_contact_and_the_answer_to_its_question(demo):
    zaak = Zaak.objects.select_related("klantregisseur").get(identificatie="ZAAK-DEMO-0008")
    assert zaak.klantregisseur is not None  # the processen workflow appointed one
    brink = _demo_login("eherkenning", "68750110")
    page = brink.get(reverse("pip:zaak", args=[zaak.uuid])).content.decode()
    contact = _contact(page)
    assert "Uw vaste contactpersoon (klantregisseur)" in contact
    assert zaak.klantregisseur.get_full_name() in contact
    assert zaak.klantregisseur.email in contact
    vraag = Vraag.objects.get(zaak=zaak, klantcontact__kanaal="website")
    assert vraag.toegewezen_aan == zaak.klantregisseur
    assert vraag.beantwoord_door == zaak.klantregisseur and not vraag.is_open
    vragen = page[page.index('id="vragen"') :]
    assert "podium" in vragen and vraag.antwoord in vragen
    # A new question from De Brink goes to the same klantregisseur.
    response = brink.post(
        reverse("pip:vraag-stellen", args=[zaak.uuid]), {"vraag": "Hoeveel bezoekers mogen er?"}
    )
    assert response.status_code == 302
    nieuw = Vraag.objects.get(vraag="Hoeveel bezoekers mogen er?")
    assert nieuw.toegewezen_aan == zaak.klantregisseur


def test_jan_sees_the_team_as_contact_without_a_klantregisseur_and_his_questions(demo):
    parkeren = Zaak.objects.get(identificatie="ZAAK-DEMO-0001")
    assert parkeren.klantregisseur_id is None
    jan = _demo_login("digid", "999993653")
    page = jan.get(reverse("pip:zaak", args=[parkeren.uuid])).content.decode()
    contact = _contact(page)
    assert "Het team dat uw zaak behandelt" in contact and "Team Vergunningen" in contact
    lijst = jan.get(reverse("pip:vragen")).content.decode()
    assert "Geldt de parkeervergunning ook voor de auto van mijn vrouw?" in lijst
    assert "Welke bouwtekening hebben jullie precies nodig?" in lijst  # still open
    assert "Wacht op antwoord" in lijst and "Beantwoord" in lijst
    assert "podium" not in lijst  # De Brink's question
    # seeding again adds no questions
    aantal = Vraag.objects.count()
    _seed()
    assert Vraag.objects.count() == aantal
