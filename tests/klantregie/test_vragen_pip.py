"""What the PIP needs from klantregie's questions: the requester sees only their own questions
about zaken they are (still) a betrokkene of, with the PIP's vestiging rule."""

import pytest

from core.actor import Actor
from klantregie.selectors import vragen_voor_betrokkene
from klantregie.services import vraag_stellen
from tests.factories import ZaakFactory
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
