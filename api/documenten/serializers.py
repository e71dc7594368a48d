"""Documenten API 1.6 resources over Zaakstroom's own document store."""

from __future__ import annotations

import base64
import binascii

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import CATALOGI, DOCUMENTEN, ZAKEN, NietOndersteund, RefField, build_url
from core.vertrouwelijkheid import Vertrouwelijkheid
from zaken.models import Document, Informatieobjecttype


def _request(serializer):
    return serializer.context.get("request")


@extend_schema_field({"type": "string", "format": "byte", "nullable": True, "writeOnly": True})
class Base64Field(serializers.Field):
    default_error_messages = {
        "invalid": "De inhoud is geen geldige base64. Codeer het bestand met base64.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_null", True)
        kwargs["write_only"] = True
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        try:
            return base64.b64decode(data.strip(), validate=True)
        except (binascii.Error, ValueError):
            self.fail("invalid")


class GebruiksrechtIndicatieField(serializers.BooleanField):
    """Zaakstroom keeps no gebruiksrechten: null or false is accepted, true is refused."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if value:
            raise serializers.ValidationError(
                "Zaakstroom legt geen gebruiksrechten vast; laat indicatieGebruiksrecht leeg.",
                code="niet-ondersteund",
            )
        return value


class EnkelvoudigInformatieObjectSerializer(serializers.Serializer):
    url = serializers.SerializerMethodField()
    identificatie = serializers.CharField(max_length=40, required=False, allow_blank=True)
    bronorganisatie = serializers.CharField(max_length=9)
    creatiedatum = serializers.DateField()
    titel = serializers.CharField(max_length=200)
    vertrouwelijkheidaanduiding = serializers.ChoiceField(
        choices=Vertrouwelijkheid.choices, required=False, allow_blank=True
    )
    auteur = serializers.CharField(max_length=200)
    status = serializers.ChoiceField(
        choices=Document.Status.choices, required=False, allow_blank=True
    )
    inhoudIsVervallen = serializers.SerializerMethodField()
    formaat = serializers.CharField(max_length=255, required=False, allow_blank=True)
    taal = serializers.CharField(min_length=3, max_length=3)
    versie = serializers.IntegerField(read_only=True)
    beginRegistratie = serializers.DateTimeField(source="aangemaakt", read_only=True)
    bestandsnaam = serializers.CharField(max_length=255, required=False, allow_blank=True)
    inhoud = serializers.SerializerMethodField()
    bestandsomvang = serializers.IntegerField(read_only=True, allow_null=True)
    link = NietOndersteund(leeg="", schema={"type": "string"})
    beschrijving = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    ontvangstdatum = serializers.DateField(required=False, allow_null=True)
    verzenddatum = serializers.DateField(required=False, allow_null=True)
    indicatieGebruiksrecht = GebruiksrechtIndicatieField()
    verschijningsvorm = NietOndersteund(leeg="", schema={"type": "string"})
    ondertekening = NietOndersteund(leeg=None, schema={"type": "object", "nullable": True})
    integriteit = serializers.SerializerMethodField()
    informatieobjecttype = RefField(
        root=CATALOGI,
        resource="informatieobjecttypen",
        queryset=Informatieobjecttype.objects.all(),
        soort="informatieobjecttype",
    )
    locked = serializers.SerializerMethodField()
    bestandsdelen = serializers.SerializerMethodField()
    trefwoorden = NietOndersteund(leeg=list, schema={"type": "array", "items": {"type": "string"}})
    tonenAanInitiator = serializers.BooleanField(
        source="zichtbaar_voor_initiator", required=False, default=False
    )

    @extend_schema_field({"type": "string", "format": "uri", "readOnly": True})
    def get_url(self, obj) -> str:
        return build_url(_request(self), DOCUMENTEN, "enkelvoudiginformatieobjecten", obj.uuid)

    @extend_schema_field({"type": "boolean", "nullable": True, "readOnly": True})
    def get_inhoudIsVervallen(self, obj):
        return False

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True, "readOnly": True})
    def get_inhoud(self, obj):
        if not obj.inhoud:
            return None
        return build_url(
            _request(self), DOCUMENTEN, "enkelvoudiginformatieobjecten", obj.uuid, "download"
        )

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "readOnly": True,
            "properties": {
                "algoritme": {"type": "string", "enum": ["sha_256"]},
                "waarde": {"type": "string"},
                "datum": {"type": "string", "format": "date"},
            },
        }
    )
    def get_integriteit(self, obj):
        if not obj.checksum:
            return None
        return {
            "algoritme": "sha_256",
            "waarde": obj.checksum,
            "datum": obj.aangemaakt.date().isoformat(),
        }

    @extend_schema_field({"type": "boolean", "readOnly": True})
    def get_locked(self, obj) -> bool:
        return False

    @extend_schema_field({"type": "array", "items": {"type": "object"}, "readOnly": True})
    def get_bestandsdelen(self, obj) -> list:
        return []

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["informatieobjecttype"] = build_url(
            _request(self), CATALOGI, "informatieobjecttypen", instance.informatieobjecttype.uuid
        )
        return data


class IntegriteitSerializer(serializers.Serializer):
    """The checksum a client computed. Zaakstroom computes its own SHA-256 of the content; a
    SHA-256 that is sent must match it, another algorithm cannot be kept."""

    algoritme = serializers.CharField(max_length=20, required=False, allow_blank=True)
    waarde = serializers.CharField(max_length=128, required=False, allow_blank=True)
    datum = serializers.DateField(required=False, allow_null=True)

    def validate(self, attrs):
        algoritme = attrs.get("algoritme", "")
        if attrs.get("waarde") and algoritme != "sha_256":
            raise serializers.ValidationError(
                {
                    "algoritme": [
                        "Zaakstroom controleert en bewaart alleen een SHA-256 (sha_256). Stuur "
                        "die, of laat integriteit leeg."
                    ]
                },
                code="niet-ondersteund",
            )
        return attrs


class EnkelvoudigInformatieObjectCreateSerializer(EnkelvoudigInformatieObjectSerializer):
    """Create a document with its content (base64 in `inhoud`). The content is checked like an
    upload (type recognised by content, size limit); `formaat` and `bestandsomvang` follow
    from it, `integriteit` is Zaakstroom's own SHA-256 (a sent SHA-256 or size must match)."""

    inhoud = Base64Field()
    integriteit = IntegriteitSerializer(required=False, allow_null=True, write_only=True)
    bestandsomvang = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=0,
        help_text="Leeg: Zaakstroom meet het zelf; gestuurd moet het kloppen met de inhoud.",
    )
    inhoudIsVervallen = NietOndersteund(
        leeg=False,
        neutraal=(False,),
        schema={"type": "boolean", "nullable": True},
        melding="Zaakstroom legt niet vast dat de inhoud vervallen is. Laat inhoudIsVervallen "
        "leeg of false.",
    )


class EnkelvoudigInformatieObjectCreatedSerializer(EnkelvoudigInformatieObjectSerializer):
    lock = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "readOnly": True})
    def get_lock(self, obj) -> str:
        return ""


class ObjectInformatieObjectSerializer(serializers.Serializer):
    url = serializers.SerializerMethodField()
    informatieobject = serializers.SerializerMethodField()
    object = serializers.SerializerMethodField()
    objectType = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "format": "uri", "readOnly": True})
    def get_url(self, obj) -> str:
        return build_url(_request(self), DOCUMENTEN, "objectinformatieobjecten", obj.uuid)

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_informatieobject(self, obj) -> str:
        return build_url(
            _request(self), DOCUMENTEN, "enkelvoudiginformatieobjecten", obj.document.uuid
        )

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_object(self, obj) -> str:
        return build_url(_request(self), ZAKEN, "zaken", obj.zaak.uuid)

    @extend_schema_field({"type": "string", "enum": ["zaak"]})
    def get_objectType(self, obj) -> str:
        return "zaak"
