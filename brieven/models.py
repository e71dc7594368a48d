"""Letter templates (maintained by the functioneel beheerder) and the letters made from them."""

import uuid

from django.db import models
from django.utils import timezone


class BriefSoort(models.TextChoices):
    ONTVANGSTBEVESTIGING = "ontvangstbevestiging", "Ontvangstbevestiging"
    AFHANDELING = "afhandeling", "Afhandelbrief / besluit"


class Bezwaar(models.TextChoices):
    AUTOMATISCH = "automatisch", "Als het resultaat een besluit is (verleend, geweigerd, ...)"
    ALTIJD = "altijd", "Altijd"
    NOOIT = "nooit", "Nooit"


class BriefSjabloon(models.Model):
    """The text of one soort of letter, for one zaaktype (by identificatie, so that it holds for
    every version of the zaaktype) or, with an empty zaaktype, the default for all zaaktypen."""

    soort = models.CharField("soort brief", max_length=30, choices=BriefSoort.choices)
    zaaktype_identificatie = models.CharField(
        "zaaktype",
        max_length=50,
        blank=True,
        help_text="Leeg: de standaardbrief voor alle zaaktypen zonder eigen brief.",
    )
    actief = models.BooleanField(
        "brief versturen",
        default=True,
        help_text="Uit: zaken van dit zaaktype krijgen deze brief niet.",
    )
    onderwerp = models.CharField("onderwerp", max_length=200)
    tekst = models.TextField(
        "tekst",
        help_text="Gewone tekst; een lege regel begint een nieuwe alinea. Plaatshouders zoals "
        "{{ zaak.identificatie }} worden ingevuld.",
    )
    bezwaar = models.CharField(
        "alinea over bezwaar",
        max_length=20,
        choices=Bezwaar.choices,
        default=Bezwaar.AUTOMATISCH,
        help_text="Alleen bij een afhandelbrief.",
    )
    bezwaartekst = models.TextField(
        "tekst over bezwaar maken",
        blank=True,
        help_text="Alleen bij een afhandelbrief; verschijnt onder het kopje 'Bezwaar maken'.",
    )
    informatieobjecttype_omschrijving = models.CharField(
        "opslaan als documentsoort",
        max_length=80,
        help_text="Omschrijving van het informatieobjecttype van het zaaktype waaronder de brief "
        "wordt opgeslagen, bijvoorbeeld 'Ontvangstbevestiging' of 'Besluit'. Heeft het zaaktype "
        "die soort niet, dan de eerste uitgaande documentsoort.",
    )
    gewijzigd = models.DateTimeField("gewijzigd", auto_now=True)

    class Meta:
        verbose_name = "briefsjabloon"
        verbose_name_plural = "briefsjablonen"
        ordering = ["soort", "zaaktype_identificatie"]
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "zaaktype_identificatie"], name="uniek_briefsjabloon"
            )
        ]

    def __str__(self):
        return f"{self.get_soort_display()} – {self.zaaktype_identificatie or 'standaard'}"


class Brief(models.Model):
    """One letter made for a zaak. `sleutel` makes making it idempotent: a repeated delivery
    of the outbox message finds the letter and stores no second document."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.CASCADE, related_name="brieven")
    soort = models.CharField("soort", max_length=30, choices=BriefSoort.choices)
    sleutel = models.CharField("sleutel", max_length=200, unique=True)
    document = models.ForeignKey(
        "zaken.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="document",
    )
    onderwerp = models.CharField("onderwerp", max_length=200, blank=True)
    aangemaakt = models.DateTimeField("aangemaakt", default=timezone.now)

    class Meta:
        verbose_name = "brief"
        verbose_name_plural = "brieven"
        ordering = ["zaak", "aangemaakt", "id"]

    def __str__(self):
        return f"{self.get_soort_display()} {self.aangemaakt:%d-%m-%Y}"
