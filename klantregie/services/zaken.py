"""Starting a zaak from a klantvraag, through the zaken services.

`zaak_direct_afhandelen` is the ONE place where the KCC settles a zaak at once (journey 3): it
checks the choice made on the contact screen and lets the workflow's 1e-lijn step settle and close
the zaak (`processen.services.zaak_direct_afhandelen`), so the flow and the zaak stay in step."""

from __future__ import annotations

from django.db import transaction

from core.actor import Actor
from core.errors import DomainError, NotAllowed
from klantregie.rechten import is_applicatie
from zaken import services as zaken_services
from zaken.models import Resultaattype, Zaak, Zaaktype


def _initiator(klant):
    if klant is None:
        raise DomainError(
            "Kies eerst de klant: een zaak heeft een aanvrager nodig.", field="zaaktype"
        )
    return zaken_services.Betrokkene.van_klant(klant)


def zaak_starten(
    *, actor: Actor, zaaktype: Zaaktype, klant, kanaal: str, omschrijving: str = ""
) -> Zaak:
    """Register a zaak with the klant as initiator and the contact's kanaal. The workflow of the
    zaaktype starts itself on the `zaak.aangemaakt` event."""
    return zaken_services.zaak_create(
        actor=actor,
        zaaktype=zaaktype,
        omschrijving=omschrijving[:80],
        kanaal=kanaal,
        initiator=_initiator(klant),
    )


@transaction.atomic
def zaak_direct_afhandelen(
    *,
    actor: Actor,
    zaaktype: Zaaktype,
    klant,
    kanaal: str,
    resultaattype: Resultaattype | None = None,
    omschrijving: str = "",
    toelichting: str = "",
) -> Zaak:
    """Create a zaak of a zaaktype the KCC may settle and close it at once with its resultaat,
    in one transaction ("klaar terwijl u wacht")."""
    if is_applicatie(actor):
        # The flow's 1e-lijn task is taken and completed by a person (processen).
        raise NotAllowed(
            "Een zaak direct afhandelen kan alleen een medewerker in Zaakstroom: de taak in het "
            "proces heeft een eigenaar nodig. Start de zaak (resultaat zaak_gestart).",
            field="resultaat",
        )
    if not zaaktype.kcc_mag_afhandelen:
        raise DomainError(
            f"Het KCC mag '{zaaktype.omschrijving}' niet direct afhandelen. Start een zaak of "
            "stuur een terugbelverzoek.",
            code="niet-direct-afhandelbaar",
            field="zaaktype",
        )
    if resultaattype is None:
        resultaattypen = list(zaaktype.resultaattypen.all()[:2])
        if len(resultaattypen) != 1:
            raise DomainError("Kies het resultaat van de zaak.", field="resultaattype")
        resultaattype = resultaattypen[0]
    if resultaattype.zaaktype_id != zaaktype.pk:
        raise DomainError(
            "Dit resultaat hoort niet bij het gekozen zaaktype.", field="resultaattype"
        )
    from processen.services import zaak_direct_afhandelen as proces_direct_afhandelen

    return proces_direct_afhandelen(
        actor=actor,
        zaaktype=zaaktype,
        initiator=_initiator(klant),
        resultaattype=resultaattype,
        kanaal=kanaal,
        omschrijving=omschrijving[:80],
        toelichting=toelichting[:1000] or "Direct afgehandeld door het KCC.",
    )
