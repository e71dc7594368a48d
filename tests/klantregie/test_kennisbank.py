"""The kennisbank: Dutch full-text search on PostgreSQL (acceptance 3), the plain fallback, the
search endpoint of the contact screen and maintenance in the admin through the service."""

import pytest
from django.db import connection
from django.urls import reverse

from core.actor import Actor
from core.errors import DomainError, NotAllowed
from core.models import AuditRecord
from klantregie.models import Kennisartikel
from klantregie.selectors import _zoek_eenvoudig, kennisartikelen_zoeken
from klantregie.services import kennisartikel_opslaan
from tests.factories import KennisartikelFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def artikelen(db):
    return {
        "verlies": KennisartikelFactory(
            vraag="Verlies van reisdocument",
            product="Paspoort en ID-kaart",
            trefwoorden="paspoort, id-kaart, kwijt, gestolen",
            antwoord="Meld het verlies aan de balie en vraag een nieuw document aan.",
        ),
        "aanvragen": KennisartikelFactory(
            vraag="Paspoort aanvragen",
            product="Paspoort en ID-kaart",
            trefwoorden="paspoort, aanvragen, pasfoto",
            antwoord="Maak een afspraak aan de balie. Neem een pasfoto mee.",
        ),
        "fiets": KennisartikelFactory(
            vraag="Fiets gevonden of kwijt",
            trefwoorden="fiets, gevonden voorwerpen",
            antwoord="Bent u uw fiets kwijt? Kijk bij het fietsdepot.",
        ),
        "evenement": KennisartikelFactory(
            vraag="Evenement organiseren",
            trefwoorden="festival, feest",
            antwoord="Voor een evenement heeft u een vergunning nodig.",
        ),
        "milieustraat": KennisartikelFactory(
            vraag="Openingstijden milieustraat",
            trefwoorden="milieustraat, afval",
            antwoord="Open van dinsdag tot en met zaterdag.",
        ),
        "reis": KennisartikelFactory(
            vraag="Op reis naar het buitenland",
            antwoord="Neem altijd uw paspoort mee als u naar het buitenland reist.",
        ),
    }


@pytest.mark.postgres
def test_paspoort_kwijt_finds_verlies_van_reisdocument_first(artikelen):
    gevonden = kennisartikelen_zoeken("paspoort kwijt")
    assert gevonden[0] == artikelen["verlies"]
    # Partial matches follow, ranked lower.
    assert set(gevonden) >= {artikelen["aanvragen"], artikelen["fiets"]}


@pytest.mark.postgres
def test_dutch_stemming_vergunningen_finds_vergunning(artikelen):
    assert kennisartikelen_zoeken("vergunningen") == [artikelen["evenement"]]
    assert kennisartikelen_zoeken("evenementen")[0] == artikelen["evenement"]


@pytest.mark.postgres
def test_keywords_weigh_more_than_the_answer(db):
    veel_in_antwoord = KennisartikelFactory(
        vraag="Op reis",
        antwoord="Neem uw paspoort mee. Is uw paspoort verlopen? Vraag een nieuw paspoort aan.",
    )
    trefwoord = KennisartikelFactory(
        vraag="Reisdocumenten", trefwoorden="paspoort", antwoord="Zie de website."
    )
    assert kennisartikelen_zoeken("paspoort") == [trefwoord, veel_in_antwoord]


@pytest.mark.postgres
def test_search_as_you_type_matches_the_word_being_typed(artikelen):
    assert kennisartikelen_zoeken("milieustr")[0] == artikelen["milieustraat"]
    assert kennisartikelen_zoeken("openingstijden mili")[0] == artikelen["milieustraat"]


@pytest.mark.postgres
def test_full_text_search_uses_a_gin_index_and_ignores_inactive_articles(artikelen):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'klantregie_kennisartikel' "
            "AND indexdef ILIKE '%%gin%%'"
        )
        assert any("zoekvector" in row[0] for row in cursor.fetchall())
    verlies = artikelen["verlies"]
    verlies.actief = False
    kennisartikel_opslaan(actor=Actor.system("test"), artikel=verlies)
    assert verlies not in kennisartikelen_zoeken("paspoort kwijt")


@pytest.mark.postgres
def test_changing_an_article_updates_its_search_vector(artikelen):
    artikel = artikelen["fiets"]
    artikel.trefwoorden = "fiets, rijwiel, weesfiets"
    kennisartikel_opslaan(actor=Actor.system("test"), artikel=artikel)
    assert kennisartikelen_zoeken("weesfiets") == [artikel]


def test_the_plain_fallback_finds_substrings_and_ranks_keywords_first(artikelen):
    gevonden = list(_zoek_eenvoudig(["paspoort", "kwijt"]))
    assert gevonden[0] == artikelen["verlies"]
    assert gevonden[-1] == artikelen["reis"]
    assert artikelen["evenement"] not in gevonden


