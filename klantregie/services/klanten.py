"""Klanten named by their number: a BSN, or a KvK-nummer (with a vestigingsnummer)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from core.actor import Actor
from core.audit import audit_log
from core.errors import DomainError
from core.models import AuditRecord
from core.validators import validate_bsn, validate_kvk_nummer, validate_vestigingsnummer
from klantregie.models import Klant
from klantregie.services._common import vereis


def _controleer(validator, waarde: str, veld: str) -> None:
    try:
        validator(waarde)
    except ValidationError as exc:
        raise DomainError(exc.messages[0], field=veld) from exc


@transaction.atomic
def klant_bij_nummer(
    *, actor: Actor, bsn: str = "", kvk_nummer: str = "", vestigingsnummer: str = ""
) -> Klant:
    """The klant with this BSN, or with this KvK-nummer and vestigingsnummer. A number Zaakstroom
    does not know yet is registered as a new klant with only that number (as a requester on the
    PIP is), so that the contacts and terugbelverzoeken of one person or company meet."""
    bsn = (bsn or "").strip()
    kvk_nummer = (kvk_nummer or "").strip()
    vestigingsnummer = (vestigingsnummer or "").strip()
    if bool(bsn) == bool(kvk_nummer):
        raise DomainError(
            "Noem de klant met een BSN of met een KvK-nummer (niet allebei).", field="klant"
        )
    if vestigingsnummer and not kvk_nummer:
        raise DomainError(
            "Een vestigingsnummer hoort bij een KvK-nummer.", field="vestigingsnummer"
        )
    if bsn:
        _controleer(validate_bsn, bsn, "bsn")
        zoek = {"bsn": bsn}
        nieuw = Klant(soort=Klant.Soort.PERSOON, bsn=bsn)
    else:
        _controleer(validate_kvk_nummer, kvk_nummer, "kvk_nummer")
        if vestigingsnummer:
            _controleer(validate_vestigingsnummer, vestigingsnummer, "vestigingsnummer")
        zoek = {"kvk_nummer": kvk_nummer, "vestigingsnummer": vestigingsnummer}
        nieuw = Klant(
            soort=Klant.Soort.ORGANISATIE,
            kvk_nummer=kvk_nummer,
            vestigingsnummer=vestigingsnummer,
        )
    klant = Klant.objects.filter(**zoek).first()
    if klant is not None:
        return klant
    vereis(actor, "klantregie.add_klant")
    try:
        with transaction.atomic():
            nieuw.save()
    except IntegrityError:
        # Registered by someone else at the same moment: that one is the klant.
        klant = Klant.objects.filter(**zoek).first()
        if klant is None:
            raise
        return klant
    audit_log(
        actor,
        actie=AuditRecord.Actie.AANMAKEN,
        obj=nieuw,
        klant_id=nieuw.pk,
        nieuw={k: v for k, v in zoek.items() if v},
        actie_weergave="Klant geregistreerd",
    )
    return nieuw
