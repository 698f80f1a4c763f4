# Two commands: `make run` for a local newsroom with demo content, `make test` for the suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint serve bench clean backup restore

$(BIN)/django-admin: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: export DJANGO_DEBUG ?= 1
run: $(BIN)/django-admin
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(BIN)/django-admin
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_DEBUG=1 $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_DEBUG=1 $(BIN)/pytest

# Production server: debug off, static collected, gunicorn. Needs DJANGO_SECRET_KEY.
serve: $(BIN)/django-admin
	DJANGO_DEBUG=0 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=0 $(BIN)/python manage.py collectstatic --noinput -v0
	DJANGO_DEBUG=0 $(BIN)/gunicorn newsroom.wsgi --workers $${WEB_CONCURRENCY:-2} --bind $(HOST):$(PORT)

# Throughput and latency of the reader pages against the framework floor (needs wrk).
bench: $(BIN)/django-admin
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
