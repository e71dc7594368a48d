"""The process state of a zaak: one viewflow process per run of the flow, and its tasks.

The zaak itself (status history, deadlines, resultaat) lives in `zaken`; these models only say
who does what next. Both are concrete subclasses of viewflow's abstract models so that the
columns the werkvoorraad filters on (team, owner, status, deadline) sit in one indexed table."""

import uuid

from django.db import models
from viewflow.workflow.models import AbstractProcess, AbstractTask
from viewflow.workflow.status import PROCESS, STATUS

OPEN_STATUSSEN = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)


class Stap(models.TextChoices):
    """The human steps of the flow (the werkvoorraad shows these)."""

    AFHANDELEN = "afhandelen", "Afhandelen (1e lijn)"
    BEOORDELING = "beoordeling", "Beoordeling (2e lijn)"
    UITVOERING = "uitvoering", "Advies en uitvoering (3e lijn)"
    BESLUIT = "besluit", "Besluit"
    INFORMEREN = "informeren", "Aanvrager informeren en afsluiten"


class ZaakProces(AbstractProcess):
    """One run of the flow for a zaak. A reopened zaak gets a new run; at most one runs at a
    time."""

    zaak = models.ForeignKey(
        "zaken.Zaak", on_delete=models.CASCADE, related_name="processen", verbose_name="zaak"
    )
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "zaakproces"
        verbose_name_plural = "zaakprocessen"
        ordering = ["-created"]
        # viewflow adds "manage" at import time of a flow; declaring it here keeps the
        # migration state independent of import order.
        default_permissions = ("add", "change", "delete", "view", "manage")
        constraints = [
            models.UniqueConstraint(
                fields=["zaak"],
                condition=models.Q(status=PROCESS.NEW),
                name="een_lopend_proces_per_zaak",
            )
        ]
        indexes = [
            models.Index(fields=["flow_class", "status"], name="proces_flow_status_idx"),
        ]

    def __str__(self):
        return f"Proces {self.pk} van {self.zaak_id}"


class Taak(AbstractTask):
    """A task of the flow. Human tasks (`flow_task_type == "HUMAN"`) carry the team whose
    werkvoorraad they are in, the step, and a deadline from the step's norm."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    process = models.ForeignKey(
        ZaakProces, on_delete=models.CASCADE, related_name="task_set", verbose_name="proces"
    )
    zaak = models.ForeignKey(
        "zaken.Zaak", on_delete=models.CASCADE, related_name="taken", verbose_name="zaak"
    )
    stap = models.CharField("stap", max_length=20, choices=Stap.choices, blank=True)
    team = models.ForeignKey(
        "organisatie.Team",
        verbose_name="team",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="taken",
    )
    deadline = models.DateField("uiterste datum", null=True, blank=True)
    opgeschort_sinds = models.DateField("opgeschort sinds", null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "taak"
        verbose_name_plural = "taken"
        ordering = ["-created"]
        permissions = [
            ("taken_verdelen", "Taken van het eigen team toewijzen (teamleider)"),
            ("klantregisseur_wijzigen", "Een andere klantregisseur aanwijzen"),
            ("alle_taken_inzien", "Taken van alle teams inzien"),
        ]
        indexes = [
            # The werkvoorraad: a team's open tasks, and one person's, sorted by deadline.
            models.Index(
                fields=["team", "deadline", "id"],
                name="taak_team_open_idx",
                condition=models.Q(status__in=["NEW", "ASSIGNED", "STARTED"]),
            ),
            models.Index(
                fields=["owner", "deadline", "id"],
                name="taak_owner_open_idx",
                condition=models.Q(status__in=["NEW", "ASSIGNED", "STARTED"]),
            ),
            # The daily deadline job.
            models.Index(
                fields=["deadline"],
                name="taak_open_deadline_idx",
                condition=models.Q(status__in=["NEW", "ASSIGNED", "STARTED"]),
            ),
            # Counting overdue tasks (dashboard): an index-only scan over open human tasks.
            models.Index(
                fields=["deadline", "team"],
                name="taak_mens_open_deadline_idx",
                condition=models.Q(
                    status__in=["NEW", "ASSIGNED", "STARTED"], flow_task_type="HUMAN"
                ),
            ),
            # viewflow's own lookups (join, cancel) and the zaak panel.
            models.Index(fields=["process", "flow_task", "status"], name="taak_proces_node_idx"),
            models.Index(fields=["zaak", "created"], name="taak_zaak_idx"),
            models.Index(fields=["flow_task_type", "status"], name="taak_type_status_idx"),
        ]

    def __str__(self):
        team = f" ({self.team.naam})" if self.team_id and self.team else ""
        return f"{self.get_stap_display() or self.flow_task_type}{team}"

    def save(self, *args, **kwargs):
        # viewflow creates gateway and event tasks itself; they belong to the process's zaak.
        if self.zaak_id is None:
            self.zaak_id = self.process.zaak_id
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSSEN
