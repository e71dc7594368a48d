"""The zaak and everything recorded about it."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.validators import validate_bsn, validate_kvk_nummer, validate_rsin
from core.vertrouwelijkheid import Vertrouwelijkheid

from .catalogus import (
    Archiefnominatie,
    Eigenschap,
    Resultaattype,
    RolOmschrijving,
    Roltype,
    Statustype,
    Zaaktype,
)


class Kanaal(models.TextChoices):
    TELEFOON = "telefoon", "Telefoon"
    BALIE = "balie", "Balie"
    EMAIL = "email", "E-mail"
    CHAT = "chat", "Chat"
    POST = "post", "Post"
    WEBSITE = "website", "Website / PIP"
    SOCIALE_MEDIA = "sociale_media", "Sociale media"
    API = "api", "Koppeling (API)"
    INTERN = "intern", "Intern"


class Sluitingsdag(models.Model):
    """A day the municipality is closed beyond the public holidays (term calendar)."""

    datum = models.DateField("datum", unique=True)
    omschrijving = models.CharField("omschrijving", max_length=100)

    class Meta:
        verbose_name = "sluitingsdag"
        verbose_name_plural = "sluitingsdagen (termijnkalender)"
        ordering = ["datum"]

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} {self.omschrijving}"


class IdentificatieTeller(models.Model):
    """The last zaak number per bronorganisatie and year. Incremented under a row lock, so
    concurrent creations get distinct numbers; the unique constraint on Zaak is the backstop."""

    bronorganisatie = models.CharField(max_length=9)
    jaar = models.PositiveSmallIntegerField()
    laatste = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["bronorganisatie", "jaar"], name="uniek_teller")
        ]

    def __str__(self):
        return f"{self.bronorganisatie}/{self.jaar}: {self.laatste}"


class Zaak(models.Model):
    class Archiefstatus(models.TextChoices):
        NOG_TE_ARCHIVEREN = "nog_te_archiveren", "Nog te archiveren"
        GEARCHIVEERD = "gearchiveerd", "Gearchiveerd"
        GEARCHIVEERD_PROCESTERMIJN_ONBEKEND = (
            "gearchiveerd_procestermijn_onbekend",
            "Gearchiveerd (procestermijn onbekend)",
        )
        OVERGEDRAGEN = "overgedragen", "Overgedragen"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identificatie = models.CharField("identificatie", max_length=40)
    bronorganisatie = models.CharField("bronorganisatie", max_length=9, validators=[validate_rsin])
    verantwoordelijke_organisatie = models.CharField(
        "verantwoordelijke organisatie", max_length=9, validators=[validate_rsin]
    )
    zaaktype = models.ForeignKey(Zaaktype, on_delete=models.PROTECT, related_name="zaken")
    omschrijving = models.CharField("omschrijving", max_length=80, blank=True)
    toelichting = models.TextField("toelichting", max_length=1000, blank=True)
    registratiedatum = models.DateField("registratiedatum", default=timezone.localdate)
    startdatum = models.DateField("startdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    einddatum_gepland = models.DateField(
        "geplande einddatum",
        null=True,
        blank=True,
        help_text="Volgens de servicenorm (of de doorlooptijd).",
    )
    uiterlijke_einddatum_afdoening = models.DateField(
        "uiterlijke einddatum",
        null=True,
        blank=True,
        help_text="Volgens de wettelijke doorlooptijd.",
    )
    publicatiedatum = models.DateField("publicatiedatum", null=True, blank=True)
    kanaal = models.CharField(
        "kanaal", max_length=20, choices=Kanaal.choices, default=Kanaal.INTERN
    )
    communicatiekanaal = models.URLField("communicatiekanaal (URL)", blank=True)
    vertrouwelijkheidaanduiding = models.CharField(
        "vertrouwelijkheidaanduiding", max_length=20, choices=Vertrouwelijkheid.choices
    )
    producten_of_diensten = models.JSONField(default=list, blank=True)
    selectielijstklasse = models.URLField("selectielijstklasse", blank=True)
    hoofdzaak = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="deelzaken"
    )

    # Opschorting (the clock stops) and verlenging (once, within the zaaktype's limit).
    opschorting_indicatie = models.BooleanField("opgeschort", default=False)
    opschorting_reden = models.CharField("reden opschorting", max_length=200, blank=True)
    opschorting_wacht_op_aanvrager = models.BooleanField("wacht op de aanvrager", default=False)
    verlenging_reden = models.CharField("reden verlenging", max_length=200, blank=True)
    verlenging_duur = models.CharField("duur verlenging", max_length=20, blank=True)

    # Zaakstroom: routing and procesregie.
    politiek_gevoelig = models.BooleanField("politiek gevoelig", default=False)
    klantregisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="klantregisseur",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="regiezaken",
    )
    behandelend_team = models.ForeignKey(
        "organisatie.Team",
        verbose_name="behandelend team",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="zaken",
    )

    # The current status, denormalised for fast lists (the history is Status).
    status = models.ForeignKey(
        "zaken.Status",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="huidige status",
    )
    statustype = models.ForeignKey(
        Statustype,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="huidig statustype",
    )

    archiefnominatie = models.CharField(
        "archiefnominatie", max_length=20, choices=Archiefnominatie.choices, blank=True
    )
    archiefstatus = models.CharField(
        "archiefstatus",
        max_length=40,
        choices=Archiefstatus.choices,
        default=Archiefstatus.NOG_TE_ARCHIVEREN,
    )
    archiefactiedatum = models.DateField("archiefactiedatum", null=True, blank=True)

    aangemaakt = models.DateTimeField(default=timezone.now, editable=False)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "zaak"
        verbose_name_plural = "zaken"
        ordering = ["-startdatum", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["bronorganisatie", "identificatie"], name="uniek_zaak_identificatie"
            ),
            models.CheckConstraint(
                condition=models.Q(einddatum__isnull=True)
                | models.Q(einddatum__gte=models.F("startdatum")),
                name="zaak_einddatum_na_startdatum",
            ),
        ]
        indexes = [
            models.Index(
                fields=["uiterlijke_einddatum_afdoening", "id"],
                name="zaak_open_deadline_idx",
                condition=models.Q(einddatum__isnull=True),
            ),
            models.Index(
                fields=["behandelend_team", "uiterlijke_einddatum_afdoening"],
                name="zaak_team_deadline_idx",
            ),
            models.Index(fields=["zaaktype", "startdatum"], name="zaak_zaaktype_start_idx"),
            models.Index(fields=["startdatum"], name="zaak_startdatum_idx"),
            models.Index(fields=["einddatum"], name="zaak_einddatum_idx"),
            models.Index(
                fields=["klantregisseur"],
                name="zaak_klantregisseur_idx",
                condition=models.Q(einddatum__isnull=True),
            ),
            models.Index(fields=["identificatie"], name="zaak_identificatie_idx"),
        ]
        permissions = [
            ("lezen", "Zaken lezen (binnen de eigen teams)"),
            ("aanmaken", "Zaken aanmaken"),
            ("bijwerken", "Zaken bijwerken"),
            ("statussen.toevoegen", "Statussen zetten"),
            ("heropenen", "Zaken heropenen"),
            ("geforceerd-bijwerken", "Afgesloten zaken geforceerd bijwerken"),
            ("verwijderen", "Zaken verwijderen"),
            ("alle-zaken-inzien", "Van alle zaken bestaan en status inzien (o.a. KCC)"),
            ("catalogus-beheren", "Zaaktypecatalogus beheren, publiceren en corrigeren"),
        ]

    def __str__(self):
        return self.identificatie

    @property
    def is_afgesloten(self) -> bool:
        return self.einddatum is not None

    @property
    def is_verlengd(self) -> bool:
        return bool(self.verlenging_duur)


class Status(models.Model):
    """Append-only status history. Services only ever add rows."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="statussen")
    statustype = models.ForeignKey(Statustype, on_delete=models.PROTECT, related_name="+")
    datum_status_gezet = models.DateTimeField("datum status gezet")
    statustoelichting = models.CharField("toelichting", max_length=1000, blank=True)
    gezet_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gezet_door_weergave = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = "status"
        verbose_name_plural = "statussen"
        ordering = ["zaak", "datum_status_gezet", "id"]
        indexes = [
            models.Index(fields=["zaak", "datum_status_gezet"], name="status_zaak_datum_idx")
        ]

    def __str__(self):
        return f"{self.statustype.omschrijving} ({self.datum_status_gezet:%d-%m-%Y})"


