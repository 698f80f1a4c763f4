"""An embedded PostgreSQL under var/, for machines where DATABASE_URL is unset.

The server is started on first use and left running (cleanup_mode=None), so the
next command reuses the same cluster and its data instead of creating a new one.
"""

import json
import warnings
from pathlib import Path


def embedded_database(base_dir: Path) -> dict:
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
    import pgserver

    pgdata = base_dir / "var" / "pgdata"
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
    settings = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "postgres",
        "USER": "postgres",
        "PASSWORD": "",
    }
    if info.socket_dir is not None:
        settings.update(HOST=str(info.socket_dir), PORT="")
    else:
        settings.update(HOST=info.hostname, PORT=str(info.port))
    return settings
