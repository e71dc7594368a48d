"""The filters of GET /zaken and POST /zaken/_zoek (Zaken API 1.7), validated like input:
a malformed value or an unknown parameter is a 400 with invalidParams. All conditions on rollen
apply to one and the same rol (e.g. initiator AND this BSN). "Zaken by BSN" is an EXISTS on
`zaken_rol(bsn)`, served by the index `rol_bsn_idx`."""

from __future__ import annotations

import copy
import re

from django.db.models import Exists, OuterRef, Q
from drf_spectacular.utils import OpenApiParameter, extend_schema_field
from rest_framework import serializers

from api.fields import CATALOGI, parse_url
from core.vertrouwelijkheid import Vertrouwelijkheid, tot_en_met
from zaken.models import Archiefnominatie, BetrokkeneType, Rol, RolOmschrijving, Zaak

ORDERING = [
    "startdatum",
    "einddatum",
    "publicatiedatum",
    "archiefactiedatum",
    "registratiedatum",
    "identificatie",
]
ORDERING_CHOICES = [o for veld in ORDERING for o in (veld, f"-{veld}")]


class CsvField(serializers.ListField):
    """A comma-separated query value (`a,b,c`), or a JSON list in a _zoek body."""

    def to_internal_value(self, data):
        if isinstance(data, str):
            data = [part.strip() for part in data.split(",") if part.strip()]
        return super().to_internal_value(data)


class UriField(serializers.CharField):
    """A URL (any host, also an intranet name without a dot)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 1000)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", value):
            raise serializers.ValidationError(
                "Geef een volledige URL (http:// of https://).", code="invalid"
            )
        return value


@extend_schema_field({"type": "string", "format": "uri"})
class ZaaktypeUrlField(serializers.Field):
    """The URL of a zaaktype; validated to its uuid."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or len(data) > 1000:
            raise serializers.ValidationError("Geef een URL als tekst.", code="invalid")
        key = parse_url(data.strip(), CATALOGI, "zaaktypen")
        if key is None:
            raise serializers.ValidationError(
                "Geef de volledige URL van een zaaktype (.../catalogi/api/v1/zaaktypen/<uuid>).",
                code="bad-url",
            )
        return key


def _date():
    return serializers.DateField(required=False, input_formats=["iso-8601"])


def _bool():
    return serializers.BooleanField(required=False)