class Resultaat(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.OneToOneField(Zaak, on_delete=models.CASCADE, related_name="resultaat")
    resultaattype = models.ForeignKey(Resultaattype, on_delete=models.PROTECT, related_name="+")
    toelichting = models.CharField("toelichting", max_length=1000, blank=True)

    class Meta:
        verbose_name = "resultaat"
        verbose_name_plural = "resultaten"

    def __str__(self):
        return self.resultaattype.omschrijving


class BetrokkeneType(models.TextChoices):
    NATUURLIJK_PERSOON = "natuurlijk_persoon", "Natuurlijk persoon"
    NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon", "Niet-natuurlijk persoon"
    VESTIGING = "vestiging", "Vestiging"
    ORGANISATORISCHE_EENHEID = "organisatorische_eenheid", "Organisatorische eenheid"
    MEDEWERKER = "medewerker", "Medewerker"


class Rol(models.Model):
    """A betrokkene in a role at a zaak. The identifying numbers are columns of their own (with
    indexes) so that "zaken of this BSN / KvK-nummer" is an index lookup at a million zaken."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="rollen")
    roltype = models.ForeignKey(Roltype, on_delete=models.PROTECT, related_name="+")
    omschrijving = models.CharField("omschrijving", max_length=100)
    omschrijving_generiek = models.CharField(
        "generieke omschrijving", max_length=20, choices=RolOmschrijving.choices
    )
    betrokkene_type = models.CharField(
        "soort betrokkene", max_length=30, choices=BetrokkeneType.choices
    )
    roltoelichting = models.CharField("toelichting", max_length=1000, blank=True)
    registratiedatum = models.DateTimeField("registratiedatum", default=timezone.now)
    indicatie_machtiging = models.CharField("machtiging", max_length=20, blank=True)
    naam = models.CharField("naam", max_length=200, blank=True)
    bsn = models.CharField("BSN", max_length=9, blank=True, validators=[validate_bsn])
    kvk_nummer = models.CharField(
        "KvK-nummer", max_length=8, blank=True, validators=[validate_kvk_nummer]
    )
    vestigingsnummer = models.CharField("vestigingsnummer", max_length=12, blank=True)
    rsin = models.CharField("RSIN", max_length=9, blank=True)
    klant = models.ForeignKey(
        "klantregie.Klant", null=True, blank=True, on_delete=models.SET_NULL, related_name="rollen"
    )
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="zaakrollen",
    )
    team = models.ForeignKey(
        "organisatie.Team",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="zaakrollen",
    )
    # Further ZGW betrokkeneIdentificatie fields (geslachtsnaam, voornamen, ...) as given.
    betrokkene_identificatie = models.JSONField(default=dict, blank=True)
    contactpersoon = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        ordering = ["zaak", "registratiedatum", "id"]
        indexes = [
            models.Index(fields=["bsn"], name="rol_bsn_idx", condition=~models.Q(bsn="")),
            models.Index(
                fields=["kvk_nummer", "vestigingsnummer"],
                name="rol_kvk_idx",
                condition=~models.Q(kvk_nummer=""),
            ),
            models.Index(fields=["zaak", "omschrijving_generiek"], name="rol_zaak_soort_idx"),
            models.Index(
                fields=["medewerker"],
                name="rol_medewerker_idx",
                condition=models.Q(medewerker__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.get_omschrijving_generiek_display()}: {self.naam or self.bsn or self.kvk_nummer}"


class ZaakEigenschap(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="eigenschappen")
    eigenschap = models.ForeignKey(Eigenschap, on_delete=models.PROTECT, related_name="+")
    naam = models.CharField("naam", max_length=20)
    waarde = models.TextField("waarde")

    class Meta:
        verbose_name = "zaakeigenschap"
        verbose_name_plural = "zaakeigenschappen"

    def __str__(self):
        return f"{self.naam}: {self.waarde}"


class Notitie(models.Model):
    """An internal note. Never shown to the requester."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="notities")
    onderwerp = models.CharField("onderwerp", max_length=100, blank=True)
    tekst = models.TextField("tekst", max_length=10000)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_door_weergave = models.CharField(max_length=255, blank=True)
    aangemaakt = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "notitie"
        verbose_name_plural = "notities"
        ordering = ["zaak", "-aangemaakt"]

    def __str__(self):
        return self.onderwerp or self.tekst[:40]


class Opschorting(models.Model):
    """One period during which the zaak's clock stood still."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="opschortingen")
    reden = models.CharField("reden", max_length=200)
    wacht_op_aanvrager = models.BooleanField("wacht op de aanvrager", default=False)
    begindatum = models.DateField("opgeschort op")
    einddatum = models.DateField("hervat op", null=True, blank=True)
    dagen = models.IntegerField("dagen opgeschort", null=True, blank=True)
    eenheid = models.CharField("eenheid", max_length=20, blank=True)

    class Meta:
        verbose_name = "opschorting"
        verbose_name_plural = "opschortingen"
        ordering = ["zaak", "begindatum", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["zaak"],
                condition=models.Q(einddatum__isnull=True),
                name="een_lopende_opschorting",
            )
        ]

    def __str__(self):
        return f"{self.begindatum} – {self.einddatum or '…'}: {self.reden}"
