"""Zaakstroom's own endpoints: process actions on a zaak, through the same services as the
staff screens (the same deadlines, the same refusals, the same audit trail)."""

from datetime import date

import pytest

from core.models import AuditRecord
from tests.api.conftest import ZAKEN, url
from tests.factories import TeamFactory, UserFactory, ZaakFactory

pytestmark = pytest.mark.django_db


def test_opschorten_en_hervatten_move_the_deadlines(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, startdatum=date(2026, 3, 2))
    deadline = zaak.uiterlijke_einddatum_afdoening
    response = api.post(
        url(ZAKEN, "zaken", zaak, "opschorten"),
        {"reden": "Wacht op de tekening", "wachtOpAanvrager": True, "datum": "2026-03-09"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["opschorting"] == {
        "indicatie": True,
        "reden": "Wacht op de tekening",
        "wachtOpAanvrager": True,
    }
    again = api.post(url(ZAKEN, "zaken", zaak, "opschorten"), {"reden": "Nog eens"}, format="json")
    assert again.status_code == 400
    assert "al opgeschort" in again.json()["invalidParams"][0]["reason"]

    hervat = api.post(
        url(ZAKEN, "zaken", zaak, "hervatten"), {"datum": "2026-03-16"}, format="json"
    )
    assert hervat.status_code == 200
    body = hervat.json()
    assert body["opschorting"]["indicatie"] is False
    assert body["opschortingen"][0]["dagen"] == 7
    assert body["uiterlijkeEinddatumAfdoening"] == "2026-05-05"  # moved by the 7 days waited
    assert deadline.isoformat() == "2026-04-28"
    zgw = api.get(url(ZAKEN, "zaken", zaak)).json()
    assert zgw["uiterlijkeEinddatumAfdoening"] == "2026-05-05"


def test_opschorten_through_the_zgw_group_attribute(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    response = api.patch(
        url(ZAKEN, "zaken", zaak),
        {"opschorting": {"indicatie": True, "reden": "Wacht op aanvrager"}},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["opschorting"] == {"indicatie": True, "reden": "Wacht op aanvrager"}
    response = api.patch(
        url(ZAKEN, "zaken", zaak), {"opschorting": {"indicatie": False, "reden": ""}}, format="json"
    )
    assert response.json()["opschorting"]["indicatie"] is False


def test_verlengen_once_within_the_limit(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype, startdatum=date(2026, 3, 2))
    te_lang = api.post(
        url(ZAKEN, "zaken", zaak, "verlengen"), {"duur": "P10W", "reden": "Advies"}, format="json"
    )
    assert te_lang.status_code == 400
    assert te_lang.json()["invalidParams"][0]["name"] == "duur"
    ok = api.post(
        url(ZAKEN, "zaken", zaak, "verlengen"),
        {"duur": "P2W", "reden": "Advies nodig"},
        format="json",
    )
    assert ok.status_code == 200
    assert ok.json()["verlenging"] == {"duur": "P2W", "reden": "Advies nodig"}
    assert ok.json()["uiterlijkeEinddatumAfdoening"] == "2026-05-12"
    zgw = api.get(url(ZAKEN, "zaken", zaak)).json()
    assert zgw["verlenging"] == {"reden": "Advies nodig", "duur": "P2W"}
    tweede = api.post(
        url(ZAKEN, "zaken", zaak, "verlengen"), {"duur": "P1W", "reden": "Nog meer"}, format="json"
    )
    assert tweede.status_code == 400
    assert tweede.json()["invalidParams"][0]["code"] == "al-verlengd"


def test_politiek_gevoelig_and_klantregisseur(api, zaaktype):
    regieteam = TeamFactory(naam="Klantregie", code="klantregie", lijn=2, is_klantregieteam=True)
    regisseur = UserFactory(username="renee", rol="klantregisseur", teams=[regieteam])
    zaak = ZaakFactory(zaaktype=zaaktype)
    zonder_reden = api.post(url(ZAKEN, "zaken", zaak, "politiek-gevoelig"), {}, format="json")
    assert zonder_reden.status_code == 400
    assert zonder_reden.json()["invalidParams"][0]["name"] == "reden"
    gevoelig = api.post(
        url(ZAKEN, "zaken", zaak, "politiek-gevoelig"),
        {"reden": "Raadsvragen gesteld"},
        format="json",
    )
    assert gevoelig.status_code == 200 and gevoelig.json()["politiekGevoelig"] is True

    onbekend = api.post(
        url(ZAKEN, "zaken", zaak, "klantregisseur"), {"klantregisseur": "niemand"}, format="json"
    )
    assert onbekend.status_code == 400
    aangewezen = api.post(
        url(ZAKEN, "zaken", zaak, "klantregisseur"),
        {"klantregisseur": "renee", "reden": "Meerdere teams"},
        format="json",
    )
    assert aangewezen.status_code == 200
    assert aangewezen.json()["klantregisseur"]["identificatie"] == "renee"
    zaak.refresh_from_db()
    assert zaak.klantregisseur == regisseur
    rollen = api.get(f"{ZAKEN}/rollen", {"zaak": url(ZAKEN, "zaken", zaak)}).json()["results"]
    coordinator = next(r for r in rollen if r["omschrijvingGeneriek"] == "zaakcoordinator")
    assert coordinator["betrokkeneIdentificatie"]["identificatie"] == "renee"
    assert AuditRecord.objects.filter(
        zaak_uuid=zaak.uuid, actie="assign", bron="api", applicatie="alles"
    ).exists()


def test_process_actions_refuse_a_closed_zaak_and_hidden_zaken(beperkte_client, zaaktype):
    lezer = beperkte_client(("zrc", ["zaken.lezen", "zaken.bijwerken"], zaaktype, "openbaar"))
    dicht = ZaakFactory(zaaktype=zaaktype, closed=True, vertrouwelijkheidaanduiding="openbaar")
    response = lezer.post(url(ZAKEN, "zaken", dicht, "opschorten"), {"reden": "x"}, format="json")
    assert response.status_code == 403
    assert "afgesloten" in response.json()["detail"]
    geheim = ZaakFactory(zaaktype=zaaktype, vertrouwelijkheidaanduiding="geheim")
    assert (
        lezer.post(
            url(ZAKEN, "zaken", geheim, "opschorten"), {"reden": "x"}, format="json"
        ).status_code
        == 404
    )
    assert lezer.get(url(ZAKEN, "zaken", geheim, "procesgegevens")).status_code == 404
