"""The process panel on the zaak detail page: open tasks, the process history (who did what,
when), the deadline signals, and the actions a medewerker needs there. A fixed number of
queries whatever the number of tasks."""

from __future__ import annotations

from django.utils import timezone

from core.signalen import signalen_voor_zaak
from processen import forms, regels, selectors
from processen.services.klantregie import mag_escaleren
from zaken.kalender import get_kalender
from zaken.selectors import VOLLEDIG


def zaak_acties(user, zaak) -> dict:
    """The forms of the zaak actions this user may take now (opschorten or hervatten,
    verlengen, politiek gevoelig, klantregie)."""
    acties = {}
    if zaak.einddatum is not None or not user.has_perm("zaken.bijwerken"):
        return acties
    zaaktype = zaak.zaaktype
    if zaak.opschorting_indicatie:
        acties["hervatten"] = forms.zaak_actie_form("hervatten", zaak)
    elif zaaktype.opschorting_en_aanhouding_mogelijk:
        acties["opschorten"] = forms.zaak_actie_form("opschorten", zaak)
    if zaaktype.verlenging_mogelijk and zaaktype.verlengingstermijn and not zaak.is_verlengd:
        acties["verlengen"] = forms.zaak_actie_form("verlengen", zaak)
    if not zaak.politiek_gevoelig:
        acties["politiek_gevoelig"] = forms.zaak_actie_form("politiek-gevoelig", zaak)
    if not zaak.klantregisseur_id and mag_escaleren(user, zaak):
        acties["klantregie"] = forms.zaak_actie_form("klantregie", zaak)
    elif user.has_perm("processen.klantregisseur_wijzigen"):
        acties["klantregisseur"] = forms.zaak_actie_form("klantregisseur", zaak)
    return acties


def zaak_panel(request, *, zaak, toegang, **_):
    if toegang != VOLLEDIG:
        return None
    user = request.user
    signaal = selectors.signaal_context(get_kalender(), timezone.localdate())
    taken = selectors.taken_van_zaak(zaak)
    for taak in taken:
        taak.signaal = selectors.taak_signaal(taak, **signaal)
    open_taken = [t for t in taken if t.is_open]
    is_open = zaak.einddatum is None
    return {
        "taken": taken,
        "open_taken": open_taken,
        "klantregie_reden": regels.klantregie_reden(zaak.zaaktype) if is_open else "",
        "signalen": signalen_voor_zaak(zaak),
        "acties": zaak_acties(user, zaak),
        "terug": request.get_full_path(),
    }
