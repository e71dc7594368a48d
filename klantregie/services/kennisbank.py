"""The kennisbank: redacteuren save articles (from the admin) through `kennisartikel_opslaan`,
which validates, keeps the Dutch full-text search vector current and writes the audit trail."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import TextField, Value

from core.actor import Actor
from core.audit import audit_log
from core.errors import DomainError
from core.models import AuditRecord
from klantregie.models import Kennisartikel
from klantregie.services._common import vereis
from zaken.models import Zaaktype

ZOEK_CONFIG = "dutch"

VELDEN = ("vraag", "antwoord", "product", "zaaktype_identificatie", "trefwoorden")


def _trefwoorden_normaliseren(tekst: str) -> str:
    gezien: list[str] = []
    for woord in (tekst or "").replace(";", ",").split(","):
        woord = " ".join(woord.split()).lower()
        if woord and woord not in gezien:
            gezien.append(woord)
    return ", ".join(gezien)


def zoekvector_bijwerken(pks) -> None:
    """Recompute the weighted Dutch search vector of these articles (PostgreSQL only): keywords
    weigh most (A), then the question (B), the product and zaaktype (C), then the answer (D)."""
    if connection.vendor != "postgresql":
        return
    for artikel in Kennisartikel.objects.filter(pk__in=list(pks)):
        zaaktype = (
            Zaaktype.objects.filter(identificatie=artikel.zaaktype_identificatie)
            .order_by("-begin_geldigheid")
            .values_list("omschrijving", flat=True)
            .first()
            if artikel.zaaktype_identificatie
            else None
        )
        vector = (
            SearchVector("trefwoorden", weight="A", config=ZOEK_CONFIG)
            + SearchVector("vraag", weight="B", config=ZOEK_CONFIG)
            + SearchVector(
                "product",
                Value(zaaktype or "", output_field=TextField()),
                weight="C",
                config=ZOEK_CONFIG,
            )
            + SearchVector("antwoord", weight="D", config=ZOEK_CONFIG)
        )
        Kennisartikel.objects.filter(pk=artikel.pk).update(zoekvector=vector)


@transaction.atomic
def kennisartikel_opslaan(*, actor: Actor, artikel: Kennisartikel) -> Kennisartikel:
    """Create or change an article (the admin's form fills `artikel`; nothing is saved before the
    checks pass)."""
    nieuw = artikel.pk is None
    vereis(actor, "klantregie.add_kennisartikel" if nieuw else "klantregie.change_kennisartikel")
    artikel.vraag = " ".join((artikel.vraag or "").split())
    artikel.antwoord = (artikel.antwoord or "").strip()
    artikel.product = (artikel.product or "").strip()
    artikel.zaaktype_identificatie = (artikel.zaaktype_identificatie or "").strip()
    artikel.trefwoorden = _trefwoorden_normaliseren(artikel.trefwoorden)
    if not artikel.vraag:
        raise DomainError("Vul de vraag of titel van het artikel in.", field="vraag")
    if not artikel.antwoord:
        raise DomainError("Schrijf het antwoord dat de medewerker kan voorlezen.", field="antwoord")
    if len(artikel.trefwoorden) > 500:
        raise DomainError("Gebruik minder trefwoorden (hoogstens 500 tekens).", field="trefwoorden")
    if (
        artikel.zaaktype_identificatie
        and not Zaaktype.objects.filter(identificatie=artikel.zaaktype_identificatie).exists()
    ):
        raise DomainError(
            f"Er is geen zaaktype met identificatie '{artikel.zaaktype_identificatie}'.",
            field="zaaktype_identificatie",
        )
    oud = None
    if not nieuw:
        vorig = Kennisartikel.objects.select_for_update().filter(pk=artikel.pk).values(*VELDEN)
        oud = vorig.first()
    artikel.save()
    zoekvector_bijwerken([artikel.pk])
    nieuw_waarden = {veld: getattr(artikel, veld) for veld in VELDEN}
    audit_log(
        actor,
        actie=AuditRecord.Actie.AANMAKEN if nieuw else AuditRecord.Actie.WIJZIGEN,
        obj=artikel,
        oud=oud,
        nieuw={**nieuw_waarden, "actief": artikel.actief},
    )
    return artikel