# name -> (serializer field, ORM lookup or None for special handling, description)
FILTERS: dict[str, tuple] = {
    "identificatie": (
        serializers.CharField(required=False, max_length=40),
        "identificatie",
        "Identificatie van de zaak.",
    ),
    "bronorganisatie": (
        serializers.CharField(required=False, max_length=9),
        "bronorganisatie",
        "RSIN van de bronorganisatie.",
    ),
    "bronorganisatie__in": (
        CsvField(child=serializers.CharField(max_length=9), required=False),
        "bronorganisatie__in",
        "Bronorganisaties, gescheiden door komma's.",
    ),
    "zaaktype": (ZaaktypeUrlField(required=False), None, "URL van het zaaktype."),
    "archiefnominatie": (
        serializers.ChoiceField(choices=Archiefnominatie.choices, required=False),
        "archiefnominatie",
        "Archiefnominatie.",
    ),
    "archiefnominatie__in": (
        CsvField(child=serializers.ChoiceField(choices=Archiefnominatie.choices), required=False),
        "archiefnominatie__in",
        "Archiefnominaties, gescheiden door komma's.",
    ),
    "archiefactiedatum": (_date(), "archiefactiedatum", "Archiefactiedatum (JJJJ-MM-DD)."),
    "archiefactiedatum__isnull": (
        _bool(),
        "archiefactiedatum__isnull",
        "De archiefactiedatum is leeg.",
    ),
    "archiefactiedatum__lt": (
        _date(),
        "archiefactiedatum__lt",
        "Archiefactiedatum voor deze datum.",
    ),
    "archiefactiedatum__gt": (_date(), "archiefactiedatum__gt", "Archiefactiedatum na deze datum."),
    "archiefstatus": (
        serializers.ChoiceField(choices=Zaak.Archiefstatus.choices, required=False),
        "archiefstatus",
        "Archiefstatus.",
    ),
    "archiefstatus__in": (
        CsvField(child=serializers.ChoiceField(choices=Zaak.Archiefstatus.choices), required=False),
        "archiefstatus__in",
        "Archiefstatussen, gescheiden door komma's.",
    ),
    "startdatum": (_date(), "startdatum", "Startdatum."),
    "startdatum__gt": (_date(), "startdatum__gt", "Startdatum na deze datum."),
    "startdatum__gte": (_date(), "startdatum__gte", "Startdatum op of na deze datum."),
    "startdatum__lt": (_date(), "startdatum__lt", "Startdatum voor deze datum."),
    "startdatum__lte": (_date(), "startdatum__lte", "Startdatum op of voor deze datum."),
    "registratiedatum": (_date(), "registratiedatum", "Registratiedatum."),
    "registratiedatum__gt": (_date(), "registratiedatum__gt", "Registratiedatum na deze datum."),
    "registratiedatum__lt": (_date(), "registratiedatum__lt", "Registratiedatum voor deze datum."),
    "einddatum": (_date(), "einddatum", "Einddatum."),
    "einddatum__isnull": (_bool(), "einddatum__isnull", "De einddatum is leeg (de zaak is open)."),
    "einddatum__gt": (_date(), "einddatum__gt", "Einddatum na deze datum."),
    "einddatum__lt": (_date(), "einddatum__lt", "Einddatum voor deze datum."),
    "einddatumGepland": (_date(), "einddatum_gepland", "Geplande einddatum."),
    "einddatumGepland__gt": (_date(), "einddatum_gepland__gt", "Geplande einddatum na deze datum."),
    "einddatumGepland__lt": (
        _date(),
        "einddatum_gepland__lt",
        "Geplande einddatum voor deze datum.",
    ),
    "uiterlijkeEinddatumAfdoening": (
        _date(),
        "uiterlijke_einddatum_afdoening",
        "Uiterlijke einddatum.",
    ),
    "uiterlijkeEinddatumAfdoening__gt": (
        _date(),
        "uiterlijke_einddatum_afdoening__gt",
        "Uiterlijke einddatum na deze datum.",
    ),
    "uiterlijkeEinddatumAfdoening__lt": (
        _date(),
        "uiterlijke_einddatum_afdoening__lt",
        "Uiterlijke einddatum voor deze datum.",
    ),
    "maximaleVertrouwelijkheidaanduiding": (
        serializers.ChoiceField(choices=Vertrouwelijkheid.choices, required=False),
        None,
        "Alleen zaken tot en met deze vertrouwelijkheidaanduiding.",
    ),
    "ordering": (
        CsvField(child=serializers.ChoiceField(choices=ORDERING_CHOICES), required=False),
        None,
        "Sorteervolgorde, bijvoorbeeld -startdatum (meerdere gescheiden door komma's).",
    ),
    # Conditions on one rol of the zaak.
    "rol__betrokkeneType": (
        serializers.ChoiceField(choices=BetrokkeneType.choices, required=False),
        "betrokkene_type",
        "Soort betrokkene van een rol.",
    ),
    "rol__betrokkene": (
        UriField(required=False),
        None,
        "URL van een betrokkene (Zaakstroom legt geen betrokkene-URL's vast; dit filter vindt niets).",
    ),
    "rol__omschrijvingGeneriek": (
        serializers.ChoiceField(choices=RolOmschrijving.choices, required=False),
        "omschrijving_generiek",
        "Generieke omschrijving van een rol.",
    ),
    "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": (
        serializers.CharField(required=False, max_length=9),
        "bsn",
        "BSN van een natuurlijk persoon met een rol (index rol_bsn_idx).",
    ),
    "rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie": (
        serializers.CharField(required=False, max_length=17),
        "betrokkene_identificatie__anpIdentificatie",
        "ANP-identificatie.",
    ),
    "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer": (
        serializers.CharField(required=False, max_length=10),
        "betrokkene_identificatie__inpA_nummer",
        "A-nummer.",
    ),
    "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId": (
        serializers.CharField(required=False, max_length=9),
        "rsin",
        "RSIN van een niet-natuurlijk persoon.",
    ),
    "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie": (
        serializers.CharField(required=False, max_length=17),
        "betrokkene_identificatie__annIdentificatie",
        "ANN-identificatie.",
    ),
    "rol__betrokkeneIdentificatie__vestiging__vestigingsNummer": (
        serializers.CharField(required=False, max_length=24),
        "vestigingsnummer",
        "Vestigingsnummer.",
    ),
    "rol__betrokkeneIdentificatie__medewerker__identificatie": (
        serializers.CharField(required=False, max_length=254),
        "medewerker__username",
        "Gebruikersnaam van een medewerker met een rol.",
    ),
    "rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie": (
        serializers.CharField(required=False, max_length=24),
        "team__code",
        "Code van een team met een rol.",
    ),
}

