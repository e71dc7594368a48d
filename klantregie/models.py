"""Klantregie: the klanten Zaakstroom serves, every contact with them (over every channel, including
questions asked on the PIP), terugbelverzoeken and the kennisbank the KCC answers from."""

from uuid import uuid4

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from core.validators import (
    validate_bsn,
    validate_kvk_nummer,
    validate_rsin,
    validate_vestigingsnummer,
)
from zaken.models import Kanaal

# The channels a KCC-medewerker can log a contact on (API and intern are not contact channels).
CONTACT_KANALEN = [
    (k.value, k.label)
    for k in (
        Kanaal.TELEFOON,
        Kanaal.BALIE,
        Kanaal.EMAIL,
        Kanaal.CHAT,
        Kanaal.POST,
        Kanaal.WEBSITE,
        Kanaal.SOCIALE_MEDIA,
    )
]


class Klant(models.Model):
    class Soort(models.TextChoices):
        PERSOON = "persoon", "Persoon"
        ORGANISATIE = "organisatie", "Organisatie"

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
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
    def weergave(self) -> str:
        """The name, or the identifying number when the name is not known (a PIP requester)."""
        if self.naam:
            return self.naam
        if self.bsn:
            return f"BSN {self.bsn}"
        return f"KvK {self.kvk_nummer}" if self.kvk_nummer else "Onbekende klant"

    @property
    def adres(self) -> str:
        straat = " ".join(
            p for p in (self.straat, self.huisnummer + self.huisnummertoevoeging) if p
        )
        plaats = " ".join(p for p in (self.postcode, self.woonplaats) if p)
        return ", ".join(p for p in (straat, plaats) if p)


class Kennisartikel(models.Model):
    """An answer the KCC gives every day, maintained by redacteuren in the admin. Searched with
    PostgreSQL full-text search in Dutch; `zoekvector` is kept current by the kennisbank service
    (keywords weigh most, then the question, the product and zaaktype, then the answer)."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    vraag = models.CharField(
        "vraag of titel", max_length=200, help_text="Zoals de klant het vraagt, kort."
    )
    antwoord = models.TextField("antwoord", help_text="Het antwoord dat de medewerker voorleest.")
    product = models.CharField("product of dienst", max_length=120, blank=True)
    zaaktype_identificatie = models.CharField(
        "gekoppeld zaaktype",
        max_length=50,
        blank=True,
        help_text="Identificatie van het zaaktype dat bij deze vraag hoort (de actuele versie "
        "wordt gebruikt).",
    )
    trefwoorden = models.CharField(
        "trefwoorden",
        max_length=500,
        blank=True,
        help_text="Woorden die klanten gebruiken, gescheiden door komma's (bijv. paspoort, kwijt).",
    )
    eigenaar_team = models.ForeignKey(
        "organisatie.Team",
        verbose_name="eigenaar (team)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="kennisartikelen",
    )
    herzien_op = models.DateField(
        "herzien uiterlijk op", null=True, blank=True, help_text="Datum van de volgende controle."
    )
    actief = models.BooleanField(
        "actief", default=True, help_text="Alleen actieve artikelen worden gevonden."
    )
    zoekvector = SearchVectorField(null=True, editable=False)
    aangemaakt = models.DateTimeField(default=timezone.now, editable=False)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "kennisartikel"
        verbose_name_plural = "kennisbank"
        ordering = ["vraag"]
        # The GIN index on `zoekvector` exists on PostgreSQL only (migration 0003).

    def __str__(self):
        return self.vraag

    @property
    def trefwoorden_lijst(self) -> list[str]:
        return [t.strip() for t in self.trefwoorden.split(",") if t.strip()]

    @property
    def herzien_nodig(self) -> bool:
        return self.herzien_op is not None and self.herzien_op <= timezone.localdate()


class Klantcontact(models.Model):
    """One contact with a klant (or an anonymous caller) over one channel: who, when, how long,
    and the questions asked. A question asked on the PIP is a klantcontact on kanaal `website`."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    sleutel = models.UUIDField(
        "idempotentiesleutel",
        unique=True,
        default=uuid4,
        editable=False,
        help_text="Gegenereerd toen het contactscherm openging: een herhaalde verzending slaat "
        "het contact niet twee keer op.",
    )
    kanaal = models.CharField("kanaal", max_length=20, choices=Kanaal.choices)
    klant = models.ForeignKey(
        Klant,
        verbose_name="klant",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contacten",
    )
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="medewerker",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="klantcontacten",
    )
    medewerker_weergave = models.CharField(max_length=255, blank=True)
    gestart_op = models.DateTimeField("begin")
    beeindigd_op = models.DateTimeField("einde")
    antwoord_in_kennisbank = models.BooleanField(
        "antwoord gevonden in de kennisbank",
        default=False,
        help_text="Voor de KPI: minstens één vraag is beantwoord met een kennisartikel.",
    )
    geraadpleegde_artikelen = models.ManyToManyField(
        Kennisartikel,
        verbose_name="geraadpleegde kennisartikelen",
        blank=True,
        related_name="geraadpleegd_in",
    )
    aangemaakt = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = "klantcontact"
        verbose_name_plural = "klantcontacten"
        ordering = ["-gestart_op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(beeindigd_op__gte=models.F("gestart_op")),
                name="klantcontact_einde_na_begin",
            )
        ]
        indexes = [
            models.Index(fields=["klant", "-gestart_op"], name="kc_klant_idx"),
            models.Index(fields=["medewerker", "-gestart_op"], name="kc_medewerker_idx"),
            models.Index(fields=["gestart_op"], name="kc_gestart_idx"),
        ]

    def __str__(self):
        return f"{self.get_kanaal_display()} {timezone.localtime(self.gestart_op):%d-%m-%Y %H:%M}"

    @property
    def duur(self):
        return self.beeindigd_op - self.gestart_op

    @property
    def duur_seconden(self) -> int:
        return int(self.duur.total_seconds())

    @property
    def duur_weergave(self) -> str:
        minuten, seconden = divmod(self.duur_seconden, 60)
        return f"{minuten}:{seconden:02d}"


