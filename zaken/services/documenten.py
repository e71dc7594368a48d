"""Documents: checked by content (not by extension), stored outside the web root with a
SHA-256 checksum, linked to a zaak."""

from __future__ import annotations

import hashlib
import os

import filetype
from django.conf import settings
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone

from core import events
from core.actor import Actor, Bron
from core.audit import audit_log
from core.errors import DomainError, NotAllowed
from core.models import AuditRecord
from zaken.models import Document, DocumentBron, Informatieobjecttype, Zaak, ZaakDocument
from zaken.permissions import require

# MIME types accepted from people (staff screens, PIP), recognised by their content.
TOEGESTANE_TYPEN = {
    "application/pdf": "PDF",
    "image/png": "PNG-afbeelding",
    "image/jpeg": "JPEG-afbeelding",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word-document (.docx)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel-bestand (.xlsx)",
    "application/vnd.oasis.opendocument.text": "OpenDocument-tekst (.odt)",
    "text/plain": "tekstbestand",
}


def _lees_begin(bestand, n: int = 8192) -> bytes:
    pos = bestand.tell() if hasattr(bestand, "tell") else 0
    head = bestand.read(n)
    bestand.seek(pos)
    return head


def document_inhoud_controleren(
    bestand, *, toegestaan: dict[str, str] | None = None, max_bytes: int | None = None
) -> str:
    """Return the MIME type recognised from the file's content, or raise a DomainError that
    says what is wrong. The file name's extension is not trusted."""
    toegestaan = toegestaan or TOEGESTANE_TYPEN
    max_bytes = max_bytes or settings.ZAAKSTROOM_MAX_UPLOAD_BYTES
    size = getattr(bestand, "size", None)
    if size is None:
        bestand.seek(0, os.SEEK_END)
        size = bestand.tell()
        bestand.seek(0)
    if size == 0:
        raise DomainError(
            "Het bestand is leeg. Kies een ander bestand.", code="bestand-leeg", field="inhoud"
        )
    if size > max_bytes:
        raise DomainError(
            f"Het bestand is te groot ({size / 1024 / 1024:.1f} MB). Het mag hoogstens "
            f"{max_bytes / 1024 / 1024:.0f} MB zijn.",
            code="bestand-te-groot",
            field="inhoud",
        )
    head = _lees_begin(bestand)
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    if mime == "application/zip":
        mime = _office_type(bestand) or mime
    if mime is None and b"\x00" not in head:
        try:
            head.decode("utf-8")
            mime = "text/plain"
        except UnicodeDecodeError:
            mime = None
    if mime not in toegestaan:
        namen = ", ".join(sorted(set(toegestaan.values())))
        raise DomainError(
            f"Dit soort bestand kan niet worden toegevoegd (het is geen {namen}). "
            "Kies een bestand van een toegestaan soort.",
            code="bestandstype-niet-toegestaan",
            field="inhoud",
        )
    return mime


def _office_type(bestand) -> str | None:
    import zipfile

    pos = bestand.tell()
    try:
        with zipfile.ZipFile(bestand) as zf:
            names = set(zf.namelist())
            if "word/document.xml" in names:
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            if "xl/workbook.xml" in names:
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            if "mimetype" in names:
                return zf.read("mimetype").decode("ascii", "ignore").strip() or None
    except zipfile.BadZipFile:
        return None
    finally:
        bestand.seek(pos)
    return None


def _checksum_and_size(bestand) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    bestand.seek(0)
    for chunk in iter(lambda: bestand.read(64 * 1024), b""):
        digest.update(chunk)
        size += len(chunk)
    bestand.seek(0)
    return digest.hexdigest(), size


def _bron_for(actor: Actor) -> str:
    return {
        Bron.PIP: DocumentBron.AANVRAGER,
        Bron.API: DocumentBron.API,
        Bron.SYSTEEM: DocumentBron.SYSTEEM,
    }.get(actor.bron, DocumentBron.MEDEWERKER)


