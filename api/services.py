"""Write path for API applications and their authorisations (managed in the admin).

Every change is validated against the Autorisaties API rules and written to the audit trail:
who may reach which zaken through the API is security-relevant."""

from __future__ import annotations

from django.db import transaction

from api.models import SCOPES, Applicatie, Autorisatie, Component
from core.actor import Actor
from core.audit import audit_log
from core.errors import DomainError, NotAllowed
from core.models import AuditRecord

A = AuditRecord.Actie


def _require_beheer(actor: Actor) -> None:
    if actor.systeem:
        return
    user = actor.user
    if user is None or not user.is_active or not user.has_perm("api.change_applicatie"):
        raise NotAllowed("Alleen een functioneel beheerder mag API-applicaties beheren.")


def _check_applicatie(applicatie: Applicatie) -> None:
    if not (applicatie.client_id or "").strip():
        raise DomainError("Vul de client id in.", field="client_id")
    if len(applicatie.secret or "") < 16:
        raise DomainError(
            "Het secret is te kort. Gebruik ten minste 16 (liefst 32 of meer) willekeurige tekens.",
            field="secret",
        )
    dubbel = Applicatie.objects.filter(client_id=applicatie.client_id).exclude(pk=applicatie.pk)
    if dubbel.exists():
        raise DomainError(
            "Deze client id is al in gebruik bij een andere applicatie (ac-001).",
            field="client_id",
        )


@transaction.atomic
def applicatie_save(*, actor: Actor, applicatie: Applicatie) -> Applicatie:
    """Create or change an application (ac-001: a client id belongs to one application)."""
    _require_beheer(actor)
    _check_applicatie(applicatie)
    nieuw = applicatie.pk is None
    applicatie.save()
    if applicatie.heeft_alle_autorisaties:
        # ac-002: all rights and separate autorisaties exclude each other; all rights win.
        for autorisatie in Autorisatie.objects.filter(applicatie=applicatie):
            autorisatie_delete(actor=actor, autorisatie=autorisatie)
    audit_log(
        actor,
        actie=A.AANMAKEN if nieuw else A.WIJZIGEN,
        obj=applicatie,
        object_type="applicatie",
        nieuw={
            "client_id": applicatie.client_id,
            "heeft_alle_autorisaties": applicatie.heeft_alle_autorisaties,
            "actief": applicatie.actief,
        },
    )
    return applicatie


def autorisatie_controleren(autorisatie: Autorisatie) -> None:
    """Raise a DomainError naming the field when the autorisatie breaks ac-003 (also used by
    the admin form, so the functioneel beheerder sees the message on the field)."""
    _check_autorisatie(autorisatie)


def _check_autorisatie(autorisatie: Autorisatie) -> None:
    component = autorisatie.component
    if component not in Component.values:
        raise DomainError("Kies een component.", field="component")
    scopes = autorisatie.scopes
    if not isinstance(scopes, list) or not scopes or not all(isinstance(s, str) for s in scopes):
        raise DomainError(
            'Geef de scopes op als lijst, bijvoorbeeld ["zaken.lezen"].', field="scopes"
        )
    onbekend = sorted(set(scopes) - set(SCOPES[component]))
    if onbekend:
        raise DomainError(
            f"Deze scopes horen niet bij de {Component(component).label}: {', '.join(onbekend)}. "
            f"Kies uit: {', '.join(SCOPES[component])}.",
            field="scopes",
        )
    if component == Component.ZRC:
        if autorisatie.zaaktype_id is None:
            raise DomainError("Kies het zaaktype (ac-003).", field="zaaktype")
        if not autorisatie.max_vertrouwelijkheidaanduiding:
            raise DomainError(
                "Kies de maximale vertrouwelijkheidaanduiding (ac-003).",
                field="max_vertrouwelijkheidaanduiding",
            )
    if component == Component.DRC:
        if autorisatie.informatieobjecttype_id is None:
            raise DomainError(
                "Kies het informatieobjecttype (ac-003).", field="informatieobjecttype"
            )
        if not autorisatie.max_vertrouwelijkheidaanduiding:
            raise DomainError(
                "Kies de maximale vertrouwelijkheidaanduiding (ac-003).",
                field="max_vertrouwelijkheidaanduiding",
            )
    if component == Component.KCC:
        # Klantcontacten are not per zaaktype; what a contact says about a zaak is shown only
        # when the application's Zaken API autorisaties let it see that zaak (ADR 0033).
        if autorisatie.zaaktype_id is not None:
            raise DomainError(
                "Klantcontacten en terugbelverzoeken gelden niet per zaaktype; laat het zaaktype "
                "leeg.",
                field="zaaktype",
            )
        if autorisatie.max_vertrouwelijkheidaanduiding:
            raise DomainError(
                "Laat de maximale vertrouwelijkheidaanduiding leeg: wat een klantcontact over "
                "een zaak zegt, volgt de autorisaties voor de Zaken API.",
                field="max_vertrouwelijkheidaanduiding",
            )
    if component != Component.DRC and autorisatie.informatieobjecttype_id is not None:
        raise DomainError(
            "Een informatieobjecttype hoort alleen bij de Documenten API.",
            field="informatieobjecttype",
        )
    if component == Component.DRC and autorisatie.zaaktype_id is not None:
        raise DomainError("Een zaaktype hoort niet bij de Documenten API.", field="zaaktype")


@transaction.atomic
def autorisatie_save(*, actor: Actor, autorisatie: Autorisatie) -> Autorisatie:
    _require_beheer(actor)
    applicatie = Applicatie.objects.select_for_update().get(pk=autorisatie.applicatie_id)
    if applicatie.heeft_alle_autorisaties:
        raise DomainError(
            "Deze applicatie heeft al alle autorisaties; losse autorisaties horen daar niet bij "
            "(ac-002).",
            field="heeft_alle_autorisaties",
        )
    _check_autorisatie(autorisatie)
    nieuw = autorisatie.pk is None
    autorisatie.save()
    audit_log(
        actor,
        actie=A.AANMAKEN if nieuw else A.WIJZIGEN,
        obj=autorisatie,
        object_type="autorisatie",
        toelichting=f"Applicatie {applicatie.client_id}",
        nieuw={
            "component": autorisatie.component,
            "scopes": autorisatie.scopes,
            "zaaktype": str(autorisatie.zaaktype) if autorisatie.zaaktype_id else None,
            "informatieobjecttype": str(autorisatie.informatieobjecttype)
            if autorisatie.informatieobjecttype_id
            else None,
            "max_vertrouwelijkheidaanduiding": autorisatie.max_vertrouwelijkheidaanduiding,
        },
    )
    return autorisatie


@transaction.atomic
def autorisatie_delete(*, actor: Actor, autorisatie: Autorisatie) -> None:
    _require_beheer(actor)
    audit_log(
        actor,
        actie=A.VERWIJDEREN,
        obj=autorisatie,
        object_type="autorisatie",
        toelichting=f"Applicatie {autorisatie.applicatie.client_id}",
        oud={"component": autorisatie.component, "scopes": autorisatie.scopes},
    )
    autorisatie.delete()
