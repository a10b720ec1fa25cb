# The project's front door. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test test-postgres lint format check demo clean bench lighthouse test-e2e browser-tools audit soak

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

demo: $(VENV)/.runtime ## Migrate the SQLite database and load the demo content
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_demo
	$(MANAGE) load_demo_comments
	$(MANAGE) ensure_demo_admin

run: demo ## Set everything up and serve the site at http://127.0.0.1:8000
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.dev ## Run the whole test suite (SQLite unless DATABASE_URL is set)
	$(BIN)/python -m pytest

test-e2e: $(VENV)/.dev ## Run only the browser tests (Chromium + Playwright; screenshots in test-artifacts/)
	$(BIN)/python -m pytest -m e2e

browser-tools: ## Install Chromium (apt-get) and the npm test tools (npm ci) for the browser tests
	bash scripts/install-browser-tools.sh

test-postgres: $(VENV)/.dev ## Run the suite against PostgreSQL on 127.0.0.1:5432
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/runningblog} $(BIN)/python -m pytest

lint: $(VENV)/.dev ## Check style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev ## Reformat the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

soak: $(VENV)/.dev ## Soak test: gunicorn + PostgreSQL on 127.0.0.1, readers and commenters (SECONDS=120)
	$(BIN)/python scripts/soak.py --seconds $${SECONDS:-120}

audit: $(VENV)/.dev ## Check requirements.txt for known vulnerabilities (pip-audit; needs PyPI)
	$(BIN)/pip-audit --requirement requirements.txt --strict

check: $(VENV)/.dev ## Django system checks and missing migrations
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

bench: $(VENV)/.dev ## Benchmark render time, page cache and load (writes var/bench/)
	$(BIN)/python scripts/bench.py

lighthouse: $(VENV)/.runtime ## Lighthouse scores of the demo article (needs npm ci, chromium)
	$(BIN)/python scripts/lighthouse.py

clean: ## Remove the virtualenv, database and generated files
	rm -rf $(VENV) db.sqlite3 var
