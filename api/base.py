"""What every ZGW endpoint shares: JWT authentication, scope checks per operation,
problem+json errors, 400 on unknown query parameters, the `API-version` header, ETag /
If-None-Match on details, and the `Accept-Crs` / `Content-Crs` headers where the Zaken API
requires them. Views stay thin: they translate HTTP to selector and service calls."""

from __future__ import annotations

import functools
import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, permissions, status, viewsets
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from api.auth import ApiClient, ZGWJWTAuthentication
from api.fields import UUID_RE
from api.pagination import ZgwPagination
from api.problem import PreconditionFailed, exception_handler
from api.schema import ZgwAutoSchema

CRS = "EPSG:4326"


class ProblemJSONRenderer(JSONRenderer):
    """Plain JSON, and problem+json for errors (the view sets that content type)."""

    media_type = "application/json"
    charset = None


class ScopePermission(permissions.BasePermission):
    """The application needs one of the operation's scopes for at least something; which
    zaken (zaaktype, vertrouwelijkheid) is decided by the selectors and services."""

    message = "Uw applicatie heeft geen autorisatie voor deze handeling."

    def has_permission(self, request, view):
        user = request.user
        if not isinstance(user, ApiClient):
            raise exceptions.NotAuthenticated()
        scopes = view.required_scopes_for(view.action)
        if not scopes:
            return True
        if any(user.autorisatie.heeft_scope(scope) for scope in scopes):
            return True
        self.message = (
            "Uw applicatie heeft geen autorisatie voor deze handeling; nodig is een van de "
            f"scopes: {', '.join(scopes)}."
        )
        return False


def etag_for(data) -> str:
    raw = json.dumps(data, sort_keys=True, cls=DjangoJSONEncoder, separators=(",", ":"))
    return '"' + hashlib.sha256(raw.encode()).hexdigest()[:40] + '"'


def _etag_matches(header: str, etag: str) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    for candidate in header.split(","):
        candidate = candidate.strip()
        if candidate.startswith("W/"):
            candidate = candidate[2:]
        if candidate == etag:
            return True
    return False


ACCEPT_CRS = OpenApiParameter(
    name="Accept-Crs",
    type=str,
    location=OpenApiParameter.HEADER,
    required=True,
    enum=[CRS],
    description="Het gewenste 'Coordinate Reference System' (CRS) van de geometrie in het "
    "antwoord. Alleen EPSG:4326 (WGS84) wordt ondersteund.",
)
CONTENT_CRS = OpenApiParameter(
    name="Content-Crs",
    type=str,
    location=OpenApiParameter.HEADER,
    required=True,
    enum=[CRS],
    description="Het 'Coordinate Reference System' (CRS) van de geometrie in de vraag. Alleen "
    "EPSG:4326 (WGS84) wordt ondersteund.",
)
CONTENT_CRS_OPTIONAL = OpenApiParameter(
    name="Content-Crs",
    type=str,
    location=OpenApiParameter.HEADER,
    required=False,
    enum=[CRS],
    description="Zonder inhoud niet nodig; meegestuurd moet het EPSG:4326 zijn.",
)
IF_NONE_MATCH = OpenApiParameter(
    name="If-None-Match",
    type=str,
    location=OpenApiParameter.HEADER,
    required=False,
    description="Antwoord 304 als de ETag van de resource een van deze waarden is.",
)
AUDIT_TOELICHTING = OpenApiParameter(
    name="X-Audit-Toelichting",
    type=str,
    location=OpenApiParameter.HEADER,
    required=False,
    description="Toelichting waarom een handeling uitgevoerd wordt; komt in de audit trail.",
)
UUID_PATH = OpenApiParameter(
    name="uuid", type=OpenApiTypes.UUID, location=OpenApiParameter.PATH, required=True
)


