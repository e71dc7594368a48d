"""Letters: the ontvangstbevestiging when a zaak is registered, the afhandelbrief when it is
closed, stored once as a PDF document on the zaak through the outbox."""

import pytest

from brieven import services
from brieven.models import Brief, BriefSjabloon, BriefSoort
from core.actor import Actor
from core.models import AuditRecord, OutboxMessage
from core.outbox import outbox_deliver
from core.pdf import pdf_text
from tests.brieven.conftest import JAN_BSN, met_briefsoorten
from tests.factories import KlantFactory, ZaakFactory, ZaaktypeFactory
from zaken import services as zaken_services
from zaken.models import Archiefnominatie, Resultaattype, RolOmschrijving, ZaakDocument

pytestmark = pytest.mark.usefixtures("brieven_aan")


def _jan_zaak(zaaktype, **kwargs):
    jan = KlantFactory(
        bsn=JAN_BSN,
        voornamen="Jan",
        voorvoegsel="de",
        achternaam="Vries",
        straat="Dorpsstraat",
        huisnummer="12",
        postcode="1234AB",
        woonplaats="Voorbeeldstad",
    )
    return zaken_services.zaak_create(
        actor=Actor.system("test"),
        zaaktype=zaaktype,
        omschrijving="Parkeervergunning Dorpsstraat",
        initiator=zaken_services.Betrokkene.van_klant(jan),
        **kwargs,
    )


def _brieven(zaak, soort):
    return list(
        ZaakDocument.objects.filter(zaak=zaak, document__bestandsnaam__startswith=soort)
        .select_related("document__informatieobjecttype")
        .order_by("id")
    )


def _tekst(link) -> str:
    with link.document.inhoud.open("rb") as f:
        return pdf_text(f.read())


def test_ontvangstbevestiging_is_stored_on_the_zaak_with_what_when_and_who(brief_zaaktype):
    zaak = _jan_zaak(brief_zaaktype)
    assert OutboxMessage.objects.filter(soort="brief", zaak_uuid=zaak.uuid).count() == 1
    assert outbox_deliver()["failed"] == 0

    [link] = _brieven(zaak, "ontvangstbevestiging")
    document = link.document
    assert document.formaat == "application/pdf"
    assert document.zichtbaar_voor_initiator is True
    assert document.informatieobjecttype.omschrijving == "Ontvangstbevestiging"
    assert document.inhoud.open("rb").read(5) == b"%PDF-"
    tekst = " ".join(_tekst(link).split())
    assert "Gemeente Voorbeeldstad" in tekst  # the letterhead
    assert "Jan de Vries" in tekst
    assert "Dorpsstraat 12" in tekst
    assert zaak.identificatie in tekst
    assert "Parkeervergunning Dorpsstraat" in tekst
    assert services.datum_nl(zaak.uiterlijke_einddatum_afdoening) in tekst
    assert services.datum_nl(zaak.einddatum_gepland) in tekst
    assert "Wanneer hoort u van ons?" in tekst
    assert "Team Vergunningen" in tekst  # who to contact: the behandelend team
    # Stored by the document service as the system, and audited there.
    assert AuditRecord.objects.filter(
        object_uuid=document.uuid, actie=AuditRecord.Actie.AANMAKEN, bron="systeem"
    ).exists()
    assert Brief.objects.get(zaak=zaak).document == document


def test_dutch_dates_are_written_out():
    from datetime import date

    assert services.datum_nl(date(2026, 3, 12)) == "12 maart 2026"
    assert services.datum_nl(date(2026, 10, 1)) == "1 oktober 2026"


def test_afhandelbrief_has_the_resultaat_toelichting_date_and_bezwaar(brief_zaaktype):
    zaak = _jan_zaak(brief_zaaktype)
    Resultaattype.objects.filter(zaaktype=brief_zaaktype, omschrijving="Verleend").update(
        publiek_omschrijving="Uw parkeervergunning is verleend."
    )
    zaak = zaken_services.zaak_close(
        actor=Actor.system("test"),
        zaak=zaak,
        resultaattype=brief_zaaktype.resultaattypen.get(omschrijving="Verleend"),
        toelichting="De vergunning geldt voor kenteken 12-ABC-3.",
    )
    outbox_deliver()
    [link] = _brieven(zaak, "afhandeling")
    assert link.document.informatieobjecttype.omschrijving == "Besluit"
    assert link.document.zichtbaar_voor_initiator is True
    tekst = " ".join(_tekst(link).split())
    assert "Uw parkeervergunning is verleend." in tekst
    assert "kenteken 12-ABC-3" in tekst
    assert f"Datum van het besluit: {services.datum_nl(zaak.einddatum)}" in tekst
    assert "Bezwaar maken" in tekst and "zes weken" in tekst
    assert zaak.identificatie in tekst


def test_a_resultaat_that_is_no_besluit_gets_no_bezwaar_paragraph(brief_zaaktype):
    ingetrokken = Resultaattype.objects.create(
        zaaktype=brief_zaaktype,
        omschrijving="Ingetrokken",
        publiek_omschrijving="U heeft uw aanvraag ingetrokken.",
        archiefnominatie=Archiefnominatie.VERNIETIGEN,
        archiefactietermijn="P1Y",
    )
    zaak = _jan_zaak(brief_zaaktype)
    zaken_services.zaak_close(actor=Actor.system("test"), zaak=zaak, resultaattype=ingetrokken)
    outbox_deliver()
    [link] = _brieven(zaak, "afhandeling")
    tekst = _tekst(link)
    assert "U heeft uw aanvraag ingetrokken." in tekst
    assert "Bezwaar maken" not in tekst


