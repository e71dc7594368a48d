"""Acceptance 2: every scope is enforced on its operations. For each operation an application
that has every other scope gets 403; with one of the operation's scopes it does not."""

import base64
from types import SimpleNamespace

import pytest

from api.models import SCOPES
from tests.api.conftest import CATALOGI, DOCUMENTEN, ZAKEN, url
from tests.factories import (
    KlantcontactFactory,
    TeamFactory,
    TerugbelverzoekFactory,
    UserFactory,
    ZaakFactory,
    ZaaktypeFactory,
)
from zaken import services

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def ctx(zaaktype, system):
    zaak = ZaakFactory(zaaktype=zaaktype)
    eigenschap = zaaktype.eigenschappen.get(naam="kenteken")
    zaakeigenschap = services.zaakeigenschap_set(
        actor=system, zaak=zaak, eigenschap=eigenschap, waarde="AB-12-CD"
    )
    resultaat = services.zaak_resultaat_set(
        actor=system, zaak=zaak, resultaattype=zaaktype.resultaattypen.get(omschrijving="Verleend")
    )
    iot = zaaktype.zaaktype_informatieobjecttypen.get().informatieobjecttype
    link = services.document_add(
        actor=system, zaak=zaak, informatieobjecttype=iot, titel="Aanvraag", inhoud=PDF
    )
    concept = ZaaktypeFactory(
        verantwoordelijk_team=zaaktype.verantwoordelijk_team, onderdelen__concept=True
    )
    kcc = TeamFactory(code="kcc", naam="KCC")
    regieteam = TeamFactory(code="regie", naam="Klantregie", lijn=2, is_klantregieteam=True)
    return SimpleNamespace(
        regisseur=UserFactory(username="renee", rol="klantregisseur", teams=[regieteam]),
        kcc=kcc,
        klantcontact=KlantcontactFactory(),
        terugbelverzoek=TerugbelverzoekFactory(team=kcc),
        zaaktype=zaaktype,
        zaak=zaak,
        rol=zaak.rollen.get(),
        status=zaak.status,
        zaakeigenschap=zaakeigenschap,
        eigenschap=eigenschap,
        resultaat=resultaat,
        iot=iot,
        document=link.document,
        zaakdocument=link,
        concept=concept,
    )


def _zaak_body(c):
    return {
        "zaaktype": url(CATALOGI, "zaaktypen", c.zaaktype),
        "bronorganisatie": "002220647",
        "verantwoordelijkeOrganisatie": "002220647",
        "startdatum": "2026-03-02",
    }


BIJWERKEN = {"zaken.bijwerken", "zaken.geforceerd-bijwerken"}

