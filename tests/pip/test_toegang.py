"""Acceptance 1: a burger sees only their own zaken; every URL of another person's zaak (its
documents, upload, questions) answers 404 exactly like a zaak that does not exist; an ondernemer
sees only their KvK's zaken; burgers and businesses never see each other's zaken (nor their
questions). Staff and PIP accounts never cross over."""

import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from core.actor import Actor
from klantregie.models import Vraag
from klantregie.services import vraag_stellen
from tests.factories import OndernemerFactory, ZaakFactory
from tests.pip.conftest import PDF, bedrijfszaak, pip_inloggen
from zaken import services
from zaken.models import Document, RolOmschrijving

pytestmark = pytest.mark.django_db


def _zaaknummers(response) -> set[str]:
    return set(re.findall(r"ZAAK-\d{4}-\d{10}", response.content.decode()))


def _zichtbaar_document(zaak, titel="Brief aan de aanvrager"):
    iot = zaak.zaaktype.zaaktype_informatieobjecttypen.first().informatieobjecttype
    return services.document_add(
        actor=Actor.system("test"),
        zaak=zaak,
        informatieobjecttype=iot,
        titel=titel,
        inhoud=PDF,
        bestandsnaam="brief.pdf",
        zichtbaar_voor_initiator=True,
    )