class Vraag(models.Model):
    """A question within a klantcontact: onderwerp, vraag, antwoord and what came of it.

    A question the KCC answers on the spot is `beantwoord` at once. A question asked on the PIP is
    `open`, routed to a medewerker or team, and answered later (`vraag_beantwoorden`)."""

    class Resultaat(models.TextChoices):
        DIRECT_BEANTWOORD = "direct_beantwoord", "Direct beantwoord"
        STATUSINFORMATIE = "statusinformatie", "Statusinformatie gegeven"
        DOORVERBONDEN = "doorverbonden", "Doorverbonden"
        TERUGBELVERZOEK = "terugbelverzoek", "Terugbelverzoek verstuurd"
        ZAAK_GESTART = "zaak_gestart", "Zaak gestart"
        ZAAK_AFGEHANDELD = "zaak_afgehandeld", "Zaak direct afgehandeld"
        DOORGESTUURD = "doorgestuurd", "Doorgestuurd voor antwoord"

    # Answered in the first line (the KPI "direct afgehandeld in het KCC").
    DIRECT = (
        Resultaat.DIRECT_BEANTWOORD,
        Resultaat.STATUSINFORMATIE,
        Resultaat.ZAAK_AFGEHANDELD,
    )

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        BEANTWOORD = "beantwoord", "Beantwoord"

    class OnderwerpBron(models.TextChoices):
        KENNISBANK = "kennisbank", "Kennisbank"
        PRODUCT = "product", "Product"
        ZAAKTYPE = "zaaktype", "Zaaktype"
        VRIJ = "vrij", "Vrije tekst"

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    klantcontact = models.ForeignKey(Klantcontact, on_delete=models.CASCADE, related_name="vragen")
    volgnummer = models.PositiveSmallIntegerField("volgnummer", default=1)
    onderwerp = models.CharField("onderwerp", max_length=200)
    onderwerp_bron = models.CharField(
        "onderwerp uit", max_length=20, choices=OnderwerpBron.choices, default=OnderwerpBron.VRIJ
    )
    vraag = models.TextField("vraag", max_length=4000, blank=True)
    antwoord = models.TextField("antwoord", max_length=10000, blank=True)
    resultaat = models.CharField("resultaat", max_length=30, choices=Resultaat.choices)
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.BEANTWOORD
    )
    kennisartikel = models.ForeignKey(
        Kennisartikel,
        verbose_name="gebruikt kennisartikel",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="vragen",
    )
    zaaktype = models.ForeignKey(
        "zaken.Zaaktype",
        verbose_name="zaaktype (onderwerp)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    zaak = models.ForeignKey(
        "zaken.Zaak",
        verbose_name="zaak",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="klantvragen",
    )
    # Routing of an open question (asked on the PIP) and who answered it.
    toegewezen_aan = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="toegewezen aan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="toegewezen_klantvragen",
    )
    toegewezen_team = models.ForeignKey(
        "organisatie.Team",
        verbose_name="toegewezen aan team",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="klantvragen",
    )
    beantwoord_op = models.DateTimeField("beantwoord op", null=True, blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="beantwoord door",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    beantwoord_door_weergave = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = "vraag"
        verbose_name_plural = "vragen"
        ordering = ["klantcontact", "volgnummer", "id"]
        permissions = [("vragen_beantwoorden", "Open vragen van klanten beantwoorden")]
        indexes = [
            models.Index(
                fields=["zaak"], name="vraag_zaak_idx", condition=models.Q(zaak__isnull=False)
            ),
            models.Index(
                fields=["toegewezen_aan"],
                name="vraag_open_mdw_idx",
                condition=models.Q(status="open"),
            ),
            models.Index(
                fields=["toegewezen_team"],
                name="vraag_open_team_idx",
                condition=models.Q(status="open"),
            ),
        ]

    def __str__(self):
        return self.onderwerp

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_direct(self) -> bool:
        return self.resultaat in self.DIRECT


class Terugbelverzoek(models.Model):
    """The KCC could not answer: a team or medewerker calls the klant back within the team's
    norm (werkdagen, through the term calendar)."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_BEHANDELING = "in_behandeling", "In behandeling"
        AFGEHANDELD = "afgehandeld", "Afgehandeld"

    class Resultaat(models.TextChoices):
        GEHOLPEN = "geholpen", "Klant geholpen"
        ZAAK_GESTART = "zaak_gestart", "Zaak gestart"
        DOORVERWEZEN = "doorverwezen", "Doorverwezen"
        NIET_BEREIKT = "niet_bereikt", "Klant niet bereikt"
        VERVALLEN = "vervallen", "Vervallen (niet meer nodig)"

    OPEN_STATUSSEN = (Status.OPEN, Status.IN_BEHANDELING)

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    vraag = models.OneToOneField(
        Vraag,
        verbose_name="vraag",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="terugbelverzoek",
    )
    klant = models.ForeignKey(
        Klant,
        verbose_name="klant",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="terugbelverzoeken",
    )
    zaak = models.ForeignKey(
        "zaken.Zaak",
        verbose_name="zaak",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="terugbelverzoeken",
    )
    team = models.ForeignKey(
        "organisatie.Team",
        verbose_name="team",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="terugbelverzoeken",
    )
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="medewerker",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="terugbelverzoeken",
    )
    onderwerp = models.CharField("onderwerp", max_length=200)
    vraag_tekst = models.TextField("vraag", max_length=4000, blank=True)
    naam = models.CharField("naam beller", max_length=200, blank=True)
    telefoon = models.CharField("terugbellen op", max_length=20)
    bereikbaarheid = models.CharField(
        "bereikbaar", max_length=200, blank=True, help_text="Bijvoorbeeld: na 14.00 uur."
    )
    norm_werkdagen = models.PositiveSmallIntegerField("norm (werkdagen)")
    deadline = models.DateField("uiterlijk terugbellen op")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.OPEN)
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="opgepakt door",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="opgepakte_terugbelverzoeken",
    )
    opgepakt_op = models.DateTimeField("opgepakt op", null=True, blank=True)
    resultaat = models.CharField("resultaat", max_length=20, choices=Resultaat.choices, blank=True)
    resultaat_toelichting = models.TextField("toelichting", max_length=2000, blank=True)
    afgehandeld_op = models.DateTimeField("afgehandeld op", null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="afgehandeld door",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="verstuurd door",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="verstuurde_terugbelverzoeken",
    )
    aangevraagd_door_weergave = models.CharField(max_length=255, blank=True)
    verzonden_op = models.DateTimeField("verstuurd op", default=timezone.now)

    class Meta:
        verbose_name = "terugbelverzoek"
        verbose_name_plural = "terugbelverzoeken"
        ordering = ["deadline", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(team__isnull=False) | models.Q(medewerker__isnull=False),
                name="terugbelverzoek_heeft_ontvanger",
            )
        ]
        indexes = [
            models.Index(
                fields=["team", "deadline"],
                name="tbv_open_team_idx",
                condition=models.Q(status__in=["open", "in_behandeling"]),
            ),
            models.Index(
                fields=["medewerker", "deadline"],
                name="tbv_open_mdw_idx",
                condition=models.Q(status__in=["open", "in_behandeling"]),
            ),
            models.Index(
                fields=["behandelaar", "deadline"],
                name="tbv_open_beh_idx",
                condition=models.Q(status__in=["open", "in_behandeling"]),
            ),
            models.Index(
                fields=["deadline"],
                name="tbv_open_deadline_idx",
                condition=models.Q(status__in=["open", "in_behandeling"]),
            ),
            models.Index(fields=["aangevraagd_door", "-verzonden_op"], name="tbv_afzender_idx"),
            models.Index(fields=["klant", "status"], name="tbv_klant_idx"),
        ]

    def __str__(self):
        return f"Terugbellen: {self.onderwerp}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSSEN

    def is_te_laat(self, vandaag=None) -> bool:
        return self.is_open and self.deadline < (vandaag or timezone.localdate())

    @property
    def ontvanger_weergave(self) -> str:
        if self.medewerker_id:
            return str(self.medewerker)
        return str(self.team) if self.team_id else "—"


class Terugbelpoging(models.Model):
    class Uitkomst(models.TextChoices):
        BEREIKT = "bereikt", "Bereikt"
        NIET_BEREIKT = "niet_bereikt", "Niet bereikt"

    terugbelverzoek = models.ForeignKey(
        Terugbelverzoek, on_delete=models.CASCADE, related_name="pogingen"
    )
    tijdstip = models.DateTimeField("tijdstip", default=timezone.now)
    uitkomst = models.CharField("uitkomst", max_length=20, choices=Uitkomst.choices)
    notitie = models.CharField("notitie", max_length=500, blank=True)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    medewerker_weergave = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = "terugbelpoging"
        verbose_name_plural = "terugbelpogingen"
        ordering = ["terugbelverzoek", "tijdstip", "id"]

    def __str__(self):
        return f"{timezone.localtime(self.tijdstip):%d-%m-%Y %H:%M} {self.get_uitkomst_display()}"
