"""The background worker: django-tasks-db's worker, and the newsletters' clock beside it.

The clock runs once at start and then every minute: scheduled issues whose time has come,
newsletters that assemble their issue at their send time, and sends that a stopped worker
left unfinished (services.due_work).
"""

import logging
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from newsletters import services

logger = logging.getLogger("newsletters.worker")
CLOCK_SECONDS = 60


def clock(stop: threading.Event, every: float) -> None:
    """services.due_work() now and then every `every` seconds until stop is set."""
    while True:
        try:
            for line in services.due_work():
                logger.info("%s", line)
        except Exception:  # the clock must outlive one bad minute (a database restart...)
            logger.exception("The newsletters' clock failed this time")
        finally:
            connection.close()
        if stop.wait(every):
            return


def email_destination() -> str:
    backend = settings.EMAIL_BACKEND
    if backend.endswith("filebased.EmailBackend"):
        return f"files in {settings.EMAIL_FILE_PATH}/ (one per connection)"
    if backend.endswith("console.EmailBackend"):
        return "this console"
    if backend.endswith("smtp.EmailBackend"):
        return f"the SMTP server {settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
    return f"the email backend {backend}"


class Command(BaseCommand):
    help = "Run the background worker (every queue) and the newsletters' clock."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1, help="Seconds between polls.")
        parser.add_argument(
            "--clock", dest="clock_seconds", type=float, default=CLOCK_SECONDS,
            help="Seconds between two runs of the clock.",
        )  # fmt: skip
        parser.add_argument(
            "--batch", action="store_true", help="Run the clock once and every due task, then stop."
        )

    def handle(self, *args, interval, clock_seconds, batch, **options):
        logging.getLogger("django_tasks_db").setLevel(logging.INFO)
        self.stdout.write(f"Worker started. Emails go to {email_destination()}.")
        stop = threading.Event()
        if batch:
            stop.set()
            clock(stop, clock_seconds)  # once, before the tasks
        else:
            threading.Thread(target=clock, args=(stop, clock_seconds), daemon=True).start()
        worker = Worker(
            queue_names=["*"],
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stop.set()
            close_old_connections()
