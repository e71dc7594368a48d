"""Online aanvragen: the zaaktypen marked as requestable on the PIP, their form, and the
ontvangstbevestiging."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render

from core.audit import audit_read
from core.errors import DomainError, NotAllowed, NotFound
from core.forms import apply_domain_error
from pip import selectors, services
from pip.decorators import pip_login_required
from pip.forms import EIGENSCHAP_PREFIX, AanvraagForm


@pip_login_required
def aanvragen(request):
    return render(
        request,
        "pip/aanvragen.html",
        {"zaaktypen": list(selectors.aanvraagbare_zaaktypen()), "nav": "aanvragen"},
    )


@pip_login_required
def aanvraag(request, identificatie):
    try:
        zaaktype = selectors.aanvraagbaar_zaaktype(identificatie)
    except NotFound as exc:
        raise Http404 from exc
    bijlagen_mogelijk = selectors.uploadtypen_voor(zaaktype).exists()
    form = AanvraagForm(
        request.POST or None,
        request.FILES or None,
        zaaktype=zaaktype,
        bijlagen_mogelijk=bijlagen_mogelijk,
        max_mb=max(1, settings.ZAAKSTROOM_MAX_UPLOAD_BYTES // (1024 * 1024)),
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                zaak = services.pip_aanvraag_indienen(
                    actor=request.pip.actor(),
                    zaaktype=zaaktype,
                    omschrijving=form.cleaned_data["omschrijving"],
                    toelichting=form.cleaned_data["toelichting"],
                    eigenschappen=form.eigenschappen(),
                    bijlagen=form.cleaned_data.get("bijlagen") or [],
                    naam=request.pip.naam,
                )
            except NotAllowed as exc:
                raise PermissionDenied(exc.message) from exc
            except DomainError as exc:
                if exc.field in form.eigenschap_namen:
                    exc.field = f"{EIGENSCHAP_PREFIX}{exc.field}"
                apply_domain_error(form, exc)
            else:
                return redirect("pip:aanvraag-ontvangen", uuid=zaak.uuid)
        status = 400
    return render(
        request,
        "pip/aanvraag.html",
        {"zaaktype": zaaktype, "form": form, "nav": "aanvragen"},
        status=status,
    )


@pip_login_required
def aanvraag_ontvangen(request, uuid):
    try:
        zaak = selectors.mijn_zaak(request.pip, uuid)
    except NotFound as exc:
        raise Http404 from exc
    audit_read(request.pip.actor(), obj=zaak, zaak=zaak, toelichting="Ontvangstbevestiging")
    return render(request, "pip/aanvraag_ontvangen.html", {"zaak": zaak, "nav": "aanvragen"})
