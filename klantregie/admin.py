"""Redacteuren maintain the kennisbank here. Saving goes through the kennisbank service
(validation, the Dutch search vector, the audit trail); articles are retired, not deleted, so the
contacts that used them keep their history."""

from django import forms
from django.contrib import admin

from core.actor import Actor, Bron
from klantregie.models import Kennisartikel
from klantregie.services import kennisartikel_opslaan
from zaken.models import Zaaktype


class KennisartikelForm(forms.ModelForm):
    zaaktype_identificatie = forms.ChoiceField(label="Gekoppeld zaaktype", required=False)

    class Meta:
        model = Kennisartikel
        fields = [
            "vraag",
            "antwoord",
            "trefwoorden",
            "product",
            "zaaktype_identificatie",
            "eigenaar_team",
            "herzien_op",
            "actief",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = {}
        for ident, oms in (
            Zaaktype.objects.filter(concept=False)
            .order_by("omschrijving", "-begin_geldigheid")
            .values_list("identificatie", "omschrijving")
        ):
            keuzes.setdefault(ident, oms)
        self.fields["zaaktype_identificatie"].choices = [("", "Geen"), *keuzes.items()]


@admin.register(Kennisartikel)
class KennisartikelAdmin(admin.ModelAdmin):
    form = KennisartikelForm
    list_display = [
        "vraag",
        "product",
        "zaaktype_identificatie",
        "eigenaar_team",
        "herzien_op",
        "actief",
    ]
    list_filter = ["actief", "eigenaar_team"]
    search_fields = ["vraag", "trefwoorden", "product"]
    list_select_related = ["eigenaar_team"]
    show_full_result_count = False

    def save_model(self, request, obj, form, change):
        # The form already checked the shape; the service checks the rules, keeps the search
        # vector current and writes the audit trail.
        kennisartikel_opslaan(actor=Actor.for_user(request.user, bron=Bron.BEHEER), artikel=obj)

    def has_delete_permission(self, request, obj=None):
        return False
