"""The services added to zaken.services for the APIs, tested directly (they serve every entry
point, not only the API)."""

import pytest

from core.actor import Actor
from core.errors import DomainError, NotAllowed
from core.models import AuditRecord
from tests.factories import InformatieobjecttypeFactory, ZaakFactory
from zaken import services
from zaken.models import Document, Resultaat, ZaakDocument

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_resultaat_delete_needs_an_open_zaak(system, vakspecialist, zaaktype):
    medewerker = Actor.for_user(vakspecialist)
    open_zaak = ZaakFactory(zaaktype=zaaktype)
    resultaat = services.zaak_resultaat_set(
        actor=medewerker, zaak=open_zaak, resultaattype=zaaktype.resultaattypen.first()
    )
    services.zaak_resultaat_delete(actor=medewerker, resultaat=resultaat)
    assert not Resultaat.objects.filter(zaak=open_zaak).exists()
    dicht = ZaakFactory(zaaktype=zaaktype, closed=True)
    with pytest.raises(NotAllowed):
        services.zaak_resultaat_delete(actor=medewerker, resultaat=dicht.resultaat)
    assert AuditRecord.objects.filter(object_type="resultaat", actie="destroy").exists()


def test_zaakeigenschap_delete(system, zaaktype):
    zaak = ZaakFactory(zaaktype=zaaktype)
    eigenschap = services.zaakeigenschap_set(
        actor=system, zaak=zaak, eigenschap=zaaktype.eigenschappen.get(naam="kenteken"), waarde="X"
    )
    services.zaakeigenschap_delete(actor=system, zaakeigenschap=eigenschap)
    assert not zaak.eigenschappen.exists()


def test_document_create_and_link_and_unlink(system, zaaktype):
    iot = zaaktype.zaaktype_informatieobjecttypen.get().informatieobjecttype
    document = services.document_create(
        actor=system,
        informatieobjecttype=iot,
        titel="Brief",
        inhoud=PDF,
        bronorganisatie="002220647",
        auteur="Koppeling",
    )
    assert document.formaat == "application/pdf" and document.bestandsomvang == len(PDF)
    zaak = ZaakFactory(zaaktype=zaaktype)
    link = services.zaakdocument_add(actor=system, zaak=zaak, document=document)
    services.zaakdocument_update(actor=system, zaakdocument=link, titel="Besluit")
    assert ZaakDocument.objects.get(pk=link.pk).titel == "Besluit"
    services.zaakdocument_remove(actor=system, zaakdocument=link)
    assert Document.objects.filter(pk=document.pk).exists()
    assert not ZaakDocument.objects.filter(pk=link.pk).exists()


def test_document_create_refuses_concepts_and_people(system, vakspecialist):
    concept = InformatieobjecttypeFactory(concept=True)
    with pytest.raises(DomainError, match="concept"):
        services.document_create(
            actor=system,
            informatieobjecttype=concept,
            titel="x",
            inhoud=PDF,
            bronorganisatie="002220647",
            auteur="a",
        )
    with pytest.raises(NotAllowed):
        services.document_create(
            actor=Actor.for_user(vakspecialist),
            informatieobjecttype=InformatieobjecttypeFactory(),
            titel="x",
            inhoud=PDF,
            bronorganisatie="002220647",
            auteur="a",
        )


def test_zaak_create_checks_producten_and_archiefstatus(system, zaaktype):
    with pytest.raises(DomainError) as exc:
        services.zaak_create(
            actor=system, zaaktype=zaaktype, extra={"producten_of_diensten": ["https://x.nl/p"]}
        )
    assert exc.value.code == "invalid-products-services"
    with pytest.raises(DomainError) as exc:
        services.zaak_create(
            actor=system, zaaktype=zaaktype, extra={"archiefstatus": "gearchiveerd"}
        )
    assert exc.value.field == "archiefstatus"
