"""The klantregie services and selectors for an API application: the scopes stand for the
permissions a medewerker has (klantregie.rechten), the same rules apply whoever calls."""

import pytest

from api.auth import ApiClient, ApplicatieAutorisatie
from core.errors import DomainError, NotAllowed, NotFound
from core.models import AuditRecord
from klantregie import selectors
from klantregie.models import Klant
from klantregie.services import (
    TerugbelInvoer,
    VraagInvoer,
    klant_bij_nummer,
    klantcontact_log,
    terugbelpoging_add,
    terugbelverzoek_close,
    terugbelverzoek_send,
)
from tests.factories import (
    ApplicatieFactory,
    AutorisatieFactory,
    KlantFactory,
    TerugbelverzoekFactory,
    ZaakFactory,
)

pytestmark = pytest.mark.django_db


def api_actor(*regels, client_id="kcc-frontend"):
    """The actor of an API request by an application with these autorisaties:
    ``("kcc", [scopes])`` or ``("zrc", [scopes], zaaktype, maximum)``."""
    applicatie = ApplicatieFactory(client_id=client_id)
    for component, scopes, *rest in regels:
        zaaktype, maximum = rest if rest else (None, "")
        AutorisatieFactory(
            applicatie=applicatie,
            component=component,
            scopes=scopes,
            zaaktype=zaaktype,
            max_vertrouwelijkheidaanduiding=maximum,
        )
    autorisatie = ApplicatieAutorisatie(applicatie, list(applicatie.autorisaties.all()))
    claims = {"user_id": "kim", "user_representation": "Kim (KCC)"}
    return ApiClient(applicatie, claims, autorisatie).actor


def _vraag(**kwargs):
    return VraagInvoer(
        **{"onderwerp": "Afval", "resultaat": "direct_beantwoord", "antwoord": "Ja.", **kwargs}
    )


def test_logging_a_contact_needs_klantcontacten_aanmaken():
    lezer = api_actor(("kcc", ["klantcontacten.lezen"]))
    with pytest.raises(NotAllowed, match=r"scope klantcontacten\.aanmaken"):
        klantcontact_log(actor=lezer, kanaal="telefoon", vragen=[_vraag()])
    schrijver = api_actor(("kcc", ["klantcontacten.aanmaken"]), client_id="schrijver")
    contact = klantcontact_log(actor=schrijver, kanaal="telefoon", vragen=[_vraag()])
    assert contact.medewerker is None
    assert contact.medewerker_weergave == "Kim (KCC)"
    record = AuditRecord.objects.get(object_uuid=contact.uuid, actie="create")
    assert (record.bron, record.applicatie, record.gebruiker_id_extern) == (
        "api",
        "schrijver",
        "kim",
    )


def test_a_question_that_sends_a_terugbelverzoek_also_needs_its_scope(team):
    vraag = _vraag(
        resultaat="terugbelverzoek",
        antwoord="",
        terugbel=TerugbelInvoer(team=team, telefoon="0612345678"),
    )
    alleen_contact = api_actor(("kcc", ["klantcontacten.aanmaken"]))
    with pytest.raises(NotAllowed, match=r"terugbelverzoeken\.aanmaken"):
        klantcontact_log(actor=alleen_contact, kanaal="telefoon", vragen=[vraag])
    beide = api_actor(
        ("kcc", ["klantcontacten.aanmaken", "terugbelverzoeken.aanmaken"]), client_id="beide"
    )
    contact = klantcontact_log(actor=beide, kanaal="telefoon", vragen=[vraag])
    assert contact.vragen.get().terugbelverzoek.team == team


def test_an_application_handles_any_verzoek_with_terugbelverzoeken_bijwerken(team):
    verzoek = TerugbelverzoekFactory(team=team)
    lezer = api_actor(("kcc", ["terugbelverzoeken.lezen"]))
    with pytest.raises(NotAllowed, match=r"terugbelverzoeken\.bijwerken"):
        terugbelpoging_add(actor=lezer, verzoek=verzoek, uitkomst="niet_bereikt")
    behandelaar = api_actor(("kcc", ["terugbelverzoeken.bijwerken"]), client_id="behandelaar")
    poging = terugbelpoging_add(actor=behandelaar, verzoek=verzoek, uitkomst="niet_bereikt")
    assert poging.medewerker_weergave == "Kim (KCC)"
    verzoek = terugbelverzoek_close(
        actor=behandelaar, verzoek=verzoek, resultaat="niet_bereikt", toelichting="Drie keer"
    )
    assert verzoek.status == "afgehandeld"
    assert AuditRecord.objects.filter(
        object_uuid=verzoek.uuid, actie="close", applicatie="behandelaar"
    ).exists()


