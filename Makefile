# Two commands for a fresh machine:  make demo  (a working instance with demo data)
#                                    make test  (lint, checks and every test)
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
DATA := $(CURDIR)/var
DEMO_ENV := BEDSIDE_DEBUG=true BEDSIDE_HTTPS=false BEDSIDE_DATA_DIR=$(DATA)
# Production-like settings for `check --deploy` (nothing is served with them).
DEPLOY_ENV := BEDSIDE_DEBUG=false SECRET_KEY=check-deploy-$(shell date +%s)-0123456789abcdefghijklmnopqrstuvwxyz-0123456789 ALLOWED_HOSTS=bedside.example.org

.PHONY: demo test install lint checks pytest pytest-postgres system-test-deps messages clean

$(BIN)/python:
	@python=$$(scripts/find-python) && echo "Creating $(VENV) with $$python" && $$python -m venv $(VENV)
	@$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed

demo: $(VENV)/.installed
	@mkdir -p $(DATA)
	$(DEMO_ENV) $(BIN)/bedside migrate --noinput -v 0
	$(DEMO_ENV) $(BIN)/bedside demo
	$(DEMO_ENV) $(BIN)/bedside serve

# Debian packages the tests use: Chromium (browser tests), poppler-utils (pdftoppm),
# gettext (translation checks). Installed only when missing; needs root or sudo.
system-test-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing from Debian's packages"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy bedside/measures bedside/insights

checks: $(VENV)/.installed-test
	$(BIN)/python manage.py check --fail-level WARNING
	$(DEPLOY_ENV) $(BIN)/python manage.py check --deploy --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

pytest: $(VENV)/.installed-test
	$(BIN)/pytest -q

# The data-layer tests again, on a throwaway PostgreSQL cluster.
pytest-postgres: $(VENV)/.installed-test
	scripts/with-postgres $(BIN)/pytest -q -m datalayer

test: $(VENV)/.installed-test system-test-deps lint checks pytest pytest-postgres

# Refresh the French catalogues after changing strings (needs gettext), then translate
# every new entry in bedside/*/locale/fr_CA/LC_MESSAGES/django.po and run this again.
messages: $(VENV)/.installed-test
	$(BIN)/python scripts/messages.py

clean:
	rm -rf $(VENV) $(DATA)
