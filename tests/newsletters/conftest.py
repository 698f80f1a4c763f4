import pytest
from django.db import transaction
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from tests.newsletters.smtp import SMTPServer


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a free port, and the project's email settings pointing at it."""
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.NEWSLETTER_EMAILS_PER_SECOND = 0
        yield server


@pytest.fixture
def run_tasks():
    """Run the tasks that are due, as the database worker does, in this process."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )

    def run() -> int:
        count = 0
        while True:
            with transaction.atomic():
                result = DBTaskResult.objects.ready().get_locked()
                if result is None:
                    return count
                result.claim("tests")
            worker.run_task(result)
            count += 1

    return run
