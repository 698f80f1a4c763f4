"""The real worker process (manage.py worker, as make worker runs it) sending an issue."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.db import connection
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from newsletters import services
from newsletters.models import Delivery, Issue
from tests.factories import make_issue, make_newsletter, make_subscriber
from tests.services import BASE_DIR

pytestmark = pytest.mark.django_db(transaction=True)


def worker_database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(smtp_server, log):
    env = {
        **os.environ,
        **smtp_server.settings(),
        "DATABASE_URL": worker_database_url(),
        "DJANGO_DEBUG": "1",
        "NEWSLETTER_EMAILS_PER_SECOND": "0",
        "NEWSLETTER_BATCH_SIZE": "10",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--interval", "0.1", "--clock", "0.5"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_for(condition, timeout=60):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the worker did not get there in time"
        time.sleep(0.1)


def test_a_worker_killed_mid_send_and_restarted_sends_each_email_exactly_once(
    smtp_server, tmp_path
):
    """SIGKILL while the mail server holds the 12th email; the next worker sends the rest once."""
    newsletter = make_newsletter()
    subscribers = [make_subscriber(newsletters=[newsletter]) for _ in range(30)]
    issue = make_issue(newsletter=newsletter)
    smtp_server.recorder.hold_at = 12
    services.send_now(issue=issue)

    with (tmp_path / "worker.log").open("ab") as log:
        worker = start_worker(smtp_server, log)
        try:
            assert smtp_server.recorder.held.wait(60), (tmp_path / "worker.log").read_text()
            worker.send_signal(signal.SIGKILL)
            worker.wait(10)
        finally:
            worker.kill()
        smtp_server.recorder.release.set()
        assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 11
        assert Delivery.objects.filter(status=Delivery.Status.SENDING).count() == 1

        restarted = start_worker(smtp_server, log)
        try:
            wait_for(lambda: Issue.objects.get().status == Issue.Status.SENT)
        finally:
            restarted.terminate()
            restarted.wait(20)

    assert sorted(smtp_server.recorder.recipients()) == sorted(s.email for s in subscribers)
    # The email the server held when the worker died arrived, and is not sent a second time.
    statuses = list(Delivery.objects.values_list("status", flat=True))
    assert statuses.count(Delivery.Status.SENT) == 29
    assert statuses.count(Delivery.Status.UNCONFIRMED) == 1
    # The killed worker's task is recorded as stopped, not left "running" for ever.
    results = {result.status: result for result in DBTaskResult.objects.all()}
    assert set(results) == {TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL}
    assert results[TaskResultStatus.FAILED].exception_class_path.endswith("WorkerStopped")
