"""Documenten API 1.6 at /documenten/api/v1/ over Zaakstroom's document store: a document
added on a staff screen or the PIP is an enkelvoudiginformatieobject here, and a document
created here and linked with a zaakinformatieobject shows on the zaak."""

from __future__ import annotations

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api import selectors
from api.base import AUDIT_TOELICHTING, IF_NONE_MATCH, ZgwViewSet, atomic
from api.documenten import serializers as s
from api.fields import ZAKEN, parse_url
from core.audit import audit_log, audit_read
from core.errors import NotFound
from core.models import AuditRecord
from zaken import services

LEZEN = ["documenten.lezen"]


class DocumentenViewSet(ZgwViewSet):
    api_version = "1.6.0"


def _q(name, description, type_=str):
    return OpenApiParameter(
        name=name,
        type=type_,
        location=OpenApiParameter.QUERY,
        required=False,
        description=description,
    )


def _zaak_param(view, name: str):
    value = view.request.query_params.get(name)
    if not value:
        return None
    key = parse_url(value, ZAKEN, "zaken")
    if key is None:
        raise serializers.ValidationError(
            {name: ["Geef de volledige URL van een zaak (.../zaken/api/v1/zaken/<uuid>)."]}
        )
    return key


@extend_schema_view(
    list=extend_schema(
        summary="Alle documenten opvragen.",
        tags=["enkelvoudiginformatieobjecten"],
        parameters=[
            _q("identificatie", "Identificatie van het document."),
            _q("bronorganisatie", "RSIN van de bronorganisatie."),
            _q("objectinformatieobjecten_object", "URL van een zaak waaraan het document hangt."),
        ],
    ),
    retrieve=extend_schema(
        summary="Een specifiek document opvragen.",
        tags=["enkelvoudiginformatieobjecten"],
        parameters=[IF_NONE_MATCH],
    ),
    create=extend_schema(
        summary="Maak een document aan, met de inhoud (base64).",
        tags=["enkelvoudiginformatieobjecten"],
        request=s.EnkelvoudigInformatieObjectCreateSerializer,
        responses={201: s.EnkelvoudigInformatieObjectCreatedSerializer},
        parameters=[AUDIT_TOELICHTING],
    ),
)
class EnkelvoudigInformatieObjectViewSet(DocumentenViewSet):
    serializer_class = s.EnkelvoudigInformatieObjectSerializer
    required_scopes = {
        "list": LEZEN,
        "retrieve": LEZEN,
        "download": LEZEN,
        "create": ["documenten.aanmaken"],
    }
    query_params = {"list": {"identificatie", "bronorganisatie", "objectinformatieobjecten_object"}}

    def get_queryset(self):
        return selectors.documenten(self.autorisatie).order_by("-aangemaakt", "-id")

    def list(self, request):
        qs = self.get_queryset()
        params = request.query_params
        for name in ("identificatie", "bronorganisatie"):
            if params.get(name):
                qs = qs.filter(**{name: params[name]})
        zaak = _zaak_param(self, "objectinformatieobjecten_object")
        if zaak:
            qs = qs.filter(zaakdocumenten__zaak__uuid=zaak)
        return self.list_response(qs)

    def retrieve(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "document")
        audit_read(self.actor, obj=obj, toelichting="API: document opgevraagd")
        return self.detail_response(self.get_serializer(obj).data)

    @atomic
    def create(self, request):
        serializer = s.EnkelvoudigInformatieObjectCreateSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        document = services.document_create(
            actor=self.actor,
            informatieobjecttype=data["informatieobjecttype"],
            titel=data["titel"],
            inhoud=data.get("inhoud"),
            bronorganisatie=data["bronorganisatie"],
            auteur=data["auteur"],
            bestandsnaam=data.get("bestandsnaam", ""),
            beschrijving=data.get("beschrijving", ""),
            identificatie=data.get("identificatie", ""),
            creatiedatum=data["creatiedatum"],
            ontvangstdatum=data.get("ontvangstdatum"),
            verzenddatum=data.get("verzenddatum"),
            taal=data["taal"],
            status=data.get("status", ""),
            vertrouwelijkheidaanduiding=data.get("vertrouwelijkheidaanduiding") or None,
            zichtbaar_voor_initiator=data.get("zichtbaar_voor_initiator", False),
            verwachte_sha256=(data.get("integriteit") or {}).get("waarde", ""),
            verwachte_omvang=data.get("bestandsomvang"),
        )
        obj = selectors.get_or_404(self.get_queryset(), document.uuid, "document")
        out = s.EnkelvoudigInformatieObjectCreatedSerializer(
            obj, context=self.get_serializer_context()
        )
        return self.created(out.data)

    @extend_schema(
        summary="Download de inhoud van een document.",
        tags=["enkelvoudiginformatieobjecten"],
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                response=OpenApiTypes.BINARY, description="De inhoud van het document."
            )
        },
    )
    @action(detail=True, methods=["get"])
    def download(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "document")
        if not obj.inhoud:
            raise NotFound("Dit document heeft geen inhoud.")
        audit_log(
            self.actor,
            actie=AuditRecord.Actie.DOWNLOADEN,
            obj=obj,
            toelichting="API: inhoud gedownload",
        )
        response = FileResponse(
            obj.inhoud.open("rb"),
            as_attachment=True,
            filename=obj.bestandsnaam or obj.titel,
            content_type=obj.formaat or "application/octet-stream",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["API-version"] = self.api_version
        return response


@extend_schema_view(
    list=extend_schema(
        summary="Alle koppelingen van documenten aan zaken.",
        tags=["objectinformatieobjecten"],
        parameters=[
            _q("object", "URL van de zaak."),
            _q("informatieobject", "URL van het document."),
        ],
    ),
    retrieve=extend_schema(
        summary="Een koppeling van een document aan een zaak.",
        tags=["objectinformatieobjecten"],
        parameters=[IF_NONE_MATCH],
    ),
)
class ObjectInformatieObjectViewSet(DocumentenViewSet):
    serializer_class = s.ObjectInformatieObjectSerializer
    pagination_class = None
    paginated_actions: set[str] = set()
    required_scopes = {"list": LEZEN, "retrieve": LEZEN}
    query_params = {"list": {"object", "informatieobject"}}

    def get_queryset(self):
        return selectors.objectinformatieobjecten(self.autorisatie).order_by("id")

    def list(self, request):
        qs = self.get_queryset()
        zaak = _zaak_param(self, "object")
        if zaak:
            qs = qs.filter(zaak__uuid=zaak)
        value = request.query_params.get("informatieobject")
        if value:
            from api.fields import DOCUMENTEN

            key = parse_url(value, DOCUMENTEN, "enkelvoudiginformatieobjecten")
            if key is None:
                raise serializers.ValidationError(
                    {"informatieobject": ["Geef de volledige URL van een document."]}
                )
            qs = qs.filter(document__uuid=key)
        return Response(self.get_serializer(qs, many=True).data)

    def retrieve(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "objectinformatieobject")
        return self.detail_response(self.get_serializer(obj).data)
