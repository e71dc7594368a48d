"""The daily deadline job: a reminder to whoever has a task near or past its deadline, and an
escalation of overdue tasks to the teamleider and the klantregisseur.

Runs on werkdagen only (the term calendar); tasks of an opgeschorte zaak are skipped (their
clock stands still). `core.signalen.signaal_geven` records each signal once per (soort, task,
recipient, day) and sends its e-mail through the outbox, so the job may run as often as beat or
cron likes."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from viewflow.workflow.status import STATUS

from core.signalen import signaal_geven
from processen import regels
from processen.models import Taak
from processen.toegang import HUMAN
from zaken.kalender import get_kalender

HERINNERING = "herinnering"
ESCALATIE = "escalatie"


def _teksten(taak: Taak, te_laat: bool, soort: str) -> tuple[str, str]:
    zaak = taak.zaak
    stap = taak.get_stap_display()
    termijn = f"{taak.deadline:%d-%m-%Y}"
    if te_laat:
        onderwerp = f"{zaak.identificatie}: {stap} is te laat (termijn {termijn})"
    else:
        onderwerp = f"{zaak.identificatie}: {stap} moet uiterlijk {termijn} klaar zijn"
    wie = f"bij {taak.owner}" if taak.owner_id else "nog door niemand opgepakt"
    tekst = (
        f"De taak '{stap}' van zaak {zaak.identificatie} ({zaak.zaaktype.omschrijving}) "
        f"voor team {taak.team or '—'} ligt {wie}. De termijn is {termijn}."
    )
    if soort == ESCALATIE:
        tekst += " De termijn is verstreken; u krijgt dit bericht als teamleider of klantregisseur."
    tekst += f"\nOpen de taak: /werk/taken/{taak.uuid}/"
    return onderwerp, tekst


def taak_signalen_geven(*, datum: date | None = None) -> dict:
    vandaag = datum or timezone.localdate()
    kalender = get_kalender()
    resultaat = {"herinneringen": 0, "escalaties": 0, "taken": 0}
    if not kalender.is_werkdag(vandaag):
        return {**resultaat, "overgeslagen": kalender.reden_geen_werkdag(vandaag)}
    grens = kalender.add_werkdagen(vandaag, regels.signaal_werkdagen())
    taken = (
        Taak.objects.filter(
            flow_task_type=HUMAN,
            status__in=[STATUS.NEW, STATUS.ASSIGNED],
            deadline__lte=grens,
            opgeschort_sinds__isnull=True,
            zaak__opschorting_indicatie=False,
            zaak__einddatum__isnull=True,
        )
        .select_related("zaak__zaaktype", "zaak__klantregisseur", "team__teamleider", "owner")
        .order_by("deadline", "id")
    )
    for taak in taken.iterator(chunk_size=500):
        resultaat["taken"] += 1
        te_laat = taak.deadline < vandaag
        ontvangers = {HERINNERING: [], ESCALATIE: []}
        teamleider = taak.team.teamleider if taak.team_id else None
        klantregisseur = taak.zaak.klantregisseur
        if taak.owner_id:
            ontvangers[HERINNERING].append(taak.owner)
        elif not te_laat and teamleider is not None:
            ontvangers[HERINNERING].append(teamleider)
        if te_laat:
            ontvangers[ESCALATIE] += [teamleider, klantregisseur]
        else:
            ontvangers[HERINNERING].append(klantregisseur)
        for soort, mensen in ontvangers.items():
            gezien = set()
            for mens in mensen:
                if mens is None or not mens.is_active or mens.pk in gezien:
                    continue
                gezien.add(mens.pk)
                onderwerp, tekst = _teksten(taak, te_laat, soort)
                if signaal_geven(
                    soort=soort,
                    obj=taak,
                    object_type="taak",
                    ontvanger=mens,
                    zaak=taak.zaak,
                    onderwerp=onderwerp,
                    tekst=tekst,
                    datum=vandaag,
                ):
                    resultaat["herinneringen" if soort == HERINNERING else "escalaties"] += 1
    return resultaat