class ZgwViewSet(viewsets.GenericViewSet):
    authentication_classes = [ZGWJWTAuthentication]
    permission_classes = [ScopePermission]
    renderer_classes = [ProblemJSONRenderer]
    parser_classes = [JSONParser]
    pagination_class = ZgwPagination
    lookup_field = "uuid"
    metadata_class = None  # no OPTIONS bodies: the schema documents every operation
    schema = ZgwAutoSchema()
    lookup_value_regex = UUID_RE

    api_version = "1.0.0"
    # action -> scopes (any of them suffices)
    required_scopes: dict[str, list[str]] = {}
    # action -> allowed query parameters besides `page` on lists
    query_params: dict[str, set[str]] = {}
    # actions whose response carries a zaakgeometrie / whose body may carry one
    accept_crs_actions: set[str] = set()
    content_crs_actions: set[str] = set()
    paginated_actions: set[str] = {"list"}

    def required_scopes_for(self, action) -> list[str]:
        if action == "metadata":
            return []
        return self.required_scopes.get(action, ["__niet_toegestaan__"])

    def get_exception_handler(self):
        return exception_handler

    @property
    def actor(self):
        return self.request.user.actor

    @property
    def autorisatie(self):
        return self.request.user.autorisatie

    # --- request checks -----------------------------------------------------------------------
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self._check_query_params(request)
        self._check_crs(request)

    def _check_query_params(self, request):
        allowed = set(self.query_params.get(self.action, set()))
        if self.action in self.paginated_actions:
            allowed.add("page")
        leeg = sorted(k for k, v in request.query_params.items() if k in allowed and v == "")
        if leeg:
            raise exceptions.ValidationError(
                {
                    name: [
                        exceptions.ErrorDetail(
                            "Geef een waarde, of laat de parameter weg.", code="blank"
                        )
                    ]
                    for name in leeg
                }
            )
        onbekend = sorted(set(request.query_params.keys()) - allowed)
        if onbekend:
            raise exceptions.ValidationError(
                {
                    name: [
                        exceptions.ErrorDetail(
                            "Deze parameter bestaat niet bij deze operatie. "
                            + (
                                f"Toegestaan: {', '.join(sorted(allowed))}."
                                if allowed
                                else "Deze operatie kent geen parameters."
                            ),
                            code="unknown-parameters",
                        )
                    ]
                    for name in onbekend
                }
            )

    def _check_crs(self, request):
        if self.action in self.accept_crs_actions:
            value = request.headers.get("Accept-Crs")
            if not value:
                raise PreconditionFailed(
                    "Stuur de header 'Accept-Crs: EPSG:4326' mee.", code="missing-accept-crs-header"
                )
            if value.strip() != CRS:
                raise exceptions.NotAcceptable(
                    "Alleen 'Accept-Crs: EPSG:4326' wordt ondersteund.", code="crs-not-supported"
                )
        if self.action in self.accept_crs_actions and self.action not in self.content_crs_actions:
            value = request.headers.get("Content-Crs")
            if value is not None and value.strip() != CRS:
                raise exceptions.UnsupportedMediaType(
                    value, detail="Alleen 'Content-Crs: EPSG:4326' wordt ondersteund."
                )
        if self.action in self.content_crs_actions:
            value = request.headers.get("Content-Crs")
            if not value:
                raise PreconditionFailed(
                    "Stuur de header 'Content-Crs: EPSG:4326' mee.",
                    code="missing-content-crs-header",
                )
            if value.strip() != CRS:
                raise exceptions.UnsupportedMediaType(
                    value, detail="Alleen 'Content-Crs: EPSG:4326' wordt ondersteund."
                )

    # --- responses ----------------------------------------------------------------------------
    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-version"] = self.api_version
        if getattr(self, "action", None) in self.accept_crs_actions and response.status_code < 400:
            response["Content-Crs"] = CRS
        return response

    def detail_response(self, data, status_code=status.HTTP_200_OK, headers=None):
        """A detail with its ETag; `If-None-Match` with that ETag answers 304; HEAD has no
        body."""
        etag = etag_for(data)
        headers = {**(headers or {}), "ETag": etag}
        if self.request.method in ("GET", "HEAD") and _etag_matches(
            self.request.headers.get("If-None-Match", ""), etag
        ):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers=headers)
        if self.request.method == "HEAD":
            return Response(status=status_code, headers=headers)
        return Response(data, status=status_code, headers=headers)

    def audit_toelichting(self) -> str:
        return (self.request.headers.get("X-Audit-Toelichting") or "")[:1000]

    def list_response(self, queryset):
        page = self.paginate_queryset(queryset)
        serializer = self.get_serializer(page, many=True)
        return self.get_paginated_response(serializer.data)

    def created(self, data):
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})


def atomic(fn):
    """Run a view method in one transaction: several service calls for one request (a PATCH
    that changes fields and suspends the zaak) all happen or none."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with transaction.atomic():
            return fn(*args, **kwargs)

    return wrapper


@csrf_exempt
def niet_gevonden(request, *args, **kwargs):
    """Any path under an API root that matches no operation: 404 as problem+json."""
    from django.http import JsonResponse

    return JsonResponse(
        {
            "type": "https://zaakstroom.nl/fouten/not_found",
            "code": "not_found",
            "title": "Niet gevonden.",
            "status": 404,
            "detail": "Deze URL bestaat niet in deze API. Kijk in het schema (openapi.yaml) welke "
            "paden er zijn.",
            "instance": request.path,
        },
        status=404,
        content_type="application/problem+json",
    )
