"""What the PIP needs from klantregie's questions: the requester sees only their own questions
about zaken they are (still) a betrokkene of, with the PIP's vestiging rule; and the same question
sent twice (one idempotency key) is stored once, also when both arrive at the same moment."""

import threading
import uuid

import pytest
from django.db import connection

from core.actor import Actor
from core.errors import Conflict
from klantregie.models import Klantcontact, Vraag
from klantregie.selectors import vragen_voor_betrokkene
from klantregie.services import vraag_stellen
from tests.factories import KlantFactory, ZaakFactory
from tests.klantregie.conftest import zaak_voor
from zaken import services as zaken_services
from zaken.models import Rol, RolOmschrijving

pytestmark = pytest.mark.django_db


def bedrijfszaak(zaaktype, kvk_nummer: str, vestigingsnummer: str = ""):
    zaak = ZaakFactory(zaaktype=zaaktype, initiator_bsn=None)
    zaken_services.rol_add(
        actor=Actor.system("test"),
        zaak=zaak,
        betrokkene=zaken_services.Betrokkene.organisatie(
            kvk_nummer, naam="Testbedrijf BV", vestigingsnummer=vestigingsnummer
        ),
        omschrijving_generiek=RolOmschrijving.INITIATOR,
    )
    return zaak


# --- vragen_voor_betrokkene -----------------------------------------------------------------------
def test_a_question_about_a_zaak_the_requester_is_no_longer_betrokkene_of_disappears(
    jan, zaak_van_jan
):
    actor = Actor.burger(jan.bsn)
    over_zaak = vraag_stellen(actor=actor, zaak=zaak_van_jan, vraag="Over de zaak")
    algemeen = vraag_stellen(actor=actor, vraag="Een algemene vraag")
    assert set(vragen_voor_betrokkene(bsn=jan.bsn)) == {over_zaak, algemeen}
    Rol.objects.filter(zaak=zaak_van_jan).delete()
    assert list(vragen_voor_betrokkene(bsn=jan.bsn)) == [algemeen]


def test_a_vestiging_sees_its_own_and_company_wide_questions_only(zaaktype):
    kvk, eigen_vestiging, andere_vestiging = "11112222", "000011112222", "000099998888"
    bedrijfsbreed = bedrijfszaak(zaaktype, kvk)
    van_andere = bedrijfszaak(zaaktype, kvk, andere_vestiging)
    hoofd = Actor.ondernemer(kvk)
    over_bedrijf = vraag_stellen(actor=hoofd, zaak=bedrijfsbreed, vraag="Bedrijfsbreed")
    over_andere = vraag_stellen(actor=hoofd, zaak=van_andere, vraag="Over de andere vestiging")
    van_vestiging = vraag_stellen(
        actor=Actor.ondernemer(kvk, eigen_vestiging), zaak=bedrijfsbreed, vraag="Van de vestiging"
    )

    def ziet(vestiging=""):
        return vragen_voor_betrokkene(kvk_nummer=kvk, vestigingsnummer=vestiging)

    # a company-wide question about another vestiging's zaak stays with that vestiging
    assert set(ziet(eigen_vestiging)) == {over_bedrijf, van_vestiging}
    assert set(ziet()) == {over_bedrijf, over_andere, van_vestiging}
    assert list(ziet(andere_vestiging)) == [over_andere, over_bedrijf]
    assert list(vragen_voor_betrokkene(kvk_nummer="99998888")) == []


# --- the idempotency key of vraag_stellen ---------------------------------------------------------
def test_the_same_key_twice_stores_one_question(jan, zaak_van_jan):
    sleutel = uuid.uuid4()
    actor = Actor.burger(jan.bsn)
    eerste = vraag_stellen(actor=actor, zaak=zaak_van_jan, vraag="Eén keer", sleutel=sleutel)
    assert eerste.klantcontact.sleutel == sleutel
    tweede = vraag_stellen(actor=actor, zaak=zaak_van_jan, vraag="Eén keer", sleutel=str(sleutel))
    assert tweede == eerste
    assert Vraag.objects.count() == 1 and Klantcontact.objects.count() == 1


def test_a_key_of_somebody_elses_question_is_refused_without_revealing_it(
    jan, zaak_van_jan, zaaktype
):
    sleutel = uuid.uuid4()
    vraag_stellen(actor=Actor.burger(jan.bsn), zaak=zaak_van_jan, vraag="Van Jan", sleutel=sleutel)
    fatima = KlantFactory()
    with pytest.raises(Conflict) as exc:
        vraag_stellen(
            actor=Actor.burger(fatima.bsn),
            zaak=zaak_voor(fatima, zaaktype),
            vraag="Van Fatima",
            sleutel=sleutel,
        )
    assert "Van Jan" not in exc.value.message
    assert zaak_van_jan.identificatie not in exc.value.message
    with pytest.raises(Conflict):  # the same requester, but another zaak
        vraag_stellen(
            actor=Actor.burger(jan.bsn),
            zaak=zaak_voor(jan, zaaktype),
            vraag="Van Jan",
            sleutel=sleutel,
        )
    assert Vraag.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_same_question_sent_at_the_same_moment_is_stored_once(zaaktype):
    klant = KlantFactory()
    zaak = zaak_voor(klant, zaaktype)
    sleutel = uuid.uuid4()
    barrier = threading.Barrier(6)
    results, errors = [], []

    def stel(_i):
        try:
            barrier.wait(timeout=30)
            vraag = vraag_stellen(
                actor=Actor.burger(klant.bsn), zaak=zaak, vraag="Dubbel?", sleutel=sleutel
            )
            results.append(vraag.pk)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=stel, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert len(results) == 6 and len(set(results)) == 1
    assert Vraag.objects.count() == 1 and Klantcontact.objects.filter(sleutel=sleutel).count() == 1
