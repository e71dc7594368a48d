"""API applications and their ZGW authorisations (the Autorisaties API model, kept locally).

An `Applicatie` identifies itself with a client id and signs its JWTs (HS256) with its secret.
It either has all rights (`heeft_alle_autorisaties`) or a list of `Autorisatie` rows: per
component (Zaken, Catalogi, Documenten, and Zaakstroom's own klantcontacten) the scopes it may use, for which zaaktype (Zaken; all
versions of that zaaktype) or informatieobjecttype (Documenten), up to which
vertrouwelijkheidaanduiding. The rules (ac-002, ac-003) live in `api.services`."""

import uuid

from django.db import models

from core.vertrouwelijkheid import Vertrouwelijkheid


class Component(models.TextChoices):
    ZRC = "zrc", "Zaken API"
    ZTC = "ztc", "Catalogi API"
    DRC = "drc", "Documenten API"
    KCC = "kcc", "Klantcontacten (Zaakstroom)"


# The scopes each component knows (ZGW names). Zaakstroom's own process actions on a zaak use
# `zaken.bijwerken`; its own klantcontacten and terugbelverzoeken have scopes of their own
# (component "kcc", ADR 0033).
SCOPES = {
    Component.ZRC: [
        "zaken.lezen",
        "zaken.aanmaken",
        "zaken.bijwerken",
        "zaken.statussen.toevoegen",
        "zaken.heropenen",
        "zaken.geforceerd-bijwerken",
        "zaken.verwijderen",
        "audittrails.lezen",
    ],
    Component.ZTC: ["catalogi.lezen", "catalogi.schrijven"],
    Component.DRC: [
        "documenten.lezen",
        "documenten.aanmaken",
        "documenten.bijwerken",
        "documenten.verwijderen",
    ],
    Component.KCC: [
        "klantcontacten.lezen",
        "klantcontacten.aanmaken",
        "terugbelverzoeken.lezen",
        "terugbelverzoeken.aanmaken",
        "terugbelverzoeken.bijwerken",
    ],
}
ALLE_SCOPES = [scope for scopes in SCOPES.values() for scope in scopes]


class Applicatie(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label = models.CharField(
        "naam", max_length=100, help_text="Bijvoorbeeld: 'Formulierenmodule (burger)'."
    )
    client_id = models.CharField(
        "client id",
        max_length=100,
        unique=True,
        help_text="De identificatie waarmee de applicatie zich meldt (claim client_id).",
    )
    secret = models.CharField(
        "secret",
        max_length=255,
        help_text="Het gedeelde geheim waarmee de applicatie haar JWT ondertekent (HS256). "
        "Gebruik ten minste 32 willekeurige tekens.",
    )
    heeft_alle_autorisaties = models.BooleanField(
        "heeft alle autorisaties",
        default=False,
        help_text="Alle handelingen op alle zaken, documenten en de catalogus. "
        "Dan horen er geen losse autorisaties bij.",
    )
    actief = models.BooleanField(
        "actief", default=True, help_text="Een inactieve applicatie wordt geweigerd."
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "API-applicatie"
        verbose_name_plural = "API-applicaties"
        ordering = ["label"]

    def __str__(self):
        return f"{self.label} ({self.client_id})"


class Autorisatie(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    applicatie = models.ForeignKey(
        Applicatie, on_delete=models.CASCADE, related_name="autorisaties"
    )
    component = models.CharField("component", max_length=3, choices=Component.choices)
    scopes = models.JSONField(
        "scopes", default=list, help_text="Bijvoorbeeld: zaken.lezen, zaken.aanmaken."
    )
    zaaktype = models.ForeignKey(
        "zaken.Zaaktype",
        verbose_name="zaaktype",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Zaken API: verplicht; geldt voor alle versies van dit zaaktype. "
        "Catalogi API: leeg is de hele catalogus. Klantcontacten: leeg.",
    )
    informatieobjecttype = models.ForeignKey(
        "zaken.Informatieobjecttype",
        verbose_name="informatieobjecttype",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Documenten API: verplicht.",
    )
    max_vertrouwelijkheidaanduiding = models.CharField(
        "maximale vertrouwelijkheidaanduiding",
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        blank=True,
        help_text="Zaken en documenten API: verplicht. Klantcontacten: leeg (wat over een zaak "
        "gaat, volgt de autorisaties voor de Zaken API).",
    )

    class Meta:
        verbose_name = "autorisatie"
        verbose_name_plural = "autorisaties"
        ordering = ["applicatie", "component", "id"]

    def __str__(self):
        doel = self.zaaktype or self.informatieobjecttype or "alles"
        return f"{self.get_component_display()}: {', '.join(self.scopes)} ({doel})"
