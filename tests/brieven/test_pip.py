"""The letters meant for the requester are on the PIP: Jan sees them on his zaak page and
downloads them as PDF; another burger gets 404."""

import pytest
from django.test import Client
from django.urls import reverse

from brieven.models import Brief, BriefSoort
from core.outbox import outbox_deliver
from core.pdf import pdf_text
from tests.brieven.conftest import JAN_BSN
from tests.brieven.test_brieven import _jan_zaak
from tests.factories import BurgerFactory
from tests.pip.conftest import pip_inloggen

pytestmark = pytest.mark.usefixtures("brieven_aan")


def test_jan_sees_and_downloads_his_ontvangstbevestiging(brief_zaaktype):
    zaak = _jan_zaak(brief_zaaktype)
    outbox_deliver()
    brief = Brief.objects.get(zaak=zaak, soort=BriefSoort.ONTVANGSTBEVESTIGING)
    jan = pip_inloggen(Client(), BurgerFactory(bsn=JAN_BSN, first_name="Jan", last_name="de Vries"))

    pagina = jan.get(reverse("pip:zaak", args=[zaak.uuid])).content.decode()
    download = reverse("pip:document", args=[zaak.uuid, brief.document.uuid])
    assert download in pagina
    assert f"Ontvangstbevestiging {zaak.identificatie}" in pagina

    response = jan.get(download)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    inhoud = b"".join(response.streaming_content)
    assert inhoud.startswith(b"%PDF-")
    assert zaak.identificatie in pdf_text(inhoud)

    fatima = pip_inloggen(Client(), BurgerFactory(bsn="999990019"))
    assert fatima.get(download).status_code == 404
    assert fatima.get(reverse("pip:zaak", args=[zaak.uuid])).status_code == 404