def test_a_terugbelverzoek_about_a_zaak_needs_read_access_and_the_right_klant(zaaktype, team):
    andere_zaaktype_zaak = ZaakFactory()
    actor = api_actor(
        ("kcc", ["terugbelverzoeken.aanmaken"]),
        ("zrc", ["zaken.lezen"], zaaktype, "zeer_geheim"),
    )
    with pytest.raises(NotFound) as exc:
        terugbelverzoek_send(
            actor=actor,
            onderwerp="Vraag over de zaak",
            telefoon="0612345678",
            team=team,
            zaak=andere_zaaktype_zaak,
        )
    assert exc.value.field == "zaak"
    zaak = ZaakFactory(zaaktype=zaaktype, initiator_bsn="999993653")
    ander = KlantFactory(bsn="999990019")
    with pytest.raises(DomainError, match="hoort niet bij de gekozen klant"):
        terugbelverzoek_send(
            actor=actor,
            onderwerp="Vraag over de zaak",
            telefoon="0612345678",
            team=team,
            zaak=zaak,
            klant=ander,
        )
    eigenaar = KlantFactory(bsn="999993653")
    verzoek = terugbelverzoek_send(
        actor=actor,
        onderwerp="Vraag over de zaak",
        telefoon="0612345678",
        team=team,
        zaak=zaak,
        klant=eigenaar,
    )
    assert verzoek.zaak == zaak


def test_klant_bij_nummer_finds_or_registers(system):
    bestaand = KlantFactory(bsn="999993653")
    actor = api_actor(("kcc", ["klantcontacten.aanmaken"]))
    assert klant_bij_nummer(actor=actor, bsn="999993653") == bestaand
    nieuw = klant_bij_nummer(actor=actor, bsn="999990019")
    assert (nieuw.soort, nieuw.bsn, nieuw.naam) == ("persoon", "999990019", "")
    assert AuditRecord.objects.filter(
        klant_id=nieuw.pk, actie="create", applicatie="kcc-frontend"
    ).exists()
    bedrijf = klant_bij_nummer(actor=actor, kvk_nummer="68750110", vestigingsnummer="000037178598")
    assert bedrijf.soort == "organisatie"
    assert klant_bij_nummer(
        actor=actor, kvk_nummer="68750110", vestigingsnummer="000037178598"
    ) == (bedrijf)
    assert Klant.objects.count() == 3


@pytest.mark.parametrize(
    ("kwargs", "veld"),
    [
        ({"bsn": "123456789"}, "bsn"),
        ({"bsn": "999993653", "kvk_nummer": "68750110"}, "klant"),
        ({}, "klant"),
        ({"kvk_nummer": "1234"}, "kvk_nummer"),
        ({"vestigingsnummer": "000037178598", "bsn": "999993653"}, "vestigingsnummer"),
    ],
)
def test_klant_bij_nummer_says_what_is_wrong(kwargs, veld):
    actor = api_actor(("kcc", ["klantcontacten.aanmaken"]))
    with pytest.raises(DomainError) as exc:
        klant_bij_nummer(actor=actor, **kwargs)
    assert exc.value.field == veld
    assert not Klant.objects.exists()


def test_registering_a_klant_needs_a_scope_that_creates(db):
    lezer = api_actor(("kcc", ["klantcontacten.lezen"]))
    with pytest.raises(NotAllowed):
        klant_bij_nummer(actor=lezer, bsn="999990019")
    assert not Klant.objects.exists()


def test_questions_about_zaken_the_reader_may_not_see_are_shielded(zaaktype, system):
    zichtbaar = ZaakFactory(zaaktype=zaaktype, initiator_bsn="999993653")
    verborgen = ZaakFactory(initiator_bsn="999993653")
    jan = KlantFactory(bsn="999993653")
    klantcontact_log(
        actor=system,
        kanaal="telefoon",
        klant=jan,
        vragen=[
            _vraag(onderwerp="Zichtbaar", zaak=zichtbaar, resultaat="statusinformatie"),
            _vraag(onderwerp="Verborgen", zaak=verborgen, resultaat="statusinformatie"),
            _vraag(onderwerp="Zonder zaak"),
        ],
    )
    from zaken.models import Zaak

    actor = api_actor(("kcc", ["klantcontacten.lezen"]))
    contact = selectors.klantcontacten_voor_actor(
        actor, zichtbare_zaken=Zaak.objects.filter(zaaktype=zaaktype)
    ).get()
    assert [(v.onderwerp, v.afgeschermd) for v in contact.vragen_lijst] == [
        ("Zichtbaar", False),
        ("Verborgen", True),
        ("Zonder zaak", False),
    ]
    alles = selectors.klantcontacten_voor_actor(actor, zichtbare_zaken=None).get()
    assert not any(v.afgeschermd for v in alles.vragen_lijst)
    zonder_scope = api_actor(("kcc", ["terugbelverzoeken.lezen"]), client_id="ander")
    with pytest.raises(NotFound):
        selectors.klantcontacten_voor_actor(zonder_scope)
