"""An embedded PostgreSQL under var/, for machines where DATABASE_URL is unset.

The server is started on first use (by the website.embedded_postgres backend)
and left running (cleanup_mode=None), so the next command reuses the same
cluster and its data instead of creating a new one.
"""

import json
import warnings
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


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
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
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
    server = pgserver.get_server(pgdata, cleanup_mode=None)
    info = server.get_postmaster_info()
    if info.socket_dir is not None:
        return {"HOST": str(info.socket_dir), "PORT": ""}
    return {"HOST": info.hostname, "PORT": str(info.port)}
