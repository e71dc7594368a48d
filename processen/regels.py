"""The routing rules of the flow, read from the zaaktype's configuration (ADR 0010): which line
handles a zaak, which teams are involved, when klantregie is needed, and the norm of each step."""

from __future__ import annotations

from datetime import date

from django.conf import settings

from processen.models import Stap
from zaken.kalender import WERKDAGEN, Termijnkalender, get_kalender
from zaken.models import Behandeling, Processtap, Statustype, Zaak, Zaaktype

# Norms of the steps in werkdagen, unless the step's statustype has its own doorlooptijd.
# A municipality can override them with the setting PROCESSEN_TAAKNORMEN.
STANDAARD_TAAKNORMEN = {
    Stap.AFHANDELEN: "P2D",
    Stap.BEOORDELING: "P5D",
    Stap.UITVOERING: "P10D",
    Stap.BESLUIT: "P5D",
    Stap.INFORMEREN: "P2D",
}

# The statustype (by processtap, in order of preference) that a step sets when its work begins.
# A zaaktype with one "in behandeling" status for both lines (e.g. a klacht handled by the 2e
# lijn with the short status list) shows it for whichever of the two steps it has.
STAP_PROCESSTAP = {
    Stap.BEOORDELING: (Processtap.BEOORDELING, Processtap.UITVOERING),
    Stap.UITVOERING: (Processtap.UITVOERING, Processtap.BEOORDELING),
    Stap.BESLUIT: (Processtap.BESLUIT,),
    Stap.INFORMEREN: (Processtap.INFORMEREN,),
}


def signaal_werkdagen() -> int:
    """A task is "close to its deadline" within this many werkdagen (setting
    PROCESSEN_SIGNAAL_WERKDAGEN, default 2)."""
    return getattr(settings, "PROCESSEN_SIGNAAL_WERKDAGEN", 2)


def is_eerste_lijn(zaaktype: Zaaktype) -> bool:
    return zaaktype.kcc_mag_afhandelen or zaaktype.behandeling == Behandeling.EERSTE_LIJN


def heeft_tweede_lijn(zaaktype: Zaaktype) -> bool:
    return zaaktype.behandeling in (Behandeling.TWEEDE_LIJN, Behandeling.TWEEDE_EN_DERDE_LIJN)


def heeft_derde_lijn(zaaktype: Zaaktype) -> bool:
    return zaaktype.behandeling in (Behandeling.DERDE_LIJN, Behandeling.TWEEDE_EN_DERDE_LIJN)


def verantwoordelijk_team(zaak: Zaak):
    return zaak.behandelend_team or zaak.zaaktype.verantwoordelijk_team


def uitvoerende_teams(zaak: Zaak) -> list:
    """One 3e-lijn task per involved team; without involved teams, the responsible team."""
    teams = list(zaak.zaaktype.betrokken_teams.order_by("naam"))
    if not teams:
        team = verantwoordelijk_team(zaak)
        teams = [team] if team is not None else []
    return teams


def klantregie_reden(zaaktype: Zaaktype) -> str:
    """Why a zaak of this type needs a klantregisseur, or "" when it does not."""
    if zaaktype.klantregie_vereist:
        return "Het zaaktype vraagt om klantregie."
    if zaaktype.betrokken_teams.count() > 1:
        return "Meerdere teams werken aan deze zaak."
    return ""


def statustype_voor_stap(zaaktype: Zaaktype, stap: str) -> Statustype | None:
    voorkeur = STAP_PROCESSTAP.get(stap, ())
    statustypen = [
        st for st in zaaktype.statustypen.order_by("volgnummer") if st.processtap in voorkeur
    ]
    for processtap in voorkeur:
        for statustype in statustypen:
            if statustype.processtap == processtap:
                return statustype
    return None


def taaknorm(zaaktype: Zaaktype, stap: str) -> tuple[str, str]:
    """(ISO-8601 duration, unit) of a step's norm."""
    statustype = None
    if stap in STAP_PROCESSTAP:
        statustype = zaaktype.statustypen.filter(processtap=STAP_PROCESSTAP[stap][0]).first()
    if statustype is not None and statustype.doorlooptijd:
        return statustype.doorlooptijd, zaaktype.termijn_eenheid
    normen = {**STANDAARD_TAAKNORMEN, **getattr(settings, "PROCESSEN_TAAKNORMEN", {})}
    return normen[stap], WERKDAGEN


def taak_deadline(
    zaak: Zaak, stap: str, start: date, kalender: Termijnkalender | None = None
) -> date:
    """The step's norm from `start` through the term calendar, never later than the zaak's
    legal deadline."""
    kalender = kalender or get_kalender()
    norm, eenheid = taaknorm(zaak.zaaktype, stap)
    deadline = kalender.add_duur(start, norm, eenheid)
    if zaak.uiterlijke_einddatum_afdoening and zaak.uiterlijke_einddatum_afdoening < deadline:
        deadline = zaak.uiterlijke_einddatum_afdoening
    return deadline


def deadline_signaal(
    deadline: date | None,
    *,
    opgeschort: bool,
    vandaag: date,
    binnenkort_tot: date,
) -> str:
    """'opgeschort', 'te_laat', 'binnenkort' (within N werkdagen) or 'op_tijd'."""
    if opgeschort:
        return "opgeschort"
    if deadline is None:
        return "op_tijd"
    if deadline < vandaag:
        return "te_laat"
    if deadline <= binnenkort_tot:
        return "binnenkort"
    return "op_tijd"
