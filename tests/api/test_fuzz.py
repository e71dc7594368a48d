"""Acceptance 4: Schemathesis generates requests from Zaakstroom's own committed schemas (every
operation of the Zaken, Catalogi and Documenten APIs, valid and invalid data) and checks each
answer: no 5xx, a documented status code and content type, documented headers, and a body that
conforms to the schema. `make test` runs a few examples per operation; `make api-fuzz` runs
more (API_FUZZ_EXAMPLES, default 60). The figures are in docs/api.md."""

import json
import os
import time
from collections import Counter
from pathlib import Path

import pytest
import schemathesis
import yaml
from django.conf import settings as settings_module
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api import schema as api_schema
from tests.api.conftest import make_token
from tests.factories import ApplicatieFactory, ZaakFactory, ZaaktypeFactory

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "5"))
# `make api-fuzz` adds the coverage phase (boundary values, missing headers, unexpected methods
# for every operation); `make test` keeps to the explicit examples and random fuzzing.
FULL = os.environ.get("API_FUZZ_FULL", "") == "1"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


def _load(component):
    data = yaml.safe_load(api_schema.committed_path(component).read_text())
    loaded = schemathesis.openapi.from_dict(data)
    loaded.app = WSGIHandler()
    # The Zaken API answers 412 when a required Accept-Crs / Content-Crs header is missing, as
    # the standard prescribes: that is a rejection too.
    rejection = loaded.config.checks.negative_data_rejection
    rejection.expected_statuses = [*rejection.expected_statuses, "412"]
    if not FULL:
        loaded.config.phases.coverage.enabled = False
    loaded.config.phases.stateful.enabled = False
    return loaded


zaken = _load("zaken")
catalogi = _load("catalogi")
documenten = _load("documenten")

HYPOTHESIS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def fuzz_headers(db):
    """A real application with all rights, some data to find, and the database connection
    kept open across the in-process WSGI calls (as Django's own test client does)."""
    applicatie = ApplicatieFactory(client_id="fuzz", heeft_alle_autorisaties=True)
    zaaktype = ZaaktypeFactory()
    ZaakFactory(zaaktype=zaaktype)
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield {"Authorization": f"Bearer {make_token(applicatie)}"}
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


STATUS_COUNTS: Counter = Counter()


@pytest.fixture(scope="module", autouse=True)
def _summary():
    """Write how many requests were made and what they answered (var/api-fuzz.json)."""
    started = time.monotonic()
    yield
    if not STATUS_COUNTS:
        return
    path = Path(settings_module.BASE_DIR) / "var" / "api-fuzz.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        json.dumps(
            {
                "examples_per_operation": EXAMPLES,
                "coverage_phase": FULL,
                "requests": sum(STATUS_COUNTS.values()),
                "by_status": dict(sorted(STATUS_COUNTS.items())),
                "seconds": round(time.monotonic() - started),
            },
            indent=2,
        )
    )


def _run(case, headers):
    response = case.call_and_validate(headers=headers, checks=CHECKS)
    STATUS_COUNTS[str(response.status_code)] += 1


@pytest.mark.django_db
@zaken.parametrize()
@HYPOTHESIS
def test_zaken_api_fuzz(case, fuzz_headers):
    _run(case, fuzz_headers)


@pytest.mark.django_db
@catalogi.parametrize()
@HYPOTHESIS
def test_catalogi_api_fuzz(case, fuzz_headers):
    _run(case, fuzz_headers)


@pytest.mark.django_db
@documenten.parametrize()
@HYPOTHESIS
def test_documenten_api_fuzz(case, fuzz_headers):
    _run(case, fuzz_headers)