# id, method, path(ctx), body(ctx) or None, the scopes of which one suffices
OPERATIONS = [
    ("zaak_list", "get", lambda c: f"{ZAKEN}/zaken", None, {"zaken.lezen"}),
    ("zaak_zoek", "post", lambda c: f"{ZAKEN}/zaken/_zoek", lambda c: {}, {"zaken.lezen"}),
    ("zaak_read", "get", lambda c: url(ZAKEN, "zaken", c.zaak), None, {"zaken.lezen"}),
    ("zaak_create", "post", lambda c: f"{ZAKEN}/zaken", _zaak_body, {"zaken.aanmaken"}),
    (
        "zaak_patch",
        "patch",
        lambda c: url(ZAKEN, "zaken", c.zaak),
        lambda c: {"omschrijving": "Nieuw"},
        BIJWERKEN,
    ),
    (
        "zaak_put",
        "put",
        lambda c: url(ZAKEN, "zaken", c.zaak),
        lambda c: {**_zaak_body(c), "startdatum": c.zaak.startdatum.isoformat()},
        BIJWERKEN,
    ),
    ("zaak_delete", "delete", lambda c: url(ZAKEN, "zaken", c.zaak), None, {"zaken.verwijderen"}),
    ("status_list", "get", lambda c: f"{ZAKEN}/statussen", None, {"zaken.lezen"}),
    ("status_read", "get", lambda c: url(ZAKEN, "statussen", c.status), None, {"zaken.lezen"}),
    (
        "status_create",
        "post",
        lambda c: f"{ZAKEN}/statussen",
        lambda c: {
            "zaak": url(ZAKEN, "zaken", c.zaak),
            "statustype": url(CATALOGI, "statustypen", c.zaaktype.statustypen.get(volgnummer=2)),
            "datumStatusGezet": "2026-11-20T10:00:00+01:00",
        },
        {"zaken.statussen.toevoegen", "zaken.aanmaken", "zaken.heropenen"},
    ),
    ("rol_list", "get", lambda c: f"{ZAKEN}/rollen", None, {"zaken.lezen"}),
    ("rol_read", "get", lambda c: url(ZAKEN, "rollen", c.rol), None, {"zaken.lezen"}),
    (
        "rol_create",
        "post",
        lambda c: f"{ZAKEN}/rollen",
        lambda c: {
            "zaak": url(ZAKEN, "zaken", c.zaak),
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": url(
                CATALOGI, "roltypen", c.zaaktype.roltypen.get(omschrijving="Belanghebbende")
            ),
            "betrokkeneIdentificatie": {"inpBsn": "999990019"},
        },
        BIJWERKEN,
    ),
    ("rol_delete", "delete", lambda c: url(ZAKEN, "rollen", c.rol), None, BIJWERKEN),
    ("resultaat_list", "get", lambda c: f"{ZAKEN}/resultaten", None, {"zaken.lezen"}),
    (
        "resultaat_read",
        "get",
        lambda c: url(ZAKEN, "resultaten", c.resultaat),
        None,
        {"zaken.lezen"},
    ),
    (
        "resultaat_create",
        "post",
        lambda c: f"{ZAKEN}/resultaten",
        lambda c: {
            "zaak": url(ZAKEN, "zaken", c.zaak),
            "resultaattype": url(
                CATALOGI, "resultaattypen", c.zaaktype.resultaattypen.get(omschrijving="Geweigerd")
            ),
        },
        BIJWERKEN,
    ),
    (
        "resultaat_patch",
        "patch",
        lambda c: url(ZAKEN, "resultaten", c.resultaat),
        lambda c: {"toelichting": "x"},
        BIJWERKEN,
    ),
    (
        "resultaat_delete",
        "delete",
        lambda c: url(ZAKEN, "resultaten", c.resultaat),
        None,
        BIJWERKEN,
    ),
    (
        "zaakeigenschap_list",
        "get",
        lambda c: url(ZAKEN, "zaken", c.zaak, "zaakeigenschappen"),
        None,
        {"zaken.lezen"},
    ),
    (
        "zaakeigenschap_create",
        "post",
        lambda c: url(ZAKEN, "zaken", c.zaak, "zaakeigenschappen"),
        lambda c: {
            "zaak": url(ZAKEN, "zaken", c.zaak),
            "eigenschap": url(
                CATALOGI, "eigenschappen", c.zaaktype.eigenschappen.get(naam="datum")
            ),
            "waarde": "2026-01-01",
        },
        BIJWERKEN,
    ),
    (
        "zaakeigenschap_patch",
        "patch",
        lambda c: url(ZAKEN, "zaken", c.zaak, "zaakeigenschappen", c.zaakeigenschap.uuid),
        lambda c: {"waarde": "XY-99-ZZ"},
        BIJWERKEN,
    ),
    (
        "zaakeigenschap_delete",
        "delete",
        lambda c: url(ZAKEN, "zaken", c.zaak, "zaakeigenschappen", c.zaakeigenschap.uuid),
        None,
        BIJWERKEN,
    ),
    ("zio_list", "get", lambda c: f"{ZAKEN}/zaakinformatieobjecten", None, {"zaken.lezen"}),
    (
        "zio_delete",
        "delete",
        lambda c: url(ZAKEN, "zaakinformatieobjecten", c.zaakdocument),
        None,
        BIJWERKEN | {"zaken.verwijderen"},
    ),
    (
        "audittrail",
        "get",
        lambda c: url(ZAKEN, "zaken", c.zaak, "audittrail"),
        None,
        {"audittrails.lezen"},
    ),
    (
        "procesgegevens",
        "get",
        lambda c: url(ZAKEN, "zaken", c.zaak, "procesgegevens"),
        None,
        {"zaken.lezen"},
    ),
    (
        "opschorten",
        "post",
        lambda c: url(ZAKEN, "zaken", c.zaak, "opschorten"),
        lambda c: {"reden": "Wacht"},
        BIJWERKEN,
    ),
    (
        "verlengen",
        "post",
        lambda c: url(ZAKEN, "zaken", c.zaak, "verlengen"),
        lambda c: {"duur": "P1W", "reden": "Advies"},
        BIJWERKEN,
    ),
    (
        "politiek",
        "post",
        lambda c: url(ZAKEN, "zaken", c.zaak, "politiek-gevoelig"),
        lambda c: {"reden": "Raadsvragen"},
        BIJWERKEN,
    ),
    (
        "klantregisseur",
        "post",
        lambda c: url(ZAKEN, "zaken", c.zaak, "klantregisseur"),
        lambda c: {"klantregisseur": c.regisseur.username, "reden": "Meerdere teams"},
        BIJWERKEN,
    ),
    # Catalogi
    (
        "zaaktype_list",
        "get",
        lambda c: f"{CATALOGI}/zaaktypen",
        None,
        {"catalogi.lezen", "zaken.lezen"},
    ),
    ("statustype_list", "get", lambda c: f"{CATALOGI}/statustypen", None, {"catalogi.lezen"}),
    ("catalogus_list", "get", lambda c: f"{CATALOGI}/catalogussen", None, {"catalogi.lezen"}),
    ("iot_list", "get", lambda c: f"{CATALOGI}/informatieobjecttypen", None, {"catalogi.lezen"}),
    (
        "zaaktype_publish",
        "post",
        lambda c: url(CATALOGI, "zaaktypen", c.concept, "publish"),
        lambda c: {},
        {"catalogi.schrijven"},
    ),
    (
        "zaaktype_patch",
        "patch",
        lambda c: url(CATALOGI, "zaaktypen", c.concept),
        lambda c: {"doel": "Beter"},
        {"catalogi.schrijven"},
    ),
    (
        "roltype_create",
        "post",
        lambda c: f"{CATALOGI}/roltypen",
        lambda c: {
            "zaaktype": url(CATALOGI, "zaaktypen", c.concept),
            "omschrijving": "Adviseur",
            "omschrijvingGeneriek": "adviseur",
        },
        {"catalogi.schrijven"},
    ),
    # Documenten
    (
        "eio_list",
        "get",
        lambda c: f"{DOCUMENTEN}/enkelvoudiginformatieobjecten",
        None,
        {"documenten.lezen"},
    ),
    (
        "eio_read",
        "get",
        lambda c: url(DOCUMENTEN, "enkelvoudiginformatieobjecten", c.document),
        None,
        {"documenten.lezen"},
    ),
    (
        "eio_download",
        "get",
        lambda c: url(DOCUMENTEN, "enkelvoudiginformatieobjecten", c.document, "download"),
        None,
        {"documenten.lezen"},
    ),
    (
        "eio_create",
        "post",
        lambda c: f"{DOCUMENTEN}/enkelvoudiginformatieobjecten",
        lambda c: {
            "bronorganisatie": "002220647",
            "creatiedatum": "2026-11-20",
            "titel": "Brief",
            "auteur": "Koppeling",
            "taal": "dut",
            "inhoud": base64.b64encode(PDF).decode(),
            "informatieobjecttype": url(CATALOGI, "informatieobjecttypen", c.iot),
        },
        {"documenten.aanmaken"},
    ),
    (
        "oio_list",
        "get",
        lambda c: f"{DOCUMENTEN}/objectinformatieobjecten",
        None,
        {"documenten.lezen"},
    ),
    # Zaakstroom's own klantcontacten and terugbelverzoeken
    ("kc_list", "get", lambda c: f"{ZAKEN}/klantcontacten", None, {"klantcontacten.lezen"}),
    (
        "kc_read",
        "get",
        lambda c: url(ZAKEN, "klantcontacten", c.klantcontact),
        None,
        {"klantcontacten.lezen"},
    ),
    (
        "kc_create",
        "post",
        lambda c: f"{ZAKEN}/klantcontacten",
        lambda c: {
            "kanaal": "telefoon",
            "vragen": [{"onderwerp": "Afval", "resultaat": "direct_beantwoord", "antwoord": "Ja"}],
        },
        {"klantcontacten.aanmaken"},
    ),
    ("tb_list", "get", lambda c: f"{ZAKEN}/terugbelverzoeken", None, {"terugbelverzoeken.lezen"}),
    (
        "tb_read",
        "get",
        lambda c: url(ZAKEN, "terugbelverzoeken", c.terugbelverzoek),
        None,
        {"terugbelverzoeken.lezen"},
    ),
    (
        "tb_create",
        "post",
        lambda c: f"{ZAKEN}/terugbelverzoeken",
        lambda c: {"onderwerp": "Bel terug", "team": "kcc", "telefoon": "0612345678"},
        {"terugbelverzoeken.aanmaken"},
    ),
    (
        "tb_poging",
        "post",
        lambda c: url(ZAKEN, "terugbelverzoeken", c.terugbelverzoek, "pogingen"),
        lambda c: {"uitkomst": "bereikt"},
        {"terugbelverzoeken.bijwerken"},
    ),
    (
        "tb_afhandelen",
        "post",
        lambda c: url(ZAKEN, "terugbelverzoeken", c.terugbelverzoek, "afhandelen"),
        lambda c: {"resultaat": "geholpen"},
        {"terugbelverzoeken.bijwerken"},
    ),
]


