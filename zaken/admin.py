"""Functioneel beheer of the catalogue, the term calendar and (read-only) zaken. Writes go
through the catalogue services: a published zaaktype is read-only here, with explicit actions
to publish, to make a new version, and to correct it with a reason."""

from django import forms
from django.contrib import admin, messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from core.actor import Actor, Bron
from core.errors import DomainError
from core.models import AuditRecord, OutboxMessage
from zaken import services
from zaken.models import (
    Catalogus,
    Eigenschap,
    Informatieobjecttype,
    Resultaattype,
    Roltype,
    Sluitingsdag,
    Statustype,
    Zaak,
    Zaaktype,
    ZaaktypeInformatieobjecttype,
)
from zaken.services.catalogus import catalogus_onderdeel_wijzigbaar


def _actor(request):
    return Actor.for_user(request.user, bron=Bron.BEHEER)


class ConceptOnlyInline(admin.TabularInline):
    """Parts of a zaaktype change only while it is a concept."""

    extra = 0

    def _editable(self, obj):
        return obj is None or obj.concept

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)


class StatustypeInline(ConceptOnlyInline):
    model = Statustype
    fields = [
        "volgnummer",
        "omschrijving",
        "statustekst",
        "informeren",
        "processtap",
        "doorlooptijd",
    ]


class ResultaattypeInline(ConceptOnlyInline):
    model = Resultaattype
    fields = [
        "omschrijving",
        "publiek_omschrijving",
        "archiefnominatie",
        "archiefactietermijn",
        "brondatum_afleidingswijze",
        "brondatum_procestermijn",
        "brondatum_datumkenmerk",
    ]


class RoltypeInline(ConceptOnlyInline):
    model = Roltype
    fields = ["omschrijving", "omschrijving_generiek"]


class EigenschapInline(ConceptOnlyInline):
    model = Eigenschap
    fields = [
        "naam",
        "definitie",
        "publiek_label",
        "formaat",
        "lengte",
        "verplicht",
        "waardenverzameling",
    ]


class ZaaktypeIOTInline(ConceptOnlyInline):
    model = ZaaktypeInformatieobjecttype
    fields = ["informatieobjecttype", "volgnummer", "richting", "upload_door_aanvrager"]


@admin.register(Catalogus)
class CatalogusAdmin(admin.ModelAdmin):
    list_display = ["__str__", "domein", "rsin", "contactpersoon_beheer_naam"]


class CorrectieForm(forms.Form):
    reden = forms.CharField(
        label="Reden van de correctie",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Verplicht. Wordt vastgelegd in de audit trail.",
    )
    omschrijving = forms.CharField(label="Omschrijving", max_length=80)
    publiek_omschrijving = forms.CharField(label="Naam voor de aanvrager", max_length=120)
    publiek_toelichting = forms.CharField(
        label="Uitleg voor de aanvrager", required=False, widget=forms.Textarea
    )
    toelichting = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea)
    doorlooptijd = forms.CharField(label="Doorlooptijd", max_length=20)
    servicenorm = forms.CharField(label="Servicenorm", max_length=20, required=False)
    verlengingstermijn = forms.CharField(label="Verlengingstermijn", max_length=20, required=False)


