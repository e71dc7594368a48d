"""Catalogi API 1.3 at /catalogi/api/v1/: read for every application with `catalogi.lezen`
(zaaktypen also with `zaken.lezen`), write for applications with `catalogi.schrijven`, through
the catalogue services (concept until published; a published zaaktype does not change)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api import selectors
from api.base import IF_NONE_MATCH, ZgwViewSet, atomic
from api.catalogi import serializers as s
from api.fields import CATALOGI, parse_url
from zaken import services
from zaken.services.catalogus import catalogus_onderdeel_add, catalogus_onderdeel_delete

LEZEN = ["catalogi.lezen"]
SCHRIJVEN = ["catalogi.schrijven"]
STATUS_CHOICES = ("alles", "concept", "definitief")


class CatalogiViewSet(ZgwViewSet):
    api_version = "1.3.3"


def _param(name, description, type_=str, enum=None):
    return OpenApiParameter(
        name=name,
        type=type_,
        location=OpenApiParameter.QUERY,
        required=False,
        description=description,
        enum=enum,
    )


STATUS_PARAM = _param(
    "status",
    "Filter op concept: `alles`, `concept` of `definitief` (standaard).",
    enum=list(STATUS_CHOICES),
)
DATUM_GELDIGHEID = _param(
    "datumGeldigheid", "Alleen objecten die op deze datum (JJJJ-MM-DD) geldig zijn."
)


def _fout(name: str, reason: str, code: str = "invalid"):
    return exceptions.ValidationError({name: [exceptions.ErrorDetail(reason, code=code)]})


def _url_filter(params, name: str, resource: str):
    value = params.get(name)
    if value in (None, ""):
        return None
    key = parse_url(value, CATALOGI, resource)
    if key is None:
        raise _fout(name, f"Geef de volledige URL van een {resource[:-1] or resource}.")
    return key


def _status_filter(params, qs, prefix=""):
    status = params.get("status") or "definitief"
    if status not in STATUS_CHOICES:
        raise _fout("status", "Kies alles, concept of definitief.")
    if status == "concept":
        return qs.filter(**{f"{prefix}concept": True})
    if status == "definitief":
        return qs.filter(**{f"{prefix}concept": False})
    return qs


def _geldigheid_filter(params, qs, prefix=""):
    raw = params.get("datumGeldigheid")
    if not raw:
        return qs
    try:
        op = date.fromisoformat(raw)
    except ValueError as exc:
        raise _fout("datumGeldigheid", "Geef een datum als JJJJ-MM-DD.") from exc
    return qs.filter(**{f"{prefix}begin_geldigheid__lte": op}).filter(
        Q(**{f"{prefix}einde_geldigheid__isnull": True})
        | Q(**{f"{prefix}einde_geldigheid__gte": op})
    )


@extend_schema_view(
    list=extend_schema(summary="Alle catalogussen opvragen.", tags=["catalogussen"]),
    retrieve=extend_schema(
        summary="Een specifieke catalogus opvragen.",
        tags=["catalogussen"],
        parameters=[IF_NONE_MATCH],
    ),
)
class CatalogusViewSet(CatalogiViewSet):
    serializer_class = s.CatalogusSerializer
    required_scopes = {"list": LEZEN, "retrieve": LEZEN}
    query_params = {"list": {"domein", "rsin"}}

    def get_queryset(self):
        return selectors.catalogussen()

    @extend_schema(
        parameters=[_param("domein", "Domein van de catalogus."), _param("rsin", "RSIN.")]
    )
    def list(self, request):
        qs = self.get_queryset()
        for name in ("domein", "rsin"):
            if request.query_params.get(name):
                qs = qs.filter(**{name: request.query_params[name]})
        return self.list_response(qs)

    def retrieve(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "catalogus")
        return self.detail_response(self.get_serializer(obj).data)


@extend_schema_view(
    list=extend_schema(
        summary="Alle zaaktypen opvragen.",
        tags=["zaaktypen"],
        parameters=[
            _param("catalogus", "URL van de catalogus."),
            _param("identificatie", "Identificatie van het zaaktype."),
            _param("trefwoorden", "Trefwoorden, gescheiden door komma's (alle moeten passen)."),
            STATUS_PARAM,
            DATUM_GELDIGHEID,
        ],
    ),
    retrieve=extend_schema(
        summary="Een specifiek zaaktype opvragen.", tags=["zaaktypen"], parameters=[IF_NONE_MATCH]
    ),
    create=extend_schema(
        summary="Een (concept) zaaktype aanmaken.",
        tags=["zaaktypen"],
        request=s.ZaaktypeWriteSerializer,
        responses={201: s.ZaaktypeSerializer},
    ),
    update=extend_schema(
        summary="Een concept zaaktype wijzigen.",
        tags=["zaaktypen"],
        request=s.ZaaktypeWriteSerializer,
        responses={200: s.ZaaktypeSerializer},
    ),
    partial_update=extend_schema(
        summary="Een concept zaaktype gedeeltelijk wijzigen.",
        tags=["zaaktypen"],
        request=s.ZaaktypeWriteSerializer,
        responses={200: s.ZaaktypeSerializer},
    ),
)
class ZaaktypeViewSet(CatalogiViewSet):
    serializer_class = s.ZaaktypeSerializer
    required_scopes = {
        "list": ["catalogi.lezen", "zaken.lezen"],
        "retrieve": ["catalogi.lezen", "zaken.lezen"],
        "create": SCHRIJVEN,
        "update": SCHRIJVEN,
        "partial_update": SCHRIJVEN,
        "publish": SCHRIJVEN,
    }
    query_params = {
        "list": {"catalogus", "identificatie", "trefwoorden", "status", "datumGeldigheid"}
    }

    def get_queryset(self):
        return selectors.zaaktypen(self.autorisatie).order_by("identificatie", "begin_geldigheid")

    def list(self, request):
        params = request.query_params
        qs = self.get_queryset()
        catalogus = _url_filter(params, "catalogus", "catalogussen")
        if catalogus:
            qs = qs.filter(catalogus__uuid=catalogus)
        if params.get("identificatie"):
            qs = qs.filter(identificatie=params["identificatie"])
        if params.get("trefwoorden"):
            for woord in params["trefwoorden"].split(","):
                if woord.strip():
                    qs = qs.filter(trefwoorden__contains=[woord.strip()])
        qs = _status_filter(params, qs)
        qs = _geldigheid_filter(params, qs)
        return self.list_response(qs)

    def _object(self, uuid):
        return selectors.get_or_404(self.get_queryset(), uuid, "zaaktype")

    def retrieve(self, request, uuid=None):
        return self.detail_response(self.get_serializer(self._object(uuid)).data)

    def _respond(self, zaaktype, status_code=200):
        data = s.ZaaktypeSerializer(
            self._object(zaaktype.uuid), context=self.get_serializer_context()
        ).data
        if status_code == 201:
            return self.created(data)
        return self.detail_response(data)

    @atomic
    def create(self, request):
        serializer = s.ZaaktypeWriteSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        zaaktype = services.zaaktype_create(actor=self.actor, **serializer.service_values())
        return self._respond(zaaktype, 201)

    @atomic
    def update(self, request, uuid=None, partial=False):
        zaaktype = self._object(uuid)
        serializer = s.ZaaktypeWriteSerializer(
            zaaktype, data=request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        values = serializer.service_values()
        for veld in ("identificatie", "catalogus"):
            if veld in values and values[veld] == getattr(zaaktype, veld):
                values.pop(veld)
        services.zaaktype_update(actor=self.actor, zaaktype=zaaktype, **values)
        return self._respond(zaaktype)

    def partial_update(self, request, uuid=None):
        return self.update(request, uuid=uuid, partial=True)

    @extend_schema(
        summary="Publiceer het concept zaaktype.",
        tags=["zaaktypen"],
        request=None,
        responses={200: s.ZaaktypeSerializer},
    )
    @action(detail=True, methods=["post"])
    @atomic
    def publish(self, request, uuid=None):
        zaaktype = self._object(uuid)
        services.zaaktype_publish(actor=self.actor, zaaktype=zaaktype)
        return self._respond(zaaktype)


class OnderdeelViewSet(CatalogiViewSet):
    """Statustypen, resultaattypen, roltypen, eigenschappen: read; add and remove on a concept
    zaaktype."""

    soort = ""
    selector = None
    required_scopes = {
        "list": LEZEN,
        "retrieve": LEZEN,
        "create": SCHRIJVEN,
        "destroy": SCHRIJVEN,
    }
    query_params = {"list": {"zaaktype", "zaaktypeIdentificatie", "status", "datumGeldigheid"}}

    def get_queryset(self):
        return type(self).selector(self.autorisatie).order_by("zaaktype_id", "id")

    def list(self, request):
        params = request.query_params
        qs = self.get_queryset()
        zaaktype = _url_filter(params, "zaaktype", "zaaktypen")
        if zaaktype:
            qs = qs.filter(zaaktype__uuid=zaaktype)
        if params.get("zaaktypeIdentificatie"):
            qs = qs.filter(zaaktype__identificatie=params["zaaktypeIdentificatie"])
        qs = _status_filter(params, qs, prefix="zaaktype__")
        qs = _geldigheid_filter(params, qs, prefix="zaaktype__")
        return self.list_response(self.extra_filters(qs, params))

    def extra_filters(self, qs, params):
        return qs

    def retrieve(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid)
        return self.detail_response(self.get_serializer(obj).data)

    def service_values(self, data: dict) -> dict:
        return {k: v for k, v in data.items() if k != "zaaktype"}

    @atomic
    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        zaaktype = data["zaaktype"]
        if not self.autorisatie("catalogi.lezen", zaaktype):
            raise serializers.ValidationError(
                {"zaaktype": ["Het zaaktype met deze URL bestaat niet."]}
            )
        obj = catalogus_onderdeel_add(
            actor=self.actor, zaaktype=zaaktype, soort=self.soort, **self.service_values(data)
        )
        fresh = selectors.get_or_404(self.get_queryset(), obj.uuid)
        return self.created(self.get_serializer(fresh).data)

    @atomic
    def destroy(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid)
        catalogus_onderdeel_delete(actor=self.actor, onderdeel=obj)
        return Response(status=204)


def _onderdeel_schema(tag: str, serializer):
    return extend_schema_view(
        list=extend_schema(
            summary=f"Alle {tag} opvragen.",
            tags=[tag],
            parameters=[
                _param("zaaktype", "URL van het zaaktype."),
                _param("zaaktypeIdentificatie", "Identificatie van het zaaktype."),
                STATUS_PARAM,
                DATUM_GELDIGHEID,
            ],
        ),
        retrieve=extend_schema(
            summary=f"Een van de {tag} opvragen.", tags=[tag], parameters=[IF_NONE_MATCH]
        ),
        create=extend_schema(summary=f"Voeg toe aan {tag} van een concept zaaktype.", tags=[tag]),
        destroy=extend_schema(summary=f"Verwijder uit {tag} van een concept zaaktype.", tags=[tag]),
    )


@_onderdeel_schema("statustypen", s.StatustypeSerializer)
class StatustypeViewSet(OnderdeelViewSet):
    serializer_class = s.StatustypeSerializer
    soort = "statustype"
    selector = staticmethod(selectors.statustypen)


@_onderdeel_schema("resultaattypen", s.ResultaattypeSerializer)
class ResultaattypeViewSet(OnderdeelViewSet):
    serializer_class = s.ResultaattypeSerializer
    soort = "resultaattype"
    selector = staticmethod(selectors.resultaattypen)


@_onderdeel_schema("roltypen", s.RoltypeSerializer)
class RoltypeViewSet(OnderdeelViewSet):
    serializer_class = s.RoltypeSerializer
    soort = "roltype"
    selector = staticmethod(selectors.roltypen)
    query_params = {
        "list": {
            "zaaktype",
            "zaaktypeIdentificatie",
            "omschrijvingGeneriek",
            "status",
            "datumGeldigheid",
        }
    }

    @extend_schema(
        parameters=[
            _param("zaaktype", "URL van het zaaktype."),
            _param("zaaktypeIdentificatie", "Identificatie van het zaaktype."),
            _param("omschrijvingGeneriek", "Generieke omschrijving van de rol."),
            STATUS_PARAM,
            DATUM_GELDIGHEID,
        ]
    )
    def list(self, request):
        return super().list(request)

    def extra_filters(self, qs, params):
        generiek = params.get("omschrijvingGeneriek")
        return qs.filter(omschrijving_generiek=generiek) if generiek else qs


@_onderdeel_schema("eigenschappen", s.EigenschapSerializer)
class EigenschapViewSet(OnderdeelViewSet):
    serializer_class = s.EigenschapSerializer
    soort = "eigenschap"
    selector = staticmethod(selectors.eigenschappen)


@extend_schema_view(
    list=extend_schema(
        summary="Alle informatieobjecttypen opvragen.",
        tags=["informatieobjecttypen"],
        parameters=[_param("catalogus", "URL van de catalogus."), STATUS_PARAM, DATUM_GELDIGHEID],
    ),
    retrieve=extend_schema(
        summary="Een specifiek informatieobjecttype opvragen.",
        tags=["informatieobjecttypen"],
        parameters=[IF_NONE_MATCH],
    ),
)
class InformatieobjecttypeViewSet(CatalogiViewSet):
    serializer_class = s.InformatieobjecttypeSerializer
    required_scopes = {"list": LEZEN, "retrieve": LEZEN, "publish": SCHRIJVEN}
    query_params = {"list": {"catalogus", "status", "datumGeldigheid"}}

    def get_queryset(self):
        return selectors.informatieobjecttypen().order_by("omschrijving", "id")

    def list(self, request):
        params = request.query_params
        qs = self.get_queryset()
        catalogus = _url_filter(params, "catalogus", "catalogussen")
        if catalogus:
            qs = qs.filter(catalogus__uuid=catalogus)
        qs = _status_filter(params, qs)
        qs = _geldigheid_filter(params, qs)
        return self.list_response(qs)

    def retrieve(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "informatieobjecttype")
        return self.detail_response(self.get_serializer(obj).data)

    @extend_schema(
        summary="Publiceer het concept informatieobjecttype.",
        tags=["informatieobjecttypen"],
        request=None,
        responses={200: s.InformatieobjecttypeSerializer},
    )
    @action(detail=True, methods=["post"])
    @atomic
    def publish(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "informatieobjecttype")
        services.informatieobjecttype_publish(actor=self.actor, informatieobjecttype=obj)
        fresh = selectors.get_or_404(self.get_queryset(), uuid)
        return self.detail_response(self.get_serializer(fresh).data)


@extend_schema_view(
    list=extend_schema(
        summary="Alle zaaktype-informatieobjecttype-relaties opvragen.",
        tags=["zaaktype-informatieobjecttypen"],
        parameters=[_param("zaaktype", "URL van het zaaktype."), STATUS_PARAM],
    ),
    retrieve=extend_schema(
        summary="Een zaaktype-informatieobjecttype-relatie opvragen.",
        tags=["zaaktype-informatieobjecttypen"],
        parameters=[IF_NONE_MATCH],
    ),
)
class ZaaktypeInformatieobjecttypeViewSet(CatalogiViewSet):
    serializer_class = s.ZaaktypeInformatieobjecttypeSerializer
    required_scopes = {"list": LEZEN, "retrieve": LEZEN}
    query_params = {"list": {"zaaktype", "status"}}

    def get_queryset(self):
        return selectors.zaaktype_informatieobjecttypen(self.autorisatie).order_by(
            "zaaktype_id", "volgnummer", "id"
        )

    def list(self, request):
        params = request.query_params
        qs = self.get_queryset()
        zaaktype = _url_filter(params, "zaaktype", "zaaktypen")
        if zaaktype:
            qs = qs.filter(zaaktype__uuid=zaaktype)
        qs = _status_filter(params, qs, prefix="zaaktype__")
        return self.list_response(qs)

    def retrieve(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid)
        return self.detail_response(self.get_serializer(obj).data)
