from django.contrib import admin

from rapportage.models import KpiNorm, ZaaktypeCategorie


@admin.register(KpiNorm)
class KpiNormAdmin(admin.ModelAdmin):
    list_display = ("naam", "code", "norm", "richting", "eenheid", "actief", "volgorde")
    list_editable = ("norm", "actief", "volgorde")
    list_filter = ("actief", "eenheid")
    search_fields = ("naam", "code")

    def get_readonly_fields(self, request, obj=None):
        # The code ties a norm to its computation: fixed once the norm exists.
        return ("code",) if obj else ()


@admin.register(ZaaktypeCategorie)
class ZaaktypeCategorieAdmin(admin.ModelAdmin):
    list_display = ("zaaktype_identificatie", "categorie")
    list_filter = ("categorie",)
