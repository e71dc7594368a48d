"""KCC screens: the start page, the contact screen, klanten and the klantbeeld, the kennisbank,
terugbelverzoeken and open questions. Thin: selectors read, services write.

The contact screen works with JavaScript (search as you type, no page reloads) and without it
(the search buttons re-render the screen with everything that was typed)."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import HiddenInput
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from core.actor import Actor
from core.audit import audit_log, audit_read
from core.decorators import medewerker_required
from core.errors import Conflict, DomainError, NotFound
from core.forms import apply_domain_error
from core.models import AuditRecord
from klantregie import selectors, services
from klantregie.forms import (
    AntwoordForm,
    ContactForm,
    Keuzes,
    TerugbelAfhandelForm,
    TerugbelpogingForm,
    VraagFormSet,
    lees_sessie,
    nieuwe_sessie,
)
from klantregie.models import Kennisartikel, Vraag
from organisatie.models import Team, User
from zaken import selectors as zaken_selectors
from zaken.models import Resultaattype
from zaken.permissions import VOLLEDIG

VRAGEN_PREFIX = "vragen"


def perm_required(perm: str):
    def decorator(view):
        @wraps(view)
        @medewerker_required
        def wrapper(request, *args, **kwargs):
            if not request.user.has_perm(perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def _404(exc: NotFound):
    return Http404(exc.message)


# --- start page ---------------------------------------------------------------------------------
@perm_required("klantregie.view_klantcontact")
def start(request):
    overzicht = selectors.kcc_overzicht(request.user)
    return render(request, "klantregie/start.html", {"overzicht": overzicht})


# --- contact screen -----------------------------------------------------------------------------
def _klantbeeld_context(request, klant_uuid, *, max_contacten=5) -> dict:
    try:
        beeld = selectors.klantbeeld(request.user, klant_uuid, max_contacten=max_contacten)
    except (NotFound, ValidationError):
        return {}
    audit_read(
        Actor.from_request(request),
        obj=beeld.klant,
        klant_id=beeld.klant.pk,
        toelichting="Klantbeeld bekeken (contactscherm)",
    )
    return {"beeld": beeld}


def _initiele_vraag(request) -> dict:
    """Prefill the first question when the screen opens from a zaak (?zaak=...)."""
    zaak_uuid = request.GET.get("zaak")
    if not zaak_uuid:
        return {}
    try:
        zaak, toegang = zaken_selectors.zaak_voor_medewerker(request.user, zaak_uuid)
    except (DomainError, ValidationError):
        return {}
    antwoord = zaak.statustype.statustekst if zaak.statustype and toegang == VOLLEDIG else ""
    if zaak.einddatum_gepland and toegang == VOLLEDIG and not zaak.einddatum:
        antwoord = f"{antwoord} Verwachte einddatum: {zaak.einddatum_gepland:%d-%m-%Y}.".strip()
    return {
        "zaak": zaak.uuid,
        "onderwerp": zaak.zaaktype.omschrijving,
        "resultaat": Vraag.Resultaat.STATUSINFORMATIE,
        "antwoord": antwoord,
        "zaak_label": f"{zaak.identificatie} ({zaak.zaaktype.omschrijving})",
    }


def _zaak_labels(request, formset) -> None:
    """Show which zaak a question is linked to (re-rendering a bound form)."""
    per_uuid = {}
    for form in formset.forms:
        waarde = form["zaak"].value()
        if waarde:
            per_uuid.setdefault(str(waarde), []).append(form)
    if not per_uuid:
        return
    zichtbaar = zaken_selectors.zaken_zichtbaar_voor_medewerker(request.user)
    try:
        zaken = list(zichtbaar.filter(uuid__in=list(per_uuid)).select_related("zaaktype"))
    except ValidationError:
        return
    for zaak in zaken:
        for form in per_uuid[str(zaak.uuid)]:
            form.zaak_label = f"{zaak.identificatie} ({zaak.zaaktype.omschrijving})"


def _fouten(form, formset) -> list[dict]:
    """All errors for the summary at the top of the screen, each with a link to its field (the
    error also shows at the field itself)."""
    fouten = [{"tekst": e, "id": ""} for e in form.non_field_errors()]
    for naam, errors in form.errors.items():
        if naam != "__all__":
            label = form.fields[naam].label or naam
            fouten.extend({"tekst": f"{label}: {e}", "id": form[naam].auto_id} for e in errors)
    fouten.extend({"tekst": e, "id": ""} for e in formset.non_form_errors())
    for i, vraag_form in enumerate(formset.forms, start=1):
        for naam, errors in vraag_form.errors.items():
            if naam == "__all__" or isinstance(vraag_form.fields[naam].widget, HiddenInput):
                veld_id = ""
                prefix = f"Vraag {i}"
            else:
                veld_id = vraag_form[naam].auto_id
                prefix = f"Vraag {i}, {(vraag_form.fields[naam].label or naam).lower()}"
            fouten.extend({"tekst": f"{prefix}: {e}", "id": veld_id} for e in errors)
    return fouten


def _render_contact(request, form, formset, keuzes, status=200, **extra):
    klant_uuid = form["klant"].value()
    sessie = lees_sessie(form["sessie"].value() or "")
    context = {
        "form": form,
        "formset": formset,
        "keuzes": keuzes,
        "gestart_op": sessie[0] if sessie else timezone.now(),
        # What was typed in the search fields stays too.
        "klant_zoek": request.POST.get("klant_zoek", ""),
        "kb_zoek": request.POST.get("kb_zoek", ""),
        **extra,
    }
    if klant_uuid:
        context.update(_klantbeeld_context(request, klant_uuid))
    _zaak_labels(request, formset)
    context["fouten"] = _fouten(form, formset)
    return render(request, "klantregie/contact.html", context, status=status)


def _vraag_invoer(request, form) -> services.VraagInvoer | None:
    """Turn a valid question form into the service's input; None when a reference is wrong (the
    error is on the form)."""
    cd = form.cleaned_data
    ok = True
    kennisartikel = zaak = zaaktype = resultaattype = None
    if cd.get("kennisartikel"):
        kennisartikel = Kennisartikel.objects.filter(uuid=cd["kennisartikel"]).first()
        if kennisartikel is None:
            form.add_error("onderwerp", "Dit kennisartikel bestaat niet meer. Zoek opnieuw.")
            ok = False
    if cd.get("zaak"):
        try:
            zaak, _ = zaken_selectors.zaak_voor_medewerker(request.user, cd["zaak"])
        except NotFound:
            form.add_error("zaak", "De gekoppelde zaak bestaat niet (meer).")
            ok = False
    if cd.get("zaaktype"):
        try:
            zaaktype = zaken_selectors.zaaktype_actueel(cd["zaaktype"])
        except NotFound as exc:
            form.add_error("zaaktype", exc.message)
            ok = False
    if cd.get("resultaattype"):
        resultaattype = Resultaattype.objects.filter(pk=cd["resultaattype"]).first()
    terugbel = None
    if cd.get("resultaat") == Vraag.Resultaat.TERUGBELVERZOEK:
        terugbel = services.TerugbelInvoer(
            team=Team.objects.filter(pk=cd.get("terugbel_team") or None).first()
            if cd.get("terugbel_team")
            else None,
            medewerker=User.objects.filter(
                pk=cd.get("terugbel_medewerker"), soort=User.Soort.MEDEWERKER
            ).first()
            if cd.get("terugbel_medewerker")
            else None,
            telefoon=cd.get("terugbel_telefoon", ""),
            naam=cd.get("terugbel_naam", ""),
            bereikbaarheid=cd.get("terugbel_bereikbaarheid", ""),
        )
    if not ok:
        return None
    return services.VraagInvoer(
        onderwerp=cd["onderwerp"],
        resultaat=cd["resultaat"],
        vraag=cd.get("vraag", ""),
        antwoord=cd.get("antwoord", ""),
        kennisartikel=kennisartikel,
        zaak=zaak,
        zaaktype=zaaktype,
        resultaattype=resultaattype,
        terugbel=terugbel,
    )


def _apply_fout(form, formset, exc: DomainError) -> None:
    index = getattr(exc, "vraag_index", None)
    if index is not None and 0 <= index < len(formset.forms):
        vraag_form = formset.forms[index]
        veld = exc.field if exc.field in vraag_form.fields else None
        vraag_form.add_error(veld, exc.message)
    else:
        apply_domain_error(form, exc)


def _opslaan(request, form, formset, keuzes):
    if not (form.is_valid() and formset.is_valid()):
        return _render_contact(request, form, formset, keuzes, status=400)
    klant = None
    if form.cleaned_data.get("klant"):
        try:
            klant = selectors.klant_voor_medewerker(request.user, form.cleaned_data["klant"])
        except NotFound:
            form.add_error(None, "De gekozen klant bestaat niet (meer). Zoek de klant opnieuw.")
            return _render_contact(request, form, formset, keuzes, status=400)
    invoer = [_vraag_invoer(request, f) for f in formset.forms]
    if any(i is None for i in invoer):
        return _render_contact(request, form, formset, keuzes, status=400)
    gestart_op, sleutel = lees_sessie(form.cleaned_data["sessie"])
    geraadpleegd = list(Kennisartikel.objects.filter(uuid__in=form.cleaned_data["geraadpleegd"]))
    try:
        contact = services.klantcontact_log(
            actor=Actor.from_request(request),
            kanaal=form.cleaned_data["kanaal"],
            klant=klant,
            vragen=invoer,
            gestart_op=gestart_op,
            sleutel=sleutel,
            geraadpleegd=geraadpleegd,
        )
    except DomainError as exc:
        _apply_fout(form, formset, exc)
        return _render_contact(request, form, formset, keuzes, status=exc.status)
    zaken = [v.zaak.identificatie for v in contact.vragen.select_related("zaak") if v.zaak_id]
    tekst = f"Het contact is vastgelegd (duur {contact.duur_weergave})."
    if zaken:
        tekst += f" Zaak: {', '.join(zaken)}."
    messages.success(request, tekst)
    return redirect("klantregie:contact")


def _kennisbank_resultaten(zoekterm: str) -> dict:
    artikelen = selectors.kennisartikelen_zoeken(zoekterm)
    return {"kb_zoek": zoekterm, "kb_resultaten": artikelen}


def _artikel_gebruiken(data, formset, artikel: Kennisartikel) -> None:
    """No-JS fallback of "Gebruik dit antwoord": fill the last question with the article."""
    index = max(len(formset.forms) - 1, 0)
    prefix = f"{VRAGEN_PREFIX}-{index}-"
    data[prefix + "onderwerp"] = artikel.vraag
    data[prefix + "antwoord"] = artikel.antwoord
    data[prefix + "kennisartikel"] = str(artikel.uuid)
    if not data.get(prefix + "resultaat"):
        data[prefix + "resultaat"] = Vraag.Resultaat.DIRECT_BEANTWOORD
    if artikel.zaaktype_identificatie and not data.get(prefix + "zaaktype"):
        data[prefix + "zaaktype"] = artikel.zaaktype_identificatie
    geraadpleegd = set((data.get("geraadpleegd") or "").split())
    geraadpleegd.add(str(artikel.uuid))
    data["geraadpleegd"] = " ".join(sorted(geraadpleegd))


def _zaak_koppelen(request, data, zaak_uuid) -> None:
    """No-JS fallback of "Vraag over deze zaak": link the last question to the zaak."""
    try:
        zaak, toegang = zaken_selectors.zaak_voor_medewerker(request.user, zaak_uuid)
    except (DomainError, ValidationError):
        return
    index = max(int(data.get(f"{VRAGEN_PREFIX}-TOTAL_FORMS", "1") or 1) - 1, 0)
    prefix = f"{VRAGEN_PREFIX}-{index}-"
    data[prefix + "zaak"] = str(zaak.uuid)
    if not data.get(prefix + "onderwerp"):
        data[prefix + "onderwerp"] = zaak.zaaktype.omschrijving
    if not data.get(prefix + "resultaat"):
        data[prefix + "resultaat"] = Vraag.Resultaat.STATUSINFORMATIE
    if not data.get(prefix + "antwoord") and toegang == VOLLEDIG and zaak.statustype:
        data[prefix + "antwoord"] = zaak.statustype.statustekst


@perm_required("klantregie.add_klantcontact")
def contact(request):
    keuzes = Keuzes()
    if request.method != "POST":
        klant_uuid = request.GET.get("klant") or None
        form = ContactForm(initial={"sessie": nieuwe_sessie(), "klant": klant_uuid})
        initial = _initiele_vraag(request)
        formset = VraagFormSet(
            prefix=VRAGEN_PREFIX, keuzes=keuzes, initial=[initial] if initial else None
        )
        if initial.get("zaak_label"):
            formset.forms[0].zaak_label = initial["zaak_label"]
        vers = not klant_uuid and not initial
        return _render_contact(request, form, formset, keuzes, vers=vers)

    actie = request.POST.get("actie", "opslaan")
    data = request.POST.copy()
    extra = {}
    if actie == "klant_zoeken":
        try:
            resultaat = selectors.klanten_zoeken(request.user, data.get("klant_zoek", ""))
        except NotFound as exc:
            raise _404(exc) from exc
        _audit_klant_zoeken(request, resultaat)
        extra["klant_resultaat"] = resultaat
        extra["klant_zoek"] = data.get("klant_zoek", "")
    elif actie.startswith("klant:"):
        data["klant"] = actie.split(":", 1)[1]
    elif actie == "anoniem":
        data["klant"] = ""
    elif actie.startswith("zaak:"):
        _zaak_koppelen(request, data, actie.split(":", 1)[1])
    elif actie == "kennisbank_zoeken":
        extra.update(_kennisbank_resultaten(data.get("kb_zoek", "")))
    elif actie.startswith("artikel:"):
        try:
            artikel = selectors.kennisartikel(actie.split(":", 1)[1])
        except (DomainError, ValidationError):
            artikel = None
        if artikel is not None:
            probe = VraagFormSet(data, prefix=VRAGEN_PREFIX, keuzes=keuzes)
            _artikel_gebruiken(data, probe, artikel)
    elif actie == "vraag_toevoegen":
        totaal = int(data.get(f"{VRAGEN_PREFIX}-TOTAL_FORMS", "1") or 1)
        data[f"{VRAGEN_PREFIX}-TOTAL_FORMS"] = str(min(totaal + 1, 20))
    verlopen = actie == "opslaan" and lees_sessie(data.get("sessie", "")) is None
    if verlopen:
        # An expired (or forged) screen: keep what was typed, start the contact afresh.
        data["sessie"] = nieuwe_sessie()
    form = ContactForm(data)
    formset = VraagFormSet(data, prefix=VRAGEN_PREFIX, keuzes=keuzes)
    if verlopen:
        form.is_valid()
        formset.is_valid()
        form.add_error(
            None,
            "Dit contactscherm stond te lang open en is vernieuwd. Wat u typte staat er nog: "
            "controleer het en sla het contact opnieuw op.",
        )
        return _render_contact(request, form, formset, keuzes, status=400)
    if actie == "opslaan":
        return _opslaan(request, form, formset, keuzes)
    # A search or another in-between step: show everything again, without error messages.
    form = ContactForm(
        initial={k: data.get(k) for k in ("kanaal", "klant", "sessie", "geraadpleegd")}
    )
    formset = VraagFormSet(
        prefix=VRAGEN_PREFIX, keuzes=keuzes, initial=_formset_initial(data, formset)
    )
    return _render_contact(request, form, formset, keuzes, **extra)


def _formset_initial(data, bound) -> list[dict]:
    totaal = bound.total_form_count()
    velden = list(bound.form.base_fields)
    return [
        {veld: data.get(f"{VRAGEN_PREFIX}-{i}-{veld}", "") for veld in velden}
        for i in range(totaal)
    ]


def _audit_klant_zoeken(request, resultaat) -> None:
    if not resultaat.klanten:
        return
    ids = [k.pk for k in resultaat.klanten]
    audit_log(
        Actor.from_request(request),
        actie=AuditRecord.Actie.LIJST,
        object_type="klant",
        klant_id=ids[0] if len(ids) == 1 else None,
        toelichting=f"Klant gezocht op {resultaat.soort_weergave}: {len(ids)} gevonden "
        f"(klant-id {', '.join(map(str, ids))})",
    )


# --- JSON for the contact screen ----------------------------------------------------------------
@require_GET
@perm_required("klantregie.view_klant")
def klant_zoeken_json(request):
    resultaat = selectors.klanten_zoeken(request.user, request.GET.get("q", ""))
    _audit_klant_zoeken(request, resultaat)
    return JsonResponse(
        {
            "soort": resultaat.soort_weergave,
            "melding": resultaat.melding,
            "klanten": [
                {
                    "uuid": str(k.uuid),
                    "naam": k.weergave,
                    "soort": k.get_soort_display(),
                    "geboortedatum": k.geboortedatum.strftime("%d-%m-%Y")
                    if k.geboortedatum
                    else "",
                    "adres": k.adres,
                    "bsn": k.bsn or "",
                    "kvk_nummer": k.kvk_nummer,
                    "paneel": reverse("klantregie:klant-paneel", args=[k.uuid]),
                    "klantbeeld": reverse("klantregie:klantbeeld", args=[k.uuid]),
                }
                for k in resultaat.klanten
            ],
        }
    )


@require_GET
@perm_required("klantregie.view_klant")
def klant_paneel(request, uuid):
    context = _klantbeeld_context(request, uuid)
    if not context:
        raise Http404
    return render(request, "klantregie/_klant_paneel.html", {**context, "in_contactscherm": True})


@require_GET
@perm_required("klantregie.view_kennisartikel")
def kennisbank_zoeken_json(request):
    artikelen = selectors.kennisartikelen_zoeken(request.GET.get("q", ""))
    return JsonResponse(
        {
            "artikelen": [
                {
                    "uuid": str(a.uuid),
                    "vraag": a.vraag,
                    "antwoord": a.antwoord,
                    "product": a.product,
                    "zaaktype": a.zaaktype_identificatie,
                    "url": reverse("klantregie:kennisartikel", args=[a.uuid]),
                }
                for a in artikelen
            ]
        }
    )


# --- klanten and the klantbeeld -----------------------------------------------------------------
@perm_required("klantregie.view_klant")
def klanten(request):
    zoekterm = request.GET.get("q", "")
    resultaat = selectors.klanten_zoeken(request.user, zoekterm) if zoekterm else None
    if resultaat is not None:
        _audit_klant_zoeken(request, resultaat)
        if len(resultaat.klanten) == 1 and resultaat.soort in ("bsn", "kvk"):
            return redirect("klantregie:klantbeeld", uuid=resultaat.klanten[0].uuid)
    return render(
        request, "klantregie/klanten.html", {"zoekterm": zoekterm, "resultaat": resultaat}
    )


@perm_required("klantregie.view_klant")
def klantbeeld(request, uuid):
    try:
        beeld = selectors.klantbeeld(request.user, uuid)
    except NotFound as exc:
        raise _404(exc) from exc
    audit_read(
        Actor.from_request(request),
        obj=beeld.klant,
        klant_id=beeld.klant.pk,
        toelichting="Klantbeeld bekeken",
    )
    return render(request, "klantregie/klantbeeld.html", {"beeld": beeld})


@perm_required("klantregie.view_klantcontact")
def contacthistorie(request, uuid):
    try:
        klant, page = selectors.contacthistorie(request.user, uuid, request.GET.get("pagina"))
    except NotFound as exc:
        raise _404(exc) from exc
    audit_read(
        Actor.from_request(request), obj=klant, klant_id=klant.pk, toelichting="Contacthistorie"
    )
    return render(request, "klantregie/contacthistorie.html", {"klant": klant, "page": page})


# --- kennisbank ---------------------------------------------------------------------------------
@perm_required("klantregie.view_kennisartikel")
def kennisbank(request):
    zoekterm = request.GET.get("q", "")
    if zoekterm:
        return render(
            request,
            "klantregie/kennisbank.html",
            {"zoekterm": zoekterm, "artikelen": selectors.kennisartikelen_zoeken(zoekterm, 25)},
        )
    page = selectors.kennisartikelen_lijst(request.GET.get("pagina"))
    return render(
        request,
        "klantregie/kennisbank.html",
        {"zoekterm": "", "artikelen": page.items, "page": page},
    )


@perm_required("klantregie.view_kennisartikel")
def kennisartikel(request, uuid):
    try:
        artikel = selectors.kennisartikel(uuid)
    except NotFound as exc:
        raise _404(exc) from exc
    return render(request, "klantregie/kennisartikel.html", {"artikel": artikel})


# --- terugbelverzoeken --------------------------------------------------------------------------
@perm_required("klantregie.view_terugbelverzoek")
def terugbelverzoeken(request):
    voor = request.GET.get("voor", "mij")
    if voor not in ("mij", "teams", "verstuurd"):
        voor = "mij"
    verzoeken = selectors.terugbelverzoeken_voor_medewerker(request.user, voor=voor)
    return render(
        request,
        "klantregie/terugbelverzoeken.html",
        {"verzoeken": verzoeken, "voor": voor},
    )


def _verzoek(request, uuid):
    try:
        return selectors.terugbelverzoek_voor_medewerker(request.user, uuid)
    except NotFound as exc:
        raise _404(exc) from exc


def _render_verzoek(request, verzoek, status=200, **forms):
    if not getattr(verzoek, "verborgen", False):
        audit_read(
            Actor.from_request(request),
            obj=verzoek,
            zaak=verzoek.zaak,
            klant_id=verzoek.klant_id,
            toelichting="Terugbelverzoek bekeken",
        )
    return render(
        request,
        "klantregie/terugbelverzoek.html",
        {
            "verzoek": verzoek,
            "mag_behandelen": services.mag_behandelen(request.user, verzoek),
            "poging_form": forms.get("poging_form") or TerugbelpogingForm(),
            "afhandel_form": forms.get("afhandel_form") or TerugbelAfhandelForm(),
        },
        status=status,
    )


@perm_required("klantregie.view_terugbelverzoek")
def terugbelverzoek(request, uuid):
    return _render_verzoek(request, _verzoek(request, uuid))


def _terug(request, verzoek):
    volgende = request.POST.get("volgende", "")
    if volgende.startswith("/") and not volgende.startswith("//"):
        return redirect(volgende)
    return redirect("klantregie:terugbelverzoek", uuid=verzoek.uuid)


@require_POST
@perm_required("klantregie.change_terugbelverzoek")
def terugbelverzoek_claim(request, uuid):
    verzoek = _verzoek(request, uuid)
    try:
        services.terugbelverzoek_claim(actor=Actor.from_request(request), verzoek=verzoek)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "U heeft het terugbelverzoek opgepakt.")
    return _terug(request, verzoek)


@require_POST
@perm_required("klantregie.change_terugbelverzoek")
def terugbelpoging(request, uuid):
    verzoek = _verzoek(request, uuid)
    form = TerugbelpogingForm(request.POST)
    if form.is_valid():
        try:
            services.terugbelpoging_add(
                actor=Actor.from_request(request), verzoek=verzoek, **form.cleaned_data
            )
        except Conflict as exc:
            messages.error(request, exc.message)
            return _terug(request, verzoek)
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(request, "De poging is vastgelegd.")
            return _terug(request, verzoek)
    return _render_verzoek(request, _verzoek(request, uuid), status=400, poging_form=form)


@require_POST
@perm_required("klantregie.change_terugbelverzoek")
def terugbelverzoek_afhandelen(request, uuid):
    verzoek = _verzoek(request, uuid)
    form = TerugbelAfhandelForm(request.POST)
    if form.is_valid():
        try:
            services.terugbelverzoek_close(
                actor=Actor.from_request(request), verzoek=verzoek, **form.cleaned_data
            )
        except Conflict as exc:
            messages.error(request, exc.message)
            return _terug(request, verzoek)
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(request, "Het terugbelverzoek is afgehandeld.")
            return redirect("klantregie:terugbelverzoeken")
    return _render_verzoek(request, _verzoek(request, uuid), status=400, afhandel_form=form)


# --- open questions (asked on the PIP) ----------------------------------------------------------
@perm_required("klantregie.vragen_beantwoorden")
def vragen(request):
    return render(
        request,
        "klantregie/vragen.html",
        {"vragen": selectors.open_vragen_voor_medewerker(request.user)},
    )


@perm_required("klantregie.vragen_beantwoorden")
def vraag(request, uuid):
    try:
        vraag_obj = selectors.open_vraag_voor_medewerker(request.user, uuid)
    except NotFound as exc:
        raise _404(exc) from exc
    form = AntwoordForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.vraag_beantwoorden(
                    actor=Actor.from_request(request),
                    vraag=vraag_obj,
                    antwoord=form.cleaned_data["antwoord"],
                )
            except DomainError as exc:
                apply_domain_error(form, exc)
                status = exc.status
            else:
                messages.success(request, "Het antwoord is verstuurd.")
                return redirect("klantregie:vragen")
        else:
            status = 400
    audit_read(
        Actor.from_request(request),
        obj=vraag_obj,
        object_type="klantvraag",
        zaak=vraag_obj.zaak,
        klant_id=vraag_obj.klantcontact.klant_id,
        toelichting="Vraag bekeken",
    )
    return render(
        request, "klantregie/vraag.html", {"vraag": vraag_obj, "form": form}, status=status
    )
