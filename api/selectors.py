"""The API's read path. Every queryset is limited in the database to what the application may
see (zrc-006): its zaaktypen, up to its maximum vertrouwelijkheidaanduiding. An object outside
that is answered 404, exactly like one that does not exist. Lists fetch everything a page shows
in a fixed number of queries."""

from __future__ import annotations

from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery

from api.auth import ApplicatieAutorisatie
from core.errors import NotFound
from zaken.models import (
    Catalogus,
    Document,
    Eigenschap,
    Informatieobjecttype,
    Resultaat,
    Resultaattype,
    Rol,
    Roltype,
    Status,
    Statustype,
    Zaak,
    ZaakDocument,
    ZaakEigenschap,
    Zaaktype,
    ZaaktypeInformatieobjecttype,
)


def _limit(qs: QuerySet, q) -> QuerySet:
    return qs if q is None else qs.filter(q)


# --- zaken ------------------------------------------------------------------------------------
def zaken_voor_applicatie(
    autorisatie: ApplicatieAutorisatie, scope: str = "zaken.lezen"
) -> QuerySet[Zaak]:
    return _limit(Zaak.objects.all(), autorisatie.zaken_q(scope))


def zichtbare_zaken(autorisatie: ApplicatieAutorisatie) -> QuerySet[Zaak] | None:
    """The zaken the application may read, or None when it may read every zaak (what
    Zaakstroom's own resources say about other zaken is shielded)."""
    q = autorisatie.zaken_q()
    return None if q is None else Zaak.objects.filter(q)


def zaken_lijst(autorisatie: ApplicatieAutorisatie) -> QuerySet[Zaak]:
    """Zaken with everything the Zaak resource shows: 1 query for the zaken and 4 for the URL
    lists, whatever the number of rows."""
    # The related objects are only referred to by URL: their uuids are annotated (a narrow
    # join) instead of loading whole rows with select_related.
    return (
        zaken_voor_applicatie(autorisatie)
        .annotate(
            zaaktype_uuid=F("zaaktype__uuid"),
            hoofdzaak_uuid=F("hoofdzaak__uuid"),
            status_uuid=F("status__uuid"),
            resultaat_uuid=F("resultaat__uuid"),
        )
        .prefetch_related(
            Prefetch("rollen", queryset=Rol.objects.only("uuid", "zaak").order_by("id")),
            Prefetch(
                "eigenschappen", queryset=ZaakEigenschap.objects.only("uuid", "zaak").order_by("id")
            ),
            Prefetch(
                "zaakdocumenten", queryset=ZaakDocument.objects.only("uuid", "zaak").order_by("id")
            ),
            Prefetch("deelzaken", queryset=Zaak.objects.only("uuid", "hoofdzaak").order_by("id")),
        )
    )


def zaak_voor_applicatie(autorisatie: ApplicatieAutorisatie, uuid) -> Zaak:
    zaak = zaken_lijst(autorisatie).filter(uuid=uuid).first()
    if zaak is None:
        raise NotFound("Deze zaak bestaat niet of uw applicatie heeft er geen toegang toe.")
    return zaak


def statussen(autorisatie: ApplicatieAutorisatie) -> QuerySet[Status]:
    return _limit(
        Status.objects.select_related("zaak", "statustype").prefetch_related(
            Prefetch("zaakdocumenten", queryset=ZaakDocument.objects.only("uuid", "status"))
        ),
        autorisatie.zaken_q(prefix="zaak__"),
    )


def rollen(autorisatie: ApplicatieAutorisatie) -> QuerySet[Rol]:
    return _limit(
        Rol.objects.select_related("zaak", "roltype", "medewerker", "team"),
        autorisatie.zaken_q(prefix="zaak__"),
    )


def resultaten(autorisatie: ApplicatieAutorisatie) -> QuerySet[Resultaat]:
    return _limit(
        Resultaat.objects.select_related("zaak", "resultaattype"),
        autorisatie.zaken_q(prefix="zaak__"),
    )