ZOEK_EXTRA: dict[str, tuple] = {
    "zaaktype__in": (
        CsvField(child=ZaaktypeUrlField(), required=False),
        None,
        "URL's van zaaktypen.",
    ),
    "uuid__in": (
        CsvField(child=serializers.UUIDField(), required=False),
        "uuid__in",
        "UUID's van zaken.",
    ),
    "zaakgeometrie": (
        serializers.JSONField(required=False, allow_null=True),
        None,
        "Niet ondersteund: Zaakstroom legt geen zaakgeometrie vast.",
    ),
}


def _serializer_class(extra: bool):
    fields = {name: copy.deepcopy(spec[0]) for name, spec in FILTERS.items()}
    if extra:
        fields.update({name: copy.deepcopy(spec[0]) for name, spec in ZOEK_EXTRA.items()})
    return type("ZaakZoekFilters" if extra else "ZaakFilters", (serializers.Serializer,), fields)


ZaakFilterSerializer = _serializer_class(False)
ZaakZoekBodySerializer = _serializer_class(True)


def query_parameters() -> list[OpenApiParameter]:
    from api.base import ACCEPT_CRS, CONTENT_CRS_OPTIONAL

    params = []
    for name, (field, _lookup, description) in FILTERS.items():
        if isinstance(field, CsvField):
            type_ = {"type": "array", "items": {"type": "string"}}
            params.append(
                OpenApiParameter(
                    name=name,
                    type=type_,
                    location="query",
                    required=False,
                    description=description,
                    style="form",
                    explode=False,
                )
            )
            continue
        type_ = {
            serializers.DateField: {"type": "string", "format": "date"},
            serializers.BooleanField: {"type": "boolean"},
            UriField: {"type": "string", "format": "uri"},
            ZaaktypeUrlField: {"type": "string", "format": "uri"},
        }.get(type(field), {"type": "string"})
        enum = list(dict(field.choices)) if isinstance(field, serializers.ChoiceField) else None
        params.append(
            OpenApiParameter(
                name=name,
                type=type_,
                location="query",
                required=False,
                description=description,
                enum=enum,
            )
        )
    return [*params, ACCEPT_CRS, CONTENT_CRS_OPTIONAL]


def validate(data, *, zoek: bool = False) -> dict:
    if hasattr(data, "getlist"):
        data = {key: data.get(key) for key in data}
    serializer = (ZaakZoekBodySerializer if zoek else ZaakFilterSerializer)(data=data)
    serializer.is_valid(raise_exception=True)
    return {k: v for k, v in serializer.validated_data.items() if v not in (None, "", [])}


def apply(qs, params: dict):
    """Apply validated filters to a zaken queryset (already limited to what the client may
    see)."""
    simple = {}
    rol = {}
    for name, value in params.items():
        spec = FILTERS.get(name) or ZOEK_EXTRA.get(name)
        lookup = spec[1]
        if name.startswith("rol__"):
            if name == "rol__betrokkene":
                return qs.none()
            rol[lookup] = value
        elif lookup is not None:
            simple[lookup] = value
    if simple:
        qs = qs.filter(**simple)
    if "zaaktype" in params:
        qs = qs.filter(zaaktype__uuid=params["zaaktype"])
    if "zaaktype__in" in params:
        qs = qs.filter(zaaktype__uuid__in=params["zaaktype__in"])
    if params.get("zaakgeometrie") is not None:
        raise serializers.ValidationError(
            {
                "zaakgeometrie": [
                    "Zaakstroom legt geen zaakgeometrie vast; zoeken op geometrie kan niet."
                ]
            }
        )
    if "maximaleVertrouwelijkheidaanduiding" in params:
        qs = qs.filter(
            vertrouwelijkheidaanduiding__in=tot_en_met(
                params["maximaleVertrouwelijkheidaanduiding"]
            )
        )
    if rol:
        qs = qs.filter(Exists(Rol.objects.filter(zaak_id=OuterRef("pk"), **rol)))
    ordering = params.get("ordering") or ["-startdatum"]
    return qs.order_by(*ordering, "-id" if ordering[-1].startswith("-") else "id")


def filters_bsn(params: dict) -> str:
    return params.get("rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn", "")


__all__ = ["FILTERS", "ORDERING_CHOICES", "Q", "apply", "query_parameters", "validate"]
