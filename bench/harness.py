"""What the news-day and live-story benchmarks share: their options, environment, server,
wrk runs and the line under their tables."""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

from bench.run import ENVIRONMENT

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULTS = {
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/newsroom_bench",
    "REDIS_URL": "redis://127.0.0.1:6379/2",
    "PORT": "8077",
}
CONNECTIONS = 32
WORKERS = 2  # gunicorn's


def parser(description: str, *, seconds: int) -> argparse.ArgumentParser:
    """The options every benchmark has: how long each run and warm-up lasts, and whether the
    database is ready."""
    options = argparse.ArgumentParser(description=description)
    options.add_argument("--seconds", type=int, default=seconds, help="length of each wrk run")
    options.add_argument("--warmup", type=int, default=5, help="length of each warm-up run")
    options.add_argument("--no-prepare", action="store_true", help="the database is ready")
    return options


def environment() -> dict:
    """Production settings on the benchmark's database, Redis and port (BENCH_DATABASE_URL,
    BENCH_REDIS_URL, BENCH_PORT override them); stops when wrk is missing."""
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    env = {**os.environ, **ENVIRONMENT}
    for name, default in DEFAULTS.items():
        env[name] = os.environ.get(f"BENCH_{name}", default)
    env["BENCH_DATABASE_URL"] = env["DATABASE_URL"]
    return env


def without_redis(env) -> dict:
    """The same environment with PostgreSQL's cache table as the shared cache."""
    return {key: value for key, value in env.items() if key != "REDIS_URL"}


def shell(code: str, env) -> list[str]:
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return [line for line in result.stdout.splitlines() if line.strip()]


def start_server(env, port: int):
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "newsroom.wsgi", "--workers", str(WORKERS), "--bind",
         f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urlopen(base + "/robots.txt", timeout=1)  # noqa: S310
            break
        except OSError as error:
            if getattr(error, "code", None):
                break
            time.sleep(0.1)
    return process, base


def wrk(url: str, seconds: int, *, script: str, paths: Path | None = None, encoding=None) -> dict:
    env = {**os.environ, "PATHS_FILE": str(paths or ""), "BENCH_LUA_DIR": str(ROOT / "bench")}
    if encoding is not None:
        env["ACCEPT_ENCODING"] = encoding
    result = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "-s",
         str(ROOT / "bench" / script), url],
        capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    last = result.stdout.strip().splitlines()[-1]
    run = json.loads(last) if last.startswith("{") else {}
    # The machine's load over the last minute, as the run ends: figures taken while other
    # work shares the cores say little on their own.
    run["load"] = os.getloadavg()[0]
    return run


def summary(options, *details: str) -> str:
    """The line under a benchmark's tables: the machine, wrk and gunicorn, then its own."""
    return "; ".join(
        [
            f"\n{os.cpu_count()} cores",
            f"wrk -t2 -c{CONNECTIONS} -d{options.seconds}s",
            f"gunicorn {WORKERS} workers",
            *details,
        ]
    )
