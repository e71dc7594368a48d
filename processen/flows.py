"""The flow every zaak goes through (ADR 0010).

    start → intake → routering
      routering:  1e lijn → afhandelen → afsluiten → end
                  heropend → besluit
                  otherwise → klantregie → naar_lijn
      naar_lijn:  2e lijn → beoordeling → na_beoordeling: advice → uitvoering_starten
                                                          besluiten → besluit
                  3e lijn only → uitvoering_starten
      uitvoering_starten ⇉ uitvoering (one task per involved team) ⇉ uitvoering_samenvoegen
      → besluit → informeren → afsluiten → end

The flow routes; the `zaken` services change the zaak. Human steps are `TaakView` nodes whose
tasks carry a team, a step and a deadline. Task services (processen.services.taken) check the
rights of the person and drive the activations; viewflow does not check them from code."""

from __future__ import annotations

from django.utils import timezone
from viewflow import this
from viewflow.workflow import lock
from viewflow.workflow.activation import Activation
from viewflow.workflow.base import Flow
from viewflow.workflow.exceptions import FlowRuntimeError
from viewflow.workflow.nodes import End, Function, Join, Split, StartHandle, Switch, View
from viewflow.workflow.nodes.split import SplitActivation
from viewflow.workflow.nodes.view import ViewActivation
from viewflow.workflow.status import STATUS

from processen import regels
from processen.context import stapdatum
from processen.models import Stap, Taak, ZaakProces


class TaakActivation(ViewActivation):
    """A human task: created with its team, deadline and (for some steps) its owner."""

    @classmethod
    def create(cls, flow_task, prev_activation, token, data=None, seed=None):
        from zaken.models import Zaak

        flow_class = flow_task.flow_class
        process = prev_activation.process
        zaak = Zaak.objects.select_related("zaaktype", "behandelend_team").get(pk=process.zaak_id)
        task = flow_class.task_class(
            process=process, flow_task=flow_task, token=token, zaak=zaak, stap=flow_task.stap
        )
        task.data = dict(data or {})
        task.seed = seed
        activation = cls(task)
        task.team = flow_task.bepaal_team(zaak, task.data)
        task.deadline = regels.taak_deadline(zaak, flow_task.stap, stapdatum())
        if zaak.opschorting_indicatie:
            task.opgeschort_sinds = timezone.localdate()
        owner = flow_task.calc_owner(activation)
        if owner is not None and owner.is_active:
            task.owner = owner
            task.status = STATUS.ASSIGNED
            task.assigned = timezone.now()
        task.save()
        task.previous.add(prev_activation.task)
        if task.owner_id:
            from processen.services.stappen import stap_begonnen

            stap_begonnen(task)
        return activation


class TaakView(View):
    """A step done by a person in a team's werkvoorraad."""

    activation_class = TaakActivation

    def __init__(self, stap: str, **kwargs):
        super().__init__(view=None, **kwargs)
        self.stap = stap
        self.task_title = Stap(stap).label

    def bepaal_team(self, zaak, data: dict):
        from organisatie.models import Team

        if self.stap == Stap.UITVOERING:
            team_id = data.get("team")
            return Team.objects.filter(pk=team_id).first() if team_id else None
        if self.stap == Stap.INFORMEREN and zaak.klantregisseur_id:
            regieteam = (
                Team.objects.filter(is_klantregieteam=True, leden=zaak.klantregisseur_id)
                .order_by("naam")
                .first()
            )
            if regieteam is not None:
                return regieteam
        return regels.verantwoordelijk_team(zaak)


class TeamSplitActivation(SplitActivation):
    """One 3e-lijn task per involved team, each with its own split token."""

    @Activation.status.super()
    def activate(self):
        node = self.flow_task._activate_next[0][0]
        for team in regels.uitvoerende_teams(self.process.zaak):
            self.next_tasks.append((node, {"team": team.pk}))
        if not self.next_tasks:
            raise FlowRuntimeError("Er is geen team om deze zaak uit te voeren.")


class TeamSplit(Split):
    activation_class = TeamSplitActivation