def zaakeigenschappen(autorisatie: ApplicatieAutorisatie, zaak: Zaak) -> QuerySet[ZaakEigenschap]:
    return ZaakEigenschap.objects.filter(zaak=zaak).select_related("zaak", "eigenschap")


def zaakdocumenten(autorisatie: ApplicatieAutorisatie) -> QuerySet[ZaakDocument]:
    return _limit(
        ZaakDocument.objects.select_related("zaak", "document", "status"),
        autorisatie.zaken_q(prefix="zaak__"),
    )


def get_or_404(qs: QuerySet, uuid, soort: str = "object"):
    obj = qs.filter(uuid=uuid).first()
    if obj is None:
        raise NotFound(f"Dit {soort} bestaat niet of uw applicatie heeft er geen toegang toe.")
    return obj


# --- catalogue --------------------------------------------------------------------------------
def zaaktypen(autorisatie: ApplicatieAutorisatie) -> QuerySet[Zaaktype]:
    return _limit(
        Zaaktype.objects.select_related("catalogus").prefetch_related(
            Prefetch("statustypen", queryset=Statustype.objects.only("uuid", "zaaktype")),
            Prefetch(
                "resultaattypen",
                queryset=Resultaattype.objects.only("uuid", "zaaktype", "omschrijving"),
            ),
            Prefetch("roltypen", queryset=Roltype.objects.only("uuid", "zaaktype")),
            Prefetch("eigenschappen", queryset=Eigenschap.objects.only("uuid", "zaaktype")),
            Prefetch(
                "zaaktype_informatieobjecttypen",
                queryset=ZaaktypeInformatieobjecttype.objects.select_related(
                    "informatieobjecttype"
                ).order_by("volgnummer"),
            ),
        ),
        autorisatie.zaaktypen_q(),
    )


def _onderdelen(model, autorisatie: ApplicatieAutorisatie) -> QuerySet:
    return _limit(
        model.objects.select_related("zaaktype__catalogus"),
        autorisatie.zaaktypen_q(prefix="zaaktype__"),
    )


def statustypen(autorisatie):
    """With `eind_volgnummer`, the highest volgnummer of the zaaktype (isEindstatus)."""
    eind = (
        Statustype.objects.filter(zaaktype=OuterRef("zaaktype"))
        .order_by("-volgnummer")
        .values("volgnummer")[:1]
    )
    return _onderdelen(Statustype, autorisatie).annotate(eind_volgnummer=Subquery(eind))


def resultaattypen(autorisatie):
    return _onderdelen(Resultaattype, autorisatie)


def roltypen(autorisatie):
    return _onderdelen(Roltype, autorisatie)


def eigenschappen(autorisatie):
    return _onderdelen(Eigenschap, autorisatie)


def zaaktype_informatieobjecttypen(autorisatie):
    return _onderdelen(ZaaktypeInformatieobjecttype, autorisatie).select_related(
        "informatieobjecttype"
    )


def catalogussen() -> QuerySet[Catalogus]:
    return Catalogus.objects.prefetch_related(
        Prefetch("zaaktypen", queryset=Zaaktype.objects.only("uuid", "catalogus")),
        Prefetch(
            "informatieobjecttypen",
            queryset=Informatieobjecttype.objects.only("uuid", "omschrijving", "catalogus"),
        ),
    ).order_by("id")


def informatieobjecttypen() -> QuerySet[Informatieobjecttype]:
    return Informatieobjecttype.objects.select_related("catalogus").prefetch_related(
        Prefetch(
            "zaaktype_links",
            queryset=ZaaktypeInformatieobjecttype.objects.select_related("zaaktype"),
        )
    )


# --- documents --------------------------------------------------------------------------------
def documenten(autorisatie: ApplicatieAutorisatie) -> QuerySet[Document]:
    return _limit(
        Document.objects.select_related("informatieobjecttype"), autorisatie.documenten_q()
    )


def objectinformatieobjecten(autorisatie: ApplicatieAutorisatie) -> QuerySet[ZaakDocument]:
    return _limit(
        ZaakDocument.objects.select_related("zaak", "document"),
        autorisatie.documenten_q(prefix="document__"),
    )