def _client_with(beperkte_client, c, scopes):
    regels = []
    for component, alle in SCOPES.items():
        eigen = sorted(set(alle) & set(scopes))
        if not eigen:
            continue
        if component == "zrc":
            regels.append(("zrc", eigen, c.zaaktype, "zeer_geheim"))
        elif component in ("ztc", "kcc"):
            regels.append((component, eigen, None, ""))
        else:
            regels.append(("drc", eigen, c.iot, "zeer_geheim"))
    return beperkte_client(*regels)


def _call(client, method, path, body):
    if body is None:
        return getattr(client, method)(path)
    return getattr(client, method)(path, body, format="json")


@pytest.mark.parametrize(
    ("method", "path", "body", "required"),
    [op[1:] for op in OPERATIONS],
    ids=[op[0] for op in OPERATIONS],
)
def test_every_operation_needs_its_scope(beperkte_client, ctx, method, path, body, required):
    alle = {scope for scopes in SCOPES.values() for scope in scopes}
    zonder = _client_with(beperkte_client, ctx, alle - required)
    response = _call(zonder, method, path(ctx), body(ctx) if body else None)
    assert response.status_code == 403, (response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("method", "path", "body", "required"),
    [op[1:] for op in OPERATIONS],
    ids=[op[0] for op in OPERATIONS],
)
def test_one_of_its_scopes_is_enough(beperkte_client, ctx, method, path, body, required):
    gekozen = sorted(required)[0]
    if required == {"zaken.statussen.toevoegen", "zaken.aanmaken", "zaken.heropenen"}:
        gekozen = "zaken.statussen.toevoegen"
    scopes = {gekozen, "zaken.lezen", "documenten.lezen", "catalogi.lezen"}
    met = _client_with(beperkte_client, ctx, scopes)
    response = _call(met, method, path(ctx), body(ctx) if body else None)
    assert response.status_code < 400, (response.status_code, response.content[:400])


