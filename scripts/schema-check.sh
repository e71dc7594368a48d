#!/usr/bin/env bash
# Regenerate the OpenAPI schemas of the Zaken, Catalogi and Documenten APIs from the code and fail
# when they differ from the committed files in api/openapi/ (run `make schema` to update them).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
DJANGO_SETTINGS_MODULE=config.settings.test "$PY" manage.py api_schema --check
