"""Benchmark the reader pages against the framework's own floor.

Starts gunicorn (2 workers, production settings) on a database seeded with
10,000 articles and measures each page with wrk (2 threads, 32 connections),
next to a Django view in the same server returning the same number of bytes
from memory (the floor), in four modes:

- nothing: no cache at all, every request rendered from the database;
- rendered: the page cache off, every request rendered from the cached pieces
  (cards, article, header) and lists (which items a page shows) of the current
  content version (articles/pieces.py): as for logged-in staff, or when a
  cached page has expired;
- cold: the Redis page cache emptied just before the run (its first request fills it);
- cached: the page cache warm.

Prints a table of requests per second, latency and query counts.

    make bench            # or: .venv/bin/python -m bench.run --seconds 15
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import redis

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ARTICLES = 10_000
SEED_SLUG = "nato-plans-to-establish-new-post-in-kyiv-trump-proof-ukraine-aid-wsj-reports"
PAGES = {
    "home": "/",
    "article": f"/news/{SEED_SLUG}/",
    "news feed p5": "/news-feed/?page=5",
    "author": "/author/martin-fornusek/",
    "search": "/search/?q=Wiesbaden",
    "rss feed": "/rss.xml",
}
ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "benchmark-only-secret-key-not-for-production-use-0123456789",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE_COOKIES": "0",
    # As behind a TLS proxy that does the redirect to HTTPS itself.
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_LOG_LEVEL": "WARNING",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/newsroom_bench",
    "REDIS_URL": "redis://127.0.0.1:6379/2",
}


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env, *, page_cache: bool, pieces: bool):
    port = free_port()
    server_env = {
        **env,
        "PAGE_CACHE_ENABLED": "1" if page_cache else "0",
        "FRAGMENT_CACHE_ENABLED": "1" if pieces else "0",
    }
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "newsroom.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=server_env,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urlopen(base + "/robots.txt", timeout=1)  # noqa: S310
            break
        except OSError as error:
            if getattr(error, "code", None):  # any HTTP answer means it is up
                break
            time.sleep(0.1)
    return process, base


def wrk(url: str, seconds: int) -> dict:
    result = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{seconds}s", "-s", str(ROOT / "bench" / "report.lua"), url],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def page_facts(env) -> dict:
    """Bytes and SQL queries of each page, rendered in-process with the page cache off.

    "queries" is with the cached pieces (cards, article, sections) at hand, as when
    a page is rendered again; "queries_all" renders everything from the database.
    "hit" is what a page cache hit costs: SQL queries and commands sent to Redis, for
    a page this process never had and for one it had (page_cache.look_up).
    """
    os.environ.update({**env, "PAGE_CACHE_ENABLED": "0"})
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, facts = Client(HTTP_HOST="127.0.0.1"), {}
    for name, path in PAGES.items():
        client.get(path)  # the first request warms up connections, lookups and pieces
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        settings.FRAGMENT_CACHE_ENABLED = False
        with CaptureQueriesContext(connection) as queries_all:
            client.get(path)
        settings.FRAGMENT_CACHE_ENABLED = True
        facts[name] = {
            "status": response.status_code,
            "bytes": len(response.content),
            "queries": len(queries),
            "queries_all": len(queries_all),
            "hit": hit_facts(client, path),
        }
    return facts


def hit_facts(client, path: str) -> dict:
    """The SQL queries and Redis commands of a page cache hit: for a page this process never
    had (another process stored it), then for one it had."""
    import redis
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from caching import local_copies

    sent, execute = [], redis.Redis.execute_command

    def counted(self, *args, **options):
        sent.append(str(args[0]).lower())
        return execute(self, *args, **options)

    settings.PAGE_CACHE_ENABLED = True
    redis.Redis.execute_command = counted
    try:
        client.get(path)
        facts = {}
        for had in ("never had", "had"):
            if had == "never had":
                local_copies.clear_all()
            sent.clear()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            facts[had] = {
                "outcome": response.get("X-Page-Cache"),
                "queries": len(queries),
                "redis": " ".join(sent),
            }
    finally:
        redis.Redis.execute_command = execute
        settings.PAGE_CACHE_ENABLED = False
    return facts


def percent(run: dict, floor: dict) -> str:
    return f"{100 * run['rps'] / floor['rps']:.0f}%"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15, help="length of each wrk run")
    parser.add_argument("--warmup", type=int, default=3, help="length of each warm-up run")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    env = {**os.environ, **ENVIRONMENT}
    for name in ("DATABASE_URL", "REDIS_URL"):
        env[name] = os.environ.get(f"BENCH_{name}", ENVIRONMENT[name])

    subprocess.run(
        ["createdb", "-h", "127.0.0.1", "-U", "postgres", "newsroom_bench"],
        capture_output=True,
        check=False,
    )
    manage("migrate", "--noinput", "-v0", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    manage("load_demo", env=env)
    count = int(
        subprocess.run(
            [
                PYTHON,
                "manage.py",
                "shell",
                "-c",
                "from articles.models import Article; print(Article.objects.count())",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()[-1]
    )
    if count < ARTICLES:
        manage("load_demo", "--articles", str(ARTICLES - count), env=env)
    facts = page_facts(env)

    # Modes, each on its own server: nothing cached; the page cache off but the
    # cached pieces at hand (how a page is rendered again after a change); the page
    # cache emptied just before the run (cold); the page cache warm.
    rows = {name: {} for name in PAGES}
    for page_cache, pieces in ((False, False), (False, True), (True, True)):
        server, base = start_server(env, page_cache=page_cache, pieces=pieces)
        mode = "cached" if page_cache else "rendered" if pieces else "nothing"
        try:
            for name, path in PAGES.items():
                if page_cache:
                    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
                    rows[name]["cold"] = wrk(base + path, options.seconds)
                wrk(base + path, options.warmup)
                rows[name][mode] = wrk(base + path, options.seconds)
                # The floor in the same server, straight after: the ratio is not
                # thrown off by the machine being busier at another time.
                floor_url = f"{base}/_bench/floor/?bytes={facts[name]['bytes']}"
                wrk(floor_url, options.warmup)
                rows[name][f"floor {mode}"] = wrk(floor_url, options.seconds)
        finally:
            server.terminate()
            server.wait()

    columns = [
        ("page", 14),
        ("status", 7),
        ("bytes", 8),
        ("SQL", 5),
        ("SQL all", 8),
        ("floor rps", 10),
        ("nothing rps", 12),
        ("%", 5),
        ("rendered rps", 13),
        ("%", 5),
        ("p50", 7),
        ("p99", 7),
        ("cold rps", 9),
        ("%", 5),
        ("cached rps", 11),
        ("%", 5),
        ("p50", 7),
        ("p95", 7),
        ("p99", 7),
        ("errors", 7),
    ]
    header = "".join(
        f"{title:<{width}}" if i == 0 else f"{title:>{width}}"
        for i, (title, width) in enumerate(columns)
    )
    print(header)
    print("-" * len(header))
    for name, row in rows.items():
        fact, floor = facts[name], row["floor cached"]
        nothing, rendered, cold, cached = (
            row["nothing"],
            row["rendered"],
            row["cold"],
            row["cached"],
        )
        errors = sum(run["errors"] for run in row.values())
        values = [
            name,
            fact["status"],
            fact["bytes"],
            fact["queries"],
            fact["queries_all"],
            f"{floor['rps']:.0f}",
            f"{nothing['rps']:.0f}",
            percent(nothing, row["floor nothing"]),
            f"{rendered['rps']:.0f}",
            percent(rendered, row["floor rendered"]),
            f"{rendered['p50']:.1f}",
            f"{rendered['p99']:.1f}",
            f"{cold['rps']:.0f}",
            percent(cold, floor),
            f"{cached['rps']:.0f}",
            percent(cached, floor),
            f"{cached['p50']:.1f}",
            f"{cached['p95']:.1f}",
            f"{cached['p99']:.1f}",
            errors,
        ]
        print(
            "".join(
                f"{value:<{width}}" if i == 0 else f"{value:>{width}}"
                for i, (value, (_title, width)) in enumerate(zip(values, columns, strict=True))
            )
        )
    print(
        f"\n{os.cpu_count()} cores; wrk -t2 -c32 -d{options.seconds}s; gunicorn 2 workers; "
        f"{ARTICLES:,} articles. Latencies in ms. SQL: queries of a page rendered with its "
        "cached pieces; SQL all: with nothing cached. Each % is of the floor measured in the "
        "same server right after the run; the floor column is the page cache's."
    )


if __name__ == "__main__":
    main()
