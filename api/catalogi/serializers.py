"""Catalogi API 1.3 resources. Serializers check shape only; the catalogue services decide."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import (
    CATALOGI,
    LeegOfUrlField,
    RefField,
    SelfUrlField,
    UrlField,
    UrlListField,
    build_url,
)
from core.vertrouwelijkheid import Vertrouwelijkheid
from zaken.kalender import is_valid_duration
from zaken.models import (
    Afleidingswijze,
    Archiefnominatie,
    Catalogus,
    Eigenschap,
    RolOmschrijving,
    Zaaktype,
    ZaaktypeInformatieobjecttype,
)

URI_LIST = {"type": "array", "items": {"type": "string", "format": "uri"}, "readOnly": True}
STR_LIST = {"type": "array", "items": {"type": "string"}, "readOnly": True}


def _request(serializer):
    return serializer.context.get("request")


class DuurField(serializers.CharField):
    """An ISO-8601 duration (P8W, P10D); empty answers null."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if value and not is_valid_duration(value):
            raise serializers.ValidationError(
                f"'{value}' is geen geldige termijn. Gebruik ISO-8601, bijvoorbeeld P10D of P8W.",
                code="invalid-duration",
            )
        return value

    def to_representation(self, value):
        return value or None


extend_schema_field({"type": "string", "format": "duration", "nullable": True})(DuurField)


class CatalogusSerializer(serializers.Serializer):
    url = SelfUrlField(root=CATALOGI, resource="catalogussen")
    domein = serializers.CharField(read_only=True)
    rsin = serializers.CharField(read_only=True)
    contactpersoonBeheerNaam = serializers.CharField(
        source="contactpersoon_beheer_naam", read_only=True
    )
    contactpersoonBeheerTelefoonnummer = serializers.CharField(
        source="contactpersoon_beheer_telefoonnummer", read_only=True
    )
    # Not read-only (so not required in the schema): it is left out when empty, because an
    # empty string is no e-mail address.
    contactpersoonBeheerEmailadres = serializers.EmailField(
        source="contactpersoon_beheer_emailadres", required=False
    )
    zaaktypen = UrlListField(root=CATALOGI, resource="zaaktypen")
    besluittypen = serializers.SerializerMethodField()
    besluittypeOmschrijving = serializers.SerializerMethodField()
    informatieobjecttypen = UrlListField(root=CATALOGI, resource="informatieobjecttypen")
    informatieobjecttypeOmschrijving = serializers.SerializerMethodField()
    naam = serializers.CharField(read_only=True)
    versie = serializers.CharField(read_only=True)
    begindatumVersie = serializers.DateField(
        source="begindatum_versie", read_only=True, allow_null=True
    )

    @extend_schema_field(URI_LIST)
    def get_besluittypen(self, obj) -> list:
        return []

    @extend_schema_field(STR_LIST)
    def get_besluittypeOmschrijving(self, obj) -> list:
        return []

    @extend_schema_field(STR_LIST)
    def get_informatieobjecttypeOmschrijving(self, obj) -> list:
        return [iot.omschrijving for iot in obj.informatieobjecttypen.all()]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not data.get("contactpersoonBeheerEmailadres"):
            data.pop("contactpersoonBeheerEmailadres", None)  # an empty string is no e-mail
        return data


class ReferentieprocesSerializer(serializers.Serializer):
    naam = serializers.CharField(max_length=80, allow_blank=True)
    link = LeegOfUrlField(max_length=200, required=False, allow_blank=True)


