"""What `make run` says before the server starts, and `make stop`: the database and addresses."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from website.embedded_db import stop_server


class Command(BaseCommand):
    help = "Say where the database lives and the admin's address (--stop: stop the embedded one)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--address", default="http://127.0.0.1:8000", help="The server's address."
        )
        parser.add_argument(
            "--stop", action="store_true", help="Stop the embedded PostgreSQL, if it runs."
        )

    def handle(self, *args, address, stop, **options):
        database = settings.DATABASES["default"]
        data_dir = Path(database["DATA_DIR"]) if "DATA_DIR" in database else None
        if stop:
            if data_dir is None:
                self.stdout.write(
                    "DATABASE_URL names the database: there is no embedded one to stop."
                )
            elif stop_server(data_dir):
                self.stdout.write(f"Stopped the embedded PostgreSQL in {data_dir}.")
            else:
                self.stdout.write(f"The embedded PostgreSQL in {data_dir} is not running.")
            return
        if data_dir is None:
            where = f"PostgreSQL database {database['NAME']} at {database['HOST'] or 'localhost'}"
            self.stdout.write(f"Database: {where} (from DATABASE_URL).")
        else:
            self.stdout.write(
                f"Database: the embedded PostgreSQL in {data_dir} (data kept between runs). "
                "It keeps running after the server stops: make stop stops it."
            )
        self.stdout.write(f"Site:  {address.rstrip('/')}/")
        self.stdout.write(f"Admin: {address.rstrip('/')}/{settings.ADMIN_URL}")
        self.stdout.write(
            "Demo logins: printed above by load_demo; make demo-logins gives new passwords."
        )
