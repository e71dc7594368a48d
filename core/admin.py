from django.contrib import admin

from core.models import Signaal


@admin.register(Signaal)
class SignaalAdmin(admin.ModelAdmin):
    list_display = ["datum", "soort", "onderwerp", "ontvanger", "object_type"]
    list_filter = ["soort", "datum"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