def _normaal(html: bytes) -> str:
    """The page without the per-request CSRF token."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html.decode())


def test_burger_sees_only_own_zaken(burger_client, burger, andere_burger, pip_zaaktype):
    eigen = [ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn) for _ in range(2)]
    ander = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=andere_burger.bsn)
    response = burger_client.get(reverse("pip:zaken"))
    assert response.status_code == 200
    assert _zaaknummers(response) == {z.identificatie for z in eigen}
    assert ander.identificatie not in response.content.decode()


def test_every_url_of_another_persons_zaak_is_404_like_a_missing_one(
    burger_client, andere_burger, pip_zaaktype
):
    ander = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=andere_burger.bsn)
    document = _zichtbaar_document(ander).document
    vraag = vraag_stellen(actor=Actor.burger(andere_burger.bsn), zaak=ander, vraag="Van Bert")
    bestaat_niet = uuid.uuid4()
    urls = [
        (reverse("pip:zaak", args=[ander.uuid]), reverse("pip:zaak", args=[bestaat_niet])),
        (
            reverse("pip:document", args=[ander.uuid, document.uuid]),
            reverse("pip:document", args=[bestaat_niet, uuid.uuid4()]),
        ),
        (reverse("pip:upload", args=[ander.uuid]), reverse("pip:upload", args=[bestaat_niet])),
        (
            reverse("pip:aanvraag-ontvangen", args=[ander.uuid]),
            reverse("pip:aanvraag-ontvangen", args=[bestaat_niet]),
        ),
        (
            reverse("pip:vraag-stellen", args=[ander.uuid]),
            reverse("pip:vraag-stellen", args=[bestaat_niet]),
        ),
        (reverse("pip:vraag", args=[vraag.uuid]), reverse("pip:vraag", args=[bestaat_niet])),
    ]
    for van_een_ander, ontbrekend in urls:
        a, b = burger_client.get(van_een_ander), burger_client.get(ontbrekend)
        assert a.status_code == b.status_code == 404, van_een_ander
        assert _normaal(a.content) == _normaal(b.content)
    # Uploading to somebody else's zaak: 404 as well, and nothing is stored.
    iot = ander.zaaktype.zaaktype_informatieobjecttypen.first().informatieobjecttype
    response = burger_client.post(
        reverse("pip:upload", args=[ander.uuid]),
        {
            "informatieobjecttype": iot.pk,
            "titel": "Poging",
            "inhoud": SimpleUploadedFile("x.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 404
    assert not Document.objects.filter(titel="Poging").exists()
    # Asking a question about somebody else's zaak: 404, exactly like a missing zaak; nothing
    # is stored.
    for zaak_uuid in (ander.uuid, bestaat_niet):
        response = burger_client.post(
            reverse("pip:vraag-stellen", args=[zaak_uuid]), {"vraag": "Poging", "sleutel": ""}
        )
        assert response.status_code == 404
    assert list(Vraag.objects.values_list("vraag", flat=True)) == ["Van Bert"]
    # Mijn vragen does not mention Bert's question
    lijst = burger_client.get(reverse("pip:vragen")).content.decode()
    assert str(vraag.uuid) not in lijst and "Van Bert" not in lijst


def test_ondernemer_sees_only_their_kvk_and_never_burger_zaken(
    ondernemer_client, ondernemer, burger, pip_zaaktype
):
    eigen = bedrijfszaak(ondernemer.kvk_nummer, zaaktype=pip_zaaktype)
    ander_bedrijf = bedrijfszaak("12345678", zaaktype=pip_zaaktype)
    burgerzaak = ZaakFactory(zaaktype=pip_zaaktype, initiator_bsn=burger.bsn)
    assert _zaaknummers(ondernemer_client.get(reverse("pip:zaken"))) == {eigen.identificatie}
    for zaak in (ander_bedrijf, burgerzaak):
        assert ondernemer_client.get(reverse("pip:zaak", args=[zaak.uuid])).status_code == 404
    assert ondernemer_client.get(reverse("pip:zaak", args=[eigen.uuid])).status_code == 200


def test_burger_never_sees_business_zaken(burger_client, ondernemer, pip_zaaktype):
    zaak = bedrijfszaak(ondernemer.kvk_nummer, zaaktype=pip_zaaktype)
    assert _zaaknummers(burger_client.get(reverse("pip:zaken"))) == set()
    assert burger_client.get(reverse("pip:zaak", args=[zaak.uuid])).status_code == 404


def test_vestiging_login_sees_its_vestiging_and_company_wide_zaken_only(pip_zaaktype):
    vestiging = OndernemerFactory(kvk_nummer="11112222", vestigingsnummer="000011112222")
    hoofd = OndernemerFactory(kvk_nummer="11112222", vestigingsnummer="")
    voor_vestiging = bedrijfszaak("11112222", "000011112222", zaaktype=pip_zaaktype)
    andere_vestiging = bedrijfszaak("11112222", "000099998888", zaaktype=pip_zaaktype)
    bedrijfsbreed = bedrijfszaak("11112222", zaaktype=pip_zaaktype)
    ziet = _zaaknummers(pip_inloggen(Client(), vestiging).get(reverse("pip:zaken")))
    assert ziet == {voor_vestiging.identificatie, bedrijfsbreed.identificatie}
    ziet_hoofd = _zaaknummers(pip_inloggen(Client(), hoofd).get(reverse("pip:zaken")))
    assert andere_vestiging.identificatie in ziet_hoofd


def test_belanghebbende_sees_progress_but_not_documents(burger_client, burger, pip_zaaktype):
    zaak = ZaakFactory(zaaktype=pip_zaaktype)  # somebody else applied
    services.rol_add(
        actor=Actor.system("test"),
        zaak=zaak,
        betrokkene=services.Betrokkene.persoon(burger.bsn, naam="Buur"),
        omschrijving_generiek=RolOmschrijving.BELANGHEBBENDE,
    )
    document = _zichtbaar_document(zaak).document
    response = burger_client.get(reverse("pip:zaak", args=[zaak.uuid]))
    assert response.status_code == 200
    assert "Brief aan de aanvrager" not in response.content.decode()
    assert (
        burger_client.get(reverse("pip:document", args=[zaak.uuid, document.uuid])).status_code
        == 404
    )
    assert burger_client.get(reverse("pip:upload", args=[zaak.uuid])).status_code == 403


def test_medewerker_is_refused_on_the_pip(client, vakspecialist):
    client.force_login(vakspecialist)
    response = client.get(reverse("pip:zaken"))
    assert response.status_code == 403
    assert "Mijn zaken is voor inwoners en ondernemers" in response.content.decode()


def test_pip_account_is_refused_on_staff_screens(burger_client):
    assert burger_client.get(reverse("zaken:list")).status_code == 403


def test_demo_digid_never_logs_in_a_staff_account_with_that_bsn(client, vakspecialist):
    vakspecialist.bsn = "999993653"
    vakspecialist.save()
    response = client.post(reverse("pip:demo-login-digid"), {"digid-persoon": "999993653"})
    assert response.status_code == 400
    assert "Met deze gegevens kunt u niet inloggen op Mijn zaken" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_anonymous_visitor_is_sent_to_the_pip_login(client, pip_zaaktype):
    zaak = ZaakFactory(zaaktype=pip_zaaktype)
    response = client.get(reverse("pip:zaak", args=[zaak.uuid]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("pip:login"))
