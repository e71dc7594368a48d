"""Functioneel beheer of the letter templates: a form that refuses unknown placeholders with a
clear message, the list of placeholders beside it, and a PDF preview with example values."""

from django import forms
from django.contrib import admin
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from brieven import services, sjabloontaal
from brieven.models import Brief, BriefSjabloon
from core.actor import Actor, Bron


def _zaaktype_keuzes():
    from zaken.models import Zaaktype

    keuzes = {"": "Standaard (alle zaaktypen zonder eigen brief)"}
    for ident, oms in Zaaktype.objects.order_by("omschrijving").values_list(
        "identificatie", "omschrijving"
    ):
        keuzes.setdefault(ident, f"{oms} ({ident})")
    return list(keuzes.items())


class BriefSjabloonForm(forms.ModelForm):
    zaaktype_identificatie = forms.ChoiceField(label="Zaaktype", required=False, choices=())

    class Meta:
        model = BriefSjabloon
        fields = [
            "soort",
            "zaaktype_identificatie",
            "actief",
            "onderwerp",
            "tekst",
            "bezwaar",
            "bezwaartekst",
            "informatieobjecttype_omschrijving",
        ]
        widgets = {
            "tekst": forms.Textarea(attrs={"rows": 18, "cols": 90}),
            "bezwaartekst": forms.Textarea(attrs={"rows": 6, "cols": 90}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = _zaaktype_keuzes()
        huidig = self.instance.zaaktype_identificatie if self.instance.pk else ""
        if huidig and huidig not in dict(keuzes):
            keuzes.append((huidig, huidig))
        self.fields["zaaktype_identificatie"].choices = keuzes

    def clean(self):
        cleaned = super().clean()
        kandidaat = BriefSjabloon(
            soort=cleaned.get("soort") or "",
            onderwerp=cleaned.get("onderwerp") or "",
            tekst=cleaned.get("tekst") or "",
            bezwaartekst=cleaned.get("bezwaartekst") or "",
        )
        for veld, berichten in services.briefsjabloon_fouten(kandidaat).items():
            for bericht in berichten:
                self.add_error(veld, bericht)
        return cleaned


@admin.register(BriefSjabloon)
class BriefSjabloonAdmin(admin.ModelAdmin):
    form = BriefSjabloonForm
    list_display = ["__str__", "soort", "zaaktype_identificatie", "actief", "gewijzigd"]
    list_filter = ["soort", "actief"]
    search_fields = ["zaaktype_identificatie", "onderwerp"]
    readonly_fields = ["plaatshouders", "voorbeeld"]
    fieldsets = [
        (None, {"fields": ["soort", "zaaktype_identificatie", "actief"]}),
        ("Tekst", {"fields": ["onderwerp", "tekst", "plaatshouders"]}),
        ("Afhandelbrief", {"fields": ["bezwaar", "bezwaartekst"]}),
        ("Opslaan", {"fields": ["informatieobjecttype_omschrijving", "voorbeeld"]}),
    ]

    @admin.display(description="Plaatshouders")
    def plaatshouders(self, obj):
        rijen = format_html_join(
            "",
            "<li><code>{{{{ {} }}}}</code> – {}</li>",
            ((naam, uitleg) for naam, uitleg in sjabloontaal.ALGEMEEN.items()),
        )
        afhandeling = format_html_join(
            "",
            "<li><code>{{{{ {} }}}}</code> – {}</li>",
            ((naam, uitleg) for naam, uitleg in sjabloontaal.AFHANDELING.items()),
        )
        return format_html(
            "<p>Een regel die begint met <code># </code> wordt een kopje. Andere opmaak, "
            "HTML en opdrachten zijn niet mogelijk.</p><ul>{}</ul>"
            "<p>Alleen in een afhandelbrief:</p><ul>{}</ul>",
            rijen,
            afhandeling,
        )

    @admin.display(description="Voorbeeld")
    def voorbeeld(self, obj):
        if obj is None or obj.pk is None:
            return "Sla het sjabloon eerst op; daarna kunt u hier een voorbeeld bekijken."
        url = reverse("admin:brieven_briefsjabloon_voorbeeld", args=[obj.pk])
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">Voorbeeld als PDF (met voorbeeldgegevens)</a>',
            url,
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/voorbeeld/",
                self.admin_site.admin_view(self.voorbeeld_view),
                name="brieven_briefsjabloon_voorbeeld",
            ),
            *super().get_urls(),
        ]

    def voorbeeld_view(self, request, pk):
        sjabloon = get_object_or_404(BriefSjabloon, pk=pk)
        if not self.has_view_permission(request, sjabloon):
            return HttpResponse(status=403)
        pdf = services.sjabloon_voorbeeld_pdf(sjabloon)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="voorbeeld-{sjabloon.soort}.pdf"'
        return response

    def save_model(self, request, obj, form, change):
        # The form checked the placeholders; the service checks again and writes the audit trail.
        services.briefsjabloon_opslaan(
            actor=Actor.for_user(request.user, bron=Bron.BEHEER), sjabloon=obj
        )


@admin.register(Brief)
class BriefAdmin(admin.ModelAdmin):
    list_display = ["zaak", "soort", "onderwerp", "aangemaakt"]
    list_filter = ["soort"]
    list_select_related = ["zaak"]
    search_fields = ["zaak__identificatie"]
    readonly_fields = ["zaak", "soort", "sleutel", "document", "onderwerp", "aangemaakt"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