class ZaaktypeSerializer(serializers.Serializer):
    """A zaaktype as the Catalogi API shows it. Zaakstroom's routing attributes (lines, teams)
    are not part of the standard and stay in the admin."""

    url = SelfUrlField(root=CATALOGI, resource="zaaktypen")
    identificatie = serializers.CharField(max_length=50)
    omschrijving = serializers.CharField(max_length=80)
    omschrijvingGeneriek = serializers.CharField(
        source="omschrijving_generiek", max_length=80, required=False, allow_blank=True
    )
    vertrouwelijkheidaanduiding = serializers.ChoiceField(choices=Vertrouwelijkheid.choices)
    doel = serializers.CharField(allow_blank=True)
    aanleiding = serializers.CharField(allow_blank=True)
    toelichting = serializers.CharField(required=False, allow_blank=True)
    indicatieInternOfExtern = serializers.ChoiceField(
        source="indicatie_intern_of_extern", choices=Zaaktype.InternOfExtern.choices
    )
    handelingInitiator = serializers.CharField(source="handeling_initiator", max_length=20)
    onderwerp = serializers.CharField(max_length=80, allow_blank=True)
    handelingBehandelaar = serializers.CharField(source="handeling_behandelaar", max_length=20)
    doorlooptijd = DuurField()
    servicenorm = DuurField(required=False, allow_blank=True, allow_null=True)
    opschortingEnAanhoudingMogelijk = serializers.BooleanField(
        source="opschorting_en_aanhouding_mogelijk"
    )
    verlengingMogelijk = serializers.BooleanField(source="verlenging_mogelijk")
    verlengingstermijn = DuurField(required=False, allow_blank=True, allow_null=True)
    trefwoorden = serializers.ListField(child=serializers.CharField(max_length=30), required=False)
    publicatieIndicatie = serializers.BooleanField(source="publicatie_indicatie")
    publicatietekst = serializers.CharField(required=False, allow_blank=True)
    verantwoordingsrelatie = serializers.SerializerMethodField()
    productenOfDiensten = serializers.ListField(
        source="producten_of_diensten", child=serializers.URLField(max_length=1000)
    )
    selectielijstProcestype = LeegOfUrlField(
        source="selectielijst_procestype", max_length=200, required=False, allow_blank=True
    )
    referentieproces = serializers.SerializerMethodField()
    verantwoordelijke = serializers.CharField(max_length=50, allow_blank=True)
    zaakobjecttypen = serializers.SerializerMethodField()
    catalogus = serializers.SerializerMethodField()
    statustypen = UrlListField(root=CATALOGI, resource="statustypen")
    resultaattypen = UrlListField(root=CATALOGI, resource="resultaattypen")
    resultaattypeOmschrijving = serializers.SerializerMethodField()
    eigenschappen = UrlListField(root=CATALOGI, resource="eigenschappen")
    informatieobjecttypen = serializers.SerializerMethodField()
    informatieobjecttypeOmschrijving = serializers.SerializerMethodField()
    roltypen = UrlListField(root=CATALOGI, resource="roltypen")
    besluittypen = serializers.SerializerMethodField()
    besluittypeOmschrijving = serializers.SerializerMethodField()
    deelzaaktypen = serializers.SerializerMethodField()
    deelzaaktypeIdentificaties = serializers.SerializerMethodField()
    gerelateerdeZaaktypen = serializers.SerializerMethodField()
    beginGeldigheid = serializers.DateField(source="begin_geldigheid")
    eindeGeldigheid = serializers.DateField(
        source="einde_geldigheid", allow_null=True, required=False
    )
    versiedatum = serializers.DateField(required=False)
    concept = serializers.BooleanField(read_only=True)

    @extend_schema_field(STR_LIST)
    def get_verantwoordingsrelatie(self, obj) -> list:
        return []

    @extend_schema_field(
        {
            "type": "object",
            "required": ["naam"],
            "properties": {
                "naam": {"type": "string", "maxLength": 80},
                "link": {"type": "string", "format": "uri", "maxLength": 200},
            },
        }
    )
    def get_referentieproces(self, obj) -> dict:
        return {"naam": obj.referentieproces_naam}

    @extend_schema_field(URI_LIST)
    def get_zaakobjecttypen(self, obj) -> list:
        return []

    @extend_schema_field({"type": "string", "format": "uri", "readOnly": True})
    def get_catalogus(self, obj) -> str:
        return build_url(_request(self), CATALOGI, "catalogussen", obj.catalogus.uuid)

    @extend_schema_field(STR_LIST)
    def get_resultaattypeOmschrijving(self, obj) -> list:
        return [r.omschrijving for r in obj.resultaattypen.all()]

    @extend_schema_field(URI_LIST)
    def get_informatieobjecttypen(self, obj) -> list:
        request = _request(self)
        return [
            build_url(request, CATALOGI, "informatieobjecttypen", link.informatieobjecttype.uuid)
            for link in obj.zaaktype_informatieobjecttypen.all()
        ]

    @extend_schema_field(STR_LIST)
    def get_informatieobjecttypeOmschrijving(self, obj) -> list:
        return [
            link.informatieobjecttype.omschrijving
            for link in obj.zaaktype_informatieobjecttypen.all()
        ]

    @extend_schema_field(URI_LIST)
    def get_besluittypen(self, obj) -> list:
        return []

    @extend_schema_field(STR_LIST)
    def get_besluittypeOmschrijving(self, obj) -> list:
        return []

    @extend_schema_field(URI_LIST)
    def get_deelzaaktypen(self, obj) -> list:
        return []

    @extend_schema_field(STR_LIST)
    def get_deelzaaktypeIdentificaties(self, obj) -> list:
        return []

    @extend_schema_field({"type": "array", "items": {"type": "object"}, "readOnly": True})
    def get_gerelateerdeZaaktypen(self, obj) -> list:
        return []


