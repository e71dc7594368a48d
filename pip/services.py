"""The PIP's write path. Each function takes the requester's actor (Actor.burger / ondernemer),
checks what the PIP allows on top of zaken.permissions, and writes through the zaken services in
one transaction, so a refused attachment leaves no half-made zaak behind."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.actor import Actor
from core.audit import audit_log
from core.errors import DomainError, NotAllowed
from core.models import AuditRecord
from core.signalen import signaal_geven
from organisatie.models import Lidmaatschap, User
from pip.identiteit import PipIdentiteit
from pip.models import Notificatievoorkeur
from pip.selectors import is_aanvrager, klant_voor, uploadtypen_voor
from zaken import services as zaken_services
from zaken.models import Informatieobjecttype, Kanaal, Rol, RolOmschrijving, Zaak, ZaakDocument

SIGNAAL_DOCUMENT = "document-van-aanvrager"


def identiteit_uit_actor(actor: Actor) -> PipIdentiteit:
    if actor.bsn:
        return PipIdentiteit(soort="burger", bsn=actor.bsn, user=actor.user)
    if actor.kvk_nummer:
        return PipIdentiteit(
            soort="ondernemer",
            kvk_nummer=actor.kvk_nummer,
            vestigingsnummer=actor.vestigingsnummer,
            user=actor.user,
        )
    raise NotAllowed("Alleen een ingelogde inwoner of ondernemer kan dit doen.")


# --- documents ---------------------------------------------------------------------------------
@transaction.atomic
def pip_document_toevoegen(
    *,
    actor: Actor,
    zaak: Zaak,
    informatieobjecttype: Informatieobjecttype,
    titel: str,
    inhoud,
    bestandsnaam: str = "",
) -> ZaakDocument:
    """The requester adds a document to their open zaak. Only the document types the zaaktype
    allows for requesters; the content is checked (not the extension) and the size limited by
    zaken.services.document_add. When the zaak waits for the requester, the behandelaar is told."""
    identiteit = identiteit_uit_actor(actor)
    if not uploadtypen_voor(zaak.zaaktype).filter(pk=informatieobjecttype.pk).exists():
        raise DomainError(
            "Dit soort document kunt u bij deze zaak niet toevoegen. Kies een soort uit de lijst.",
            code="documenttype-niet-toegestaan",
            field="informatieobjecttype",
        )
    if not is_aanvrager(identiteit, zaak):
        raise NotAllowed("Alleen de aanvrager kan documenten bij deze zaak toevoegen.")
    link = zaken_services.document_add(
        actor=actor,
        zaak=zaak,
        informatieobjecttype=informatieobjecttype,
        titel=titel,
        inhoud=inhoud,
        bestandsnaam=bestandsnaam,
        zichtbaar_voor_initiator=True,
    )
    zaak = Zaak.objects.select_related("behandelend_team").get(pk=zaak.pk)  # locked by document_add
    if zaak.opschorting_indicatie and zaak.opschorting_wacht_op_aanvrager:
        _behandelaar_informeren(zaak, link)
    return link


def behandelaars_van(zaak: Zaak) -> list[User]:
    """Who handles the zaak: its behandelaars and klantregisseur, else the behandelend team."""
    ids = set(
        Rol.objects.filter(
            zaak=zaak, omschrijving_generiek=RolOmschrijving.BEHANDELAAR, medewerker__isnull=False
        ).values_list("medewerker_id", flat=True)
    )
    if zaak.klantregisseur_id:
        ids.add(zaak.klantregisseur_id)
    if not ids and zaak.behandelend_team_id:
        ids = set(
            Lidmaatschap.objects.filter(team_id=zaak.behandelend_team_id).values_list(
                "user_id", flat=True
            )
        )
    return list(
        User.objects.filter(pk__in=ids, is_active=True, soort=User.Soort.MEDEWERKER).order_by("id")
    )


def _behandelaar_informeren(zaak: Zaak, link: ZaakDocument) -> None:
    url = settings.SITE_URL.rstrip("/") + reverse("zaken:detail", args=[zaak.uuid])
    tekst = (
        f"De aanvrager heeft een document toegevoegd aan zaak {zaak.identificatie}: "
        f"'{link.document.titel}'. De zaak is opgeschort en wacht op de aanvrager "
        f"(reden: {zaak.opschorting_reden}). Bekijk het document en hervat de zaak als de "
        "aanvraag compleet is."
    )
    for medewerker in behandelaars_van(zaak):
        signaal_geven(
            soort=SIGNAAL_DOCUMENT,
            obj=zaak,
            ontvanger=medewerker,
            zaak=zaak,
            onderwerp=f"{zaak.identificatie}: de aanvrager heeft een document toegevoegd",
            tekst=f"{tekst}\n\n{url}",
        )
    zaken_services.notitie_add(
        actor=Actor.system("Zaakstroom (Mijn zaken)"),
        zaak=zaak,
        onderwerp="Document van de aanvrager",
        tekst=f"{tekst} De zaak is niet vanzelf hervat.",
    )


# --- online aanvragen --------------------------------------------------------------------------
@transaction.atomic
def pip_aanvraag_indienen(
    *,
    actor: Actor,
    zaaktype,
    omschrijving: str,
    toelichting: str = "",
    eigenschappen: dict[str, str] | None = None,
    bijlagen: Iterable = (),
    naam: str = "",
) -> Zaak:
    """Create a zaak from the PIP with the logged-in person or business as initiator, its
    eigenschappen and attachments. All or nothing."""
    identiteit = identiteit_uit_actor(actor)
    if not zaaktype.aanvraagbaar_via_pip:
        raise NotAllowed("Dit soort aanvraag kunt u niet online doen.")
    omschrijving = (omschrijving or "").strip()
    if not omschrijving:
        raise DomainError("Vul in waar uw aanvraag over gaat.", field="omschrijving")
    if len(omschrijving) > 80:
        raise DomainError(
            f"Gebruik hoogstens 80 tekens; u gebruikte er {len(omschrijving)}.",
            field="omschrijving",
        )
    toelichting = (toelichting or "").strip()
    if len(toelichting) > 1000:
        raise DomainError(
            f"Gebruik hoogstens 1000 tekens; u gebruikte er {len(toelichting)}.",
            field="toelichting",
        )
    waarden = {k: str(v).strip() for k, v in (eigenschappen or {}).items() if str(v).strip()}
    for eigenschap in zaaktype.eigenschappen.all():
        if eigenschap.verplicht and not waarden.get(eigenschap.naam):
            raise DomainError(
                f"Vul dit in: {eigenschap.publiek_label or eigenschap.definitie}.",
                field=eigenschap.naam,
            )
    bijlagen = list(bijlagen)
    bijlagetype = _bijlagetype(zaaktype) if bijlagen else None
    if bijlagen and bijlagetype is None:
        raise DomainError("Bij deze aanvraag kunt u geen bijlagen meesturen.", field="bijlagen")

    klant = klant_voor(identiteit)
    if identiteit.is_burger:
        initiator = zaken_services.Betrokkene.persoon(
            identiteit.bsn, naam=naam or (klant.naam if klant else ""), klant=klant
        )
    else:
        initiator = zaken_services.Betrokkene.organisatie(
            identiteit.kvk_nummer,
            naam=naam or (klant.naam if klant else ""),
            vestigingsnummer=identiteit.vestigingsnummer,
            klant=klant,
        )
    zaak = zaken_services.zaak_create(
        actor=actor,
        zaaktype=zaaktype,
        omschrijving=omschrijving,
        toelichting=toelichting,
        kanaal=Kanaal.WEBSITE,
        initiator=initiator,
        eigenschappen=waarden,
    )
    for bijlage in bijlagen:
        naam_bestand = getattr(bijlage, "name", "") or "bijlage"
        try:
            zaken_services.document_add(
                actor=actor,
                zaak=zaak,
                informatieobjecttype=bijlagetype,
                titel=naam_bestand[:200],
                inhoud=bijlage,
                bestandsnaam=naam_bestand,
                zichtbaar_voor_initiator=True,
            )
        except DomainError as exc:
            raise DomainError(
                f"{naam_bestand}: {exc.message}", code=exc.code, field="bijlagen"
            ) from exc
    return zaak


def _bijlagetype(zaaktype) -> Informatieobjecttype | None:
    typen = list(uploadtypen_voor(zaaktype))
    for iot in typen:
        if iot.omschrijving.lower() == "bijlage":
            return iot
    return typen[0] if typen else None


# --- preferences -------------------------------------------------------------------------------
@transaction.atomic
def notificatievoorkeur_opslaan(
    *, actor: Actor, email: str, email_ontvangen: bool
) -> Notificatievoorkeur:
    identiteit = identiteit_uit_actor(actor)
    email = (email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise DomainError(
                "Dit is geen geldig e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl.",
                field="email",
            ) from exc
    if email_ontvangen and not email:
        raise DomainError(
            "Vul uw e-mailadres in, of kies dat u geen e-mail wilt ontvangen.", field="email"
        )
    sleutel = (
        {"bsn": identiteit.bsn}
        if identiteit.is_burger
        else {
            "kvk_nummer": identiteit.kvk_nummer,
            "vestigingsnummer": identiteit.vestigingsnummer,
        }
    )
    bestaand = Notificatievoorkeur.objects.select_for_update().filter(**sleutel).first()
    oud = (
        {"email": bestaand.email, "email_ontvangen": bestaand.email_ontvangen} if bestaand else None
    )
    voorkeur = bestaand or Notificatievoorkeur(**sleutel)
    voorkeur.email = email
    voorkeur.email_ontvangen = email_ontvangen
    voorkeur.gewijzigd = timezone.now()
    voorkeur.save()
    audit_log(
        actor,
        actie=AuditRecord.Actie.WIJZIGEN if bestaand else AuditRecord.Actie.AANMAKEN,
        obj=voorkeur,
        oud=oud,
        nieuw={"email": email, "email_ontvangen": email_ontvangen},
    )
    return voorkeur