def test_redelivery_never_stores_a_second_letter(brief_zaaktype):
    zaak = _jan_zaak(brief_zaaktype)
    outbox_deliver()
    bericht = OutboxMessage.objects.get(soort="brief", zaak_uuid=zaak.uuid)
    # The broker redelivers (e.g. a worker died after the handler ran): the message runs again.
    OutboxMessage.objects.filter(pk=bericht.pk).update(verzonden_op=None)
    assert outbox_deliver()["sent"] == 1
    services.brief_maken(
        actor=Actor.system("test"),
        zaak_uuid=zaak.uuid,
        soort=BriefSoort.ONTVANGSTBEVESTIGING,
        sleutel=bericht.sleutel,
    )
    # Recording the side effect again is harmless too.
    from brieven.subscribers import zaak_aangemaakt

    zaak_aangemaakt(zaak=zaak)
    outbox_deliver()
    assert len(_brieven(zaak, "ontvangstbevestiging")) == 1
    assert Brief.objects.filter(zaak=zaak).count() == 1


def test_reopened_and_closed_again_gets_a_new_afhandelbrief(brief_zaaktype, system):
    zaak = ZaakFactory(zaaktype=brief_zaaktype, closed=True)
    zaak = zaken_services.zaak_reopen(actor=system, zaak=zaak, reden="Nieuw feit")
    zaken_services.zaak_close(
        actor=system,
        zaak=zaak,
        resultaattype=brief_zaaktype.resultaattypen.get(omschrijving="Geweigerd"),
    )
    outbox_deliver()
    assert len(_brieven(zaak, "afhandeling")) == 2


def test_no_letter_without_an_aanvrager(brief_zaaktype):
    zaak = ZaakFactory(zaaktype=brief_zaaktype, initiator_bsn=None, closed=True)
    outbox_deliver()
    assert not OutboxMessage.objects.filter(soort="brief", zaak_uuid=zaak.uuid).exists()
    assert not Brief.objects.filter(zaak=zaak).exists()


def test_no_letter_when_the_zaaktype_says_no(brief_zaaktype):
    BriefSjabloon.objects.create(
        soort=BriefSoort.ONTVANGSTBEVESTIGING,
        zaaktype_identificatie=brief_zaaktype.identificatie,
        actief=False,
        onderwerp="-",
        tekst="-",
        informatieobjecttype_omschrijving="Ontvangstbevestiging",
    )
    zaak = _jan_zaak(brief_zaaktype)
    outbox_deliver()
    assert _brieven(zaak, "ontvangstbevestiging") == []


def test_no_letter_for_a_zaaktype_without_outgoing_document_type(team):
    zaaktype = ZaaktypeFactory(verantwoordelijk_team=team)
    zaak = _jan_zaak(zaaktype)
    outbox_deliver()
    assert not Brief.objects.filter(zaak=zaak).exists()


def test_no_letters_when_switched_off(brief_zaaktype, settings):
    settings.BRIEVEN_AUTOMATISCH = False
    zaak = _jan_zaak(brief_zaaktype)
    assert not OutboxMessage.objects.filter(soort="brief").exists()
    assert not Brief.objects.filter(zaak=zaak).exists()


def test_initiator_added_later_gets_the_ontvangstbevestiging(brief_zaaktype, system):
    """A ZGW client registers the zaak first and its initiator afterwards."""
    zaak = ZaakFactory(zaaktype=brief_zaaktype, initiator_bsn=None)
    outbox_deliver()
    assert not Brief.objects.filter(zaak=zaak).exists()
    zaken_services.rol_add(
        actor=system,
        zaak=zaak,
        betrokkene=zaken_services.Betrokkene.organisatie(
            "68750110", naam="Evenementen BV De Brink"
        ),
        omschrijving_generiek=RolOmschrijving.INITIATOR,
    )
    outbox_deliver()
    [link] = _brieven(zaak, "ontvangstbevestiging")
    assert "Evenementen BV De Brink" in _tekst(link)


def test_zaak_create_only_records_the_letter_rendering_waits_for_delivery(
    brief_zaaktype, monkeypatch
):
    def niet_hier(html):
        raise AssertionError("rendered inside the service transaction")

    monkeypatch.setattr(services, "render_pdf", niet_hier)
    zaak = _jan_zaak(brief_zaaktype)
    bericht = OutboxMessage.objects.get(soort="brief", zaak_uuid=zaak.uuid)
    assert bericht.verzonden_op is None


def test_letter_of_a_confidential_zaak_is_as_confidential(team):
    zaaktype = met_briefsoorten(
        ZaaktypeFactory(verantwoordelijk_team=team, vertrouwelijkheidaanduiding="vertrouwelijk")
    )
    zaak = _jan_zaak(zaaktype)
    outbox_deliver()
    [link] = _brieven(zaak, "ontvangstbevestiging")
    assert link.document.vertrouwelijkheidaanduiding == "vertrouwelijk"


def test_a_zaaktype_template_overrides_the_default(brief_zaaktype):
    BriefSjabloon.objects.create(
        soort=BriefSoort.ONTVANGSTBEVESTIGING,
        zaaktype_identificatie=brief_zaaktype.identificatie,
        onderwerp="Wij hebben uw parkeeraanvraag",
        tekst="Beste {{ aanvrager.naam }}, wij hebben {{ zaak.identificatie }} in goede orde ontvangen.",
        informatieobjecttype_omschrijving="Ontvangstbevestiging",
    )
    zaak = _jan_zaak(brief_zaaktype)
    outbox_deliver()
    [link] = _brieven(zaak, "ontvangstbevestiging")
    tekst = " ".join(_tekst(link).split())
    assert f"Beste Jan de Vries, wij hebben {zaak.identificatie} in goede orde ontvangen." in tekst
    assert "Wij hebben uw parkeeraanvraag" in tekst