@transaction.atomic
def document_add(
    *,
    actor: Actor,
    zaak: Zaak,
    informatieobjecttype: Informatieobjecttype,
    titel: str,
    inhoud: File | bytes,
    bestandsnaam: str = "",
    beschrijving: str = "",
    zichtbaar_voor_initiator: bool = False,
    formaat: str | None = None,
    auteur: str | None = None,
    vertrouwelijkheidaanduiding: str | None = None,
    status: str = "",
    controleer_inhoud: bool = True,
) -> ZaakDocument:
    """Store a document and link it to the zaak. Files from people are checked by content;
    generated documents (letters) pass `controleer_inhoud=False` with their own `formaat`."""
    from zaken.services.zaken import _lock, _require_open

    zaak = _lock(zaak)
    scope = "zaken.documenten.toevoegen" if (actor.bsn or actor.kvk_nummer) else "zaken.bijwerken"
    require(actor, scope, zaak=zaak)
    if not actor.systeem:
        _require_open(zaak, actor)
    if not zaak.zaaktype.zaaktype_informatieobjecttypen.filter(
        informatieobjecttype=informatieobjecttype
    ).exists():
        raise DomainError(
            f"Een document van het soort '{informatieobjecttype.omschrijving}' hoort niet bij dit zaaktype.",
            code="missing-zaaktype-informatieobjecttype-relation",
            field="informatieobjecttype",
        )
    titel = (titel or "").strip()
    if not titel:
        raise DomainError("Geef het document een titel.", field="titel")
    if len(titel) > 200:
        raise DomainError("De titel mag hoogstens 200 tekens lang zijn.", field="titel")
    if isinstance(inhoud, bytes):
        inhoud = ContentFile(inhoud, name=bestandsnaam or "document")
    if controleer_inhoud:
        formaat = document_inhoud_controleren(inhoud)
    checksum, size = _checksum_and_size(inhoud)
    user = actor.user if actor.user is not None and getattr(actor.user, "pk", None) else None
    document = Document(
        bronorganisatie=zaak.bronorganisatie,
        informatieobjecttype=informatieobjecttype,
        titel=titel,
        beschrijving=beschrijving,
        auteur=(auteur or actor.display())[:200],
        formaat=formaat or "application/octet-stream",
        bestandsnaam=os.path.basename(bestandsnaam or getattr(inhoud, "name", "") or "document")[
            :255
        ],
        bestandsomvang=size,
        checksum=checksum,
        vertrouwelijkheidaanduiding=vertrouwelijkheidaanduiding
        or informatieobjecttype.vertrouwelijkheidaanduiding,
        bron=_bron_for(actor),
        zichtbaar_voor_initiator=zichtbaar_voor_initiator,
        status=status,
        ontvangstdatum=timezone.localdate() if actor.bron == Bron.PIP else None,
        aangemaakt_door=user,
        aangemaakt_door_weergave=actor.display(),
    )
    document.identificatie = f"DOC-{timezone.localdate():%Y}-{document.uuid.hex[:12].upper()}"
    document.inhoud.save(str(document.uuid), inhoud, save=False)
    document.save()
    link = ZaakDocument.objects.create(
        zaak=zaak, document=document, titel=titel, beschrijving=beschrijving
    )
    audit_log(
        actor,
        actie=AuditRecord.Actie.AANMAKEN,
        obj=document,
        zaak=zaak,
        nieuw={
            "titel": titel,
            "formaat": document.formaat,
            "bytes": size,
            "sha256": checksum,
            "zichtbaar_voor_initiator": zichtbaar_voor_initiator,
        },
    )
    events.publish("zaak.document_toegevoegd", zaak=zaak, zaakdocument=link, actor=actor)
    return link