def test_setting_a_status_needs_statussen_toevoegen_not_just_aanmaken(beperkte_client, ctx):
    aanmaker = _client_with(beperkte_client, ctx, {"zaken.lezen", "zaken.aanmaken"})
    response = aanmaker.post(
        f"{ZAKEN}/statussen",
        {
            "zaak": url(ZAKEN, "zaken", ctx.zaak),
            "statustype": url(CATALOGI, "statustypen", ctx.zaaktype.statustypen.get(volgnummer=2)),
            "datumStatusGezet": "2026-11-20T10:00:00+01:00",
        },
        format="json",
    )
    assert response.status_code == 403


def test_scope_for_another_zaaktype_does_not_count(beperkte_client, ctx):
    ander = ZaaktypeFactory(verantwoordelijk_team=ctx.zaaktype.verantwoordelijk_team)
    client = beperkte_client(
        ("zrc", ["zaken.lezen"], ctx.zaaktype, "zeer_geheim"),
        ("zrc", ["zaken.bijwerken"], ander, "zeer_geheim"),
    )
    response = client.patch(url(ZAKEN, "zaken", ctx.zaak), {"omschrijving": "x"}, format="json")
    assert response.status_code == 403


def test_writing_above_the_maximum_vertrouwelijkheid_is_refused(beperkte_client, ctx):
    client = beperkte_client(
        ("zrc", ["zaken.lezen", "zaken.aanmaken"], ctx.zaaktype, "openbaar"),
    )
    body = {**_zaak_body(ctx), "vertrouwelijkheidaanduiding": "vertrouwelijk"}
    assert client.post(f"{ZAKEN}/zaken", body, format="json").status_code == 403
    body["vertrouwelijkheidaanduiding"] = "openbaar"
    assert client.post(f"{ZAKEN}/zaken", body, format="json").status_code == 201
