"""Acceptance 6: the committed OpenAPI schemas are what the code generates, and they are
served at {root}/openapi.yaml and .json."""

import json

import pytest
import yaml
from django.core.management import CommandError, call_command
from openapi_spec_validator import validate as validate_spec
from rest_framework import serializers

from api import schema
from api.zaken import serializers as zaken_serializers


def test_committed_schemas_match_the_code():
    call_command("api_schema", "--check")


def test_changing_a_serializer_without_regenerating_fails(monkeypatch):
    fields = dict(zaken_serializers.StatusSerializer._declared_fields)
    fields["nieuwVeld"] = serializers.CharField(required=False)
    monkeypatch.setattr(zaken_serializers.StatusSerializer, "_declared_fields", fields)
    with pytest.raises(CommandError, match="zaken"):
        call_command("api_schema", "--check")


@pytest.mark.parametrize("component", list(schema.COMPONENTS))
def test_the_committed_schema_is_valid_openapi(component):
    validate_spec(yaml.safe_load(schema.committed_path(component).read_text()))


@pytest.mark.parametrize("component", list(schema.COMPONENTS))
def test_the_schema_is_served_without_authentication(client, component):
    committed = schema.committed_path(component).read_text()
    response = client.get(f"/{component}/api/v1/openapi.yaml")
    assert response.status_code == 200
    assert response.content.decode() == committed
    as_json = client.get(f"/{component}/api/v1/openapi.json")
    assert as_json.status_code == 200
    assert json.loads(as_json.content) == yaml.safe_load(committed)


def test_own_endpoints_are_in_the_zaken_schema():
    paths = yaml.safe_load(schema.committed_path("zaken").read_text())["paths"]
    for action in ("opschorten", "hervatten", "verlengen", "politiek-gevoelig", "klantregisseur"):
        assert f"/zaken/{{uuid}}/{action}" in paths
    assert "/zaken/_zoek" in paths
    assert paths["/zaken"]["get"]["security"] == [{"JWT-Claims": ["zaken.lezen"]}]
