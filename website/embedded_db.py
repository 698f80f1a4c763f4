"""An embedded PostgreSQL under var/, for machines where DATABASE_URL is unset.

The server is started on first use (by the website.embedded_postgres backend)
and left running (cleanup_mode=None), so the next command reuses the same
cluster and its data instead of creating a new one.
"""

import json
import os
import sys
import threading
import warnings
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# pgserver's own lock is a file lock, which keeps other processes out but not this one's
# other threads: two threads connecting at once (the worker and its newsletters' clock,
# as `make run` starts them) each saw a half-made server or a half-written process list.
_starting = threading.Lock()


def database_settings(base_dir: Path) -> dict:
    """DATABASES["default"] for the embedded server; nothing is started yet."""
    return {
        "ENGINE": "website.embedded_postgres",
        "DATA_DIR": str(base_dir / "var" / "pgdata"),
        "NAME": "postgres",
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
    }


def start_server(pgdata: Path) -> dict:
    """Start the server in pgdata, or find it running; its HOST and PORT settings."""
    with _starting:
        return _start_server(pgdata)


def _quiet_pgserver() -> None:
    """pgserver warns on import where no XDG_RUNTIME_DIR is set; its lock goes to /tmp then."""
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")


def _start_server(pgdata: Path) -> dict:
    _quiet_pgserver()
    try:
        import pgserver
    except ImportError as error:
        raise ImproperlyConfigured(
            "DATABASE_URL is not set and the embedded PostgreSQL (the pgserver package, "
            "Python 3.11 and 3.12 only) is not installed: set DATABASE_URL to a PostgreSQL server."
        ) from error

    pgdata.mkdir(parents=True, exist_ok=True)
    # pgserver keeps a list of the processes using the server in this file; a
    # process killed while writing it leaves it empty, and then nothing starts.
    handles = pgdata / ".handle_pids.json"
    try:
        json.loads(handles.read_text())
    except FileNotFoundError:
        pass
    except ValueError:
        handles.write_text("[]")
    from pgserver.utils import PostmasterInfo

    running = PostmasterInfo.read_from_pgdata(pgdata)
    was_running = running is not None and running.is_running()
    server = pgserver.get_server(pgdata, cleanup_mode=None)
    if not was_running:
        sys.stderr.write(
            f"Started the embedded PostgreSQL (the project's own server) in {pgdata}; it keeps "
            "running for the next commands. Stop it with: make stop\n"
        )
    info = server.get_postmaster_info()
    if info.socket_dir is not None:
        return {"HOST": str(info.socket_dir), "PORT": ""}
    return {"HOST": info.hostname, "PORT": str(info.port)}


def stop_server(pgdata: Path) -> bool:
    """Stop the embedded server in pgdata if it runs; whether it was running."""
    _quiet_pgserver()
    try:
        from pgserver import pg_ctl
        from pgserver.utils import PostmasterInfo
    except ImportError:
        return False
    info = PostmasterInfo.read_from_pgdata(pgdata) if pgdata.exists() else None
    if info is None or not info.is_running():
        return False
    # As root, pgserver runs the server as its own system user; pg_ctl must be that user.
    user = "pgserver" if os.name == "posix" and os.geteuid() == 0 else None
    pg_ctl(["-w", "stop", "-m", "fast"], pgdata=pgdata, user=user)
    return True
