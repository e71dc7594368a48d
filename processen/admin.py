"""Read-only view of processes and tasks for functioneel beheer. Tasks change only through the
task services (werkvoorraad), never here."""

from django.contrib import admin

from processen.models import Taak, ZaakProces


class AlleenLezen(admin.ModelAdmin):
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ZaakProces)
class ZaakProcesAdmin(AlleenLezen):
    list_display = ["pk", "zaak", "status", "created", "finished"]
    list_filter = ["status"]
    list_select_related = ["zaak"]
    search_fields = ["zaak__identificatie"]
    raw_id_fields = ["zaak"]
    exclude = ["flow_class"]


@admin.register(Taak)
class TaakAdmin(AlleenLezen):
    list_display = ["zaak", "stap", "team", "owner", "status", "deadline", "created", "finished"]
    list_filter = ["stap", "status", "team"]
    list_select_related = ["zaak", "team", "owner"]
    search_fields = ["zaak__identificatie"]
    date_hierarchy = "created"
    fields = [
        "zaak",
        "stap",
        "team",
        "owner",
        "status",
        "deadline",
        "opgeschort_sinds",
        "created",
        "assigned",
        "finished",
        "data",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(flow_task_type="HUMAN")
