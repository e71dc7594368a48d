"""Staff screens of processen: the werkvoorraad, the task screen and the zaak actions. Thin:
selectors read (and decide what exists for the user), services write."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from core.actor import Actor
from core.decorators import medewerker_required
from core.errors import DomainError, NotFound
from core.forms import apply_domain_error
from core.paging import paginate
from core.panels import render_panels
from processen import forms, regels, selectors, services
from processen.models import Stap, Taak
from processen.panels import zaak_acties
from processen.selectors import ALLE, MIJN, REGIE, TEAM, WerkvoorraadFilters
from zaken import selectors as zaken_selectors
from zaken import services as zaken_services
from zaken.kalender import get_kalender
from zaken.models import Zaak
from zaken.selectors import VOLLEDIG

WEERGAVEN = (MIJN, TEAM, REGIE, ALLE)


def _terug(request, standaard: str) -> str:
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if doel and url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return doel
    return standaard


def _taak(request, uuid) -> Taak:
    try:
        return selectors.taak_voor_medewerker(request.user, uuid)
    except NotFound as exc:
        raise Http404 from exc


# --- werkvoorraad -------------------------------------------------------------------------------
@medewerker_required
def werkvoorraad(request):
    user = request.user
    teams = selectors.werkvoorraad_teams(user)
    weergave = request.GET.get("weergave") or MIJN
    if weergave not in WEERGAVEN:
        weergave = MIJN
    team = None
    if weergave == TEAM:
        gekozen = request.GET.get("team") or (str(teams[0].pk) if teams else "")
        team = next((t for t in teams if str(t.pk) == gekozen), None)
        if team is None:
            raise Http404
    if weergave == ALLE and not user.has_perm("processen.alle_taken_inzien"):
        raise Http404
    form = forms.WerkvoorraadFilterForm(request.GET or None)
    filters = WerkvoorraadFilters(weergave=weergave, team=team.pk if team else None)
    if form.is_valid():
        data = form.cleaned_data
        filters.zaaktype = data["zaaktype"] or ""
        filters.stap = data["stap"] or ""
        filters.status = data["status"] or ""
        filters.zaakstatus = data["zaakstatus"] or ""
        filters.deadline = data["deadline"] or ""
        filters.klantregie = data["klantregie"] or ""
    signaal = selectors.signaal_context(get_kalender(), timezone.localdate())
    page = paginate(selectors.werkvoorraad(user, filters, **signaal), request.GET.get("pagina"))
    for taak in page.items:
        taak.signaal = selectors.taak_signaal(taak, **signaal)
        taak.initiator = taak.zaak.initiators[0] if taak.zaak.initiators else None
    verdelen = weergave == TEAM and selectors.mag_verdelen(user, team)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "processen/werkvoorraad.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "weergave": weergave,
            "team": team,
            "teams": teams,
            "mag_alles_zien": user.has_perm("processen.alle_taken_inzien"),
            "toon_regie": weergave == REGIE or Zaak.objects.filter(klantregisseur=user).exists(),
            "verdelen": verdelen,
            "toewijzen_form": forms.ToewijzenForm(leden=selectors.teamleden(team))
            if verdelen
            else None,
            "binnenkort_werkdagen": regels.signaal_werkdagen(),
            "terug": request.get_full_path(),
            "panels": render_panels("werkvoorraad_panels", request, user=user, team=team),
        },
    )


# --- one task -----------------------------------------------------------------------------------
def _taak_context(request, taak: Taak, form=None, toewijzen_form=None) -> dict:
    user = request.user
    signaal = selectors.signaal_context(get_kalender(), timezone.localdate())
    taak.signaal = selectors.taak_signaal(taak, **signaal)
    taken = selectors.taken_van_zaak(taak.zaak)
    for t in taken:
        t.signaal = selectors.taak_signaal(t, **signaal)
    is_eigenaar = taak.is_open and taak.owner_id == user.pk
    verdelen = taak.is_open and selectors.mag_verdelen(user, taak.team)
    if is_eigenaar and form is None:
        form = forms.STAP_FORMS[taak.stap](taak=taak)
    if verdelen and toewijzen_form is None:
        toewijzen_form = forms.ToewijzenForm(leden=selectors.teamleden(taak.team))
    return {
        "taak": taak,
        "zaak": taak.zaak,
        "initiator": taak.zaak.initiators[0] if taak.zaak.initiators else None,
        "taken": taken,
        "is_eigenaar": is_eigenaar,
        "mag_claimen": taak.is_open and not taak.owner_id and taak.team_id in user.team_ids,
        "mag_vrijgeven": taak.is_open and taak.owner_id and (is_eigenaar or verdelen),
        "verdelen": verdelen,
        "form": form if is_eigenaar else None,
        "toewijzen_form": toewijzen_form if verdelen else None,
        "multipart": taak.stap == Stap.UITVOERING,
        "acties": zaak_acties(user, taak.zaak),
        "terug": request.get_full_path(),
    }


@medewerker_required
def taak_detail(request, uuid):
    taak = _taak(request, uuid)
    if request.method != "POST":
        return render(request, "processen/taak_detail.html", _taak_context(request, taak))
    if not taak.is_open:
        messages.error(request, "Deze taak is al afgerond of vervallen.")
        return redirect("processen:taak-detail", uuid=taak.uuid)
    if taak.owner_id != request.user.pk:
        messages.error(request, "Pak de taak eerst op; daarna kunt u haar afronden.")
        return redirect("processen:taak-detail", uuid=taak.uuid)
    form = forms.STAP_FORMS[taak.stap](request.POST, request.FILES, taak=taak)
    if form.is_valid():
        try:
            services.taak_afronden(
                actor=Actor.from_request(request),
                taak=taak,
                **forms.afronden_gegevens(taak, form),
            )
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(request, f"De taak '{taak.get_stap_display()}' is afgerond.")
            volgende = (
                Taak.objects.filter(zaak_id=taak.zaak_id, owner=request.user, status="ASSIGNED")
                .order_by("created")
                .first()
            )
            if volgende is not None:
                messages.info(request, f"Volgende stap voor u: {volgende.get_stap_display()}.")
                return redirect("processen:taak-detail", uuid=volgende.uuid)
            return redirect("processen:werkvoorraad")
    return render(
        request, "processen/taak_detail.html", _taak_context(request, taak, form=form), status=400
    )


@medewerker_required
@require_POST
def taak_claimen(request, uuid):
    taak = _taak(request, uuid)
    try:
        services.taak_claimen(actor=Actor.from_request(request), taak=taak)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(_terug(request, reverse("processen:werkvoorraad")))
    messages.success(request, "U heeft de taak opgepakt.")
    return redirect("processen:taak-detail", uuid=taak.uuid)


@medewerker_required
@require_POST
def taak_vrijgeven(request, uuid):
    taak = _taak(request, uuid)
    try:
        services.taak_vrijgeven(actor=Actor.from_request(request), taak=taak)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "De taak staat weer vrij in de werkvoorraad van het team.")
    return redirect(_terug(request, reverse("processen:taak-detail", args=[taak.uuid])))


@medewerker_required
@require_POST
def taak_toewijzen(request, uuid):
    taak = _taak(request, uuid)
    form = forms.ToewijzenForm(request.POST, leden=selectors.teamleden(taak.team))
    if form.is_valid():
        try:
            services.taak_toewijzen(
                actor=Actor.from_request(request),
                taak=taak,
                medewerker=form.cleaned_data["medewerker"],
            )
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(
                request, f"De taak is toegewezen aan {form.cleaned_data['medewerker']}."
            )
            return redirect("processen:taak-detail", uuid=taak.uuid)
    return render(
        request,
        "processen/taak_detail.html",
        _taak_context(request, taak, toewijzen_form=form),
        status=400,
    )


@medewerker_required
@require_POST
def taken_toewijzen(request):
    """Bulk assignment from a team's werkvoorraad (teamleider)."""
    terug = _terug(request, reverse("processen:werkvoorraad"))
    uuids = request.POST.getlist("taken")
    try:
        taken = [selectors.taak_voor_medewerker(request.user, u) for u in uuids]
    except (NotFound, ValueError, ValidationError) as exc:
        raise Http404 from exc
    team = taken[0].team if taken else None
    form = forms.ToewijzenForm(request.POST, leden=selectors.teamleden(team))
    if not taken:
        messages.error(request, "Kies eerst een of meer taken.")
    elif not form.is_valid():
        messages.error(request, "Kies de medewerker aan wie u de taken wilt toewijzen.")
    else:
        try:
            aantal = services.taken_bulk_toewijzen(
                actor=Actor.from_request(request),
                taken=taken,
                medewerker=form.cleaned_data["medewerker"],
            )
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, f"{aantal} taken toegewezen aan {form.cleaned_data['medewerker']}."
            )
    return redirect(terug)


