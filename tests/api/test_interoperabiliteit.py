"""Interoperability: a ZGW client sends the standard's attributes with their neutral values, also
those Zaakstroom does not keep (a generated client fills every field). Those are accepted. Only a
value Zaakstroom would silently lose is refused, with a 400 that names the field and says what to
do; nothing is written then."""

import base64
import hashlib
import json

import pytest

from core.models import AuditRecord
from tests.api.conftest import CATALOGI, DOCUMENTEN, ZAKEN, url
from tests.api.zgw_spec import SPECS, validate
from tests.factories import ZaakFactory
from zaken.models import Document, Rol, Status, Zaak, ZaakDocument

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

NEUTRAAL_ZAAK = {
    "identificatie": "",
    "omschrijving": "",
    "toelichting": "",
    "einddatumGepland": None,
    "uiterlijkeEinddatumAfdoening": None,
    "publicatiedatum": None,
    "communicatiekanaal": "",
    "productenOfDiensten": [],
    "laatsteBetaaldatum": None,
    "zaakgeometrie": None,
    "verlenging": {"reden": "", "duur": None},
    "opschorting": {"indicatie": False, "reden": ""},
    "selectielijstklasse": "",
    "hoofdzaak": None,
    "relevanteAndereZaken": [],
    "kenmerken": [],
    "archiefnominatie": None,
    "archiefactiedatum": None,
    "opdrachtgevendeOrganisatie": "",
    "processobjectaard": "",
    "startdatumBewaartermijn": None,
    "processobject": {"datumkenmerk": "", "identificatie": "", "objecttype": "", "registratie": ""},
}


def _zaak_body(zaaktype, **extra):
    return {
        "zaaktype": url(CATALOGI, "zaaktypen", zaaktype),
        "bronorganisatie": "002220647",
        "verantwoordelijkeOrganisatie": "002220647",
        "startdatum": "2026-03-02",
        **extra,
    }


def _post(api, path, body):
    raw = json.dumps(body).encode()
    return api.post(path, raw, content_type="application/json"), raw


@pytest.mark.parametrize("betalingsindicatie", ["", "nvt"])
def test_a_zaak_with_every_standard_attribute_at_its_neutral_value(
    api, zaaktype, betalingsindicatie
):
    body = _zaak_body(zaaktype, **NEUTRAAL_ZAAK, betalingsindicatie=betalingsindicatie)
    response, raw = _post(api, f"{ZAKEN}/zaken", body)
    assert response.status_code == 201, response.json()
    zaak = Zaak.objects.get(uuid=response.json()["uuid"])
    assert zaak.einddatum_gepland is not None  # computed from the zaaktype
    if SPECS["zaken"].exists():
        validate("zaken", response, body=raw)


