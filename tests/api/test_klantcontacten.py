"""Zaakstroom's own endpoint for klantcontacten: log one with its questions through the same
service as the KCC contact screen (all or nothing, idempotent), list per klant and per zaak,
shield what concerns zaken the application may not see, and audit every read."""

import uuid

import pytest
from django.urls import reverse

from core.actor import Actor
from core.models import AuditRecord
from klantregie.models import Klant, Klantcontact, Terugbelverzoek
from klantregie.services import VraagInvoer, klantcontact_log, vraag_stellen
from tests.api.conftest import CATALOGI, ZAKEN, url
from tests.factories import KlantFactory, TeamFactory, UserFactory, ZaakFactory, ZaaktypeFactory
from zaken.models import Zaak

pytestmark = pytest.mark.django_db

KC = f"{ZAKEN}/klantcontacten"
JAN = "999993653"


@pytest.fixture
def jan(db):
    return KlantFactory(bsn=JAN, voornamen="Jan", achternaam="Vries", telefoon="0612345678")


@pytest.fixture
def kcc_team(db):
    return TeamFactory(code="kcc", naam="KCC", terugbel_norm_werkdagen=3)


def _vraag(**kwargs):
    return {"onderwerp": "Afvalkalender", "resultaat": "direct_beantwoord", "antwoord": "Ja."} | (
        kwargs
    )


