"""Staff screens for zaken: the list and the detail page. Thin: selectors read, services write."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.actor import Actor
from core.audit import audit_log, audit_read
from core.decorators import medewerker_required
from core.errors import DomainError, NotFound
from core.forms import apply_domain_error
from core.models import AuditRecord
from core.paging import paginate
from core.panels import render_panels
from zaken import selectors, services
from zaken.forms import DocumentForm, NotitieForm, ZaakFilterForm
from zaken.selectors import VOLLEDIG, ZaakFilters, deadline_signaal


@medewerker_required
def zaak_list(request):
    form = ZaakFilterForm(request.GET or None)
    filters = ZaakFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = ZaakFilters(
            zaaktype=data["zaaktype"] or "",
            statustype=data["statustype"] or "",
            team=data["team"].pk if data["team"] else None,
            open=data["open"] or "open",
            deadline=data["deadline"] or "",
            zoek=data["zoek"] or "",
        )
    page = paginate(
        selectors.zaken_lijst_voor_medewerker(request.user, filters), request.GET.get("pagina")
    )
    today = timezone.localdate()
    for zaak in page.items:
        zaak.signaal = deadline_signaal(zaak, today)
        zaak.initiator = zaak.initiators[0] if zaak.initiators else None
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "zaken/zaak_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
        },
    )


def _detail_context(request, uuid, notitie_form=None, document_form=None):
    try:
        zaak, toegang = selectors.zaak_detail_voor_medewerker(request.user, uuid)
    except NotFound as exc:
        raise Http404 from exc
    actor = Actor.from_request(request)
    if toegang == VOLLEDIG:
        audit_read(actor, obj=zaak, zaak=zaak, toelichting="Zaakdetail bekeken")
        audit = (
            AuditRecord.objects.filter(zaak_uuid=zaak.uuid)
            .exclude(actie=AuditRecord.Actie.LEZEN)
            .select_related("gebruiker")[:50]
        )
    else:
        audit = []
    return {
        "zaak": zaak,
        "toegang": toegang,
        "signaal": deadline_signaal(zaak),
        "audit": audit,
        "notitie_form": notitie_form or NotitieForm(),
        "document_form": document_form or DocumentForm(zaak=zaak),
        "extra_panels": render_panels("zaak_detail_panels", request, zaak=zaak, toegang=toegang),
    }


@medewerker_required
def zaak_detail(request, uuid):
    return render(request, "zaken/zaak_detail.html", _detail_context(request, uuid))


def _zaak_for_change(request, uuid):
    try:
        zaak, toegang = selectors.zaak_voor_medewerker(request.user, uuid)
    except NotFound as exc:
        raise Http404 from exc
    if toegang != VOLLEDIG:
        raise Http404
    return zaak


@medewerker_required
@require_POST
def notitie_add(request, uuid):
    zaak = _zaak_for_change(request, uuid)
    form = NotitieForm(request.POST)
    if form.is_valid():
        try:
            services.notitie_add(actor=Actor.from_request(request), zaak=zaak, **form.cleaned_data)
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(request, "De notitie is toegevoegd.")
            return redirect("zaken:detail", uuid=zaak.uuid)
    return render(
        request,
        "zaken/zaak_detail.html",
        _detail_context(request, uuid, notitie_form=form),
        status=400,
    )


@medewerker_required
@require_POST
def document_add(request, uuid):
    zaak = _zaak_for_change(request, uuid)
    form = DocumentForm(request.POST, request.FILES, zaak=zaak)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.document_add(
                actor=Actor.from_request(request),
                zaak=zaak,
                informatieobjecttype=data["informatieobjecttype"],
                titel=data["titel"],
                inhoud=data["inhoud"],
                bestandsnaam=data["inhoud"].name,
                beschrijving=data["beschrijving"],
                zichtbaar_voor_initiator=data["zichtbaar_voor_initiator"],
            )
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(request, "Het document is toegevoegd.")
            return redirect("zaken:detail", uuid=zaak.uuid)
    return render(
        request,
        "zaken/zaak_detail.html",
        _detail_context(request, uuid, document_form=form),
        status=400,
    )


@medewerker_required
def document_download(request, uuid, document_uuid):
    try:
        link = selectors.zaak_document_voor_medewerker(request.user, uuid, document_uuid)
    except NotFound as exc:
        raise Http404 from exc
    document = link.document
    audit_log(
        Actor.from_request(request),
        actie=AuditRecord.Actie.DOWNLOADEN,
        obj=document,
        zaak=link.zaak,
    )
    response = FileResponse(
        document.inhoud.open("rb"),
        as_attachment=True,
        filename=document.bestandsnaam or document.titel,
        content_type=document.formaat or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
