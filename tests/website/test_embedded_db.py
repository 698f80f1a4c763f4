import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONNECT = (
    "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[2]);"
    "from website.embedded_db import start_server;"
    "import psycopg; s = start_server(Path(sys.argv[1]) / 'var' / 'pgdata');"
    "c = psycopg.connect(host=s['HOST'], port=s['PORT'] or None, user='postgres',"
    " dbname='postgres'); print(c.execute('select 40 + 2').fetchone()[0]);"
)
STOP = (
    "import pgserver, sys; from pathlib import Path;"
    "pgserver.get_server(Path(sys.argv[1]) / 'var' / 'pgdata', cleanup_mode='stop').cleanup()"
)


def run(script, base):
    return subprocess.run(
        [sys.executable, "-c", script, str(base), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_embedded_database_is_reused_and_survives_an_emptied_process_list(tmp_path):
    """The embedded server starts, is reused, and starts even after its process list was emptied."""
    try:
        first = run(CONNECT, tmp_path)
        assert first.returncode == 0, first.stderr
        assert first.stdout.split()[-1] == "42"
        (tmp_path / "var" / "pgdata" / ".handle_pids.json").write_text("")
        second = run(CONNECT, tmp_path)
        assert second.returncode == 0, second.stderr
        assert second.stdout.split()[-1] == "42"
    finally:
        run(STOP, tmp_path)


STOP_OURS = (
    "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[2]);"
    "from website.embedded_db import stop_server;"
    "print('stopped' if stop_server(Path(sys.argv[1]) / 'var' / 'pgdata') else 'not running')"
)


def test_embedded_database_says_it_started_and_stops(tmp_path):
    """Starting says where the server lives and how to stop it; stop_server stops it."""
    try:
        first = run(CONNECT, tmp_path)
        assert first.returncode == 0, first.stderr
        pgdata = tmp_path / "var" / "pgdata"
        assert f"Started the embedded PostgreSQL (the project's own server) in {pgdata}" in (
            first.stderr
        )
        assert "make stop" in first.stderr
        again = run(CONNECT, tmp_path)
        assert "Started the embedded PostgreSQL" not in again.stderr  # reused, not started
        assert run(STOP_OURS, tmp_path).stdout.strip().endswith("stopped")
        assert run(STOP_OURS, tmp_path).stdout.strip().endswith("not running")
    finally:
        run(STOP, tmp_path)


CONNECT_AT_ONCE = (
    "import sys, threading; from pathlib import Path; sys.path.insert(0, sys.argv[2]);"
    "from website.embedded_db import start_server; import psycopg;"
    "at_once = threading.Barrier(8); answers = []\n"
    "def connect():\n"
    "    at_once.wait(); s = start_server(Path(sys.argv[1]) / 'var' / 'pgdata')\n"
    "    c = psycopg.connect(host=s['HOST'], port=s['PORT'] or None, user='postgres',"
    " dbname='postgres'); answers.append(c.execute('select 40 + 2').fetchone()[0])\n"
    "threads = [threading.Thread(target=connect) for _ in range(8)]\n"
    "[thread.start() for thread in threads]; [thread.join() for thread in threads]\n"
    "print(len(answers))"
)


def test_threads_connecting_at_once_all_get_the_embedded_database(tmp_path):
    """Threads of one process connecting at the same moment (the worker and its clock under
    `make run`) all connect, whether the server was running already or not."""
    try:
        for _ in ("not running yet", "running"):
            result = run(CONNECT_AT_ONCE, tmp_path)
            assert result.returncode == 0, result.stderr
            assert result.stdout.split()[-1] == "8", result.stderr
            assert result.stderr.count("Started the embedded PostgreSQL") <= 1
    finally:
        run(STOP, tmp_path)
