"""The real worker process (manage.py worker) reading and importing an upload from the admin."""

import os
import subprocess
import sys
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles.models import Article
from importers.models import ImportRun
from tests.factories import make_staff
from tests.importers.exports import WORDPRESS
from tests.services import BASE_DIR

pytestmark = pytest.mark.django_db(transaction=True)


def wait_for(condition, log, timeout=120):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.2)


def test_the_worker_runs_the_dry_run_and_then_the_import(tmp_path, upload_dir):
    """Upload in the admin; the worker's dry run saves nothing; after Import now it imports."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT']}/{db['NAME']}",
        "DJANGO_DEBUG": "1",
        "IMPORT_UPLOAD_DIR": str(upload_dir),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    client = Client()
    client.force_login(make_staff(role="Editors"))
    log = tmp_path / "worker.log"
    with log.open("ab") as output:
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--interval", "0.1", "--clock", "0.5"],
            cwd=BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            export = SimpleUploadedFile(WORDPRESS.name, WORDPRESS.read_bytes())
            client.post(
                reverse("admin:importers_importrun_upload"),
                {"source": "wordpress", "export": export, "default_section": "News"},
            )
            run = ImportRun.objects.get()
            wait_for(lambda: ImportRun.objects.get().status == "checked", log)
            assert Article.objects.count() == 0
            progress = reverse("admin:importers_importrun_progress", args=[run.pk])
            client.post(progress, {"confirm": "1"})
            wait_for(lambda: ImportRun.objects.get().status == "done", log)
        finally:
            worker.terminate()
            worker.wait(20)
    assert Article.objects.count() == 7
    assert ImportRun.objects.get().report["summary"][0].startswith("created: 3 authors")
