from django.contrib import admin

from pip.models import Notificatievoorkeur


@admin.register(Notificatievoorkeur)
class NotificatievoorkeurAdmin(admin.ModelAdmin):
    """Read-only: requesters change their preferences themselves on the PIP (audited)."""

    list_display = ("__str__", "email", "email_ontvangen", "gewijzigd")
    search_fields = ("bsn", "kvk_nummer", "email")
    readonly_fields = (
        "bsn",
        "kvk_nummer",
        "vestigingsnummer",
        "email",
        "email_ontvangen",
        "gewijzigd",
    )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