@transaction.atomic
def zaakdocument_add(
    *, actor: Actor, zaak: Zaak, document: Document, titel: str = "", beschrijving: str = ""
) -> ZaakDocument:
    """Link an existing document to (another) zaak."""
    from zaken.services.zaken import _lock, _require_open

    zaak = _lock(zaak)
    require(actor, "zaken.bijwerken", zaak=zaak)
    _require_open(zaak, actor)
    if not zaak.zaaktype.zaaktype_informatieobjecttypen.filter(
        informatieobjecttype_id=document.informatieobjecttype_id
    ).exists():
        raise DomainError(
            "Het documenttype hoort niet bij het zaaktype van deze zaak.",
            code="missing-zaaktype-informatieobjecttype-relation",
            field="informatieobject",
        )
    if ZaakDocument.objects.filter(zaak=zaak, document=document).exists():
        raise DomainError(
            "Dit document is al aan de zaak gekoppeld.", code="unique", field="informatieobject"
        )
    link = ZaakDocument.objects.create(
        zaak=zaak, document=document, titel=titel or document.titel, beschrijving=beschrijving
    )
    audit_log(
        actor,
        actie=AuditRecord.Actie.AANMAKEN,
        obj=link,
        zaak=zaak,
        nieuw={"document": document.titel},
    )
    events.publish("zaak.document_toegevoegd", zaak=zaak, zaakdocument=link, actor=actor)
    return link


def _require_documentrecht(
    actor: Actor, scope: str, informatieobjecttype: Informatieobjecttype, vertrouwelijkheid: str
) -> None:
    """Documents without a zaak are only made by API applications (Documenten API) and the
    system; staff and requesters add documents to a zaak (`document_add`)."""
    if actor.systeem:
        return
    if actor.autorisatie is not None and actor.autorisatie(
        scope, informatieobjecttype, vertrouwelijkheid
    ):
        return
    raise NotAllowed(
        "U mag geen documenten van dit informatieobjecttype of deze vertrouwelijkheid aanmaken."
    )


@transaction.atomic
def document_create(
    *,
    actor: Actor,
    informatieobjecttype: Informatieobjecttype,
    titel: str,
    inhoud: File | bytes | None,
    bronorganisatie: str,
    auteur: str,
    bestandsnaam: str = "",
    beschrijving: str = "",
    identificatie: str = "",
    creatiedatum=None,
    ontvangstdatum=None,
    verzenddatum=None,
    taal: str = "dut",
    status: str = "",
    vertrouwelijkheidaanduiding: str | None = None,
    zichtbaar_voor_initiator: bool = False,
    verwachte_sha256: str = "",
    verwachte_omvang: int | None = None,
) -> Document:
    """Store a document that is not (yet) linked to a zaak (Documenten API). Its content is
    checked like an upload; linking it to a zaak is `zaakdocument_add`. A SHA-256 or size the
    sender computed (`verwachte_sha256`, `verwachte_omvang`) must match the content."""
    vertrouwelijkheid = (
        vertrouwelijkheidaanduiding or informatieobjecttype.vertrouwelijkheidaanduiding
    )
    _require_documentrecht(actor, "documenten.aanmaken", informatieobjecttype, vertrouwelijkheid)
    if informatieobjecttype.concept:
        raise DomainError(
            "Dit informatieobjecttype is nog een concept; kies een gepubliceerd type.",
            code="informatieobjecttype-concept",
            field="informatieobjecttype",
        )
    titel = (titel or "").strip()
    if not titel:
        raise DomainError("Geef het document een titel.", field="titel")
    if len(titel) > 200:
        raise DomainError("De titel mag hoogstens 200 tekens lang zijn.", field="titel")
    if not (auteur or "").strip():
        raise DomainError("Vul de auteur in.", field="auteur")
    if inhoud is None:
        raise DomainError(
            "Stuur de inhoud van het document mee (base64 in 'inhoud').", field="inhoud"
        )
    if (
        identificatie
        and Document.objects.filter(
            bronorganisatie=bronorganisatie, identificatie=identificatie
        ).exists()
    ):
        raise DomainError(
            "Deze identificatie is al in gebruik bij deze bronorganisatie.",
            code="identificatie-niet-uniek",
            field="identificatie",
        )
    if isinstance(inhoud, bytes):
        inhoud = ContentFile(inhoud, name=bestandsnaam or "document")
    formaat = document_inhoud_controleren(inhoud)
    checksum, size = _checksum_and_size(inhoud)
    if verwachte_sha256 and verwachte_sha256.lower() != checksum:
        raise DomainError(
            "De inhoud komt niet overeen met de integriteit (SHA-256) die is meegestuurd. Stuur "
            "de juiste inhoud of waarde, of laat integriteit leeg.",
            code="integriteit",
            field="integriteit",
        )
    if verwachte_omvang is not None and verwachte_omvang != size:
        raise DomainError(
            f"De inhoud is {size} bytes, niet {verwachte_omvang}. Stuur de juiste bestandsomvang "
            "of laat die leeg.",
            code="bestandsomvang",
            field="bestandsomvang",
        )
    user = actor.user if actor.user is not None and getattr(actor.user, "pk", None) else None
    document = Document(
        identificatie=identificatie,
        bronorganisatie=bronorganisatie,
        informatieobjecttype=informatieobjecttype,
        titel=titel,
        beschrijving=beschrijving,
        auteur=auteur.strip()[:200],
        creatiedatum=creatiedatum or timezone.localdate(),
        ontvangstdatum=ontvangstdatum,
        verzenddatum=verzenddatum,
        taal=taal or "dut",
        status=status,
        formaat=formaat,
        bestandsnaam=os.path.basename(bestandsnaam or "document")[:255],
        bestandsomvang=size,
        checksum=checksum,
        vertrouwelijkheidaanduiding=vertrouwelijkheid,
        bron=_bron_for(actor),
        zichtbaar_voor_initiator=zichtbaar_voor_initiator,
        aangemaakt_door=user,
        aangemaakt_door_weergave=actor.display(),
    )
    if not document.identificatie:
        document.identificatie = f"DOC-{timezone.localdate():%Y}-{document.uuid.hex[:12].upper()}"
    document.inhoud.save(str(document.uuid), inhoud, save=False)
    document.save()
    audit_log(
        actor,
        actie=AuditRecord.Actie.AANMAKEN,
        obj=document,
        nieuw={"titel": titel, "formaat": formaat, "bytes": size, "sha256": checksum},
    )
    return document


