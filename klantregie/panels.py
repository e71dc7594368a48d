"""Panels klantregie adds to pages it does not own (see core.panels). Each runs a fixed number of
queries."""

from django.utils import timezone

from klantregie import selectors
from zaken.permissions import VOLLEDIG


def zaak_contacten(request, zaak=None, toegang=None, **kwargs):
    """The zaak detail: questions and contacts about this zaak and its terugbelverzoeken. Not for
    the restricted view of a confidential zaak."""
    user = request.user
    if zaak is None or toegang != VOLLEDIG or not user.has_perm("klantregie.view_klantcontact"):
        return None
    from klantregie.models import Terugbelverzoek

    verzoeken = list(
        Terugbelverzoek.objects.filter(zaak=zaak)
        .select_related("team", "medewerker", "behandelaar")
        .order_by("-verzonden_op", "-id")[:50]
    )
    today = timezone.localdate()
    for verzoek in verzoeken:
        verzoek.te_laat = verzoek.is_te_laat(today)
    return {"klantvragen": selectors.vragen_voor_zaak(zaak), "zaak_terugbelverzoeken": verzoeken}


def werkvoorraad(request, user=None, team=None, **kwargs):
    """The werkvoorraad (processen): open terugbelverzoeken of the team shown, or of the user and
    their teams, by deadline."""
    user = user or request.user
    if not user.has_perm("klantregie.view_terugbelverzoek"):
        return None
    if team is not None:
        verzoeken = selectors.terugbelverzoeken_voor_medewerker(user, team=team, limit=25)
    else:
        eigen = selectors.terugbelverzoeken_voor_medewerker(user, voor="mij", limit=25)
        teams = selectors.terugbelverzoeken_voor_medewerker(user, voor="teams", limit=25)
        gezien = set()
        verzoeken = []
        for verzoek in sorted([*eigen, *teams], key=lambda v: (v.deadline, v.pk)):
            if verzoek.pk not in gezien:
                gezien.add(verzoek.pk)
                verzoeken.append(verzoek)
    return {"terugbelverzoeken": verzoeken[:25], "terugbel_team": team}