def test_what_a_client_read_it_can_send_back_unchanged(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    gelezen = api.get(url(ZAKEN, "zaken", zaak)).json()
    wijzigingen = AuditRecord.objects.filter(zaak_uuid=zaak.uuid, actie="update").count()
    for method in ("put", "patch"):
        response = getattr(api, method)(url(ZAKEN, "zaken", zaak), gelezen, format="json")
        assert response.status_code == 200, (method, response.json())
        assert response.json() == gelezen
    assert AuditRecord.objects.filter(zaak_uuid=zaak.uuid, actie="update").count() == wijzigingen
    # the computed dates left empty are not a change either
    leeg = {**gelezen, "einddatumGepland": None, "uiterlijkeEinddatumAfdoening": None}
    assert api.put(url(ZAKEN, "zaken", zaak), leeg, format="json").status_code == 200
    zaak.refresh_from_db()
    assert zaak.einddatum_gepland.isoformat() == gelezen["einddatumGepland"]


@pytest.mark.parametrize(
    ("veld", "waarde", "uitleg"),
    [
        ("betalingsindicatie", "geheel", "betalingen"),
        ("laatsteBetaaldatum", "2026-03-01T10:00:00Z", "niet op"),
        ("zaakgeometrie", {"type": "Point", "coordinates": [5.1, 52.1]}, "niet op"),
        (
            "relevanteAndereZaken",
            [{"url": "https://elders.nl/zaken/api/v1/zaken/1", "aardRelatie": "vervolg"}],
            "niet op",
        ),
        ("kenmerken", [{"kenmerk": "2026-0042", "bron": "Formulieren"}], "niet op"),
        ("opdrachtgevendeOrganisatie", "002220647", "niet op"),
        ("processobjectaard", "Vergunning", "niet op"),
        ("startdatumBewaartermijn", "2030-01-01", "niet op"),
        ("processobject", {"datumkenmerk": "einddatum", "identificatie": "x"}, "niet op"),
        ("einddatumGepland", "2099-01-01", "berekent"),
        ("uiterlijkeEinddatumAfdoening", "2099-01-01", "berekent"),
    ],
)
def test_a_value_zaakstroom_would_lose_is_refused(api, zaaktype, veld, waarde, uitleg):
    zaken = Zaak.objects.count()
    response = api.post(f"{ZAKEN}/zaken", _zaak_body(zaaktype, **{veld: waarde}), format="json")
    assert response.status_code == 400, response.json()
    param = response.json()["invalidParams"][0]
    assert param["name"] == veld, param
    assert uitleg in param["reason"], param
    assert Zaak.objects.count() == zaken


def test_the_computed_dates_may_be_sent_when_they_match(api, zaaktype):
    eerst, _ = _post(api, f"{ZAKEN}/zaken", _zaak_body(zaaktype))
    data = eerst.json()
    tweede, _ = _post(
        api,
        f"{ZAKEN}/zaken",
        _zaak_body(
            zaaktype,
            einddatumGepland=data["einddatumGepland"],
            uiterlijkeEinddatumAfdoening=data["uiterlijkeEinddatumAfdoening"],
        ),
    )
    assert tweede.status_code == 201, tweede.json()


def test_changing_a_neutral_attribute_to_a_value_is_refused_on_update(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    response = api.patch(
        url(ZAKEN, "zaken", zaak), {"betalingsindicatie": "nog_niet"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "betalingsindicatie"
    ok = api.patch(url(ZAKEN, "zaken", zaak), {"betalingsindicatie": "nvt"}, format="json")
    assert ok.status_code == 200


# --- the other resources --------------------------------------------------------------------------
def _iot(zaaktype):
    return zaaktype.zaaktype_informatieobjecttypen.get().informatieobjecttype


def _eio_body(zaaktype, **extra):
    return {
        "bronorganisatie": "002220647",
        "creatiedatum": "2026-11-20",
        "titel": "Aanvraagformulier",
        "auteur": "Formulierenmodule",
        "taal": "dut",
        "inhoud": base64.b64encode(PDF).decode(),
        "informatieobjecttype": url(CATALOGI, "informatieobjecttypen", _iot(zaaktype)),
        **extra,
    }


NEUTRAAL_EIO = {
    "identificatie": "",
    "vertrouwelijkheidaanduiding": "",
    "status": "",
    "formaat": "",
    "bestandsnaam": "",
    "bestandsomvang": None,
    "link": "",
    "beschrijving": "",
    "ontvangstdatum": None,
    "verzenddatum": None,
    "indicatieGebruiksrecht": None,
    "verschijningsvorm": "",
    "ondertekening": {"soort": "", "datum": None},
    "integriteit": {"algoritme": "", "waarde": "", "datum": None},
    "trefwoorden": [],
    "inhoudIsVervallen": False,
    "tonenAanInitiator": False,
}


def test_rol_status_document_and_link_with_neutral_values(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    rol, _ = _post(
        api,
        f"{ZAKEN}/rollen",
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "betrokkene": "",
            "betrokkeneType": "natuurlijk_persoon",
            "afwijkendeNaamBetrokkene": "",
            "roltype": url(
                CATALOGI, "roltypen", zaaktype.roltypen.get(omschrijving="Belanghebbende")
            ),
            "roltoelichting": "",
            "indicatieMachtiging": "",
            "contactpersoonRol": {
                "emailadres": "",
                "functie": "",
                "telefoonnummer": "",
                "naam": "",
            },
            "betrokkeneIdentificatie": {
                "inpBsn": "999990019",
                "anpIdentificatie": "",
                "inpA_nummer": "",
                "geslachtsnaam": "Jansen",
                "voorvoegselGeslachtsnaam": "",
                "voorletters": "",
                "voornamen": "",
                "geslachtsaanduiding": "",
                "geboortedatum": "",
                "verblijfsadres": None,
                "subVerblijfBuitenland": None,
            },
        },
    )
    assert rol.status_code == 201, rol.json()
    status, _ = _post(
        api,
        f"{ZAKEN}/statussen",
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "statustype": url(CATALOGI, "statustypen", zaaktype.statustypen.get(volgnummer=2)),
            "datumStatusGezet": zaak.registratiedatum.isoformat() + "T12:00:00+01:00",
            "statustoelichting": "",
            "gezetdoor": None,
        },
    )
    assert status.status_code == 201, status.json()
    document, _ = _post(
        api, f"{DOCUMENTEN}/enkelvoudiginformatieobjecten", _eio_body(zaaktype, **NEUTRAAL_EIO)
    )
    assert document.status_code == 201, document.json()
    link, _ = _post(
        api,
        f"{ZAKEN}/zaakinformatieobjecten",
        {
            "informatieobject": document.json()["url"],
            "zaak": url(ZAKEN, "zaken", zaak),
            "titel": "",
            "beschrijving": "",
            "vernietigingsdatum": None,
            "status": None,
        },
    )
    assert link.status_code == 201, link.json()


def test_a_document_with_its_own_sha256_and_size_is_accepted(api, zaaktype):
    response, _ = _post(
        api,
        f"{DOCUMENTEN}/enkelvoudiginformatieobjecten",
        _eio_body(
            zaaktype,
            bestandsomvang=len(PDF),
            integriteit={
                "algoritme": "sha_256",
                "waarde": hashlib.sha256(PDF).hexdigest(),
                "datum": "2026-11-20",
            },
        ),
    )
    assert response.status_code == 201, response.json()
    assert response.json()["integriteit"]["waarde"] == hashlib.sha256(PDF).hexdigest()


@pytest.mark.parametrize(
    ("veld", "waarde", "uitleg"),
    [
        ("ondertekening", {"soort": "digitaal", "datum": "2026-11-20"}, "niet op"),
        ("integriteit", {"algoritme": "sha_256", "waarde": "0" * 64, "datum": None}, "komt niet"),
        ("integriteit", {"algoritme": "md5", "waarde": "abc", "datum": None}, "sha_256"),
        ("bestandsomvang", 3, "bytes"),
        ("inhoudIsVervallen", True, "vervallen"),
        ("link", "https://elders.nl/doc/1", "niet op"),
        ("trefwoorden", ["bouw"], "niet op"),
        ("verschijningsvorm", "brief", "niet op"),
    ],
)
def test_a_document_value_zaakstroom_would_lose_is_refused(api, zaaktype, veld, waarde, uitleg):
    response, _ = _post(
        api, f"{DOCUMENTEN}/enkelvoudiginformatieobjecten", _eio_body(zaaktype, **{veld: waarde})
    )
    assert response.status_code == 400, response.json()
    param = response.json()["invalidParams"][0]
    assert param["name"].split(".")[0] == veld, param
    assert uitleg in param["reason"], param
    assert not Document.objects.exists()


def test_links_to_what_zaakstroom_does_not_keep_are_refused(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    document, _ = _post(api, f"{DOCUMENTEN}/enkelvoudiginformatieobjecten", _eio_body(zaaktype))
    link, _ = _post(
        api,
        f"{ZAKEN}/zaakinformatieobjecten",
        {
            "informatieobject": document.json()["url"],
            "zaak": url(ZAKEN, "zaken", zaak),
            "status": url(ZAKEN, "statussen", zaak.status),
        },
    )
    assert link.status_code == 400
    assert link.json()["invalidParams"][0]["name"] == "status"
    assert not ZaakDocument.objects.filter(zaak=zaak).exists()
    status, _ = _post(
        api,
        f"{ZAKEN}/statussen",
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "statustype": url(CATALOGI, "statustypen", zaaktype.statustypen.get(volgnummer=2)),
            "datumStatusGezet": zaak.registratiedatum.isoformat() + "T12:00:00+01:00",
            "gezetdoor": url(ZAKEN, "rollen", zaak.rollen.get()),
        },
    )
    assert status.status_code == 400
    assert status.json()["invalidParams"][0]["name"] == "gezetdoor"
    assert Status.objects.filter(zaak=zaak).count() == 1
    rol, _ = _post(
        api,
        f"{ZAKEN}/rollen",
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "betrokkene": "https://brp.example.nl/ingeschrevenpersonen/999990019",
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": url(
                CATALOGI, "roltypen", zaaktype.roltypen.get(omschrijving="Belanghebbende")
            ),
            "roltoelichting": "",
        },
    )
    assert rol.status_code == 400
    assert rol.json()["invalidParams"][0]["name"] == "betrokkene"
    assert Rol.objects.filter(zaak=zaak).count() == 1


def test_a_gemachtigde_rol_keeps_its_indicatie_machtiging_in_the_trail(api, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    rol, _ = _post(
        api,
        f"{ZAKEN}/rollen",
        {
            "zaak": url(ZAKEN, "zaken", zaak),
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": url(
                CATALOGI, "roltypen", zaaktype.roltypen.get(omschrijving="Belanghebbende")
            ),
            "roltoelichting": "Dochter, gemachtigd",
            "indicatieMachtiging": "gemachtigde",
            "betrokkeneIdentificatie": {"inpBsn": "999990019"},
        },
    )
    assert rol.status_code == 201, rol.json()
    assert rol.json()["indicatieMachtiging"] == "gemachtigde"
    record = AuditRecord.objects.get(object_uuid=rol.json()["uuid"], actie="create")
    assert record.nieuw["indicatie_machtiging"] == "gemachtigde"