# --- zaak actions (from the process panel on the zaak page) -------------------------------------
def _opschorten(actor, zaak, data):
    zaken_services.zaak_opschorten(
        actor=actor, zaak=zaak, reden=data["reden"], wacht_op_aanvrager=data["wacht_op_aanvrager"]
    )
    return "De zaak is opgeschort. De termijnen staan stil."


def _hervatten(actor, zaak, data):
    zaken_services.zaak_hervatten(actor=actor, zaak=zaak, toelichting=data["toelichting"])
    return "De zaak is hervat. De termijnen zijn opgeschoven."


def _verlengen(actor, zaak, data):
    zaken_services.zaak_verlengen(actor=actor, zaak=zaak, duur=data["duur"], reden=data["reden"])
    return "De termijn van de zaak is verlengd."


def _politiek_gevoelig(actor, zaak, data):
    zaken_services.zaak_politiek_gevoelig_set(actor=actor, zaak=zaak, reden=data["reden"])
    zaak.refresh_from_db()
    if zaak.klantregisseur_id:
        return f"De zaak is politiek gevoelig. Klantregisseur: {zaak.klantregisseur}."
    return "De zaak is politiek gevoelig."


def _klantregie(actor, zaak, data):
    regisseur = services.zaak_klantregie_escaleren(
        actor=actor, zaak=zaak, reden=data["reden"], toelichting=data["toelichting"]
    )
    return f"{regisseur} is de klantregisseur van deze zaak."


