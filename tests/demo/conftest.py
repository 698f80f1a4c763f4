"""The demo loaded once for this folder's tests; each test runs inside a savepoint of it.

Loading the demo takes half a minute: once for the folder, in a transaction rolled back
after its last test, instead of once a test. A test's own changes go with its savepoint.
"""

import shutil
from io import StringIO
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import transaction

from tests.conftest import lasting_test_settings


@pytest.fixture(scope="package")
def demo_loaded_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """load_demo's first run: its output, pictures and logins file, rolled back at the end."""
    folder = tmp_path_factory.mktemp("demo")
    with django_db_blocker.unblock(), lasting_test_settings(folder), transaction.atomic():
        out = StringIO()
        call_command("load_demo", stdout=out)
        yield SimpleNamespace(
            output=out.getvalue(),
            media=django_settings.MEDIA_ROOT,
            logins_file=django_settings.DEMO_LOGINS_FILE,
        )
        transaction.set_rollback(True)


@pytest.fixture
def demo_loaded(demo_loaded_once, db, settings, tmp_path):
    """The loaded demo for one test; returns load_demo's output (the first run's logins).

    The test sees the demo's pictures and a copy of its logins file, which it may change.
    """
    settings.MEDIA_ROOT = demo_loaded_once.media
    settings.DEMO_LOGINS_FILE = tmp_path / "demo-logins.json"
    shutil.copy(demo_loaded_once.logins_file, settings.DEMO_LOGINS_FILE)
    return demo_loaded_once.output
