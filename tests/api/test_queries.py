"""Acceptance 5: every list endpoint runs the same number of queries for 5 and for 50 zaken,
and "zaken by BSN" is served by the index rol_bsn_idx."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import CATALOGI, DOCUMENTEN, ZAKEN, client_for
from tests.factories import ApplicatieFactory, AutorisatieFactory, ZaakFactory
from zaken import services

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

LISTS = [
    (f"{ZAKEN}/zaken", {}),
    (f"{ZAKEN}/zaken", {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "999993653"}),
    (f"{ZAKEN}/statussen", {}),
    (f"{ZAKEN}/rollen", {}),
    (f"{ZAKEN}/resultaten", {}),
    (f"{ZAKEN}/zaakinformatieobjecten", {}),
    (f"{DOCUMENTEN}/enkelvoudiginformatieobjecten", {}),
    (f"{DOCUMENTEN}/objectinformatieobjecten", {}),
    (f"{CATALOGI}/zaaktypen", {}),
    (f"{CATALOGI}/statustypen", {}),
    (f"{CATALOGI}/resultaattypen", {}),
    (f"{CATALOGI}/roltypen", {}),
    (f"{CATALOGI}/eigenschappen", {}),
    (f"{CATALOGI}/informatieobjecttypen", {}),
    (f"{CATALOGI}/catalogussen", {}),
]


def _maak(zaaktype, system, n):
    iot = zaaktype.zaaktype_informatieobjecttypen.get().informatieobjecttype
    resultaattype = zaaktype.resultaattypen.first()
    for _ in range(n):
        zaak = ZaakFactory(zaaktype=zaaktype, initiator_bsn="999993653")
        services.zaak_resultaat_set(actor=system, zaak=zaak, resultaattype=resultaattype)
        services.document_add(
            actor=system, zaak=zaak, informatieobjecttype=iot, titel="Bijlage", inhoud=PDF
        )


def _count(client, path, params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, params)
    assert response.status_code == 200, response.content[:300]
    return len(ctx.captured_queries)


def _clients(zaaktype):
    alles = ApplicatieFactory(client_id="alles-q", heeft_alle_autorisaties=True)
    beperkt = ApplicatieFactory(client_id="beperkt-q")
    iot = zaaktype.zaaktype_informatieobjecttypen.get().informatieobjecttype
    for component, scopes, kwargs in (
        ("zrc", ["zaken.lezen"], {"zaaktype": zaaktype}),
        ("ztc", ["catalogi.lezen"], {}),
        ("drc", ["documenten.lezen"], {"informatieobjecttype": iot}),
    ):
        AutorisatieFactory(applicatie=beperkt, component=component, scopes=scopes, **kwargs)
    return {"alles": client_for(alles), "beperkt": client_for(beperkt)}


@pytest.mark.parametrize("wie", ["alles", "beperkt"])
def test_list_endpoints_run_a_fixed_number_of_queries(zaaktype, system, wie):
    client = _clients(zaaktype)[wie]
    _maak(zaaktype, system, 5)
    vijf = {(p, tuple(q)): _count(client, p, q) for p, q in LISTS}
    _maak(zaaktype, system, 45)
    vijftig = {(p, tuple(q)): _count(client, p, q) for p, q in LISTS}
    assert vijf == vijftig
    # Authentication (application + autorisaties), the page, the URL lists: a handful.
    assert max(vijftig.values()) <= 9, vijftig


def test_a_full_page_with_a_bounded_count_is_still_fixed(zaaktype, system, monkeypatch):
    from api import pagination

    monkeypatch.setattr(pagination.ZgwPagination, "page_size", 4)
    client = _clients(zaaktype)["alles"]
    _maak(zaaktype, system, 5)
    vijf = _count(client, f"{ZAKEN}/zaken", {})
    _maak(zaaktype, system, 15)
    twintig = _count(client, f"{ZAKEN}/zaken", {})
    assert vijf == twintig


@pytest.mark.postgres
def test_zaken_by_bsn_uses_the_rol_bsn_index(zaaktype, system):
    """EXPLAIN of the query behind GET /zaken?rol__...__inpBsn=..., on enough rows that the
    planner has a choice."""
    from api import selectors
    from api.auth import ApplicatieAutorisatie
    from api.zaken import filters
    from zaken.models import Rol, Zaak

    ZaakFactory(zaaktype=zaaktype, initiator_bsn="999993653")
    zaak = Zaak.objects.first()
    rol = zaak.rollen.get()
    # Many other rollen (bulk, without the services: this is about the plan, not the data).
    Rol.objects.bulk_create(
        [
            Rol(
                zaak=zaak,
                roltype=rol.roltype,
                omschrijving=rol.omschrijving,
                omschrijving_generiek=rol.omschrijving_generiek,
                betrokkene_type=rol.betrokkene_type,
                bsn=f"{100000000 + i:09d}",
            )
            for i in range(20000)
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE zaken_rol")
        cursor.execute("ANALYZE zaken_zaak")
    alles = ApplicatieAutorisatie(ApplicatieFactory(heeft_alle_autorisaties=True), [])
    params = filters.validate(
        {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "999993653"}
    )
    qs = filters.apply(selectors.zaken_lijst(alles), params)
    plan = qs.explain()
    assert "rol_bsn_idx" in plan, plan


# --- Zaakstroom's own klantcontacten and terugbelverzoeken ----------------------------------------
KLANTREGIE_LISTS = [
    (f"{ZAKEN}/klantcontacten", {}),
    (f"{ZAKEN}/klantcontacten", {"klant__bsn": "999993653"}),
    (f"{ZAKEN}/klantcontacten", "zaak"),
    (f"{ZAKEN}/terugbelverzoeken", {}),
    (f"{ZAKEN}/terugbelverzoeken", {"klant__bsn": "999993653", "status": "open"}),
    (f"{ZAKEN}/terugbelverzoeken", {"team": "kcc"}),
    (f"{ZAKEN}/terugbelverzoeken", "zaak"),
]


def _maak_contacten(system, klant, zaak, team, n):
    from klantregie.services import (
        TerugbelInvoer,
        VraagInvoer,
        klantcontact_log,
        terugbelpoging_add,
    )

    for _ in range(n):
        contact = klantcontact_log(
            actor=system,
            kanaal="telefoon",
            klant=klant,
            vragen=[
                VraagInvoer("Stand van zaken", "statusinformatie", zaak=zaak),
                VraagInvoer(
                    "Bezwaar",
                    "terugbelverzoek",
                    zaak=zaak,
                    terugbel=TerugbelInvoer(team=team, telefoon="0612345678"),
                ),
            ],
        )
        verzoek = contact.vragen.get(volgnummer=2).terugbelverzoek
        terugbelpoging_add(actor=system, verzoek=verzoek, uitkomst="niet_bereikt")


@pytest.mark.parametrize("wie", ["alles", "beperkt"])
def test_klantregie_lists_run_a_fixed_number_of_queries(zaaktype, system, wie):
    from tests.factories import KlantFactory, TeamFactory

    klant = KlantFactory(bsn="999993653")
    zaak = ZaakFactory(zaaktype=zaaktype, initiator_bsn="999993653")
    team = TeamFactory(code="kcc")
    if wie == "alles":
        client = client_for(ApplicatieFactory(client_id="alles-kc", heeft_alle_autorisaties=True))
    else:
        beperkt = ApplicatieFactory(client_id="beperkt-kc")
        AutorisatieFactory(
            applicatie=beperkt,
            component="kcc",
            scopes=["klantcontacten.lezen", "terugbelverzoeken.lezen"],
            max_vertrouwelijkheidaanduiding="",
        )
        AutorisatieFactory(applicatie=beperkt, component="zrc", zaaktype=zaaktype)
        client = client_for(beperkt)
    zaak_url = f"http://testserver{ZAKEN}/zaken/{zaak.uuid}"

    def tellingen():
        result = {}
        for path, params in KLANTREGIE_LISTS:
            if params == "zaak":
                params = {"zaak": zaak_url}
            result[(path, tuple(params))] = _count(client, path, params)
        return result

    _maak_contacten(system, klant, zaak, team, 5)
    vijf = tellingen()
    _maak_contacten(system, klant, zaak, team, 45)
    vijftig = tellingen()
    assert vijf == vijftig
    # authentication 1-2, audit record 1, filters 0-2, page 1, prefetch 1, count 0-1
    assert max(vijftig.values()) <= 9, vijftig
    for path, params in KLANTREGIE_LISTS:  # every list had all its rows to show
        response = client.get(path, {"zaak": zaak_url} if params == "zaak" else params)
        assert response.json()["count"] == 50, (path, params)
    contact = client.get(f"{ZAKEN}/klantcontacten").json()["results"][0]
    assert [v["afgeschermd"] for v in contact["vragen"]] == [False, False]
