"""Zaakstroom's own endpoint for terugbelverzoeken: send (deadline from the team's norm in
werkdagen through the term calendar), list, read, record an attempt, close; the same rules and the
same data as the KCC screens."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.actor import Actor
from core.models import AuditRecord, OutboxMessage
from klantregie.models import Terugbelverzoek
from klantregie.services import terugbelverzoek_send
from tests.api.conftest import ZAKEN, url
from tests.factories import KlantFactory, TeamFactory, UserFactory, ZaakFactory, ZaaktypeFactory
from zaken.kalender import get_kalender

pytestmark = pytest.mark.django_db

TB = f"{ZAKEN}/terugbelverzoeken"
JAN = "999993653"


@pytest.fixture
def kcc_team(db):
    return TeamFactory(code="kcc", naam="KCC", terugbel_norm_werkdagen=3)


@pytest.fixture
def jan(db):
    return KlantFactory(bsn=JAN, voornamen="Jan", achternaam="Vries", telefoon="06 1234 5678")


def _verzoek(**kwargs):
    return terugbelverzoek_send(
        actor=Actor.system("test"),
        **{"onderwerp": "Bel terug", "telefoon": "0612345678", **kwargs},
    )


def test_send_to_a_team_with_its_norm_in_werkdagen(api, kcc_team, jan, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, initiator_bsn=JAN)
    response = api.post(
        TB,
        {
            "onderwerp": "Vraag over de vergunning",
            "vraag": "Wanneer krijg ik bericht?",
            "team": "kcc",
            "klant": {"bsn": JAN},
            "zaak": url(ZAKEN, "zaken", zaak),
            "bereikbaarheid": "na 14.00 uur",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert response["Location"] == body["url"]
    verwacht = get_kalender().add_werkdagen(timezone.localdate(), 3)
    assert (body["deadline"], body["normWerkdagen"]) == (verwacht.isoformat(), 3)
    assert body["telefoon"] == "0612345678"  # the klant's number, normalised
    assert (body["team"], body["medewerker"], body["status"]) == ("kcc", None, "open")
    assert body["zaak"] == url(ZAKEN, "zaken", zaak)
    assert body["klant"]["naam"] == "Jan Vries"
    assert body["verstuurdDoor"] == "Tess Tester"
    verzoek = Terugbelverzoek.objects.get()
    record = AuditRecord.objects.get(object_uuid=verzoek.uuid, actie="create")
    assert (record.applicatie, record.bron, record.zaak_uuid) == ("alles", "api", zaak.uuid)


def test_send_to_a_medewerker_mails_them(api, team):
    vera = UserFactory(username="vera", rol="vakspecialist", teams=[team])
    response = api.post(
        TB,
        {"onderwerp": "Bel de aannemer", "medewerker": "vera", "telefoon": "0201234567"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["medewerker"] == "vera"
    mail = OutboxMessage.objects.get()
    assert mail.payload["to"] == vera.email


@pytest.mark.parametrize(
    ("body", "veld", "melding"),
    [
        ({"onderwerp": "x", "telefoon": "0612345678"}, "team", "team of de medewerker"),
        ({"onderwerp": "x", "team": "kcc", "telefoon": "12"}, "telefoon", "telefoonnummer"),
        ({"onderwerp": "x", "team": "onbekend", "telefoon": "0612345678"}, "team", "geen team"),
        ({"onderwerp": "x", "medewerker": "niemand"}, "medewerker", "geen actieve medewerker"),
        ({"onderwerp": " ", "team": "kcc", "telefoon": "0612345678"}, "onderwerp", ""),
        (
            {"onderwerp": "x", "team": "kcc", "telefoon": "0612345678", "klant": {"bsn": "1"}},
            "klant.bsn",
            "",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_sent(api, kcc_team, body, veld, melding):
    response = api.post(TB, body, format="json")
    assert response.status_code == 400, response.json()
    param = response.json()["invalidParams"][0]
    assert param["name"] == veld, param
    assert melding in param["reason"]
    assert not Terugbelverzoek.objects.exists()


def test_a_zaak_must_be_readable_and_of_the_klant(beperkte_client, kcc_team, zaaktype, jan):
    client = beperkte_client(
        ("kcc", ["terugbelverzoeken.aanmaken"], None, ""),
        ("zrc", ["zaken.lezen"], zaaktype, "zaakvertrouwelijk"),
    )
    body = {"onderwerp": "Over de zaak", "team": "kcc", "klant": {"bsn": JAN}}
    geheim = ZaakFactory(zaaktype=zaaktype, initiator_bsn=JAN, vertrouwelijkheidaanduiding="geheim")
    response = client.post(TB, {**body, "zaak": url(ZAKEN, "zaken", geheim)}, format="json")
    assert response.status_code == 403
    van_een_ander = ZaakFactory(zaaktype=zaaktype, initiator_bsn="999990019")
    response = client.post(TB, {**body, "zaak": url(ZAKEN, "zaken", van_een_ander)}, format="json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "zaak"
    assert not Terugbelverzoek.objects.exists()


def test_list_with_its_filters(api, kcc_team, team, jan, zaaktype):
    vera = UserFactory(username="vera", rol="vakspecialist", teams=[team])
    zaak = ZaakFactory(zaaktype=zaaktype, initiator_bsn=JAN)
    eerste = _verzoek(team=kcc_team, klant=jan, zaak=zaak)
    tweede = _verzoek(medewerker=vera)
    derde = _verzoek(team=kcc_team)
    Terugbelverzoek.objects.filter(pk=derde.pk).update(
        status="afgehandeld", deadline=timezone.localdate() - timedelta(days=10)
    )

    def uuids(**params):
        response = api.get(TB, params)
        assert response.status_code == 200, response.json()
        return {v["uuid"] for v in response.json()["results"]}

    assert uuids() == {str(eerste.uuid), str(tweede.uuid), str(derde.uuid)}
    assert uuids(team="kcc", status="open") == {str(eerste.uuid)}
    assert uuids(medewerker="vera") == {str(tweede.uuid)}
    assert uuids(klant__bsn=JAN) == {str(eerste.uuid)}
    assert uuids(zaak=url(ZAKEN, "zaken", zaak)) == {str(eerste.uuid)}
    assert uuids(deadline__lt=timezone.localdate().isoformat()) == {str(derde.uuid)}
    assert uuids(klant__bsn="999990019") == set()
    fout = api.get(TB, {"team": "onbekend"})
    assert fout.status_code == 400
    assert fout.json()["invalidParams"][0]["name"] == "team"
    assert api.get(TB, {"status": "weg"}).status_code == 400
    assert AuditRecord.objects.filter(
        actie="read", object_type="terugbelverzoek", klant_id=jan.pk, applicatie="alles"
    ).exists()


def test_attempts_and_closing_follow_the_kcc_rules(api, kcc_team):
    verzoek = _verzoek(team=kcc_team)
    detail = url(ZAKEN, "terugbelverzoeken", verzoek)
    te_vroeg = api.post(f"{detail}/afhandelen", {"resultaat": "niet_bereikt"}, format="json")
    assert te_vroeg.status_code == 400
    assert te_vroeg.json()["invalidParams"][0]["name"] == "resultaat"
    poging = api.post(
        f"{detail}/pogingen", {"uitkomst": "niet_bereikt", "notitie": "Voicemail"}, format="json"
    )
    assert poging.status_code == 201, poging.json()
    assert poging["Location"] == detail
    assert poging.json()["pogingen"] == [
        {
            "tijdstip": poging.json()["pogingen"][0]["tijdstip"],
            "uitkomst": "niet_bereikt",
            "notitie": "Voicemail",
            "medewerker": "Tess Tester",
        }
    ]
    klaar = api.post(
        f"{detail}/afhandelen",
        {"resultaat": "niet_bereikt", "toelichting": "Drie keer geprobeerd"},
        format="json",
    )
    assert klaar.status_code == 200, klaar.json()
    assert (klaar.json()["status"], klaar.json()["resultaat"]) == ("afgehandeld", "niet_bereikt")
    nog_eens = api.post(f"{detail}/afhandelen", {"resultaat": "geholpen"}, format="json")
    assert nog_eens.status_code == 409
    assert "al afgehandeld" in nog_eens.json()["detail"]
    assert api.post(f"{detail}/pogingen", {"uitkomst": "bereikt"}, format="json").status_code == (
        409
    )
    onbekend = api.post(f"{detail}/pogingen", {"uitkomst": "misschien"}, format="json")
    assert onbekend.status_code == 400
    for actie in ("create", "close"):
        assert AuditRecord.objects.filter(
            object_uuid=verzoek.uuid, actie=actie, applicatie="alles"
        ).exists()
    weg = url(ZAKEN, "terugbelverzoeken", uuid.uuid4(), "pogingen")
    assert api.post(weg, {"uitkomst": "bereikt"}, format="json").status_code == 404


def test_a_verzoek_about_a_zaak_the_application_may_not_see_is_shielded(
    beperkte_client, kcc_team, zaaktype, jan
):
    client = beperkte_client(
        ("kcc", ["terugbelverzoeken.lezen"], None, ""),
        ("zrc", ["zaken.lezen"], ZaaktypeFactory(), "zeer_geheim"),
    )
    zaak = ZaakFactory(zaaktype=zaaktype, initiator_bsn=JAN)
    verzoek = _verzoek(team=kcc_team, klant=jan, zaak=zaak, vraag_tekst="Over mijn WMO-indicatie")
    body = client.get(url(ZAKEN, "terugbelverzoeken", verzoek)).json()
    assert body["afgeschermd"] is True
    assert (body["vraag"], body["zaak"]) == ("", None)
    assert body["onderwerp"] == "Bel terug"
    assert client.get(TB, {"zaak": url(ZAKEN, "zaken", zaak)}).json()["results"] == []


def test_staff_and_api_see_the_same_verzoek(api, client, kcc_team):
    kim = UserFactory(username="kim", rol="kcc-medewerker", teams=[kcc_team])
    response = api.post(
        TB, {"onderwerp": "Via de API", "team": "kcc", "telefoon": "0612345678"}, format="json"
    )
    verzoek = Terugbelverzoek.objects.get()
    client.force_login(kim)
    lijst = client.get(reverse("klantregie:terugbelverzoeken") + "?voor=teams")
    assert "Via de API" in lijst.content.decode()
    client.post(
        reverse("klantregie:terugbelpoging", args=[verzoek.uuid]),
        {"uitkomst": "bereikt", "notitie": "Geholpen"},
    )
    body = api.get(response.json()["url"]).json()
    assert (body["status"], body["behandelaar"]) == ("in_behandeling", "kim")
    assert body["pogingen"][0]["medewerker"] == str(kim.get_full_name())


def test_the_audit_trail_of_the_zaak_links_to_the_verzoek(api, kcc_team, jan, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, initiator_bsn=JAN)
    verzoek = _verzoek(team=kcc_team, klant=jan, zaak=zaak)
    api.post(
        url(ZAKEN, "terugbelverzoeken", verzoek, "pogingen"), {"uitkomst": "bereikt"}, format="json"
    )
    trail = api.get(url(ZAKEN, "zaken", zaak, "audittrail")).json()
    over_verzoek = [t for t in trail if t["resource"] in ("terugbelverzoek", "terugbelpoging")]
    assert {t["resource"] for t in over_verzoek} == {"terugbelverzoek", "terugbelpoging"}
    assert {t["resourceUrl"] for t in over_verzoek} == {url(ZAKEN, "terugbelverzoeken", verzoek)}
