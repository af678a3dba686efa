# NewsArchive: `make run` serves the archive with demo data, `make test` runs the tests.
# Without DATABASE_URL both start a private PostgreSQL in var/pg (see newsarchive/pgcluster.py).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test db stop lint bench venv browser clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "NewsArchive needs Python 3.11 or newer: run make PYTHON=python3.12 (or similar)")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

db: venv
	@if [ -z "$$DATABASE_URL" ]; then $(PY) -m newsarchive.pgcluster start; else echo "Using DATABASE_URL."; fi

run: db
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo
	@echo "NewsArchive: http://127.0.0.1:8000/   (admin: http://127.0.0.1:8000/admin/)"
	@echo "Create an admin user with: .venv/bin/python manage.py createsuperuser"
	@echo
	@# The feed worker (manage.py collect) runs beside the site and stops with it (Ctrl-C, or the site exiting).
	DEBUG=1 $(PY) manage.py collect & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

# Browser tests drive Debian's chromium; install it when we can (root with apt), else say so.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "The browser tests need chromium: sudo apt install chromium (or set CHROMIUM=/path/to/chrome)"; fi; }

test: db browser
	$(PY) manage.py makemigrations --check --dry-run >/dev/null || { echo "Model changes lack a migration: run manage.py makemigrations"; exit 1; }
	$(PY) -m pytest

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Figures the issues ask for (extraction quality, ingest speed, page latency at 1M articles,
# pages/s under gunicorn). The first run builds a 1M-article corpus (~15 min); BENCH_ARTICLES=N for fewer.
bench: db
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || true; }
	$(PY) bench/run.py $(SECTIONS)

stop:
	@if [ -x $(PY) ]; then $(PY) -m newsarchive.pgcluster stop; else echo "Nothing to stop."; fi
