"""Mijn zaken: the list, a zaak with its timeline and documents, download and upload."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from core.audit import audit_log, audit_read
from core.errors import DomainError, NotAllowed, NotFound
from core.forms import apply_domain_error
from core.models import AuditRecord
from core.paging import paginate
from pip import selectors, services
from pip.decorators import pip_login_required
from pip.forms import UploadForm, ZakenFilterForm

PER_PAGINA = 20


def _max_mb() -> int:
    return max(1, settings.ZAAKSTROOM_MAX_UPLOAD_BYTES // (1024 * 1024))


@pip_login_required
def zaken(request):
    form = ZakenFilterForm(request.GET or None)
    status = zoek = ""
    if form.is_valid():
        status, zoek = form.cleaned_data["status"], form.cleaned_data["zoek"]
    page = paginate(
        selectors.mijn_zaken(request.pip, status=status, zoek=zoek),
        request.GET.get("pagina"),
        per_page=PER_PAGINA,
    )
    for zaak in page.items:
        zaak.actie_nodig = selectors.actie_nodig(zaak)
    audit_log(
        request.pip.actor(),
        actie=AuditRecord.Actie.LIJST,
        object_type="zaak",
        toelichting="Mijn zaken bekeken",
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "pip/zaken.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "gefilterd": bool(status or zoek),
            "nav": "zaken",
        },
    )


@pip_login_required
def zaak_detail(request, uuid):
    try:
        detail = selectors.zaak_detail(request.pip, uuid)
    except NotFound as exc:
        raise Http404 from exc
    audit_read(
        request.pip.actor(), obj=detail.zaak, zaak=detail.zaak, toelichting="Bekeken op Mijn zaken"
    )
    return render(
        request, "pip/zaak_detail.html", {"detail": detail, "zaak": detail.zaak, "nav": "zaken"}
    )


@pip_login_required
def document_download(request, uuid, document_uuid):
    try:
        link = selectors.mijn_document(request.pip, uuid, document_uuid)
    except NotFound as exc:
        raise Http404 from exc
    document = link.document
    audit_log(request.pip.actor(), actie=AuditRecord.Actie.DOWNLOADEN, obj=document, zaak=link.zaak)
    response = FileResponse(
        document.inhoud.open("rb"),
        as_attachment=True,
        filename=document.bestandsnaam or document.titel,
        content_type=document.formaat or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@pip_login_required
def document_upload(request, uuid):
    try:
        zaak = selectors.mijn_zaak(request.pip, uuid)
    except NotFound as exc:
        raise Http404 from exc
    if not selectors.is_aanvrager(request.pip, zaak):
        raise PermissionDenied("Alleen de aanvrager kan documenten bij deze zaak toevoegen.")
    uploadtypen = selectors.uploadtypen_voor(zaak.zaaktype)
    kan_uploaden = zaak.einddatum is None and uploadtypen.exists()
    form = None
    status = 200
    if kan_uploaden:
        form = UploadForm(
            request.POST or None,
            request.FILES or None,
            uploadtypen=uploadtypen,
            max_mb=_max_mb(),
        )
        if request.method == "POST":
            if form.is_valid():
                data = form.cleaned_data
                try:
                    services.pip_document_toevoegen(
                        actor=request.pip.actor(),
                        zaak=zaak,
                        informatieobjecttype=data["informatieobjecttype"],
                        titel=data["titel"],
                        inhoud=data["inhoud"],
                        bestandsnaam=data["inhoud"].name,
                    )
                except NotAllowed as exc:
                    raise PermissionDenied(exc.message) from exc
                except DomainError as exc:
                    apply_domain_error(form, exc)
                else:
                    messages.success(
                        request,
                        f"Uw document '{data['titel']}' is toegevoegd. De behandelaar ziet het bij "
                        "uw zaak.",
                    )
                    return redirect(reverse("pip:zaak", args=[zaak.uuid]) + "#documenten")
            status = 400
    return render(
        request,
        "pip/upload.html",
        {"zaak": zaak, "form": form, "kan_uploaden": kan_uploaden, "nav": "zaken"},
        status=status,
    )