class ZaaktypeWriteSerializer(ZaaktypeSerializer):
    """Create or change a concept zaaktype. Only the fields of the standard; Zaakstroom's
    routing (team, lines) is set in the admin before publishing."""

    catalogus = RefField(
        root=CATALOGI, resource="catalogussen", queryset=Catalogus.objects.all(), soort="catalogus"
    )
    referentieproces = ReferentieprocesSerializer(required=False)
    productenOfDiensten = serializers.ListField(
        source="producten_of_diensten", child=serializers.URLField(max_length=1000), required=False
    )

    MODEL_FIELDS = (
        "identificatie",
        "omschrijving",
        "omschrijving_generiek",
        "vertrouwelijkheidaanduiding",
        "doel",
        "aanleiding",
        "toelichting",
        "indicatie_intern_of_extern",
        "handeling_initiator",
        "onderwerp",
        "handeling_behandelaar",
        "doorlooptijd",
        "servicenorm",
        "opschorting_en_aanhouding_mogelijk",
        "verlenging_mogelijk",
        "verlengingstermijn",
        "trefwoorden",
        "publicatie_indicatie",
        "publicatietekst",
        "producten_of_diensten",
        "selectielijst_procestype",
        "verantwoordelijke",
        "begin_geldigheid",
        "einde_geldigheid",
        "versiedatum",
        "catalogus",
    )

    def service_values(self) -> dict:
        data = dict(self.validated_data)
        values = {k: data[k] for k in self.MODEL_FIELDS if k in data}
        for veld in ("servicenorm", "verlengingstermijn"):
            if veld in values and values[veld] is None:
                values[veld] = ""
        if "referentieproces" in data:
            values["referentieproces_naam"] = (data["referentieproces"] or {}).get("naam", "")
        if self.instance is None:
            # Zaakstroom's own attributes that the standard does not know: sensible starting
            # values, to be refined in the admin before publishing.
            values.setdefault("versiedatum", values.get("begin_geldigheid"))
            values.setdefault("publiek_omschrijving", values.get("omschrijving", "")[:120])
        return values


