"""Validate real responses against the official ZGW OpenAPI files in ../shared/zgw/ (read
there, never copied into the repository). `ZGW_SHARED_DIR` points elsewhere; without it the
folder beside the checkout is used, then /work/shared/zgw (where CI has it)."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from django.conf import settings


def shared_zgw_dir() -> Path:
    """The folder with the official ZGW material (specifications and the VNG test suite)."""
    candidates = [
        os.environ.get("ZGW_SHARED_DIR", ""),
        str(Path(settings.BASE_DIR).parent / "shared" / "zgw"),
        "/work/shared/zgw",
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return Path(settings.BASE_DIR).parent / "shared" / "zgw"


SHARED = shared_zgw_dir() / "gemma-zaken" / "docs" / "standaard"
SPECS = {
    "zaken": SHARED / "zaken/zrc/1.7.x/1.7.0/openapi.yaml",
    "catalogi": SHARED / "catalogi/ztc/1.3.x/1.3.3/openapi.yaml",
    "documenten": SHARED / "documenten/drc/1.6.x/1.6.0/openapi.yaml",
}


def require_specs():
    missing = [str(p) for p in SPECS.values() if not p.exists()]
    if missing:
        pytest.skip(
            "The official ZGW specifications are not available at ../shared/zgw "
            f"(missing: {missing[0]}); CI has them. Skipping the conformance check."
        )


@lru_cache(maxsize=4)
def openapi(component: str):
    from openapi_core import Config, OpenAPI

    path = SPECS[component]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # The official servers point at vng.cloud; the test client talks to testserver.
    data["servers"] = [{"url": f"http://testserver/{component}/api/v1"}]
    config = Config(extra_media_type_deserializers={"application/problem+json": json.loads})
    return OpenAPI.from_dict(data, base_uri=path.resolve().as_uri(), config=config)


def validate(component: str, response, *, method: str | None = None, body: bytes | None = None):
    """Validate `response` (a Django test client response) against the official spec."""
    from openapi_core.testing import MockRequest, MockResponse

    wsgi = response.wsgi_request
    parts = urlsplit(wsgi.build_absolute_uri())
    request = MockRequest(
        host_url=f"{parts.scheme}://{parts.netloc}",
        method=(method or wsgi.method).lower(),
        path=parts.path,
        args=dict(wsgi.GET.items()),
        headers=dict(wsgi.headers.items()),
        data=body,
    )
    content_type = response.get("Content-Type", "application/json").split(";")[0]
    mock = MockResponse(
        data=response.content,
        status_code=response.status_code,
        headers=dict(response.headers.items()),
        content_type=content_type,
    )
    errors = list(openapi(component).iter_response_errors(request, mock))
    if errors:
        raise AssertionError(
            f"{request.method.upper()} {parts.path} -> {response.status_code} does not conform "
            f"to the official {component} API:\n" + "\n".join(_describe(e) for e in errors)
        )


def _describe(error) -> str:
    lines = [f"- {error}"[:300]]
    cause = error.__cause__
    for schema_error in getattr(cause, "schema_errors", ()) or ():
        lines.append(f"    at {schema_error.json_path}: {schema_error.message}"[:300])
        for sub in (schema_error.context or [])[:6]:
            lines.append(f"      ({sub.json_path}: {sub.message})"[:300])
    return "\n".join(lines)