@admin.register(Zaaktype)
class ZaaktypeAdmin(admin.ModelAdmin):
    list_display = [
        "omschrijving",
        "identificatie",
        "versiedatum",
        "begin_geldigheid",
        "einde_geldigheid",
        "status_weergave",
        "behandeling",
        "verantwoordelijk_team",
    ]
    list_filter = [
        "concept",
        "behandeling",
        "klantregie_vereist",
        "kcc_mag_afhandelen",
        "aanvraagbaar_via_pip",
    ]
    search_fields = ["omschrijving", "identificatie", "publiek_omschrijving"]
    filter_horizontal = ["betrokken_teams"]
    inlines = [
        StatustypeInline,
        ResultaattypeInline,
        RoltypeInline,
        EigenschapInline,
        ZaaktypeIOTInline,
    ]
    actions = ["publiceren"]
    readonly_fields = ["concept", "gepubliceerd_op", "acties"]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "catalogus",
                    "identificatie",
                    "omschrijving",
                    "omschrijving_generiek",
                    "acties",
                )
            },
        ),
        (
            "Voor de aanvrager",
            {"fields": ("publiek_omschrijving", "publiek_toelichting", "aanvraagbaar_via_pip")},
        ),
        (
            "Termijnen",
            {
                "fields": (
                    "doorlooptijd",
                    "servicenorm",
                    "termijn_eenheid",
                    "opschorting_en_aanhouding_mogelijk",
                    "verlenging_mogelijk",
                    "verlengingstermijn",
                )
            },
        ),
        (
            "Routering",
            {
                "fields": (
                    "behandeling",
                    "verantwoordelijk_team",
                    "betrokken_teams",
                    "klantregie_vereist",
                    "kcc_mag_afhandelen",
                )
            },
        ),
        (
            "ZGW",
            {
                "classes": ["collapse"],
                "fields": (
                    "vertrouwelijkheidaanduiding",
                    "doel",
                    "aanleiding",
                    "toelichting",
                    "indicatie_intern_of_extern",
                    "handeling_initiator",
                    "onderwerp",
                    "handeling_behandelaar",
                    "trefwoorden",
                    "publicatie_indicatie",
                    "publicatietekst",
                    "producten_of_diensten",
                    "selectielijst_procestype",
                    "referentieproces_naam",
                    "verantwoordelijke",
                ),
            },
        ),
        (
            "Geldigheid",
            {
                "fields": (
                    "versiedatum",
                    "begin_geldigheid",
                    "einde_geldigheid",
                    "concept",
                    "gepubliceerd_op",
                )
            },
        ),
    )

    @admin.display(description="status")
    def status_weergave(self, obj):
        return "concept" if obj.concept else "gepubliceerd"

    @admin.display(description="acties")
    def acties(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        if obj.concept:
            return format_html(
                '<a class="button" href="{}">Publiceren</a>',
                reverse("admin:zaken_zaaktype_publiceer", args=[obj.pk]),
            )
        return format_html(
            '<a class="button" href="{}">Nieuwe versie</a> <a class="button" href="{}">Corrigeren</a>',
            reverse("admin:zaken_zaaktype_nieuwe_versie", args=[obj.pk]),
            reverse("admin:zaken_zaaktype_corrigeer", args=[obj.pk]),
        )

    def has_change_permission(self, request, obj=None):
        if obj is not None and not obj.concept:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not obj.concept:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        values = {f: form.cleaned_data[f] for f in form.cleaned_data if f != "betrokken_teams"}
        if change:
            services.zaaktype_update(
                actor=_actor(request),
                zaaktype=obj,
                **{k: v for k, v in values.items() if k not in ("catalogus", "identificatie")},
            )
        else:
            created = services.zaaktype_create(actor=_actor(request), **values)
            obj.pk = created.pk
            obj.id = created.pk
            obj._state.adding = False
            obj.uuid = created.uuid

    def save_formset(self, request, form, formset, change):
        catalogus_onderdeel_wijzigbaar(form.instance)
        super().save_formset(request, form, formset, change)

    @admin.action(description="Geselecteerde zaaktypen publiceren")
    def publiceren(self, request, queryset):
        for zaaktype in queryset:
            try:
                services.zaaktype_publish(actor=_actor(request), zaaktype=zaaktype)
            except DomainError as exc:
                self.message_user(request, f"{zaaktype}: {exc.message}", messages.ERROR)
            else:
                self.message_user(
                    request, f"{zaaktype.omschrijving} is gepubliceerd.", messages.SUCCESS
                )

    def get_urls(self):
        return [
            path(
                "<int:pk>/publiceren/",
                self.admin_site.admin_view(self.publiceer_view),
                name="zaken_zaaktype_publiceer",
            ),
            path(
                "<int:pk>/nieuwe-versie/",
                self.admin_site.admin_view(self.nieuwe_versie_view),
                name="zaken_zaaktype_nieuwe_versie",
            ),
            path(
                "<int:pk>/corrigeren/",
                self.admin_site.admin_view(self.corrigeer_view),
                name="zaken_zaaktype_corrigeer",
            ),
            *super().get_urls(),
        ]

    def publiceer_view(self, request, pk):
        zaaktype = get_object_or_404(Zaaktype, pk=pk)
        try:
            services.zaaktype_publish(actor=_actor(request), zaaktype=zaaktype)
        except DomainError as exc:
            self.message_user(request, exc.message, messages.ERROR)
        else:
            self.message_user(
                request,
                "Het zaaktype is gepubliceerd. Het kan nu niet meer worden gewijzigd.",
                messages.SUCCESS,
            )
        return redirect("admin:zaken_zaaktype_change", pk)

    def nieuwe_versie_view(self, request, pk):
        zaaktype = get_object_or_404(Zaaktype, pk=pk)
        try:
            nieuw = services.zaaktype_new_version(
                actor=_actor(request),
                zaaktype=zaaktype,
                begin_geldigheid=max(timezone.localdate(), zaaktype.begin_geldigheid)
                + timezone.timedelta(days=1),
            )
        except DomainError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return redirect("admin:zaken_zaaktype_change", pk)
        self.message_user(request, "Er is een nieuwe conceptversie gemaakt.", messages.SUCCESS)
        return redirect("admin:zaken_zaaktype_change", nieuw.pk)

    def corrigeer_view(self, request, pk):
        zaaktype = get_object_or_404(Zaaktype, pk=pk)
        if not request.user.has_perm("zaken.catalogus-beheren"):
            self.message_user(request, "U mag de catalogus niet corrigeren.", messages.ERROR)
            return redirect("admin:zaken_zaaktype_change", pk)
        initial = {f: getattr(zaaktype, f) for f in CorrectieForm.base_fields if f != "reden"}
        form = CorrectieForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            changes = {
                k: v for k, v in form.cleaned_data.items() if k != "reden" and v != initial.get(k)
            }
            try:
                services.zaaktype_correct(
                    actor=_actor(request),
                    zaaktype=zaaktype,
                    reden=form.cleaned_data["reden"],
                    **changes,
                )
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                self.message_user(
                    request,
                    "De correctie is opgeslagen en vastgelegd in de audit trail.",
                    messages.SUCCESS,
                )
                return redirect("admin:zaken_zaaktype_change", pk)
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "zaaktype": zaaktype,
            "title": f"Corrigeren: {zaaktype}",
            "opts": self.model._meta,
        }
        return render(request, "admin/zaken/zaaktype_corrigeren.html", context)


