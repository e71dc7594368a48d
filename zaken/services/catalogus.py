"""Catalogue services: a zaaktype is a concept until published and immutable afterwards,
except through an explicit, audited correction. New rules mean a new version."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.actor import Actor
from core.audit import audit_log
from core.errors import DomainError, NotAllowed
from core.models import AuditRecord
from zaken.kalender import is_valid_duration
from zaken.models import (
    Behandeling,
    Informatieobjecttype,
    RolOmschrijving,
    Zaaktype,
)

A = AuditRecord.Actie

IDENTITEIT = {
    "id",
    "uuid",
    "catalogus",
    "identificatie",
    "concept",
    "gepubliceerd_op",
    "begin_geldigheid",
}


def _require_beheer(actor: Actor) -> None:
    if actor.systeem:
        return
    if actor.autorisatie is not None:
        if not actor.may("catalogi.schrijven"):
            raise NotAllowed()
        return
    if actor.user is None or not actor.user.has_perm("zaken.catalogus-beheren"):
        raise NotAllowed("Alleen een functioneel beheerder mag de catalogus wijzigen.")


def _lock(zaaktype: Zaaktype) -> Zaaktype:
    return Zaaktype.objects.select_for_update().get(pk=zaaktype.pk)


def _check_durations(values: dict) -> None:
    for veld in ("doorlooptijd", "servicenorm", "verlengingstermijn"):
        waarde = values.get(veld)
        if waarde and not is_valid_duration(waarde):
            raise DomainError(
                f"'{waarde}' is geen geldige termijn; gebruik bijvoorbeeld P8W of P10D.", field=veld
            )


@transaction.atomic
def zaaktype_create(*, actor: Actor, **values) -> Zaaktype:
    """Register a new concept zaaktype."""
    _require_beheer(actor)
    _check_durations(values)
    teams = values.pop("betrokken_teams", None)
    values.pop("concept", None)
    zaaktype = Zaaktype(**values)
    zaaktype.full_clean()
    zaaktype.save()
    if teams is not None:
        zaaktype.betrokken_teams.set(teams)
    audit_log(actor, actie=A.AANMAKEN, obj=zaaktype)
    return zaaktype


@transaction.atomic
def zaaktype_update(*, actor: Actor, zaaktype: Zaaktype, **changes) -> Zaaktype:
    """Change a concept zaaktype. A published one is refused: make a new version, or correct it."""
    _require_beheer(actor)
    zaaktype = _lock(zaaktype)
    if not zaaktype.concept:
        raise DomainError(
            "Dit zaaktype is gepubliceerd en kan niet meer worden gewijzigd. Maak een nieuwe versie, "
            "of gebruik 'Corrigeren' met een reden voor een kennelijke fout.",
            code="non-concept-object",
        )
    bad = set(changes) & (IDENTITEIT - {"begin_geldigheid"})
    if bad:
        raise DomainError(f"Deze velden kunnen niet worden gewijzigd: {', '.join(sorted(bad))}.")
    _check_durations(changes)
    oud = {k: getattr(zaaktype, k) for k in changes if k != "betrokken_teams"}
    teams = changes.pop("betrokken_teams", None)
    for k, v in changes.items():
        setattr(zaaktype, k, v)
    zaaktype.full_clean(exclude=["catalogus"])
    zaaktype.save()
    if teams is not None:
        zaaktype.betrokken_teams.set(teams)
    audit_log(
        actor, actie=A.WIJZIGEN, obj=zaaktype, oud=oud, nieuw={k: changes[k] for k in changes}
    )
    return zaaktype


def zaaktype_publicatie_problemen(zaaktype: Zaaktype) -> list[str]:
    """What stands in the way of publishing this zaaktype (empty when it can be published)."""
    problemen = []
    if not is_valid_duration(zaaktype.doorlooptijd):
        problemen.append("Vul een geldige doorlooptijd in (bijvoorbeeld P8W).")
    statustypen = list(zaaktype.statustypen.all())
    if len(statustypen) < 2:
        problemen.append("Een zaaktype heeft ten minste twee statustypen nodig (begin en eind).")
    if not zaaktype.resultaattypen.exists():
        problemen.append("Voeg ten minste één resultaattype toe.")
    if not zaaktype.roltypen.filter(omschrijving_generiek=RolOmschrijving.INITIATOR).exists():
        problemen.append("Voeg een roltype 'initiator' toe.")
    if (
        zaaktype.behandeling != Behandeling.EERSTE_LIJN
        and zaaktype.verantwoordelijk_team_id is None
    ):
        problemen.append("Kies het verantwoordelijke team.")
    if zaaktype.verlenging_mogelijk and not zaaktype.verlengingstermijn:
        problemen.append("Vul de verlengingstermijn in, of zet 'verlengen mogelijk' uit.")
    if zaaktype.zaaktype_informatieobjecttypen.filter(informatieobjecttype__concept=True).exists():
        problemen.append("Publiceer eerst de informatieobjecttypen die bij dit zaaktype horen.")
    return problemen


@transaction.atomic
def zaaktype_publish(*, actor: Actor, zaaktype: Zaaktype) -> Zaaktype:
    _require_beheer(actor)
    zaaktype = _lock(zaaktype)
    if not zaaktype.concept:
        raise DomainError("Dit zaaktype is al gepubliceerd.", code="al-gepubliceerd")
    problemen = zaaktype_publicatie_problemen(zaaktype)
    if problemen:
        raise DomainError(
            "Het zaaktype kan nog niet worden gepubliceerd: " + " ".join(problemen),
            code="publicatie-onvolledig",
        )
    andere = (
        Zaaktype.objects.select_for_update()
        .filter(catalogus=zaaktype.catalogus, identificatie=zaaktype.identificatie, concept=False)
        .exclude(pk=zaaktype.pk)
    )
    for vorige in andere:
        overlapt = (
            vorige.einde_geldigheid is None or vorige.einde_geldigheid >= zaaktype.begin_geldigheid
        ) and (
            zaaktype.einde_geldigheid is None
            or zaaktype.einde_geldigheid >= vorige.begin_geldigheid
        )
        if not overlapt:
            continue
        if vorige.begin_geldigheid < zaaktype.begin_geldigheid and vorige.einde_geldigheid is None:
            vorige.einde_geldigheid = zaaktype.begin_geldigheid - timedelta(days=1)
            vorige.save(update_fields=["einde_geldigheid"])
            audit_log(
                actor,
                actie=A.WIJZIGEN,
                obj=vorige,
                nieuw={"einde_geldigheid": vorige.einde_geldigheid},
                toelichting=f"Opgevolgd door de versie van {zaaktype.begin_geldigheid:%d-%m-%Y}.",
            )
        else:
            raise DomainError(
                "De geldigheid overlapt met een andere gepubliceerde versie van dit zaaktype.",
                code="geldigheid-overlap",
                field="begin_geldigheid",
            )
    zaaktype.concept = False
    zaaktype.gepubliceerd_op = timezone.now()
    zaaktype.save(update_fields=["concept", "gepubliceerd_op"])
    audit_log(actor, actie=A.PUBLICEREN, obj=zaaktype)
    return zaaktype


@transaction.atomic
def zaaktype_correct(*, actor: Actor, zaaktype: Zaaktype, reden: str, **changes) -> Zaaktype:
    """Correct an obvious mistake in a published zaaktype. Explicit, with a reason, audited with
    the old and new values. Identity fields never change."""
    _require_beheer(actor)
    zaaktype = _lock(zaaktype)
    if zaaktype.concept:
        raise DomainError(
            "Een concept wijzigt u gewoon; corrigeren is voor gepubliceerde zaaktypen."
        )
    if not (reden or "").strip():
        raise DomainError("Geef de reden van de correctie op.", field="reden")
    bad = set(changes) & IDENTITEIT
    if bad:
        raise DomainError(
            f"Deze velden kunnen ook bij een correctie niet wijzigen: {', '.join(sorted(bad))}."
        )
    _check_durations(changes)
    teams = changes.pop("betrokken_teams", None)
    oud = {k: getattr(zaaktype, k) for k in changes}
    for k, v in changes.items():
        setattr(zaaktype, k, v)
    zaaktype.full_clean(exclude=["catalogus"])
    zaaktype.save()
    if teams is not None:
        oud["betrokken_teams"] = [t.naam for t in zaaktype.betrokken_teams.all()]
        zaaktype.betrokken_teams.set(teams)
        changes["betrokken_teams"] = [t.naam for t in teams]
    audit_log(
        actor, actie=A.CORRIGEREN, obj=zaaktype, oud=oud, nieuw=changes, toelichting=reden.strip()
    )
    return zaaktype


@transaction.atomic
def zaaktype_new_version(*, actor: Actor, zaaktype: Zaaktype, begin_geldigheid: date) -> Zaaktype:
    """Copy a zaaktype with everything that belongs to it into a new concept version."""
    _require_beheer(actor)
    if begin_geldigheid <= zaaktype.begin_geldigheid:
        raise DomainError("Een nieuwe versie begint na de vorige.", field="begin_geldigheid")
    teams = list(zaaktype.betrokken_teams.all())
    children = {
        "statustypen": list(zaaktype.statustypen.all()),
        "resultaattypen": list(zaaktype.resultaattypen.all()),
        "roltypen": list(zaaktype.roltypen.all()),
        "eigenschappen": list(zaaktype.eigenschappen.all()),
        "zaaktype_informatieobjecttypen": list(zaaktype.zaaktype_informatieobjecttypen.all()),
    }
    nieuw = Zaaktype.objects.get(pk=zaaktype.pk)
    nieuw.pk = None
    nieuw.id = None
    nieuw._state.adding = True
    import uuid

    nieuw.uuid = uuid.uuid4()
    nieuw.concept = True
    nieuw.gepubliceerd_op = None
    nieuw.begin_geldigheid = begin_geldigheid
    nieuw.einde_geldigheid = None
    nieuw.versiedatum = begin_geldigheid
    nieuw.save()
    nieuw.betrokken_teams.set(teams)
    for objs in children.values():
        for obj in objs:
            obj.pk = None
            obj.id = None
            obj._state.adding = True
            obj.uuid = uuid.uuid4()
            obj.zaaktype = nieuw
            obj.save()
    audit_log(actor, actie=A.AANMAKEN, obj=nieuw, toelichting=f"Nieuwe versie van {zaaktype}")
    return nieuw


@transaction.atomic
def informatieobjecttype_publish(
    *, actor: Actor, informatieobjecttype: Informatieobjecttype
) -> Informatieobjecttype:
    _require_beheer(actor)
    iot = Informatieobjecttype.objects.select_for_update().get(pk=informatieobjecttype.pk)
    if not iot.concept:
        raise DomainError("Dit informatieobjecttype is al gepubliceerd.")
    iot.concept = False
    iot.save(update_fields=["concept"])
    audit_log(actor, actie=A.PUBLICEREN, obj=iot)
    return iot


def catalogus_onderdeel_wijzigbaar(zaaktype: Zaaktype) -> None:
    """Statustypen, resultaattypen, roltypen and eigenschappen change only while the zaaktype
    is a concept."""
    if not zaaktype.concept:
        raise DomainError(
            "Dit zaaktype is gepubliceerd; de onderdelen ervan kunnen niet meer worden gewijzigd.",
            code="non-concept-zaaktype",
        )


ONDERDELEN = {
    "statustype": "Statustype",
    "resultaattype": "Resultaattype",
    "roltype": "Roltype",
    "eigenschap": "Eigenschap",
}


def _onderdeel_model(soort: str):
    from zaken import models

    if soort not in ONDERDELEN:
        raise DomainError(f"Onbekend onderdeel van een zaaktype: {soort}.")
    return getattr(models, ONDERDELEN[soort])


@transaction.atomic
def catalogus_onderdeel_add(*, actor: Actor, zaaktype: Zaaktype, soort: str, **values):
    """Add a statustype, resultaattype, roltype or eigenschap to a concept zaaktype (the
    admin's inlines and the Catalogi API both end here)."""
    _require_beheer(actor)
    zaaktype = _lock(zaaktype)
    catalogus_onderdeel_wijzigbaar(zaaktype)
    model = _onderdeel_model(soort)
    obj = model(zaaktype=zaaktype, **values)
    try:
        obj.full_clean()
    except ValidationError as exc:
        veld, berichten = next(iter(exc.message_dict.items()))
        raise DomainError(
            berichten[0], field=None if veld == "__all__" else veld, code="invalid"
        ) from exc
    obj.save()
    audit_log(
        actor,
        actie=A.AANMAKEN,
        obj=obj,
        nieuw={k: v for k, v in values.items() if isinstance(v, str | int | bool | list)},
        toelichting=f"Bij zaaktype {zaaktype}",
    )
    return obj


@transaction.atomic
def catalogus_onderdeel_delete(*, actor: Actor, onderdeel) -> None:
    """Remove a part of a concept zaaktype."""
    _require_beheer(actor)
    zaaktype = _lock(onderdeel.zaaktype)
    catalogus_onderdeel_wijzigbaar(zaaktype)
    audit_log(
        actor,
        actie=A.VERWIJDEREN,
        obj=onderdeel,
        oud={"omschrijving": str(onderdeel)},
        toelichting=f"Bij zaaktype {zaaktype}",
    )
    onderdeel.delete()
