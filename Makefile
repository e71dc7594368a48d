# Zaakstroom. `make run` serves the demo; `make test` runs every check. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes (pytest-xdist); each gets its own test database.
PYTEST_WORKERS ?= 2

.PHONY: run install test lint pytest system-deps migrate demo bench bench-quick clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo

run: demo
	@echo "Zaakstroom draait op http://$(HOST):$(PORT)/ (de startpagina toont de demo-logins)."
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

system-deps:
	@bash scripts/system-deps.sh

lint: install system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	ZAAKSTROOM_ENV_FILE=.env.example docker-compose -f docker-compose.yml config -q
	@$(MAKE) --no-print-directory schema-check

schema-check: install
	@if [ -f scripts/schema-check.sh ]; then bash scripts/schema-check.sh; fi

pytest: install
	$(BIN)/pytest -n $(PYTEST_WORKERS)

test: lint pytest

bench: install
	$(BIN)/python bench/run.py

bench-quick: install
	$(BIN)/python bench/run.py --quick

clean:
	rm -rf $(VENV) var db.sqlite3

# --- API (issue 8) ------------------------------------------------------------------------------
.PHONY: schema api-fuzz

schema: install
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py api_schema

# Schemathesis against the committed schemas, every operation, more examples than `make test`.
api-fuzz: install
	API_FUZZ_FULL=1 API_FUZZ_EXAMPLES=$${API_FUZZ_EXAMPLES:-60} $(BIN)/pytest -q -p no:cacheprovider tests/api/test_fuzz.py