def _klantregisseur(actor, zaak, data):
    services.klantregisseur_wijzigen(
        actor=actor, zaak=zaak, klantregisseur=data["klantregisseur"], reden=data["reden"]
    )
    return f"{data['klantregisseur']} is nu de klantregisseur van deze zaak."


ZAAK_ACTIES = {
    "opschorten": ("Zaak opschorten", _opschorten),
    "hervatten": ("Zaak hervatten", _hervatten),
    "verlengen": ("Termijn verlengen", _verlengen),
    "politiek-gevoelig": ("Politiek gevoelig markeren", _politiek_gevoelig),
    "klantregie": ("Klantregisseur inschakelen", _klantregie),
    "klantregisseur": ("Andere klantregisseur", _klantregisseur),
}


@medewerker_required
def zaak_actie(request, uuid, actie):
    if actie not in ZAAK_ACTIES:
        raise Http404
    try:
        zaak, toegang = zaken_selectors.zaak_voor_medewerker(request.user, uuid)
    except NotFound as exc:
        raise Http404 from exc
    if toegang != VOLLEDIG:
        raise Http404
    titel, uitvoeren = ZAAK_ACTIES[actie]
    status = 200
    if request.method == "POST":
        form = forms.zaak_actie_form(actie, zaak, request.POST)
        if form.is_valid():
            try:
                bericht = uitvoeren(Actor.from_request(request), zaak, form.cleaned_data)
            except DomainError as exc:
                apply_domain_error(form, exc)
            else:
                messages.success(request, bericht)
                return redirect(_terug(request, reverse("zaken:detail", args=[zaak.uuid])))
        status = 400
    else:
        form = forms.zaak_actie_form(actie, zaak)
    return render(
        request,
        "processen/zaak_actie.html",
        {"zaak": zaak, "form": form, "titel": titel, "actie": actie},
        status=status,
    )
