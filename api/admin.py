"""API applications and their authorisations, managed by the functioneel beheerder. Writes
go through `api.services` (validated, audited)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from api import services
from api.models import SCOPES, Applicatie, Autorisatie
from core.actor import Actor, Bron
from core.errors import DomainError


def _actor(request):
    return Actor.for_user(request.user, bron=Bron.BEHEER)


class AutorisatieForm(forms.ModelForm):
    """Checks the rules of the Autorisaties API on the form (ac-003), with the message on the
    field; the service checks them again when saving."""

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

    def clean(self):
        data = super().clean()
        if self.errors or data.get("DELETE"):
            return data
        kandidaat = Autorisatie(
            component=data.get("component"),
            scopes=list(data.get("scopes") or []),
            zaaktype=data.get("zaaktype"),
            informatieobjecttype=data.get("informatieobjecttype"),
            max_vertrouwelijkheidaanduiding=data.get("max_vertrouwelijkheidaanduiding") or "",
        )
        try:
            services.autorisatie_controleren(kandidaat)
        except DomainError as exc:
            veld = exc.field if exc.field in self.fields else None
            raise ValidationError({veld: exc.message} if veld else exc.message) from exc
        return data


class AutorisatieFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if not self.instance.heeft_alle_autorisaties:
            return
        blijvend = [
            f
            for f in self.forms
            if f.has_changed() or f.instance.pk
            if not self._should_delete_form(f)
        ]
        if blijvend:
            raise ValidationError(
                "Een applicatie met alle autorisaties heeft geen losse autorisaties (ac-002). "
                "Verwijder ze, of zet 'heeft alle autorisaties' uit."
            )


class AutorisatieInline(admin.StackedInline):
    model = Autorisatie
    form = AutorisatieForm
    formset = AutorisatieFormSet
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
        services.applicatie_save(actor=_actor(request), applicatie=obj)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            if obj.pk and Autorisatie.objects.filter(pk=obj.pk).exists():
                services.autorisatie_delete(actor=_actor(request), autorisatie=obj)
        for obj in instances:
            services.autorisatie_save(actor=_actor(request), autorisatie=obj)

    def delete_model(self, request, obj):
        for autorisatie in obj.autorisaties.all():
            services.autorisatie_delete(actor=_actor(request), autorisatie=autorisatie)
        obj.delete()
