"""The functioneel beheerder maintains the letters in the admin: an override per zaaktype
changes the letter; an unknown placeholder is a clear form error; a preview shows the PDF."""

import pytest
from django.urls import reverse

from brieven.models import BriefSjabloon, BriefSoort
from core.models import AuditRecord
from core.outbox import outbox_deliver
from core.pdf import pdf_text
from tests.brieven.test_brieven import _brieven, _jan_zaak, _tekst
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("brieven_aan")


@pytest.fixture
def beheer(client, db):
    user = UserFactory(username="beheer", rol="functioneel-beheerder", is_staff=True)
    client.force_login(user)
    return user


def _formulier(zaaktype, **velden):
    return {
        "soort": BriefSoort.ONTVANGSTBEVESTIGING,
        "zaaktype_identificatie": zaaktype.identificatie,
        "actief": "on",
        "onderwerp": "Uw parkeeraanvraag is binnen",
        "tekst": "Beste {{ aanvrager.naam }},\n\nWij hebben {{ zaak.identificatie }} ontvangen. "
        "U hoort uiterlijk {{ termijn.uiterlijk }} van ons.",
        "bezwaar": "automatisch",
        "bezwaartekst": "",
        "informatieobjecttype_omschrijving": "Ontvangstbevestiging",
        **velden,
    }


def test_an_override_for_the_zaaktype_changes_the_letter(client, beheer, brief_zaaktype):
    response = client.post(reverse("admin:brieven_briefsjabloon_add"), _formulier(brief_zaaktype))
    assert response.status_code == 302, response.content.decode()[:3000]
    sjabloon = BriefSjabloon.objects.get(zaaktype_identificatie=brief_zaaktype.identificatie)
    record = AuditRecord.objects.get(object_type="briefsjabloon", actie=AuditRecord.Actie.AANMAKEN)
    assert record.gebruiker == beheer and record.bron == "beheer"
    assert record.nieuw["zaaktype_identificatie"] == sjabloon.zaaktype_identificatie

    zaak = _jan_zaak(brief_zaaktype)
    outbox_deliver()
    tekst = " ".join(_tekst(_brieven(zaak, "ontvangstbevestiging")[0]).split())
    assert "Uw parkeeraanvraag is binnen" in tekst
    assert f"Wij hebben {zaak.identificatie} ontvangen." in tekst
    assert "Wanneer hoort u van ons?" not in tekst  # the default text is not used

    # The default is changed in the admin too, and the change is audited with the old text.
    standaard = BriefSjabloon.objects.get(soort=BriefSoort.AFHANDELING, zaaktype_identificatie="")
    data = _formulier(
        brief_zaaktype,
        soort=BriefSoort.AFHANDELING,
        zaaktype_identificatie="",
        onderwerp="Wij hebben besloten",
        tekst="{{ resultaat.omschrijving }}",
        informatieobjecttype_omschrijving="Besluit",
    )
    response = client.post(reverse("admin:brieven_briefsjabloon_change", args=[standaard.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    standaard.refresh_from_db()
    assert standaard.onderwerp == "Wij hebben besloten"
    wijziging = AuditRecord.objects.get(
        object_type="briefsjabloon", actie=AuditRecord.Actie.WIJZIGEN
    )
    assert wijziging.oud["onderwerp"] == "Besluit op uw aanvraag {{ zaak.zaaktype }}"


def test_an_unknown_placeholder_is_a_clear_form_error_and_nothing_is_saved(
    client, beheer, brief_zaaktype
):
    data = _formulier(
        brief_zaaktype,
        tekst="Beste {{ aanvrager.naam }}, uw BSN is {{ aanvrager.bsn }}. {{ zaak.__class__ }}",
        onderwerp="Ontvangen {{ resultaat.omschrijving }}",
    )
    response = client.post(reverse("admin:brieven_briefsjabloon_add"), data)
    assert response.status_code == 200
    pagina = response.content.decode()
    assert "Onbekende plaatshouder(s): {{ aanvrager.bsn }}, {{ zaak.__class__ }}" in pagina
    assert "kan alleen in een afhandelbrief" in pagina
    assert "uw BSN is {{ aanvrager.bsn }}" in pagina  # the input is kept
    assert not BriefSjabloon.objects.filter(
        zaaktype_identificatie=brief_zaaktype.identificatie
    ).exists()


def test_the_admin_lists_the_placeholders_and_previews_the_pdf(client, beheer):
    standaard = BriefSjabloon.objects.get(
        soort=BriefSoort.ONTVANGSTBEVESTIGING, zaaktype_identificatie=""
    )
    pagina = client.get(reverse("admin:brieven_briefsjabloon_change", args=[standaard.pk]))
    assert "{{ termijn.uiterlijk }}" in pagina.content.decode()
    voorbeeld = client.get(reverse("admin:brieven_briefsjabloon_voorbeeld", args=[standaard.pk]))
    assert voorbeeld["Content-Type"] == "application/pdf"
    tekst = pdf_text(voorbeeld.content)
    assert "J. Voorbeeld" in tekst and "Gemeente Voorbeeldstad" in tekst


def test_staff_without_the_beheer_role_cannot_change_letters(client, brief_zaaktype):
    client.force_login(UserFactory(rol="vakspecialist", is_staff=True))
    response = client.post(reverse("admin:brieven_briefsjabloon_add"), _formulier(brief_zaaktype))
    assert response.status_code == 403