@transaction.atomic
def zaakdocument_remove(*, actor: Actor, zaakdocument: ZaakDocument, reden: str = "") -> None:
    """Unlink a document from a zaak; the document itself stays."""
    from zaken.services.zaken import _lock, _require_open

    zaak = _lock(zaakdocument.zaak)
    require(actor, "zaken.bijwerken", zaak=zaak)
    _require_open(zaak, actor)
    audit_log(
        actor,
        actie=AuditRecord.Actie.VERWIJDEREN,
        obj=zaakdocument,
        zaak=zaak,
        toelichting=reden,
        oud={"document": zaakdocument.document.titel},
    )
    zaakdocument.delete()


@transaction.atomic
def zaakdocument_update(
    *, actor: Actor, zaakdocument: ZaakDocument, titel: str | None = None, beschrijving=None
) -> ZaakDocument:
    """Change the title or description of a document's link to a zaak (zrc-004: the zaak and
    the document of the link never change)."""
    from zaken.services.zaken import _lock, _require_open

    zaak = _lock(zaakdocument.zaak)
    require(actor, "zaken.bijwerken", zaak=zaak)
    _require_open(zaak, actor)
    oud = {"titel": zaakdocument.titel, "beschrijving": zaakdocument.beschrijving}
    if titel is not None:
        titel = titel.strip()
        if len(titel) > 200:
            raise DomainError("De titel mag hoogstens 200 tekens lang zijn.", field="titel")
        zaakdocument.titel = titel
    if beschrijving is not None:
        zaakdocument.beschrijving = beschrijving
    zaakdocument.save(update_fields=["titel", "beschrijving"])
    audit_log(
        actor,
        actie=AuditRecord.Actie.WIJZIGEN,
        obj=zaakdocument,
        zaak=zaak,
        oud=oud,
        nieuw={"titel": zaakdocument.titel, "beschrijving": zaakdocument.beschrijving},
    )
    return zaakdocument
