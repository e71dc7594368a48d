import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditRecord(models.Model):
    """Append-only audit trail: who, when, what, why. Also reads of personal data.

    No foreign key to the zaak: the trail outlives a destroyed zaak (ZGW zrc-023 removes the zaak,
    not the account of what happened to it). On PostgreSQL a trigger refuses UPDATE and DELETE."""

    class Actie(models.TextChoices):
        AANMAKEN = "create", "Aangemaakt"
        WIJZIGEN = "update", "Gewijzigd"
        GEDEELTELIJK_WIJZIGEN = "partial_update", "Gedeeltelijk gewijzigd"
        VERWIJDEREN = "destroy", "Verwijderd"
        LEZEN = "read", "Ingezien"
        LIJST = "list", "Opgevraagd (lijst)"
        STATUS = "status", "Status gezet"
        AFSLUITEN = "close", "Afgesloten"
        HEROPENEN = "reopen", "Heropend"
        OPSCHORTEN = "suspend", "Opgeschort"
        HERVATTEN = "resume", "Hervat"
        VERLENGEN = "extend", "Verlengd"
        PUBLICEREN = "publish", "Gepubliceerd"
        CORRIGEREN = "correct", "Gecorrigeerd"
        DOWNLOADEN = "download", "Gedownload"
        TOEWIJZEN = "assign", "Toegewezen"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    tijdstip = models.DateTimeField(default=timezone.now, db_index=True)
    actie = models.CharField(max_length=40, choices=Actie.choices)
    actie_weergave = models.CharField(max_length=200, blank=True)
    bron = models.CharField(max_length=20)
    object_type = models.CharField(max_length=60)
    object_uuid = models.UUIDField(null=True, blank=True)
    object_weergave = models.CharField(max_length=300, blank=True)
    zaak_uuid = models.UUIDField(null=True, blank=True)
    klant_id = models.BigIntegerField(null=True, blank=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    gebruiker_weergave = models.CharField(max_length=255, blank=True)
    gebruiker_id_extern = models.CharField(max_length=255, blank=True)
    applicatie = models.CharField(max_length=255, blank=True)
    toelichting = models.TextField(blank=True)
    oud = models.JSONField(null=True, blank=True)
    nieuw = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = "auditregel"
        verbose_name_plural = "audit trail"
        ordering = ["-tijdstip", "-id"]
        indexes = [
            models.Index(fields=["zaak_uuid", "tijdstip"], name="audit_zaak_idx"),
            models.Index(fields=["klant_id", "tijdstip"], name="audit_klant_idx"),
            models.Index(fields=["object_uuid"], name="audit_object_idx"),
        ]

    def __str__(self):
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.get_actie_display()} {self.object_weergave}"


class OutboxMessage(models.Model):
    """A side effect (an e-mail, a notification) recorded in the same transaction as the change
    that causes it, and delivered afterwards. `sleutel` makes recording idempotent; delivery
    marks `verzonden_op` under a row lock so that a retry never sends twice."""

    soort = models.CharField(max_length=40)
    sleutel = models.CharField(max_length=200, unique=True)
    payload = models.JSONField()
    aangemaakt = models.DateTimeField(default=timezone.now)
    beschikbaar_vanaf = models.DateTimeField(default=timezone.now)
    pogingen = models.PositiveIntegerField(default=0)
    verzonden_op = models.DateTimeField(null=True, blank=True)
    laatste_fout = models.TextField(blank=True)
    zaak_uuid = models.UUIDField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = "uitgaand bericht"
        verbose_name_plural = "uitgaande berichten (outbox)"
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["beschikbaar_vanaf", "id"],
                name="outbox_pending_idx",
                condition=models.Q(verzonden_op__isnull=True),
            )
        ]

    def __str__(self):
        return f"{self.soort} {self.sleutel}"


class Signaal(models.Model):
    """A reminder or escalation sent to a medewerker about something near or past its deadline.
    At most one per (soort, object, ontvanger, day): the unique constraint makes a second run of
    the daily job a no-op. Delivered by e-mail through the outbox; shown on the zaak."""

    soort = models.CharField(max_length=40)  # e.g. "herinnering", "escalatie"
    object_type = models.CharField(max_length=60)
    object_uuid = models.UUIDField()
    zaak_uuid = models.UUIDField(null=True, blank=True)
    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signalen"
    )
    datum = models.DateField()
    onderwerp = models.CharField(max_length=200)
    tekst = models.TextField()
    aangemaakt = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "signaal"
        verbose_name_plural = "signalen (herinneringen en escalaties)"
        ordering = ["-aangemaakt", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "object_uuid", "ontvanger", "datum"], name="een_signaal_per_dag"
            )
        ]
        indexes = [models.Index(fields=["zaak_uuid", "aangemaakt"], name="signaal_zaak_idx")]

    def __str__(self):
        return f"{self.datum} {self.soort} aan {self.ontvanger}: {self.onderwerp}"
