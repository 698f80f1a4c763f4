"""Backups of the whole newsroom: a pg_dump of the database and a tar of the media folder.

A backup is a folder, backups/<timestamp>/, holding database.dump (pg_dump's custom
format) and media.tar.gz. The client programs come from PG_BIN_DIR when it is set,
else from the pgserver package (which ships them), else from PATH.
"""

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections

from caching.watched import everything_changed

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"


def client_program(name: str) -> str:
    folders = []
    if os.environ.get("PG_BIN_DIR"):
        folders.append(Path(os.environ["PG_BIN_DIR"]))
    try:
        from pgserver._commands import POSTGRES_BIN_PATH

        folders.append(POSTGRES_BIN_PATH)
    except ImportError:
        pass
    for folder in folders:
        if (folder / name).is_file():
            return str(folder / name)
    found = shutil.which(name)
    if not found:
        raise CommandError(f"{name} was not found; set PG_BIN_DIR to PostgreSQL's bin folder.")
    return found


def connection_environment(alias: str = "default") -> dict[str, str]:
    """libpq's PG* variables for the database Django uses (TCP or a socket folder)."""
    params = connections[alias].get_connection_params()
    env = {
        **os.environ,
        "PGDATABASE": params.get("dbname") or "",
        "PGUSER": params.get("user") or "",
    }
    for key, name in [("host", "PGHOST"), ("port", "PGPORT"), ("password", "PGPASSWORD")]:
        if params.get(key):
            env[name] = str(params[key])
    return env


def run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode:
        raise CommandError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def create_backup(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=False)
    connections["default"].close()
    run(
        # The shared cache's table comes without its rows: pages are made again.
        [client_program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
         f"--exclude-table-data={settings.CACHE_TABLE}", f"--file={folder / DATABASE_FILE}"],
        connection_environment(),
    )  # fmt: skip
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / MEDIA_FILE, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname=".")
    return folder


def restore_backup(folder: Path) -> None:
    dump, media = folder / DATABASE_FILE, folder / MEDIA_FILE
    if not dump.is_file() or not media.is_file():
        raise CommandError(f"{folder} is not a backup: it needs {DATABASE_FILE} and {MEDIA_FILE}.")
    connections["default"].close()
    env = connection_environment()
    run(
        [client_program("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
         "--single-transaction", "--exit-on-error", f"--dbname={env['PGDATABASE']}", str(dump)],
        env,
    )  # fmt: skip
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(media) as archive:
        archive.extractall(media_root, filter="data")  # refuses absolute paths and ../
    # Cached pages and pieces show the content before the restore: start new versions.
    everything_changed()
