"""Benchmark the reader pages against the framework's own floor.

Starts gunicorn (2 workers, production settings) on a database seeded with
10,000 articles and measures each page with wrk (2 threads, 32 connections):
uncached (page cache off) and cached (Redis page cache, after a warm-up), next
to a Django view in the same server returning the same number of bytes from
memory. "Cold" runs with the cache emptied just before (the first request of
the run fills it). Prints a table of requests per second, latency and query
counts.

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


def start_server(env, page_cache: bool):
    port = free_port()
    server_env = {**env, "PAGE_CACHE_ENABLED": "1" if page_cache else "0"}
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
    """Bytes and SQL queries of each page, rendered in-process with the page cache off."""
    os.environ.update({**env, "PAGE_CACHE_ENABLED": "0"})
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, facts = Client(HTTP_HOST="127.0.0.1"), {}
    for name, path in PAGES.items():
        client.get(path)  # first request warms up connections and lookups
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        facts[name] = {
            "status": response.status_code,
            "bytes": len(response.content),
            "queries": len(queries),
        }
    return facts


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

    rows = {}
    for page_cache in (False, True):
        server, base = start_server(env, page_cache)
        try:
            for name, path in PAGES.items():
                if page_cache:
                    # Cold: the cache emptied just before; the first request fills it.
                    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
                    rows[name]["cold"] = wrk(base + path, options.seconds)
                wrk(base + path, options.warmup)
                rows.setdefault(name, {})["cached" if page_cache else "uncached"] = wrk(
                    base + path, options.seconds
                )
                if page_cache:
                    floor_url = f"{base}/_bench/floor/?bytes={facts[name]['bytes']}"
                    wrk(floor_url, options.warmup)
                    rows[name]["floor"] = wrk(floor_url, options.seconds)
        finally:
            server.terminate()
            server.wait()

    header = (
        f"{'page':<14}{'status':>7}{'bytes':>8}{'SQL':>5}{'floor rps':>11}"
        f"{'uncached rps':>14}{'%floor':>8}{'p50 ms':>8}{'p99 ms':>8}"
        f"{'cold rps':>10}{'%floor':>8}"
        f"{'cached rps':>12}{'%floor':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'errors':>8}"
    )
    print(header)
    print("-" * len(header))
    for name, row in rows.items():
        fact, floor, uncached, cached = facts[name], row["floor"], row["uncached"], row["cached"]
        cold = row["cold"]
        errors = uncached["errors"] + cold["errors"] + cached["errors"]
        print(
            f"{name:<14}{fact['status']:>7}{fact['bytes']:>8}{fact['queries']:>5}"
            f"{floor['rps']:>11.0f}{uncached['rps']:>14.0f}"
            f"{100 * uncached['rps'] / floor['rps']:>7.0f}%{uncached['p50']:>8.1f}"
            f"{uncached['p99']:>8.1f}{cold['rps']:>10.0f}{100 * cold['rps'] / floor['rps']:>7.0f}%"
            f"{cached['rps']:>12.0f}"
            f"{100 * cached['rps'] / floor['rps']:>7.0f}%{cached['p50']:>8.1f}"
            f"{cached['p95']:>8.1f}{cached['p99']:>8.1f}{errors:>8}"
        )
    print(
        f"\n{os.cpu_count()} cores; wrk -t2 -c32 -d{options.seconds}s; gunicorn 2 workers; "
        f"{ARTICLES:,} articles."
    )


if __name__ == "__main__":
    main()
