"""Vraag stellen and Mijn vragen. A question is a klantcontact (klantregie): these views only call
klantregie's service and the PIP's selectors, which start from the logged-in identity."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from core.audit import audit_log, audit_read
from core.errors import DomainError, NotFound
from core.forms import apply_domain_error
from core.models import AuditRecord
from core.paging import paginate
from klantregie import services as klantregie_services
from pip import notificaties, selectors
from pip.decorators import pip_login_required
from pip.forms import VraagForm

PER_PAGINA = 20


@pip_login_required
def vraag_stellen(request, uuid):
    try:
        zaak = selectors.mijn_zaak(request.pip, uuid)
    except NotFound as exc:
        raise Http404 from exc
    email = notificaties.adres_voor(**request.pip.betrokkene)
    form = VraagForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                klantregie_services.vraag_stellen(
                    actor=request.pip.actor(),
                    zaak=zaak,
                    vraag=form.cleaned_data["vraag"],
                    sleutel=form.cleaned_data["sleutel"],
                )
            except NotFound as exc:
                raise Http404 from exc
            except DomainError as exc:
                apply_domain_error(form, exc)
            else:
                messages.success(
                    request,
                    "Uw vraag is verstuurd. "
                    + (
                        f"We sturen een e-mail naar {email} als er een antwoord is."
                        if email
                        else "Het antwoord leest u hier bij uw zaak en onder Mijn vragen."
                    ),
                )
                return redirect(reverse("pip:zaak", args=[zaak.uuid]) + "#vragen")
        status = 400
    return render(
        request,
        "pip/vraag_stellen.html",
        {
            "zaak": zaak,
            "form": form,
            "contact": selectors.contact_voor(zaak),
            "email": email,
            "nav": "zaken",
        },
        status=status,
    )


@pip_login_required
def vragen(request):
    page = paginate(
        selectors.mijn_vragen(request.pip), request.GET.get("pagina"), per_page=PER_PAGINA
    )
    audit_log(
        request.pip.actor(),
        actie=AuditRecord.Actie.LIJST,
        object_type="klantvraag",
        toelichting="Mijn vragen bekeken",
    )
    return render(request, "pip/vragen.html", {"page": page, "nav": "vragen"})


@pip_login_required
def vraag(request, uuid):
    try:
        vraag_obj = selectors.mijn_vraag(request.pip, uuid)
    except NotFound as exc:
        raise Http404 from exc
    audit_read(
        request.pip.actor(),
        obj=vraag_obj,
        object_type="klantvraag",
        zaak=vraag_obj.zaak,
        klant_id=vraag_obj.klantcontact.klant_id,
        toelichting="Bekeken op Mijn vragen",
    )
    return render(request, "pip/vraag.html", {"vraag": vraag_obj, "nav": "vragen"})