class _OnderdeelSerializer(serializers.Serializer):
    url = serializers.SerializerMethodField()
    zaaktype = RefField(
        root=CATALOGI, resource="zaaktypen", queryset=Zaaktype.objects.all(), soort="zaaktype"
    )
    zaaktypeIdentificatie = serializers.CharField(source="zaaktype.identificatie", read_only=True)

    resource = ""

    @extend_schema_field({"type": "string", "format": "uri", "readOnly": True})
    def get_url(self, obj) -> str:
        return build_url(_request(self), CATALOGI, self.resource, obj.uuid)


class StatustypeSerializer(_OnderdeelSerializer):
    resource = "statustypen"
    omschrijving = serializers.CharField(max_length=80)
    omschrijvingGeneriek = serializers.CharField(
        source="omschrijving_generiek", max_length=80, required=False, allow_blank=True
    )
    statustekst = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    catalogus = serializers.SerializerMethodField()
    volgnummer = serializers.IntegerField(min_value=1, max_value=9999)
    isEindstatus = serializers.SerializerMethodField()
    informeren = serializers.BooleanField(required=False)
    doorlooptijd = DuurField(required=False, allow_blank=True, allow_null=True)
    toelichting = serializers.CharField(
        max_length=1000, required=False, allow_blank=True, allow_null=True
    )
    checklistitemStatustype = serializers.SerializerMethodField()
    eigenschappen = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "format": "uri", "readOnly": True})
    def get_catalogus(self, obj) -> str:
        return build_url(_request(self), CATALOGI, "catalogussen", obj.zaaktype.catalogus.uuid)

    @extend_schema_field({"type": "boolean", "readOnly": True})
    def get_isEindstatus(self, obj) -> bool:
        eind = getattr(obj, "eind_volgnummer", None)
        if eind is None:
            eind = obj.zaaktype.statustypen.order_by("-volgnummer").values_list(
                "volgnummer", flat=True
            )[0]
        return obj.volgnummer == eind

    @extend_schema_field({"type": "array", "items": {"type": "object"}, "readOnly": True})
    def get_checklistitemStatustype(self, obj) -> list:
        return []

    @extend_schema_field(URI_LIST)
    def get_eigenschappen(self, obj) -> list:
        return []


class BrondatumArchiefprocedureSerializer(serializers.Serializer):
    afleidingswijze = serializers.ChoiceField(
        source="brondatum_afleidingswijze", choices=Afleidingswijze.choices
    )
    datumkenmerk = serializers.CharField(
        source="brondatum_datumkenmerk", max_length=80, required=False, allow_blank=True
    )
    procestermijn = DuurField(
        source="brondatum_procestermijn", required=False, allow_blank=True, allow_null=True
    )


class ResultaattypeSerializer(_OnderdeelSerializer):
    resource = "resultaattypen"
    omschrijving = serializers.CharField(max_length=30)
    resultaattypeomschrijving = LeegOfUrlField(max_length=1000, allow_blank=True)
    omschrijvingGeneriek = serializers.CharField(source="omschrijving_generiek", read_only=True)
    selectielijstklasse = LeegOfUrlField(max_length=1000, allow_blank=True)
    toelichting = serializers.CharField(required=False, allow_blank=True)
    archiefnominatie = serializers.ChoiceField(choices=Archiefnominatie.choices)
    archiefactietermijn = DuurField(required=False, allow_blank=True, allow_null=True)
    brondatumArchiefprocedure = BrondatumArchiefprocedureSerializer(source="*", required=False)
    besluittypen = serializers.SerializerMethodField()
    informatieobjecttypen = serializers.SerializerMethodField()

    @extend_schema_field(URI_LIST)
    def get_besluittypen(self, obj) -> list:
        return []

    @extend_schema_field(URI_LIST)
    def get_informatieobjecttypen(self, obj) -> list:
        return []


class RoltypeSerializer(_OnderdeelSerializer):
    resource = "roltypen"
    omschrijving = serializers.CharField(max_length=100)
    omschrijvingGeneriek = serializers.ChoiceField(
        source="omschrijving_generiek", choices=RolOmschrijving.choices
    )