class ZaakFlow(Flow):
    """Zaakproces

    Intake in de 1e lijn; directe afhandeling door het KCC, of klantregie, beoordeling in de
    2e lijn, advies en uitvoering door de betrokken teams in de 3e lijn, besluit, de aanvrager
    informeren en afsluiten."""

    process_class = ZaakProces
    task_class = Taak
    # Parallel branches join under a row lock on the process (STACK-NOTES: with the default
    # no_lock, two branches completing at once create duplicate joins on PostgreSQL).
    lock_impl = lock.select_for_update_lock

    start = StartHandle(this.start_proces).Next(this.intake)
    intake = Function(this.intake_afronden).Next(this.routering)
    routering = (
        Switch()
        .Case(this.afhandelen, this.door_eerste_lijn)
        .Case(this.besluit, this.is_heropend)
        .Default(this.klantregie)
    )
    afhandelen = TaakView(Stap.AFHANDELEN).Next(this.afsluiten)
    klantregie = Function(this.klantregie_bepalen).Next(this.naar_lijn)
    naar_lijn = (
        Switch().Case(this.beoordeling, this.door_tweede_lijn).Default(this.uitvoering_starten)
    )
    beoordeling = TaakView(Stap.BEOORDELING).Next(this.na_beoordeling)
    na_beoordeling = (
        Switch().Case(this.uitvoering_starten, this.advies_gevraagd).Default(this.besluit)
    )
    uitvoering_starten = TeamSplit().Next(this.uitvoering)
    uitvoering = TaakView(Stap.UITVOERING).Next(this.uitvoering_samenvoegen)
    uitvoering_samenvoegen = Join().Next(this.besluit)
    besluit = TaakView(Stap.BESLUIT).Assign(this.besluit_eigenaar).Next(this.informeren)
    informeren = TaakView(Stap.INFORMEREN).Assign(this.informeren_eigenaar).Next(this.afsluiten)
    afsluiten = Function(this.zaak_afsluiten).Next(this.end)
    end = End()

    # --- nodes -----------------------------------------------------------------------------
    def start_proces(self, activation, *, zaak, heropend: bool = False):
        activation.process.zaak = zaak
        activation.process.data = {"heropend": heropend}
        return activation.process

    def intake_afronden(self, activation):
        """The zaak is registered (1e lijn). A zaaktype with an intake status shows it now."""
        from processen.services.stappen import processtap_status_zetten
        from zaken.models import Processtap

        processtap_status_zetten(activation.process.zaak, Processtap.INTAKE)

    def klantregie_bepalen(self, activation):
        from processen.services.klantregie import klantregisseur_aanwijzen

        zaak = activation.process.zaak
        zaak.refresh_from_db()
        reden = regels.klantregie_reden(zaak.zaaktype)
        if reden and zaak.klantregisseur_id is None:
            klantregisseur_aanwijzen(zaak=zaak, reden=reden)

    def zaak_afsluiten(self, activation):
        from processen.services.stappen import zaak_sluiten_door_flow

        zaak_sluiten_door_flow(activation.process)

    # --- conditions ------------------------------------------------------------------------
    def door_eerste_lijn(self, activation) -> bool:
        return regels.is_eerste_lijn(activation.process.zaak.zaaktype)

    def is_heropend(self, activation) -> bool:
        return bool(activation.process.data.get("heropend"))

    def door_tweede_lijn(self, activation) -> bool:
        return regels.heeft_tweede_lijn(activation.process.zaak.zaaktype)

    def advies_gevraagd(self, activation) -> bool:
        return activation.process.data.get("beoordeling") == "uitvoeren"

    # --- owners ----------------------------------------------------------------------------
    def besluit_eigenaar(self, activation):
        """Whoever assessed the zaak (or did its part, when there was no assessment) for the
        responsible team takes the besluit too."""
        task = activation.task
        for stap in (Stap.BEOORDELING, Stap.UITVOERING):
            vorige = (
                Taak.objects.filter(
                    process_id=task.process_id,
                    stap=stap,
                    team_id=task.team_id,
                    status=STATUS.DONE,
                    owner__isnull=False,
                )
                .select_related("owner")
                .order_by("-finished")
                .first()
            )
            if vorige is not None and task.team_id in vorige.owner.team_ids:
                return vorige.owner
        return None

    def informeren_eigenaar(self, activation):
        """The klantregisseur has the last word on what the requester is told; without one,
        whoever took the besluit informs the requester."""
        from zaken.models import Zaak

        zaak = Zaak.objects.select_related("klantregisseur").get(pk=activation.process.zaak_id)
        if zaak.klantregisseur_id:
            return zaak.klantregisseur
        vorige = (
            Taak.objects.filter(
                process_id=activation.task.process_id, stap=Stap.BESLUIT, status=STATUS.DONE
            )
            .select_related("owner")
            .order_by("-finished")
            .first()
        )
        return vorige.owner if vorige is not None else None
