"""Klanten: the burgers and organisations that Zaakstroom serves."""

import uuid

from django.db import models
from django.db.models.functions import Lower

from core.validators import (
    validate_bsn,
    validate_kvk_nummer,
    validate_rsin,
    validate_vestigingsnummer,
)
from zaken.models import Kanaal


class Klant(models.Model):
    class Soort(models.TextChoices):
        PERSOON = "persoon", "Persoon"
        ORGANISATIE = "organisatie", "Organisatie"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    # persoon
    bsn = models.CharField(
        "BSN", max_length=9, null=True, blank=True, unique=True, validators=[validate_bsn]
    )
    voornamen = models.CharField("voornamen", max_length=200, blank=True)
    voorvoegsel = models.CharField("voorvoegsel", max_length=20, blank=True)
    achternaam = models.CharField("achternaam", max_length=200, blank=True)
    geboortedatum = models.DateField("geboortedatum", null=True, blank=True)
    # organisatie
    kvk_nummer = models.CharField(
        "KvK-nummer", max_length=8, blank=True, validators=[validate_kvk_nummer]
    )
    vestigingsnummer = models.CharField(
        "vestigingsnummer", max_length=12, blank=True, validators=[validate_vestigingsnummer]
    )
    rsin = models.CharField("RSIN", max_length=9, blank=True, validators=[validate_rsin])
    bedrijfsnaam = models.CharField("bedrijfsnaam", max_length=200, blank=True)
    # contact
    straat = models.CharField("straat", max_length=200, blank=True)
    huisnummer = models.CharField("huisnummer", max_length=10, blank=True)
    huisnummertoevoeging = models.CharField("toevoeging", max_length=10, blank=True)
    postcode = models.CharField("postcode", max_length=7, blank=True)
    woonplaats = models.CharField("woonplaats", max_length=100, blank=True)
    email = models.EmailField("e-mailadres", blank=True)
    telefoon = models.CharField("telefoonnummer", max_length=20, blank=True)
    voorkeurskanaal = models.CharField(
        "voorkeurskanaal", max_length=20, choices=Kanaal.choices, blank=True
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "klant"
        verbose_name_plural = "klanten"
        ordering = ["achternaam", "bedrijfsnaam", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kvk_nummer", "vestigingsnummer"],
                condition=~models.Q(kvk_nummer=""),
                name="uniek_klant_kvk_vestiging",
            ),
            models.CheckConstraint(
                condition=models.Q(soort="persoon", kvk_nummer="")
                | models.Q(soort="organisatie", bsn__isnull=True),
                name="klant_soort_consistent",
            ),
        ]
        indexes = [
            models.Index(fields=["postcode", "huisnummer"], name="klant_adres_idx"),
            models.Index(Lower("achternaam"), "geboortedatum", name="klant_naam_geb_idx"),
            models.Index(Lower("email"), name="klant_email_idx"),
            models.Index(fields=["telefoon"], name="klant_telefoon_idx"),
        ]

    def __str__(self):
        return self.naam

    @property
    def naam(self) -> str:
        if self.soort == self.Soort.ORGANISATIE:
            return self.bedrijfsnaam
        return " ".join(p for p in (self.voornamen, self.voorvoegsel, self.achternaam) if p)

    @property
    def adres(self) -> str:
        straat = " ".join(
            p for p in (self.straat, self.huisnummer + self.huisnummertoevoeging) if p
        )
        plaats = " ".join(p for p in (self.postcode, self.woonplaats) if p)
        return ", ".join(p for p in (straat, plaats) if p)
