"""Full-URL references between resources, as the ZGW APIs use them.

Every resource is addressed by an absolute URL (``https://host/zaken/api/v1/zaken/<uuid>``).
URLs are built from one base per request (no `reverse` per object) and parsed back by path,
whatever the host, so that a URL copied from a response always resolves."""

from __future__ import annotations

import re
import uuid as uuid_mod

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

ZAKEN = "/zaken/api/v1"
CATALOGI = "/catalogi/api/v1"
DOCUMENTEN = "/documenten/api/v1"

UUID_RE = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


def base_url(request) -> str:
    if request is None:
        from django.conf import settings

        return settings.SITE_URL.rstrip("/")
    cached = getattr(request, "_zgw_base_url", None)
    if cached is None:
        cached = request.build_absolute_uri("/").rstrip("/")
        request._zgw_base_url = cached
    return cached


def build_url(request, root: str, resource: str, key, *rest) -> str:
    tail = "".join(f"/{part}" for part in rest)
    return f"{base_url(request)}{root}/{resource}/{key}{tail}"


def parse_url(value: str, root: str, resource: str) -> uuid_mod.UUID | None:
    """The uuid in a URL of `resource` under `root`, or None when it is not such a URL."""
    if not isinstance(value, str):
        return None
    match = re.fullmatch(
        rf"(?:https?://[^/\s]+)?{re.escape(root)}/{re.escape(resource)}/({UUID_RE})/?", value
    )
    return uuid_mod.UUID(match.group(1)) if match else None


@extend_schema_field({"type": "string", "format": "uri", "maxLength": 1000})
class RefField(serializers.Field):
    """A writable URL reference to an object of `queryset` (looked up by uuid)."""

    default_error_messages = {
        "bad_url": "Dit is geen URL van een {soort} van Zaakstroom ({voorbeeld}).",
        "does_not_exist": "De {soort} met deze URL bestaat niet.",
    }

    def __init__(self, *, root: str, resource: str, queryset, soort: str, **kwargs):
        self.api_root = root
        self.resource = resource
        self.queryset = queryset
        self.soort = soort
        super().__init__(**kwargs)

    def _voorbeeld(self) -> str:
        return f".../{self.api_root.strip('/')}/{self.resource}/<uuid>"

    def to_internal_value(self, data):
        key = parse_url(data, self.api_root, self.resource)
        if key is None:
            self.fail("bad_url", soort=self.soort, voorbeeld=self._voorbeeld())
        obj = self.queryset.filter(uuid=key).first()
        if obj is None:
            self.fail("does_not_exist", soort=self.soort)
        return obj

    def to_representation(self, value):
        if value is None:
            return None
        return build_url(self.context.get("request"), self.api_root, self.resource, value.uuid)


@extend_schema_field({"type": "string", "format": "uri", "readOnly": True})
class UrlField(serializers.Field):
    """The URL of the object itself (or of a related object named by `source`)."""

    def __init__(self, *, root: str, resource: str, **kwargs):
        self.api_root = root
        self.resource = resource
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        if value is None:
            return None
        return build_url(self.context.get("request"), self.api_root, self.resource, value.uuid)


@extend_schema_field(
    {"type": "array", "items": {"type": "string", "format": "uri"}, "readOnly": True}
)
class UrlListField(serializers.Field):
    """URLs of the rows of a (prefetched) relation."""

    def __init__(self, *, root: str, resource: str, **kwargs):
        self.api_root = root
        self.resource = resource
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        return value.all() if hasattr(value, "all") else value

    def to_representation(self, value):
        request = self.context.get("request")
        return [build_url(request, self.api_root, self.resource, obj.uuid) for obj in value]


@extend_schema_field({"type": "string", "format": "uri", "readOnly": True})
class SelfUrlField(serializers.Field):
    """`url` of the object being serialised."""

    def __init__(self, *, root: str, resource: str, **kwargs):
        self.api_root = root
        self.resource = resource
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, value):
        return build_url(self.context.get("request"), self.api_root, self.resource, value.uuid)


@extend_schema_field(
    {
        "type": "string",
        "anyOf": [{"format": "uri", "minLength": 1}, {"maxLength": 0}],
        "description": "Een URL, of leeg.",
    }
)
class LeegOfUrlField(serializers.URLField):
    """A URL that may be empty (an empty string is no URI, so the schema says so)."""


def is_leeg(value) -> bool:
    """A neutral value: nothing, an empty string, or an object or list of only neutral values
    (a generated client sends `{"soort": "", "datum": null}` for "no ondertekening")."""
    if value is None or value == "":
        return True
    if isinstance(value, dict):
        return all(is_leeg(v) for v in value.values())
    if isinstance(value, list):
        return all(is_leeg(v) for v in value)
    return False


class NietOndersteund(serializers.Field):
    """A field of the standard that Zaakstroom does not store. It is answered empty. A neutral
    value in a request (`is_leeg`, or one of `neutraal`, e.g. betalingsindicatie "nvt") is
    accepted, because nothing is lost; any other value is refused with a message, never silently
    dropped."""

    default_melding = "Zaakstroom slaat dit gegeven niet op. Laat het veld leeg of weg."

    def __init__(self, *, leeg, schema: dict, neutraal: tuple = (), melding: str = "", **kwargs):
        self.leeg = leeg
        self.neutraal = neutraal
        self.melding = melding or self.default_melding
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)
        extend_schema_field(schema)(self)

    def get_attribute(self, instance):
        return self.leeg

    def to_representation(self, value):
        return self.leeg() if callable(self.leeg) else self.leeg

    def is_neutraal(self, data) -> bool:
        return is_leeg(data) or any(type(data) is type(n) and data == n for n in self.neutraal)

    def to_internal_value(self, data):
        if self.is_neutraal(data):
            return None
        raise serializers.ValidationError(self.melding, code="niet-ondersteund")

    def validate_empty_values(self, data):
        if data is None:
            return (True, None)
        return super().validate_empty_values(data)


URI = OpenApiTypes.URI
