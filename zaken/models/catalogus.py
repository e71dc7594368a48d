"""The catalogue (ZGW Catalogi API aligned): zaaktypen and what belongs to them.

A zaaktype is versioned by `identificatie` + begin/einde geldigheid. It is a concept until it
is published and immutable afterwards, except through the explicit, audited correction service
(zaken.services.catalogus.zaaktype_correct). These rules live in the services; the models only
hold data and cheap constraints."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models

from core.vertrouwelijkheid import Vertrouwelijkheid
from zaken.kalender import KALENDERDAGEN, WERKDAGEN, is_valid_duration


def validate_duration(value: str) -> None:
    if value and not is_valid_duration(value):
        raise ValidationError(
            f"'{value}' is geen geldige termijn. Gebruik ISO-8601, bijvoorbeeld P10D, P8W of P6M."
        )


class Catalogus(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    domein = models.CharField(
        "domein", max_length=5, help_text="Afkorting van het domein, bijv. ZAAK."
    )
    rsin = models.CharField("RSIN", max_length=9)
    naam = models.CharField("naam", max_length=200, blank=True)
    versie = models.CharField("versie", max_length=20, blank=True)
    begindatum_versie = models.DateField("begindatum versie", null=True, blank=True)
    contactpersoon_beheer_naam = models.CharField("contactpersoon beheer", max_length=40)
    contactpersoon_beheer_telefoonnummer = models.CharField(
        "telefoon beheer", max_length=20, blank=True
    )
    contactpersoon_beheer_emailadres = models.EmailField(
        "e-mail beheer", max_length=254, blank=True
    )

    class Meta:
        verbose_name = "catalogus"
        verbose_name_plural = "catalogi"
        constraints = [
            models.UniqueConstraint(fields=["domein", "rsin"], name="uniek_catalogus_domein_rsin")
        ]

    def __str__(self):
        return self.naam or f"{self.domein} ({self.rsin})"


class Behandeling(models.TextChoices):
    """How Zaakstroom routes a zaak of this type through the lines."""

    EERSTE_LIJN = "eerste_lijn", "1e lijn (KCC handelt af)"
    TWEEDE_LIJN = "tweede_lijn", "2e lijn"
    DERDE_LIJN = "derde_lijn", "3e lijn"
    TWEEDE_EN_DERDE_LIJN = "tweede_en_derde_lijn", "2e en 3e lijn"


class Zaaktype(models.Model):
    class TermijnEenheid(models.TextChoices):
        KALENDERDAGEN = KALENDERDAGEN, "kalenderdagen"
        WERKDAGEN = WERKDAGEN, "werkdagen"

    class InternOfExtern(models.TextChoices):
        INTERN = "intern", "Intern"
        EXTERN = "extern", "Extern"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    catalogus = models.ForeignKey(Catalogus, on_delete=models.PROTECT, related_name="zaaktypen")
    identificatie = models.CharField("identificatie", max_length=50, db_index=True)
    omschrijving = models.CharField("omschrijving", max_length=80)
    omschrijving_generiek = models.CharField("generieke omschrijving", max_length=80, blank=True)
    publiek_omschrijving = models.CharField(
        "naam voor de aanvrager",
        max_length=120,
        help_text="Zo heet de zaak op de PIP en in brieven.",
    )
    publiek_toelichting = models.TextField("uitleg voor de aanvrager", blank=True)
    vertrouwelijkheidaanduiding = models.CharField(
        "vertrouwelijkheidaanduiding",
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        default=Vertrouwelijkheid.ZAAKVERTROUWELIJK,
    )
    doel = models.TextField("doel", blank=True)
    aanleiding = models.TextField("aanleiding", blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    indicatie_intern_of_extern = models.CharField(
        "intern of extern",
        max_length=6,
        choices=InternOfExtern.choices,
        default=InternOfExtern.EXTERN,
    )
    handeling_initiator = models.CharField(
        "handeling initiator", max_length=20, default="Aanvragen"
    )
    onderwerp = models.CharField("onderwerp", max_length=80, blank=True)
    handeling_behandelaar = models.CharField(
        "handeling behandelaar", max_length=20, default="Behandelen"
    )
    doorlooptijd = models.CharField(
        "doorlooptijd",
        max_length=20,
        validators=[validate_duration],
        help_text="Wettelijke maximale doorlooptijd, ISO-8601 (P8W = 8 weken, P10D = 10 dagen).",
    )
    servicenorm = models.CharField(
        "servicenorm",
        max_length=20,
        blank=True,
        validators=[validate_duration],
        help_text="Kortere norm die de gemeente zichzelf stelt (optioneel).",
    )
    termijn_eenheid = models.CharField(
        "termijneenheid",
        max_length=20,
        choices=TermijnEenheid.choices,
        default=TermijnEenheid.KALENDERDAGEN,
    )
    opschorting_en_aanhouding_mogelijk = models.BooleanField("opschorten mogelijk", default=True)
    verlenging_mogelijk = models.BooleanField("verlengen mogelijk", default=False)
    verlengingstermijn = models.CharField(
        "verlengingstermijn", max_length=20, blank=True, validators=[validate_duration]
    )
    trefwoorden = models.JSONField("trefwoorden", default=list, blank=True)
    publicatie_indicatie = models.BooleanField("publicatie-indicatie", default=False)
    publicatietekst = models.TextField("publicatietekst", blank=True)
    producten_of_diensten = models.JSONField("producten of diensten", default=list, blank=True)
    selectielijst_procestype = models.URLField("selectielijst procestype", blank=True)
    referentieproces_naam = models.CharField("referentieproces", max_length=80, blank=True)
    verantwoordelijke = models.CharField("verantwoordelijke", max_length=50, blank=True)
    versiedatum = models.DateField("versiedatum")
    begin_geldigheid = models.DateField("begin geldigheid")
    einde_geldigheid = models.DateField("einde geldigheid", null=True, blank=True)
    concept = models.BooleanField("concept", default=True, editable=False)
    gepubliceerd_op = models.DateTimeField("gepubliceerd op", null=True, blank=True, editable=False)

    # Zaakstroom routing attributes.
    behandeling = models.CharField(
        "behandeling",
        max_length=30,
        choices=Behandeling.choices,
        default=Behandeling.TWEEDE_EN_DERDE_LIJN,
    )
    verantwoordelijk_team = models.ForeignKey(
        "organisatie.Team",
        verbose_name="verantwoordelijk team",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="verantwoordelijk_voor",
        help_text="Het team dat de zaak beoordeelt en verantwoordelijk is voor de afhandeling.",
    )
    betrokken_teams = models.ManyToManyField(
        "organisatie.Team",
        verbose_name="betrokken teams",
        blank=True,
        related_name="zaaktypen",
        help_text="De teams die aan een zaak van dit type werken (een taak per team).",
    )
    klantregie_vereist = models.BooleanField("klantregie vereist", default=False)
    kcc_mag_afhandelen = models.BooleanField("KCC mag direct afhandelen", default=False)
    aanvraagbaar_via_pip = models.BooleanField("aan te vragen op de PIP", default=False)

    class Meta:
        verbose_name = "zaaktype"
        verbose_name_plural = "zaaktypen"
        ordering = ["omschrijving", "-begin_geldigheid"]
        constraints = [
            models.UniqueConstraint(
                fields=["catalogus", "identificatie", "begin_geldigheid"],
                name="uniek_zaaktype_versie",
            ),
            models.CheckConstraint(
                condition=models.Q(einde_geldigheid__isnull=True)
                | models.Q(einde_geldigheid__gte=models.F("begin_geldigheid")),
                name="zaaktype_geldigheid_volgorde",
            ),
        ]

    def __str__(self):
        return f"{self.omschrijving} ({self.versiedatum:%d-%m-%Y}{', concept' if self.concept else ''})"

    @property
    def is_gepubliceerd(self) -> bool:
        return not self.concept


class Processtap(models.TextChoices):
    """The process step a statustype belongs to; the workflow sets the status of its step."""

    ONTVANGEN = "ontvangen", "Ontvangen"
    INTAKE = "intake", "Intake (1e lijn)"
    BEOORDELING = "beoordeling", "Beoordeling (2e lijn)"
    UITVOERING = "uitvoering", "Uitvoering / advies (3e lijn)"
    BESLUIT = "besluit", "Besluit"
    INFORMEREN = "informeren", "Aanvrager informeren"
    AFGEHANDELD = "afgehandeld", "Afgehandeld"


class Statustype(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(Zaaktype, on_delete=models.CASCADE, related_name="statustypen")
    volgnummer = models.PositiveSmallIntegerField("volgnummer")
    omschrijving = models.CharField("omschrijving", max_length=80)
    omschrijving_generiek = models.CharField("generieke omschrijving", max_length=80, blank=True)
    statustekst = models.CharField(
        "statustekst voor de aanvrager",
        max_length=1000,
        blank=True,
        help_text="Wat de aanvrager op de PIP en in e-mails ziet, in eenvoudige taal.",
    )
    informeren = models.BooleanField("aanvrager informeren", default=False)
    doorlooptijd = models.CharField(
        "doorlooptijd", max_length=20, blank=True, validators=[validate_duration]
    )
    toelichting = models.TextField("toelichting", blank=True)
    processtap = models.CharField(
        "processtap", max_length=20, choices=Processtap.choices, blank=True
    )

    class Meta:
        verbose_name = "statustype"
        verbose_name_plural = "statustypen"
        ordering = ["zaaktype", "volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "volgnummer"], name="uniek_statustype_volgnummer"
            ),
        ]

    def __str__(self):
        return f"{self.volgnummer}. {self.omschrijving}"


class Archiefnominatie(models.TextChoices):
    BLIJVEND_BEWAREN = "blijvend_bewaren", "Blijvend bewaren"
    VERNIETIGEN = "vernietigen", "Vernietigen"


class Afleidingswijze(models.TextChoices):
    AFGEHANDELD = "afgehandeld", "Afgehandeld"
    TERMIJN = "termijn", "Termijn"
    EIGENSCHAP = "eigenschap", "Eigenschap"
    HOOFDZAAK = "hoofdzaak", "Hoofdzaak"
    ANDER_DATUMKENMERK = "ander_datumkenmerk", "Ander datumkenmerk"
    GERELATEERDE_ZAAK = "gerelateerde_zaak", "Gerelateerde zaak"
    INGANGSDATUM_BESLUIT = "ingangsdatum_besluit", "Ingangsdatum besluit"
    VERVALDATUM_BESLUIT = "vervaldatum_besluit", "Vervaldatum besluit"
    ZAAKOBJECT = "zaakobject", "Zaakobject"


class Resultaattype(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(Zaaktype, on_delete=models.CASCADE, related_name="resultaattypen")
    omschrijving = models.CharField("omschrijving", max_length=30)
    resultaattypeomschrijving = models.URLField(
        "resultaattypeomschrijving (selectielijst)", blank=True
    )
    omschrijving_generiek = models.CharField("generieke omschrijving", max_length=80, blank=True)
    selectielijstklasse = models.URLField("selectielijstklasse", blank=True)
    publiek_omschrijving = models.CharField(
        "uitkomst voor de aanvrager",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld: 'Uw vergunning is verleend.'",
    )
    toelichting = models.TextField("toelichting", blank=True)
    archiefnominatie = models.CharField(
        "archiefnominatie", max_length=20, choices=Archiefnominatie.choices
    )
    archiefactietermijn = models.CharField(
        "archiefactietermijn", max_length=20, blank=True, validators=[validate_duration]
    )
    brondatum_afleidingswijze = models.CharField(
        "afleidingswijze brondatum",
        max_length=30,
        choices=Afleidingswijze.choices,
        default=Afleidingswijze.AFGEHANDELD,
    )
    brondatum_procestermijn = models.CharField(
        "procestermijn",
        max_length=20,
        blank=True,
        validators=[validate_duration],
        help_text="Alleen bij afleidingswijze 'termijn'.",
    )
    brondatum_datumkenmerk = models.CharField(
        "datumkenmerk",
        max_length=80,
        blank=True,
        help_text="Bij 'eigenschap': de naam van de eigenschap.",
    )

    class Meta:
        verbose_name = "resultaattype"
        verbose_name_plural = "resultaattypen"
        ordering = ["zaaktype", "omschrijving"]

    def __str__(self):
        return self.omschrijving

    def clean(self):
        if (
            self.brondatum_afleidingswijze == Afleidingswijze.TERMIJN
            and not self.brondatum_procestermijn
        ):
            raise ValidationError(
                {
                    "brondatum_procestermijn": "Vul de procestermijn in bij afleidingswijze 'termijn'."
                }
            )
        if (
            self.brondatum_afleidingswijze == Afleidingswijze.EIGENSCHAP
            and not self.brondatum_datumkenmerk
        ):
            raise ValidationError(
                {
                    "brondatum_datumkenmerk": "Vul de naam van de eigenschap in bij afleidingswijze 'eigenschap'."
                }
            )


class RolOmschrijving(models.TextChoices):
    ADVISEUR = "adviseur", "Adviseur"
    BEHANDELAAR = "behandelaar", "Behandelaar"
    BELANGHEBBENDE = "belanghebbende", "Belanghebbende"
    BESLISSER = "beslisser", "Beslisser"
    INITIATOR = "initiator", "Initiator"
    KLANTCONTACTER = "klantcontacter", "Klantcontacter"
    ZAAKCOORDINATOR = "zaakcoordinator", "Zaakcoördinator"
    MEDE_INITIATOR = "mede_initiator", "Mede-initiator"


class Roltype(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(Zaaktype, on_delete=models.CASCADE, related_name="roltypen")
    omschrijving = models.CharField("omschrijving", max_length=100)
    omschrijving_generiek = models.CharField(
        "generieke omschrijving", max_length=20, choices=RolOmschrijving.choices
    )

    class Meta:
        verbose_name = "roltype"
        verbose_name_plural = "roltypen"
        ordering = ["zaaktype", "omschrijving"]

    def __str__(self):
        return self.omschrijving


class Eigenschap(models.Model):
    class Formaat(models.TextChoices):
        TEKST = "tekst", "Tekst"
        GETAL = "getal", "Getal"
        DATUM = "datum", "Datum"
        DATUM_TIJD = "datum_tijd", "Datum en tijd"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(Zaaktype, on_delete=models.CASCADE, related_name="eigenschappen")
    naam = models.CharField("naam", max_length=20)
    definitie = models.CharField("definitie", max_length=255)
    publiek_label = models.CharField("vraag voor de aanvrager", max_length=200, blank=True)
    formaat = models.CharField(
        "formaat", max_length=20, choices=Formaat.choices, default=Formaat.TEKST
    )
    lengte = models.CharField("lengte", max_length=14, default="255")
    kardinaliteit = models.CharField("kardinaliteit", max_length=3, default="1")
    waardenverzameling = models.JSONField("waardenverzameling", default=list, blank=True)
    verplicht = models.BooleanField("verplicht bij aanvraag", default=False)
    toelichting = models.TextField("toelichting", blank=True)

    class Meta:
        verbose_name = "eigenschap"
        verbose_name_plural = "eigenschappen"
        ordering = ["zaaktype", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["zaaktype", "naam"], name="uniek_eigenschap_naam")
        ]

    def __str__(self):
        return self.naam


class Informatieobjecttype(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    catalogus = models.ForeignKey(
        Catalogus, on_delete=models.PROTECT, related_name="informatieobjecttypen"
    )
    omschrijving = models.CharField("omschrijving", max_length=80)
    informatieobjectcategorie = models.CharField("categorie", max_length=80, default="Overig")
    vertrouwelijkheidaanduiding = models.CharField(
        "vertrouwelijkheidaanduiding",
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        default=Vertrouwelijkheid.ZAAKVERTROUWELIJK,
    )
    trefwoord = models.JSONField("trefwoorden", default=list, blank=True)
    begin_geldigheid = models.DateField("begin geldigheid")
    einde_geldigheid = models.DateField("einde geldigheid", null=True, blank=True)
    concept = models.BooleanField("concept", default=True, editable=False)

    class Meta:
        verbose_name = "informatieobjecttype"
        verbose_name_plural = "informatieobjecttypen"
        ordering = ["omschrijving"]

    def __str__(self):
        return self.omschrijving


class ZaaktypeInformatieobjecttype(models.Model):
    class Richting(models.TextChoices):
        INKOMEND = "inkomend", "Inkomend"
        INTERN = "intern", "Intern"
        UITGAAND = "uitgaand", "Uitgaand"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(
        Zaaktype, on_delete=models.CASCADE, related_name="zaaktype_informatieobjecttypen"
    )
    informatieobjecttype = models.ForeignKey(
        Informatieobjecttype, on_delete=models.CASCADE, related_name="zaaktype_links"
    )
    volgnummer = models.PositiveSmallIntegerField("volgnummer", default=1)
    richting = models.CharField(
        "richting", max_length=20, choices=Richting.choices, default=Richting.INKOMEND
    )
    upload_door_aanvrager = models.BooleanField(
        "aanvrager mag uploaden",
        default=False,
        help_text="De aanvrager mag dit soort document op de PIP toevoegen.",
    )

    class Meta:
        verbose_name = "informatieobjecttype bij zaaktype"
        verbose_name_plural = "informatieobjecttypen bij zaaktype"
        ordering = ["zaaktype", "volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "informatieobjecttype"], name="uniek_zaaktype_iot"
            ),
        ]

    def __str__(self):
        return f"{self.zaaktype.omschrijving}: {self.informatieobjecttype}"