def test_log_a_contact_with_its_questions(api, jan, zaaktype, kcc_team):
    zaak = ZaakFactory(zaaktype=zaaktype, initiator_bsn=JAN)
    zaken_voor = Zaak.objects.count()
    response = api.post(
        KC,
        {
            "kanaal": "telefoon",
            "klant": {"bsn": JAN},
            "gestartOp": "2026-11-20T10:00:00+01:00",
            "beeindigdOp": "2026-11-20T10:04:30+01:00",
            "vragen": [
                _vraag(
                    onderwerp="Stand van mijn aanvraag",
                    resultaat="statusinformatie",
                    zaak=url(ZAKEN, "zaken", zaak),
                ),
                _vraag(
                    onderwerp="Parkeervergunning",
                    resultaat="zaak_gestart",
                    antwoord="",
                    zaaktype=url(CATALOGI, "zaaktypen", zaaktype),
                ),
                _vraag(
                    onderwerp="Bezwaar",
                    resultaat="terugbelverzoek",
                    vraag="Kan iemand mij bellen over mijn bezwaar?",
                    antwoord="",
                    terugbelverzoek={"team": "kcc", "bereikbaarheid": "na 14.00 uur"},
                ),
            ],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert response["Location"] == body["url"]
    assert body["klant"] == {
        "soort": "persoon",
        "bsn": JAN,
        "kvkNummer": "",
        "vestigingsnummer": "",
        "naam": "Jan Vries",
    }
    assert body["duurSeconden"] == 270
    assert body["medewerker"] == "Tess Tester"
    status, gestart, terugbel = body["vragen"]
    assert status["zaak"] == url(ZAKEN, "zaken", zaak)
    # the second question started a zaak of the zaaktype, for Jan, on the contact's kanaal
    nieuw = Zaak.objects.exclude(pk=zaak.pk).get()
    assert Zaak.objects.count() == zaken_voor + 1
    assert gestart["zaak"] == url(ZAKEN, "zaken", nieuw)
    assert nieuw.kanaal == "telefoon"
    assert nieuw.rollen.get(omschrijving_generiek="initiator").bsn == JAN
    # the third sent a terugbelverzoek to the KCC team with its own norm
    verzoek = Terugbelverzoek.objects.get()
    assert terugbel["terugbelverzoek"] == url(ZAKEN, "terugbelverzoeken", verzoek)
    assert (verzoek.team, verzoek.telefoon, verzoek.norm_werkdagen) == (kcc_team, "0612345678", 3)
    # the audit trail names the application and the user of the token
    contact = Klantcontact.objects.get()
    for obj in (contact, verzoek, nieuw):
        record = AuditRecord.objects.get(object_uuid=obj.uuid, actie="create")
        assert (record.bron, record.applicatie, record.gebruiker_id_extern) == (
            "api",
            "alles",
            "tester",
        )
    assert AuditRecord.objects.filter(
        object_type="klantvraag", zaak_uuid=zaak.uuid, applicatie="alles"
    ).exists()


def test_an_unknown_klant_is_registered_by_number(api):
    response = api.post(
        KC,
        {"kanaal": "balie", "klant": {"kvkNummer": "68750110"}, "vragen": [_vraag()]},
        format="json",
    )
    assert response.status_code == 201, response.json()
    klant = Klant.objects.get()
    assert (klant.soort, klant.kvk_nummer) == ("organisatie", "68750110")
    assert response.json()["klant"]["kvkNummer"] == "68750110"


def test_an_anonymous_caller_needs_no_klant(api):
    response = api.post(KC, {"kanaal": "telefoon", "vragen": [_vraag()]}, format="json")
    assert response.status_code == 201
    assert response.json()["klant"] is None
    assert not Klant.objects.exists()


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        ({"vragen": []}, "vragen", "minstens één vraag"),
        ({"klant": {"bsn": "123456789"}}, "klant.bsn", "BSN"),
        ({"klant": {"bsn": JAN, "kvkNummer": "68750110"}}, "klant", "niet allebei"),
        ({"kanaal": "api"}, "kanaal", ""),
        ({"beeindigdOp": "2099-01-01T10:00:00+01:00"}, "beeindigdOp", "toekomst"),
        (
            {"gestartOp": "2026-11-20T10:05:00+01:00", "beeindigdOp": "2026-11-20T10:00:00+01:00"},
            "gestartOp",
            "eindigen voordat het begon",
        ),
        (
            {"vragen": [_vraag(), _vraag(resultaat="terugbelverzoek", antwoord="")]},
            "vragen.1.terugbelverzoek.team",
            "team of de medewerker",
        ),
        (
            {
                "vragen": [
                    _vraag(
                        resultaat="terugbelverzoek",
                        terugbelverzoek={"team": "kcc", "telefoon": "12"},
                    )
                ]
            },
            "vragen.0.terugbelverzoek.telefoon",
            "telefoonnummer",
        ),
        (
            {"vragen": [_vraag(resultaat="terugbelverzoek", terugbelverzoek={"team": "x"})]},
            "vragen.0.terugbelverzoek.team",
            "geen team met de code",
        ),
        ({"vragen": [_vraag(resultaat="statusinformatie")]}, "vragen.0.zaak", "Kies de zaak"),
        ({"vragen": [_vraag(antwoord="")]}, "vragen.0.antwoord", "Schrijf het antwoord"),
    ],
)
def test_bad_input_is_refused_with_the_field_and_nothing_is_written(
    api, kcc_team, wijziging, veld, melding
):
    body = {"kanaal": "telefoon", "klant": {"bsn": "999990019"}, "vragen": [_vraag()]} | wijziging
    response = api.post(KC, body, format="json")
    assert response.status_code == 400, response.json()
    assert response["Content-Type"] == "application/problem+json"
    params = response.json()["invalidParams"]
    assert params[0]["name"] == veld, params
    assert melding in params[0]["reason"]
    assert not Klantcontact.objects.exists()
    assert not Klant.objects.exists()
    assert not Terugbelverzoek.objects.exists()


def test_a_failing_question_leaves_no_zaak_behind(api, zaaktype, kcc_team):
    zaken = Zaak.objects.count()
    response = api.post(
        KC,
        {
            "kanaal": "telefoon",
            "klant": {"bsn": JAN},
            "vragen": [
                _vraag(
                    resultaat="zaak_gestart",
                    antwoord="",
                    zaaktype=url(CATALOGI, "zaaktypen", zaaktype),
                ),
                _vraag(resultaat="terugbelverzoek", antwoord=""),
            ],
        },
        format="json",
    )
    assert response.status_code == 400
    assert Zaak.objects.count() == zaken
    assert not Klant.objects.exists()


def test_the_same_key_twice_logs_the_contact_once(api):
    sleutel = str(uuid.uuid4())
    body = {"kanaal": "telefoon", "sleutel": sleutel, "vragen": [_vraag()]}
    eerste = api.post(KC, body, format="json")
    tweede = api.post(KC, body, format="json")
    assert eerste.status_code == tweede.status_code == 201
    assert eerste.json()["uuid"] == tweede.json()["uuid"]
    assert Klantcontact.objects.count() == 1


