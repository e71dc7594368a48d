import uuid

from django.contrib.auth.models import AbstractUser, Group, UserManager
from django.db import models

from core.validators import validate_bsn, validate_kvk_nummer, validate_vestigingsnummer
from core.vertrouwelijkheid import Vertrouwelijkheid, hoogste


class Lijn(models.IntegerChoices):
    EERSTE = 1, "1e lijn"
    TWEEDE = 2, "2e lijn"
    DERDE = 3, "3e lijn"


class Team(models.Model):
    """An organisatorische eenheid in line 1, 2 or 3 (or none, e.g. management)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField("naam", max_length=100, unique=True)
    code = models.SlugField(
        "code",
        max_length=40,
        unique=True,
        help_text="Korte unieke code, ook de identificatie in de ZGW API's.",
    )
    lijn = models.PositiveSmallIntegerField("lijn", choices=Lijn.choices, null=True, blank=True)
    omschrijving = models.TextField("omschrijving", blank=True)
    teamleider = models.ForeignKey(
        "organisatie.User",
        verbose_name="teamleider",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="geleide_teams",
    )
    email = models.EmailField("e-mailadres", blank=True)
    telefoon = models.CharField("telefoonnummer", max_length=20, blank=True)
    fte = models.DecimalField(
        "formatie (fte)", max_digits=6, decimal_places=2, null=True, blank=True
    )
    terugbel_norm_werkdagen = models.PositiveSmallIntegerField(
        "norm terugbelverzoek (werkdagen)", default=2
    )
    is_klantregieteam = models.BooleanField(
        "klantregieteam", default=False, help_text="Uit dit team worden klantregisseurs aangewezen."
    )

    class Meta:
        verbose_name = "team"
        verbose_name_plural = "teams"
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class MedewerkerManager(UserManager):
    """Also the managers that django-digid-eherkenning expects (`digid_objects`)."""

    def get_by_bsn(self, bsn):
        return self.get(bsn=bsn)

    def digid_create(self, bsn, **extra_fields):
        return self.create_user(
            username=f"digid-{bsn}", bsn=bsn, soort=User.Soort.BURGER, **extra_fields
        )

    def get_by_kvk(self, kvk_nummer, vestigingsnummer=""):
        return self.get(kvk_nummer=kvk_nummer, vestigingsnummer=vestigingsnummer)


class User(AbstractUser):
    """A medewerker (staff), or the account of a burger (DigiD) or ondernemer (eHerkenning) on
    the PIP. PIP accounts have no password and never reach staff screens."""

    class Soort(models.TextChoices):
        MEDEWERKER = "medewerker", "Medewerker"
        BURGER = "burger", "Burger (DigiD)"
        ONDERNEMER = "ondernemer", "Ondernemer (eHerkenning)"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField(
        "soort", max_length=20, choices=Soort.choices, default=Soort.MEDEWERKER
    )
    bsn = models.CharField(
        "BSN", max_length=9, null=True, blank=True, unique=True, validators=[validate_bsn]
    )
    kvk_nummer = models.CharField(
        "KvK-nummer", max_length=8, blank=True, db_index=True, validators=[validate_kvk_nummer]
    )
    vestigingsnummer = models.CharField(
        "vestigingsnummer", max_length=12, blank=True, validators=[validate_vestigingsnummer]
    )
    telefoon = models.CharField("telefoonnummer", max_length=20, blank=True)
    teams = models.ManyToManyField(
        Team, verbose_name="teams", through="Lidmaatschap", blank=True, related_name="leden"
    )
    max_vertrouwelijkheidaanduiding = models.CharField(
        "maximale vertrouwelijkheid (afwijkend van de rol)",
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        blank=True,
        help_text="Leeg: het hoogste niveau van de rollen van deze gebruiker.",
    )

    objects = MedewerkerManager()
    digid_objects = MedewerkerManager()

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(soort="burger") | models.Q(bsn__isnull=False),
                name="burger_heeft_bsn",
            ),
            models.CheckConstraint(
                condition=~models.Q(soort="ondernemer") | ~models.Q(kvk_nummer=""),
                name="ondernemer_heeft_kvk",
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_medewerker(self) -> bool:
        return self.soort == self.Soort.MEDEWERKER

    @property
    def max_vertrouwelijkheid(self) -> str:
        """The override, else the highest level of the user's roles, else openbaar. Cached."""
        if self.max_vertrouwelijkheidaanduiding:
            return self.max_vertrouwelijkheidaanduiding
        cached = getattr(self, "_max_vertrouwelijkheid_cache", None)
        if cached is None:
            if self.is_superuser:
                cached = Vertrouwelijkheid.ZEER_GEHEIM
            else:
                niveaus = Rolprofiel.objects.filter(group__user=self).values_list(
                    "max_vertrouwelijkheidaanduiding", flat=True
                )
                cached = hoogste(*niveaus)
            self._max_vertrouwelijkheid_cache = cached
        return cached

    @property
    def team_ids(self) -> list[int]:
        cached = getattr(self, "_team_ids_cache", None)
        if cached is None:
            cached = list(Lidmaatschap.objects.filter(user=self).values_list("team_id", flat=True))
            self._team_ids_cache = cached
        return cached

    def rollen(self) -> list[str]:
        return sorted(self.groups.values_list("name", flat=True))


class Lidmaatschap(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, verbose_name="gebruiker")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, verbose_name="team")
    sinds = models.DateField("sinds", auto_now_add=True)

    class Meta:
        verbose_name = "teamlidmaatschap"
        verbose_name_plural = "teamlidmaatschappen"
        constraints = [models.UniqueConstraint(fields=["user", "team"], name="uniek_lidmaatschap")]

    def __str__(self):
        return f"{self.user} in {self.team}"


class Rolprofiel(models.Model):
    """A role (a Django group) with its default maximum vertrouwelijkheidaanduiding."""

    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="rolprofiel", verbose_name="rol"
    )
    omschrijving = models.CharField("omschrijving", max_length=200, blank=True)
    max_vertrouwelijkheidaanduiding = models.CharField(
        "maximale vertrouwelijkheid", max_length=20, choices=Vertrouwelijkheid.choices
    )

    class Meta:
        verbose_name = "rolprofiel"
        verbose_name_plural = "rolprofielen"

    def __str__(self):
        return self.group.name
