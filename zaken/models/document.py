"""Documents (ZGW: enkelvoudig informatieobject) and their link to zaken."""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone

from core.vertrouwelijkheid import Vertrouwelijkheid

from .catalogus import Informatieobjecttype
from .zaak import Status, Zaak


def private_storage():
    """Uploaded files live outside the web root; they are served only through a view that
    checks permissions."""
    return storages["private"]


def document_upload_to(instance, filename):
    return f"documenten/{timezone.now():%Y/%m}/{instance.uuid}"


class DocumentBron(models.TextChoices):
    MEDEWERKER = "medewerker", "Medewerker"
    AANVRAGER = "aanvrager", "Aanvrager (PIP)"
    API = "api", "Koppeling (API)"
    SYSTEEM = "systeem", "Zaakstroom (gegenereerd)"


class Document(models.Model):
    class Status(models.TextChoices):
        IN_BEWERKING = "in_bewerking", "In bewerking"
        TER_VASTSTELLING = "ter_vaststelling", "Ter vaststelling"
        DEFINITIEF = "definitief", "Definitief"
        GEARCHIVEERD = "gearchiveerd", "Gearchiveerd"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identificatie = models.CharField("identificatie", max_length=40, blank=True)
    bronorganisatie = models.CharField("bronorganisatie", max_length=9)
    informatieobjecttype = models.ForeignKey(
        Informatieobjecttype, on_delete=models.PROTECT, related_name="documenten"
    )
    titel = models.CharField("titel", max_length=200)
    beschrijving = models.TextField("beschrijving", max_length=1000, blank=True)
    auteur = models.CharField("auteur", max_length=200)
    creatiedatum = models.DateField("creatiedatum", default=timezone.localdate)
    ontvangstdatum = models.DateField("ontvangstdatum", null=True, blank=True)
    verzenddatum = models.DateField("verzenddatum", null=True, blank=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, blank=True)
    taal = models.CharField("taal", max_length=3, default="dut")
    formaat = models.CharField("formaat (MIME-type)", max_length=255, blank=True)
    bestandsnaam = models.CharField("bestandsnaam", max_length=255, blank=True)
    bestandsomvang = models.PositiveBigIntegerField("bestandsomvang (bytes)", null=True, blank=True)
    inhoud = models.FileField(
        "inhoud", storage=private_storage, upload_to=document_upload_to, blank=True, max_length=255
    )
    checksum = models.CharField("SHA-256", max_length=64, blank=True)
    vertrouwelijkheidaanduiding = models.CharField(
        "vertrouwelijkheidaanduiding", max_length=20, choices=Vertrouwelijkheid.choices
    )
    bron = models.CharField("bron", max_length=20, choices=DocumentBron.choices)
    zichtbaar_voor_initiator = models.BooleanField("zichtbaar voor de aanvrager", default=False)
    versie = models.PositiveIntegerField("versie", default=1)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_door_weergave = models.CharField(max_length=255, blank=True)
    aangemaakt = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["-aangemaakt", "-id"]

    def __str__(self):
        return self.titel


class ZaakDocument(models.Model):
    """ZGW zaakinformatieobject: a document that belongs to a zaak."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakdocumenten")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="zaakdocumenten")
    titel = models.CharField("titel", max_length=200, blank=True)
    beschrijving = models.TextField("beschrijving", blank=True)
    registratiedatum = models.DateTimeField("registratiedatum", default=timezone.now)
    aard_relatie = models.CharField("aard relatie", max_length=20, default="hoort_bij")
    status = models.ForeignKey(
        Status, null=True, blank=True, on_delete=models.SET_NULL, related_name="zaakdocumenten"
    )

    class Meta:
        verbose_name = "document bij zaak"
        verbose_name_plural = "documenten bij zaak"
        ordering = ["zaak", "-registratiedatum", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["zaak", "document"], name="uniek_zaak_document")
        ]

    def __str__(self):
        return f"{self.zaak}: {self.document}"
