"""KPI norms (maintained in the admin) and the daily aggregate tables the dashboard reads.

The aggregate tables are derived data: `rapportage.aggregaten.aggregaten_verversen` rebuilds
them from zaken and klantregie with set-based SQL (see ADR 0050). Nothing else writes them."""

from django.db import models


class KpiNorm(models.Model):
    class Richting(models.TextChoices):
        HOGER = "hoger", "Hoger is beter (minimaal de norm)"
        LAGER = "lager", "Lager is beter (hoogstens de norm)"

    class Eenheid(models.TextChoices):
        PROCENT = "procent", "%"
        AANTAL = "aantal", "aantal"
        DAGEN = "dagen", "dagen"

    code = models.SlugField("code", max_length=40, unique=True, editable=True)
    naam = models.CharField("naam", max_length=100)
    omschrijving = models.CharField("uitleg", max_length=300, blank=True)
    norm = models.DecimalField(
        "norm", max_digits=10, decimal_places=2, null=True, blank=True, help_text="Leeg: geen norm."
    )
    richting = models.CharField(
        "richting", max_length=10, choices=Richting.choices, default=Richting.HOGER
    )
    eenheid = models.CharField("eenheid", max_length=10, choices=Eenheid.choices)
    actief = models.BooleanField("tonen op het dashboard", default=True)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=100)

    class Meta:
        verbose_name = "KPI-norm"
        verbose_name_plural = "KPI-normen"
        ordering = ["volgorde", "code"]
        permissions = [("dashboard_bekijken", "Het managementdashboard bekijken")]

    def __str__(self):
        return self.naam


class ZaaktypeCategorie(models.Model):
    """Marks the zaaktypen that count as klacht or bezwaarschrift, by identificatie (so every
    version of the zaaktype counts)."""

    class Categorie(models.TextChoices):
        KLACHT = "klacht", "Klacht"
        BEZWAAR = "bezwaar", "Bezwaarschrift"

    zaaktype_identificatie = models.CharField(
        "zaaktype (identificatie)", max_length=50, unique=True
    )
    categorie = models.CharField("categorie", max_length=20, choices=Categorie.choices)

    class Meta:
        verbose_name = "zaaktypecategorie (rapportage)"
        verbose_name_plural = "zaaktypecategorieën (rapportage)"
        ordering = ["categorie", "zaaktype_identificatie"]

    def __str__(self):
        return f"{self.zaaktype_identificatie}: {self.get_categorie_display()}"


def _fk(model: str, **kwargs):
    # Derived rows: no database constraint (the refresh writes them with raw SQL and rebuilds
    # them from the source anyway), but a ForeignKey for joins and select_related.
    return models.ForeignKey(
        model, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+", **kwargs
    )


class ZaakDagcijfer(models.Model):
    """Per day × zaaktype × behandelend team × kanaal: what came in, went out (and whether on
    time), was opgeschort or verlengd. Instroom and verlengingen count on the zaak's startdatum,
    uitstroom on its einddatum, opschortingen on their begindatum."""

    dag = models.DateField()
    zaaktype = _fk("zaken.Zaaktype")
    team = _fk("organisatie.Team", null=True)
    kanaal = models.CharField(max_length=20)
    instroom = models.IntegerField(default=0)
    uitstroom = models.IntegerField(default=0)
    met_termijn = models.IntegerField(default=0)
    tijdig = models.IntegerField(default=0)
    met_servicenorm = models.IntegerField(default=0)
    binnen_servicenorm = models.IntegerField(default=0)
    opschortingen = models.IntegerField(default=0)
    verlengingen = models.IntegerField(default=0)

    class Meta:
        verbose_name = "dagcijfer zaken"
        verbose_name_plural = "dagcijfers zaken"
        indexes = [models.Index(fields=["dag"], name="rap_zaakdag_dag_idx")]

    def __str__(self):
        return f"{self.dag} {self.zaaktype_id} {self.team_id} {self.kanaal}"


class DoorlooptijdCijfer(models.Model):
    """Histogram of doorlooptijden (einddatum − startdatum in calendar days) of the zaken closed
    on `dag`; medians and percentiles are read from it on every database."""

    dag = models.DateField()
    zaaktype = _fk("zaken.Zaaktype")
    team = _fk("organisatie.Team", null=True)
    kanaal = models.CharField(max_length=20)
    dagen = models.IntegerField()
    aantal = models.IntegerField()

    class Meta:
        verbose_name = "doorlooptijdcijfer"
        verbose_name_plural = "doorlooptijdcijfers"
        indexes = [models.Index(fields=["dag"], name="rap_doorloop_dag_idx")]

    def __str__(self):
        return f"{self.dag}: {self.aantal}× {self.dagen} dagen"


class OnderhandenCijfer(models.Model):
    """Snapshot of the open zaken per startdatum × zaaktype × team × kanaal at the last refresh,
    with how many of them are past their uiterlijke einddatum."""

    startdatum = models.DateField()
    zaaktype = _fk("zaken.Zaaktype")
    team = _fk("organisatie.Team", null=True)
    kanaal = models.CharField(max_length=20)
    aantal = models.IntegerField()
    te_laat = models.IntegerField()

    class Meta:
        verbose_name = "onderhanden-werkcijfer"
        verbose_name_plural = "onderhanden-werkcijfers"

    def __str__(self):
        return f"{self.startdatum}: {self.aantal} open"


class ContactDagcijfer(models.Model):
    """Per day × kanaal: klantcontacten, those by a medewerker (the KCC), those answered from the
    kennisbank, and the KCC's questions and how many were answered directly."""

    dag = models.DateField()
    kanaal = models.CharField(max_length=20)
    contacten = models.IntegerField(default=0)
    kcc_contacten = models.IntegerField(default=0)
    kennisbank = models.IntegerField(default=0)
    vragen = models.IntegerField(default=0)
    vragen_direct = models.IntegerField(default=0)

    class Meta:
        verbose_name = "dagcijfer contacten"
        verbose_name_plural = "dagcijfers contacten"
        indexes = [models.Index(fields=["dag"], name="rap_contactdag_dag_idx")]

    def __str__(self):
        return f"{self.dag} {self.kanaal}: {self.contacten}"


class AggregaatStatus(models.Model):
    """One row: when the aggregates were last refreshed (shown on the dashboard)."""

    ververst_op = models.DateTimeField()
    peildatum = models.DateField(help_text="De dag waarop 'te laat' is bepaald.")

    class Meta:
        verbose_name = "verversing KPI-cijfers"
        verbose_name_plural = "verversing KPI-cijfers"

    def __str__(self):
        return f"Ververst op {self.ververst_op}"
