"""Errors as ``application/problem+json`` (ZGW `Fout` / `ValidatieFout`), with `invalidParams`
for every field that is wrong. Services raise `core.errors.DomainError`; DRF raises its own
exceptions for shape errors; both end up here, in Dutch, never with a stack trace."""

from __future__ import annotations

import logging
import uuid

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response

from core.errors import DomainError

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"
TYPE_BASE = "https://zaakstroom.nl/fouten/"

TITLES = {
    400: "De invoer is ongeldig.",
    401: "U bent niet geauthenticeerd.",
    403: "U heeft geen rechten voor deze handeling.",
    404: "Niet gevonden.",
    405: "Deze methode is hier niet toegestaan.",
    406: "Het gevraagde formaat kan niet worden geleverd.",
    409: "Conflict.",
    412: "Er ontbreekt een verplichte header.",
    415: "Dit formaat van de vraag wordt niet ondersteund.",
    429: "Te veel verzoeken.",
    500: "Er ging iets mis aan onze kant.",
}


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "Er ontbreekt een verplichte header."
    default_code = "precondition-failed"


def camel(name: str) -> str:
    """snake_case (service field names) to camelCase (API field names)."""
    if not name or "_" not in name:
        return name
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _flatten(detail, prefix: str = "") -> list[dict]:
    params = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            if key in ("non_field_errors", "__all__"):
                # About the object as a whole: named after the object (the body: nonFieldErrors).
                params.extend(_flatten(value, prefix or "nonFieldErrors"))
                continue
            params.extend(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(detail, list):
        if all(isinstance(item, str) for item in detail):
            for item in detail:
                params.append(
                    {
                        "name": prefix or "nonFieldErrors",
                        "code": getattr(item, "code", "invalid") or "invalid",
                        "reason": str(item),
                    }
                )
        else:
            for index, item in enumerate(detail):
                if item in ({}, [], None):
                    continue
                params.extend(_flatten(item, f"{prefix}.{index}" if prefix else str(index)))
    else:
        params.append(
            {
                "name": prefix or "nonFieldErrors",
                "code": getattr(detail, "code", "invalid") or "invalid",
                "reason": str(detail),
            }
        )
    return params


def problem_response(
    *,
    status_code: int,
    code: str,
    detail: str,
    invalid_params: list[dict] | None = None,
    title: str | None = None,
    headers: dict | None = None,
) -> Response:
    body = {
        "type": f"{TYPE_BASE}{code}",
        "code": code,
        "title": title or TITLES.get(status_code, "Fout."),
        "status": status_code,
        "detail": detail,
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }
    if invalid_params is not None or status_code == 400:
        body["invalidParams"] = invalid_params or []
    response = Response(body, status=status_code, headers=headers)
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


def exception_handler(exc, context):
    """DRF exception handler for every API view."""
    if isinstance(exc, DomainError):
        params = None
        if exc.status == 400:
            params = [
                {
                    "name": camel(exc.field or "nonFieldErrors"),
                    "code": exc.code,
                    "reason": exc.message,
                }
            ]
        code = (
            exc.code
            if exc.status == 400
            else {403: "permission_denied", 404: "not_found"}.get(exc.status, exc.code)
        )
        return problem_response(
            status_code=exc.status, code=code, detail=exc.message, invalid_params=params
        )
    if isinstance(exc, DjangoValidationError):
        # A model's full_clean() inside a service: the message names the field.
        if hasattr(exc, "error_dict"):
            params = [
                {
                    "name": camel(veld) if veld != "__all__" else "nonFieldErrors",
                    "code": "invalid",
                    "reason": bericht,
                }
                for veld, berichten in exc.message_dict.items()
                for bericht in berichten
            ]
        else:
            params = [
                {"name": "nonFieldErrors", "code": "invalid", "reason": m} for m in exc.messages
            ]
        return problem_response(
            status_code=400,
            code="invalid",
            detail=params[0]["reason"] if params else TITLES[400],
            invalid_params=params,
        )
    if isinstance(exc, Http404):
        return problem_response(status_code=404, code="not_found", detail="Niet gevonden.")
    if isinstance(exc, DjangoPermissionDenied):
        return problem_response(status_code=403, code="permission_denied", detail=TITLES[403])
    if isinstance(exc, exceptions.ValidationError):
        params = _flatten(exc.detail)
        return problem_response(
            status_code=400,
            code="invalid",
            detail="Een of meer velden of parameters zijn ongeldig; zie invalidParams.",
            invalid_params=params,
        )
    if isinstance(exc, exceptions.APIException):
        headers = {}
        if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
            headers["WWW-Authenticate"] = 'Bearer realm="zaakstroom"'
        if getattr(exc, "wait", None):
            headers["Retry-After"] = str(int(exc.wait))
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else "error"
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        status_code = exc.status_code
        if isinstance(exc, exceptions.NotAuthenticated):
            code = "not_authenticated"
            detail = "Stuur een JWT mee in de header 'Authorization: Bearer <token>'."
        elif isinstance(exc, exceptions.MethodNotAllowed):
            detail = f"De methode {context['request'].method} is hier niet toegestaan."
        elif isinstance(exc, exceptions.UnsupportedMediaType):
            detail = "Stuur de inhoud als JSON (Content-Type: application/json)."
        elif isinstance(exc, exceptions.ParseError):
            detail = "De inhoud is geen geldige JSON."
        elif isinstance(exc, exceptions.NotAcceptable) and not isinstance(detail, str):
            detail = TITLES[406]
        params = [] if status_code == 400 else None
        return problem_response(
            status_code=status_code,
            code=code,
            detail=str(detail),
            invalid_params=params,
            headers=headers or None,
        )
    logger.exception("Unhandled error in the API", exc_info=exc)
    return problem_response(
        status_code=500,
        code="server_error",
        detail="Er ging iets mis aan onze kant. Probeer het later opnieuw; blijft het misgaan, "
        "neem dan contact op met de beheerder.",
    )
