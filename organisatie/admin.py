from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from organisatie.models import Lidmaatschap, Rolprofiel, Team, User


class LidmaatschapInline(admin.TabularInline):
    model = Lidmaatschap
    extra = 1
    autocomplete_fields = ["team"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = [
        "naam",
        "code",
        "lijn",
        "teamleider",
        "is_klantregieteam",
        "fte",
        "terugbel_norm_werkdagen",
    ]
    list_filter = ["lijn", "is_klantregieteam"]
    search_fields = ["naam", "code"]
    prepopulated_fields = {"code": ["naam"]}
    autocomplete_fields = ["teamleider"]


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    list_display = [
        "username",
        "first_name",
        "last_name",
        "soort",
        "rollen_weergave",
        "is_active",
        "is_staff",
    ]
    list_filter = ["soort", "groups", "is_active", "is_staff"]
    search_fields = ["username", "first_name", "last_name", "email", "bsn", "kvk_nummer"]
    inlines = [LidmaatschapInline]
    fieldsets = (
        *UserAdmin.fieldsets,
        (
            "Zaakstroom",
            {
                "fields": (
                    "soort",
                    "max_vertrouwelijkheidaanduiding",
                    "telefoon",
                    "bsn",
                    "kvk_nummer",
                    "vestigingsnummer",
                )
            },
        ),
    )

    @admin.display(description="rollen")
    def rollen_weergave(self, obj):
        return ", ".join(g.name for g in obj.groups.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")


@admin.register(Rolprofiel)
class RolprofielAdmin(admin.ModelAdmin):
    list_display = ["group", "omschrijving", "max_vertrouwelijkheidaanduiding"]
