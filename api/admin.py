"""API applications and their authorisations, managed by the functioneel beheerder. Writes
go through `api.services` (validated, audited)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from api import services
from api.models import SCOPES, Applicatie, Autorisatie
from core.actor import Actor, Bron
from core.errors import DomainError


def _actor(request):
    return Actor.for_user(request.user, bron=Bron.BEHEER)


class AutorisatieForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        choices=[(scope, scope) for scopes in SCOPES.values() for scope in scopes],
        widget=forms.CheckboxSelectMultiple,
        help_text="Kies alleen scopes van het gekozen component.",
    )

    class Meta:
        model = Autorisatie
        fields = [
            "component",
            "scopes",
            "zaaktype",
            "informatieobjecttype",
            "max_vertrouwelijkheidaanduiding",
        ]


class AutorisatieInline(admin.StackedInline):
    model = Autorisatie
    form = AutorisatieForm
    extra = 0
    autocomplete_fields = ["zaaktype"]


class ApplicatieForm(forms.ModelForm):
    secret = forms.CharField(
        widget=forms.PasswordInput(render_value=True),
        min_length=16,
        help_text=Applicatie._meta.get_field("secret").help_text,
    )

    class Meta:
        model = Applicatie
        fields = ["label", "client_id", "secret", "heeft_alle_autorisaties", "actief"]


@admin.register(Applicatie)
class ApplicatieAdmin(admin.ModelAdmin):
    form = ApplicatieForm
    list_display = ["label", "client_id", "heeft_alle_autorisaties", "actief", "gewijzigd"]
    list_filter = ["heeft_alle_autorisaties", "actief"]
    search_fields = ["label", "client_id"]
    inlines = [AutorisatieInline]

    def save_model(self, request, obj, form, change):
        try:
            services.applicatie_save(actor=_actor(request), applicatie=obj)
        except DomainError as exc:
            raise ValidationError(exc.message) from exc

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        try:
            for obj in formset.deleted_objects:
                services.autorisatie_delete(actor=_actor(request), autorisatie=obj)
            for obj in instances:
                services.autorisatie_save(actor=_actor(request), autorisatie=obj)
        except DomainError as exc:
            messages.error(request, exc.message)
            raise ValidationError(exc.message) from exc

    def delete_model(self, request, obj):
        for autorisatie in obj.autorisaties.all():
            services.autorisatie_delete(actor=_actor(request), autorisatie=autorisatie)
        obj.delete()
