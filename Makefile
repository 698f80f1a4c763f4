# Two commands: `make run` for a local newsroom with demo content, `make test` for the suite.
# The first of python3.11, python3.12, python3.13, python3 that runs and is 3.11 to 3.13 (each
# is tried: a pyenv shim can exist for a version that is not active). Or: make PYTHON=...
# On 3.13 the embedded PostgreSQL is not available (pgserver has no wheel): set DATABASE_URL.
PYTHON_OK := import sys; sys.exit(not (3, 11) <= sys.version_info[:2] < (3, 14))
PYTHON ?= $(shell for p in python3.11 python3.12 python3.13 python3; do \
	$$p -c '$(PYTHON_OK)' 2>/dev/null && command -v $$p && break; done)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# make test runs the suite in this many processes (a test file stays in one): one a core.
TEST_WORKERS ?= auto

.PHONY: run worker test lint serve bench bench-pages clean backup restore lock stop demo-logins

# The pinned, tested versions of requirements.lock, then the project itself.
$(BIN)/django-admin: pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(BIN)/python:
	@test -n "$(PYTHON)" && "$(PYTHON)" -c '$(PYTHON_OK)' 2>/dev/null || { \
	  echo "Python 3.11, 3.12 or 3.13 is needed, and none was found (tried python3.11, python3.12," \
	    "python3.13, python3; PYTHON='$(PYTHON)'). Install one, or name it: make PYTHON=..." >&2; \
	  exit 1; }
	$(PYTHON) -m venv $(VENV)

# requirements.lock again from pyproject.toml, for every supported Python, keeping the pinned
# versions the ranges still allow (delete the file first to take the newest of everything).
LOCK := uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 -o requirements.lock
lock: | $(BIN)/python
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet uv
	$(BIN)/$(LOCK) --no-header --quiet
	{ echo '# Regenerate with: $(LOCK)  (or: make lock)'; cat requirements.lock; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

# What `make run` says as it ends (Ctrl-C): the embedded PostgreSQL is still running.
STOPPED = echo "Server and worker stopped.$(if $(DATABASE_URL),, The embedded PostgreSQL in var/pgdata \
	keeps running for the next make run: make stop stops it.)"
run: export DJANGO_DEBUG ?= 1
run: $(BIN)/django-admin
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@$(BIN)/python manage.py local_server --address http://$(HOST):$(PORT)
	@# The background worker beside the server (it says where emails go); it stops with it.
	@$(BIN)/python manage.py worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null; $(STOPPED)' EXIT; \
	trap 'exit 0' INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The background worker alone (newsletter sends, sign-up emails, scheduled issues).
worker: export DJANGO_DEBUG ?= 1
worker: $(BIN)/django-admin
	$(BIN)/python manage.py worker

test: $(BIN)/django-admin
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_DEBUG=1 $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_DEBUG=1 $(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile --durations=25

# Production server: debug off, static collected, gunicorn. Needs DJANGO_SECRET_KEY.
serve: $(BIN)/django-admin
	DJANGO_DEBUG=0 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=0 $(BIN)/python manage.py collectstatic --noinput -v0
	DJANGO_DEBUG=0 $(BIN)/gunicorn newsroom.wsgi --workers $${WEB_CONCURRENCY:-2} --bind $(HOST):$(PORT)

# A news day against the framework floor: the Zipf mix with and without Redis, cold, warm and
# while editing, then readers polling a live story while entries are posted (needs wrk;
# bench/README.md). bench-pages: each reader page on its own.
bench: $(BIN)/django-admin
	$(BIN)/python -m bench.mix
	$(BIN)/python -m bench.live --no-prepare

bench-pages: $(BIN)/django-admin
	$(BIN)/python -m bench.run

lint: $(BIN)/django-admin
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

# Backups: the database (pg_dump custom format) and the media folder, into backups/<timestamp>/.
backup restore: export DJANGO_DEBUG ?= 1
backup: $(BIN)/django-admin
	$(BIN)/python manage.py backup

# Restore one: make restore FILE=backups/<timestamp>
restore: $(BIN)/django-admin
	@test -n "$(FILE)" || (echo "Usage: make restore FILE=backups/<timestamp>" && exit 2)
	$(BIN)/python manage.py restore "$(FILE)"

# Stop the embedded PostgreSQL that `make run` started (its data stays in var/pgdata).
stop: $(BIN)/django-admin
	DJANGO_DEBUG=1 $(BIN)/python manage.py local_server --stop

# New passwords for the two demo logins (the old ones stop working); printed once.
demo-logins: $(BIN)/django-admin
	DJANGO_DEBUG=1 $(BIN)/python manage.py demo_logins --reset