def test_a_question_about_a_zaak_the_application_may_not_read_is_403(beperkte_client, zaaktype):
    client = beperkte_client(
        ("kcc", ["klantcontacten.aanmaken"], None, ""),
        ("zrc", ["zaken.lezen"], zaaktype, "openbaar"),
    )
    vertrouwelijk = ZaakFactory(zaaktype=zaaktype, vertrouwelijkheidaanduiding="vertrouwelijk")
    response = client.post(
        KC,
        {
            "kanaal": "telefoon",
            "vragen": [
                _vraag(resultaat="statusinformatie", zaak=url(ZAKEN, "zaken", vertrouwelijk))
            ],
        },
        format="json",
    )
    assert response.status_code == 403
    assert not Klantcontact.objects.exists()


def test_starting_a_zaak_needs_zaken_aanmaken_for_its_zaaktype(beperkte_client, zaaktype, jan):
    client = beperkte_client(("kcc", ["klantcontacten.aanmaken"], None, ""))
    response = client.post(
        KC,
        {
            "kanaal": "telefoon",
            "klant": {"bsn": JAN},
            "vragen": [
                _vraag(
                    resultaat="zaak_gestart",
                    antwoord="",
                    zaaktype=url(CATALOGI, "zaaktypen", zaaktype),
                )
            ],
        },
        format="json",
    )
    assert response.status_code == 403
    assert not Klantcontact.objects.exists()


# --- reading ------------------------------------------------------------------------------------
def _contact(klant, *vragen, kanaal="telefoon"):
    return klantcontact_log(
        actor=Actor.system("test"),
        kanaal=kanaal,
        klant=klant,
        vragen=list(vragen) or [VraagInvoer("Afval", "direct_beantwoord", antwoord="Ja.")],
    )


def test_list_per_klant_and_per_zaak(api, jan, zaaktype):
    piet = KlantFactory(bsn="999990019")
    zaak = ZaakFactory(zaaktype=zaaktype, initiator_bsn=JAN)
    over_zaak = _contact(jan, VraagInvoer("Stand", "statusinformatie", zaak=zaak))
    algemeen = _contact(jan, kanaal="email")
    van_piet = _contact(piet)

    def uuids(**params):
        response = api.get(KC, params)
        assert response.status_code == 200, response.json()
        return [c["uuid"] for c in response.json()["results"]]

    assert uuids(klant__bsn=JAN) == [str(algemeen.uuid), str(over_zaak.uuid)]
    assert uuids(zaak=url(ZAKEN, "zaken", zaak)) == [str(over_zaak.uuid)]
    assert uuids(klant__bsn="999990019") == [str(van_piet.uuid)]
    assert uuids(klant__bsn=JAN, kanaal="email") == [str(algemeen.uuid)]
    assert uuids(klant__bsn="999991772") == []  # a BSN Zaakstroom does not know
    assert uuids(zaak=url(ZAKEN, "zaken", uuid.uuid4())) == []
    assert len(uuids()) == 3
    # reading personal data is in the audit trail, per klant
    record = AuditRecord.objects.filter(actie="read", object_type="klantcontact").first()
    assert record.applicatie == "alles"
    assert AuditRecord.objects.filter(
        actie="read", object_type="klantcontact", klant_id=jan.pk
    ).exists()
    assert AuditRecord.objects.filter(
        actie="read", object_type="klantcontact", zaak_uuid=zaak.uuid
    ).exists()


@pytest.mark.parametrize(
    ("params", "naam"),
    [
        ({"klant__bsn": "12345"}, "klant__bsn"),
        ({"klant__vestigingsnummer": "000037178598"}, "klant__vestigingsnummer"),
        ({"zaak": "https://elders.nl/zaken/1"}, "zaak"),
        ({"kanaal": "duif"}, "kanaal"),
        ({"gestartOp__gte": "gisteren"}, "gestartOp__gte"),
        ({"klant": JAN}, "klant"),
    ],
)
def test_bad_filters_are_a_400(api, params, naam):
    response = api.get(KC, params)
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == naam