def test_search_ignores_punctuation_and_empty_input(artikelen):
    assert kennisartikelen_zoeken("") == []
    assert kennisartikelen_zoeken("!!! ''' &|") == []
    assert kennisartikelen_zoeken("milieustraat!?")[0] == artikelen["milieustraat"]


def test_the_search_endpoint_returns_articles_with_their_answer(client, kcc, artikelen):
    client.force_login(kcc)
    data = client.get(reverse("klantregie:kennisbank-zoeken"), {"q": "milieustraat"}).json()
    eerste = data["artikelen"][0]
    assert eerste["vraag"] == "Openingstijden milieustraat"
    assert eerste["antwoord"] == "Open van dinsdag tot en met zaterdag."
    assert eerste["uuid"] == str(artikelen["milieustraat"].uuid)


def test_kennisbank_pages_list_search_and_show_articles(
    client, kcc, artikelen, django_assert_num_queries
):
    client.force_login(kcc)
    body = client.get(reverse("klantregie:kennisbank")).content.decode()
    assert "Verlies van reisdocument" in body and "Openingstijden milieustraat" in body
    body = client.get(reverse("klantregie:kennisbank"), {"q": "milieustraat"}).content.decode()
    assert "Openingstijden milieustraat" in body and "Evenement organiseren" not in body
    artikel = artikelen["verlies"]
    body = client.get(reverse("klantregie:kennisartikel", args=[artikel.uuid])).content.decode()
    assert "Meld het verlies aan de balie" in body


def test_kennisbank_list_runs_a_fixed_number_of_queries(client, kcc):
    from django.test.utils import CaptureQueriesContext

    client.force_login(kcc)
    KennisartikelFactory.create_batch(3)
    with CaptureQueriesContext(connection) as weinig:
        assert client.get(reverse("klantregie:kennisbank")).status_code == 200
    KennisartikelFactory.create_batch(30)
    with CaptureQueriesContext(connection) as veel:
        assert client.get(reverse("klantregie:kennisbank")).status_code == 200
    assert len(weinig) == len(veel)


# --- maintenance --------------------------------------------------------------------------------
def test_the_service_checks_the_article_and_writes_the_trail(zaaktype):
    redacteur = UserFactory(rol="kennisbank-redacteur", is_staff=True)
    actor = Actor.for_user(redacteur)
    with pytest.raises(DomainError, match="antwoord"):
        kennisartikel_opslaan(actor=actor, artikel=Kennisartikel(vraag="Vraag", antwoord=" "))
    with pytest.raises(DomainError, match="geen zaaktype"):
        kennisartikel_opslaan(
            actor=actor,
            artikel=Kennisartikel(vraag="Vraag", antwoord="A", zaaktype_identificatie="NEE"),
        )
    artikel = kennisartikel_opslaan(
        actor=actor,
        artikel=Kennisartikel(
            vraag="  Vraag   met spaties ",
            antwoord="Antwoord",
            trefwoorden="Paspoort; kwijt, paspoort,  ",
            zaaktype_identificatie=zaaktype.identificatie,
        ),
    )
    assert artikel.vraag == "Vraag met spaties" and artikel.trefwoorden == "paspoort, kwijt"
    assert AuditRecord.objects.filter(object_uuid=artikel.uuid, actie="create").exists()
    with pytest.raises(NotAllowed):
        kennisartikel_opslaan(
            actor=Actor.for_user(UserFactory(rol="kcc-medewerker")), artikel=artikel
        )


def test_redacteuren_maintain_articles_in_the_admin(client, zaaktype, is_postgres):
    redacteur = UserFactory(rol="kennisbank-redacteur", is_staff=True)
    client.force_login(redacteur)
    response = client.post(
        reverse("admin:klantregie_kennisartikel_add"),
        {
            "vraag": "Hondenbelasting",
            "antwoord": "U betaalt hondenbelasting per hond.",
            "trefwoorden": "hond, belasting",
            "product": "Belastingen",
            "zaaktype_identificatie": zaaktype.identificatie,
            "actief": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    artikel = Kennisartikel.objects.get(vraag="Hondenbelasting")
    record = AuditRecord.objects.get(object_uuid=artikel.uuid)
    assert record.gebruiker == redacteur and record.bron == "beheer"
    if is_postgres:
        assert artikel.zoekvector is not None
        assert kennisartikelen_zoeken("honden") == [artikel]
    # Articles are retired, not deleted (contacts keep the article they used).
    url = reverse("admin:klantregie_kennisartikel_delete", args=[artikel.pk])
    assert client.get(url).status_code == 403
    # A KCC-medewerker reads the kennisbank but has no admin.
    client.force_login(UserFactory(rol="kcc-medewerker"))
    assert client.get(reverse("admin:klantregie_kennisartikel_add")).status_code == 302