class EigenschapSpecificatieSerializer(serializers.Serializer):
    formaat = serializers.ChoiceField(choices=Eigenschap.Formaat.choices)
    lengte = serializers.CharField(max_length=14)
    kardinaliteit = serializers.CharField(max_length=3)
    waardenverzameling = serializers.ListField(
        child=serializers.CharField(max_length=100), required=False
    )


class EigenschapSerializer(_OnderdeelSerializer):
    resource = "eigenschappen"
    naam = serializers.CharField(max_length=20)
    definitie = serializers.CharField(max_length=255)
    specificatie = EigenschapSpecificatieSerializer(source="*")
    toelichting = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    catalogus = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "format": "uri", "readOnly": True})
    def get_catalogus(self, obj) -> str:
        return build_url(_request(self), CATALOGI, "catalogussen", obj.zaaktype.catalogus.uuid)


class InformatieobjecttypeSerializer(serializers.Serializer):
    url = SelfUrlField(root=CATALOGI, resource="informatieobjecttypen")
    catalogus = UrlField(root=CATALOGI, resource="catalogussen")
    omschrijving = serializers.CharField(read_only=True)
    vertrouwelijkheidaanduiding = serializers.CharField(read_only=True)
    beginGeldigheid = serializers.DateField(source="begin_geldigheid", read_only=True)
    eindeGeldigheid = serializers.DateField(
        source="einde_geldigheid", read_only=True, allow_null=True
    )
    concept = serializers.BooleanField(read_only=True)
    zaaktypen = serializers.SerializerMethodField()
    zaaktypeIdentificaties = serializers.SerializerMethodField()
    besluittypen = serializers.SerializerMethodField()
    besluittypeOmschrijving = serializers.SerializerMethodField()
    informatieobjectcategorie = serializers.CharField(read_only=True)
    trefwoord = serializers.ListField(child=serializers.CharField(), read_only=True)

    @extend_schema_field(URI_LIST)
    def get_zaaktypen(self, obj) -> list:
        request = _request(self)
        return [
            build_url(request, CATALOGI, "zaaktypen", link.zaaktype.uuid)
            for link in obj.zaaktype_links.all()
        ]

    @extend_schema_field(STR_LIST)
    def get_zaaktypeIdentificaties(self, obj) -> list:
        return sorted({link.zaaktype.identificatie for link in obj.zaaktype_links.all()})

    @extend_schema_field(URI_LIST)
    def get_besluittypen(self, obj) -> list:
        return []

    @extend_schema_field(STR_LIST)
    def get_besluittypeOmschrijving(self, obj) -> list:
        return []


class ZaaktypeInformatieobjecttypeSerializer(_OnderdeelSerializer):
    resource = "zaaktype-informatieobjecttypen"
    catalogus = serializers.SerializerMethodField()
    informatieobjecttype = serializers.SerializerMethodField()
    volgnummer = serializers.IntegerField(read_only=True)
    richting = serializers.ChoiceField(
        choices=ZaaktypeInformatieobjecttype.Richting.choices, read_only=True
    )
    statustype = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "format": "uri", "readOnly": True})
    def get_catalogus(self, obj) -> str:
        return build_url(_request(self), CATALOGI, "catalogussen", obj.zaaktype.catalogus.uuid)

    @extend_schema_field({"type": "string", "readOnly": True})
    def get_informatieobjecttype(self, obj) -> str:
        return build_url(
            _request(self), CATALOGI, "informatieobjecttypen", obj.informatieobjecttype.uuid
        )

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True, "readOnly": True})
    def get_statustype(self, obj):
        return None


ONDERDELEN = {
    "statustypen": StatustypeSerializer,
    "resultaattypen": ResultaattypeSerializer,
    "roltypen": RoltypeSerializer,
    "eigenschappen": EigenschapSerializer,
}