def test_what_concerns_a_zaak_the_application_may_not_see_is_shielded(
    beperkte_client, zaaktype, jan
):
    client = beperkte_client(
        ("kcc", ["klantcontacten.lezen"], None, ""),
        ("zrc", ["zaken.lezen"], zaaktype, "zaakvertrouwelijk"),
    )
    zichtbaar = ZaakFactory(zaaktype=zaaktype, initiator_bsn=JAN)
    ander_type = ZaakFactory(zaaktype=ZaaktypeFactory(), initiator_bsn=JAN)
    geheim = ZaakFactory(zaaktype=zaaktype, initiator_bsn=JAN, vertrouwelijkheidaanduiding="geheim")
    _contact(
        jan,
        VraagInvoer("Zichtbaar", "statusinformatie", vraag="Hoe staat het?", zaak=zichtbaar),
        VraagInvoer("Ander zaaktype", "statusinformatie", vraag="Mijn WMO?", zaak=ander_type),
        VraagInvoer("Geheim", "statusinformatie", vraag="Mijn dossier?", zaak=geheim),
    )
    contact = client.get(KC, {"klant__bsn": JAN}).json()["results"][0]
    vragen = {v["onderwerp"]: v for v in contact["vragen"]}
    assert vragen["Zichtbaar"]["vraag"] == "Hoe staat het?"
    assert vragen["Zichtbaar"]["zaak"] == url(ZAKEN, "zaken", zichtbaar)
    for onderwerp in ("Ander zaaktype", "Geheim"):
        assert vragen[onderwerp]["afgeschermd"] is True
        assert (vragen[onderwerp]["vraag"], vragen[onderwerp]["zaak"]) == ("", None)
        assert vragen[onderwerp]["zaaktype"] is None
    # a zaak it may not see does not exist for the filter either
    assert client.get(KC, {"zaak": url(ZAKEN, "zaken", geheim)}).json()["results"] == []
    assert len(client.get(KC, {"zaak": url(ZAKEN, "zaken", zichtbaar)}).json()["results"]) == 1
    detail = client.get(contact["url"]).json()
    assert [v["afgeschermd"] for v in detail["vragen"]] == [False, True, True]


def test_detail_with_etag_and_audit(api, jan):
    contact = _contact(jan)
    response = api.get(url(ZAKEN, "klantcontacten", contact))
    assert response.status_code == 200
    etag = response["ETag"]
    assert api.get(url(ZAKEN, "klantcontacten", contact), HTTP_IF_NONE_MATCH=etag).status_code == (
        304
    )
    assert AuditRecord.objects.filter(
        actie="read", object_uuid=contact.uuid, klant_id=jan.pk, applicatie="alles"
    ).exists()
    assert api.get(url(ZAKEN, "klantcontacten", uuid.uuid4())).status_code == 404


def test_questions_asked_on_the_pip_and_contacts_on_the_staff_screen_meet(
    api, client, jan, zaaktype, team
):
    zaak = ZaakFactory(zaaktype=zaaktype, initiator_bsn=JAN)
    vraag_stellen(actor=Actor.burger(JAN), vraag="Wanneer hoor ik iets?", zaak=zaak)
    response = api.get(KC, {"zaak": url(ZAKEN, "zaken", zaak)})
    (contact,) = response.json()["results"]
    assert contact["kanaal"] == "website"
    assert contact["vragen"][0]["status"] == "open"
    assert contact["vragen"][0]["vraag"] == "Wanneer hoor ik iets?"
    # and a contact logged through the API is on the klantbeeld of the KCC
    api.post(
        KC,
        {"kanaal": "telefoon", "klant": {"bsn": JAN}, "vragen": [_vraag(onderwerp="Via de API")]},
        format="json",
    )
    kcc = UserFactory(username="kim", rol="kcc-medewerker", teams=[team])
    client.force_login(kcc)
    page = client.get(reverse("klantregie:klantbeeld", args=[jan.uuid]))
    assert "Via de API" in page.content.decode()


def test_settling_a_zaak_at_once_is_for_a_medewerker(api, zaaktype, jan):
    """The workflow's 1e-lijn task needs a person as its owner; an application starts the zaak."""
    zaken = Zaak.objects.count()
    response = api.post(
        KC,
        {
            "kanaal": "telefoon",
            "klant": {"bsn": JAN},
            "vragen": [
                _vraag(resultaat="zaak_afgehandeld", zaaktype=url(CATALOGI, "zaaktypen", zaaktype))
            ],
        },
        format="json",
    )
    assert response.status_code == 403
    assert "zaak_gestart" in response.json()["detail"]
    assert Zaak.objects.count() == zaken
    assert not Klantcontact.objects.exists()