@admin.register(Informatieobjecttype)
class InformatieobjecttypeAdmin(admin.ModelAdmin):
    list_display = [
        "omschrijving",
        "informatieobjectcategorie",
        "vertrouwelijkheidaanduiding",
        "concept",
    ]
    actions = ["publiceren"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and not obj.concept:
            return False
        return super().has_change_permission(request, obj)

    @admin.action(description="Publiceren")
    def publiceren(self, request, queryset):
        for iot in queryset.filter(concept=True):
            services.informatieobjecttype_publish(actor=_actor(request), informatieobjecttype=iot)
        self.message_user(request, "Gepubliceerd.", messages.SUCCESS)


@admin.register(Sluitingsdag)
class SluitingsdagAdmin(admin.ModelAdmin):
    list_display = ["datum", "omschrijving"]
    date_hierarchy = "datum"


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Zaak)
class ZaakAdmin(ReadOnlyAdmin):
    """Read-only: zaken change through the staff screens and the API, never here."""

    list_display = [
        "identificatie",
        "zaaktype",
        "startdatum",
        "uiterlijke_einddatum_afdoening",
        "einddatum",
        "behandelend_team",
    ]
    list_filter = ["zaaktype__omschrijving", "behandelend_team"]
    search_fields = ["identificatie"]
    list_select_related = ["zaaktype", "behandelend_team"]
    show_full_result_count = False

    def view_on_site(self, obj):
        return reverse("zaken:detail", args=[obj.uuid])


@admin.register(AuditRecord)
class AuditRecordAdmin(ReadOnlyAdmin):
    list_display = [
        "tijdstip",
        "actie",
        "object_type",
        "object_weergave",
        "gebruiker_weergave",
        "applicatie",
        "bron",
    ]
    list_filter = ["actie", "bron", "object_type"]
    search_fields = ["object_weergave", "gebruiker_weergave", "toelichting"]
    show_full_result_count = False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    list_display = ["aangemaakt", "soort", "sleutel", "pogingen", "verzonden_op", "laatste_fout"]
    list_filter = ["soort"]
    show_full_result_count = False
