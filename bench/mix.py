"""The benchmark of a news day: readers spread over ~3,000 pages by a Zipf law, while editing.

Starts gunicorn (2 workers, production settings) on a database of 10,000
articles and drives it with wrk (2 threads, 32 connections) over the home page,
the news feed, a section, the RSS feed and the 3,000 newest articles, ranked by
a Zipf law (bench/zipf.lua), asking for compressed pages as browsers do. Twice:
with Redis as the shared cache, and without it (PostgreSQL's cache table). For
each, in this order:

- cold: the cache emptied just before the run;
- warm: after every page of the mix was visited once, most read first, over a few
  connections at once (at most --fill seconds: a fill cut short says how far it got),
  and a warm-up; the page cache's answers are counted (X-Page-Cache), so a warm run
  that was not served from the cache shows it;
- warm, plain: the same without Accept-Encoding (a compressed hit must cost no more);
- edit every 5 s / every 1 s: an editor changes the headline of the newest English
  article (on every English page's Read more) at that pace; after each save it asks
  for the article's page on new connections until both workers answered (at least
  four times) and counts old headlines. Each is measured after the editor has been at
  it for the asides' lag (PAGE_CACHE_ASIDE_LAG_SECONDS) and a warm-up, under the same
  load: the steady state of a news day;
- the floor: a Django view in the same server returning as many bytes as the
  mix's average answer, from memory, through the same middleware.

Before both, the article page and the home page rendered from nothing (page cache
and pieces off), each next to the floor for its own size. Every run notes the
machine's load, as figures taken on a busy machine say little on their own.

    make bench        # or: .venv/bin/python -m bench.mix --seconds 15 --warmup 5
"""

import json
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

from tqdm import tqdm

from bench.harness import (
    PYTHON,
    ROOT,
    WORKERS,
    environment,
    parser,
    shell,
    start_server,
    summary,
    without_redis,
    wrk,
)
from bench.run import manage, page_facts

ARTICLES = 10_000
NEWEST = 3_000
PATHS_QUERY = """
from django.conf import settings
from articles.models import Article, Section
newest = Article.objects.published().order_by('-publish_at')
edited = newest.filter(language=settings.LANGUAGE_CODE).first()
articles = [a.get_absolute_url() for a in newest[:NEWEST]]
section = Section.objects.first().get_absolute_url()
paths = ['/', '/news-feed/', *articles[:3], section, *articles[3:6], '/rss.xml', *articles[6:]]
print(edited.pk, edited.get_absolute_url())
print('\\n'.join(paths))
"""


# The fill's connections: two a gunicorn worker, so each has the next page while it answers.
FILL_CONNECTIONS = 4
READER_HEADERS = {
    "Host": "127.0.0.1",
    "X-Forwarded-Proto": "https",
    "Accept-Encoding": "gzip, deflate, br",
}


def fill(base: str, paths: list[str], seconds: float) -> dict:
    """Every page of the mix once, most read first (a fill cut short leaves the rarest pages
    cold), FILL_CONNECTIONS at a time, with a progress bar; stops after `seconds`.

    Returns how many pages it visited and how the page cache answered them.
    """
    address = urlsplit(base)
    pending, lock = iter(paths), threading.Lock()
    outcomes: Counter = Counter()
    deadline = time.monotonic() + seconds
    bar = tqdm(total=len(paths), desc="fill", unit="pages", file=sys.stderr, mininterval=2)

    def visit():
        connection = HTTPConnection(address.hostname, address.port, timeout=60)
        while time.monotonic() < deadline:
            with lock:
                path = next(pending, None)
            if path is None:
                break
            try:
                connection.request("GET", path, headers=READER_HEADERS)
                response = connection.getresponse()
                response.read()
                outcome = response.getheader("X-Page-Cache") or f"HTTP {response.status}"
            except OSError:
                outcome = "error"
                connection.close()  # a new connection for the next page
            with lock:
                outcomes[outcome] += 1
                bar.update()
        connection.close()

    started = time.monotonic()
    visitors = [threading.Thread(target=visit) for _ in range(FILL_CONNECTIONS)]
    for visitor in visitors:
        visitor.start()
    for visitor in visitors:
        visitor.join()
    bar.close()
    visited = sum(outcomes.values())
    result = {
        "pages": len(paths),
        "visited": visited,
        "seconds": round(time.monotonic() - started, 1),
        "outcomes": dict(outcomes),
    }
    if visited < len(paths):
        print(f"The fill was cut short after {seconds:g} s: {visited:,} of {len(paths):,} pages "
              "visited; the warm run renders the others (--fill to give it longer).",
              file=sys.stderr, flush=True)  # fmt: skip
    return result


def prepare(env) -> None:
    name = env["DATABASE_URL"].rsplit("/", 1)[1]
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name],
                   capture_output=True, check=False)  # fmt: skip
    manage("migrate", "--noinput", "-v0", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    manage("load_demo", env=env)
    count = int(
        shell("from articles.models import Article; print(Article.objects.count())", env)[-1]
    )
    if count < ARTICLES:
        manage("load_demo", "--articles", str(ARTICLES - count), env=env)


def run_config(name: str, env, paths: Path, edited: str, options) -> tuple[dict, dict]:
    """The runs of one cache configuration, and how its fill went."""
    port = int(env["PORT"])
    server, base = start_server(env, port)
    runs = {}
    try:
        mix = lambda seconds, **kw: wrk(base, seconds, script="zipf.lua", paths=paths, **kw)  # noqa: E731
        shell("from django.core.cache import cache; cache.clear()", env)
        runs["cold"] = mix(options.seconds)
        # Every page once, so that "warm" means warm (its hits are counted to show it).
        filled = fill(base, paths.read_text().split(), options.fill)
        mix(options.warmup)
        runs["warm"] = mix(options.seconds)
        runs["warm, plain"] = mix(options.seconds, encoding="")
        # Edits reach the pages that list the article only after their lag, so each edit run
        # is measured once the editor has been at it for the longest lag: a news day's steady
        # state, not its first seconds.
        settling = aside_lag(env) + options.warmup
        for interval, label in ((5, "edit every 5 s"), (1, "edit every 1 s")):
            editor = subprocess.Popen(
                [PYTHON, "-m", "bench.editor", "--article", edited, "--interval", str(interval),
                 "--seconds", str(settling + options.seconds), "--base", base],
                cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
            )  # fmt: skip
            mix(settling)
            runs[label] = mix(options.seconds)
            runs[label]["editor"] = json.loads(editor.communicate(timeout=120)[0].splitlines()[-1])
        payload = int(runs["warm"]["bytes"])
        floor = f"{base}/_bench/floor/?bytes={payload}"
        wrk(floor, options.warmup, script="report.lua")
        runs["floor"] = wrk(floor, options.seconds, script="report.lua")
        runs["floor"]["bytes"] = payload
    finally:
        server.terminate()
        server.wait()
    return runs, filled


def aside_lag(env) -> int:
    """How long the lists beside an article may lag behind an edit, in these settings."""
    code = "from django.conf import settings; print(settings.PAGE_CACHE_ASIDE_LAG_SECONDS)"
    return int(shell(code, env)[-1])


def run_from_nothing(env, paths: list[str], options) -> dict:
    """Pages rendered from the database on every request (page cache and pieces off), each
    next to the floor for its own size, measured straight after in the same server."""
    env = {**env, "PAGE_CACHE_ENABLED": "0", "FRAGMENT_CACHE_ENABLED": "0"}
    server, base = start_server(env, int(env["PORT"]) + 1)
    runs = {}
    try:
        for name, path in (("article", paths[2]), ("home", "/")):
            size = len(urlopen(base + path, timeout=10).read())  # noqa: S310
            wrk(base + path, options.warmup, script="report.lua")
            runs[name] = wrk(base + path, options.seconds, script="report.lua")
            floor = f"{base}/_bench/floor/?bytes={size}"
            wrk(floor, options.warmup, script="report.lua")
            runs[f"{name} floor"] = wrk(floor, options.seconds, script="report.lua")
    finally:
        server.terminate()
        server.wait()
    return runs


def cached_share(run: dict) -> float | None:
    """The share of answers the page cache gave (hits and stale pages), if any were counted."""
    answers = sum(run.get(name, 0) for name in ("hit", "stale", "miss", "uncached"))
    return (run.get("hit", 0) + run.get("stale", 0)) / answers if answers else None


def from_cache(run: dict) -> str:
    """The share of answers the page cache gave, and its misses."""
    share = cached_share(run)
    return "n/a" if share is None else f"{share:.1%} ({run.get('miss', 0):,} misses)"


def checks(name: str, runs: dict, filled: dict) -> list[str]:
    """What the issue asks of a configuration besides its speed, in words."""
    warm, plain = runs["warm"], runs["warm, plain"]
    edits = [run["editor"] for run in runs.values() if "editor" in run]
    complete = "every page" if filled["visited"] == filled["pages"] else "CUT SHORT"
    answers = ", ".join(
        f"{outcome} {count:,}" for outcome, count in sorted(filled["outcomes"].items())
    )
    lines = [
        f"{name}: the fill visited {filled['visited']:,} of {filled['pages']:,} pages in "
        f"{filled['seconds']:g} s ({complete}; {answers})",
        f"{name}: answers from the page cache, warm: {from_cache(warm)} (hit "
        f"{warm.get('hit', 0):,}, stale {warm.get('stale', 0):,}); "
        f"warm, plain: {from_cache(plain)}",
    ]
    if min(cached_share(warm) or 0, cached_share(plain) or 0) < 0.99:
        lines.append(
            f"{name}: a compressed hit against a plain one: not measured, as warm and warm, "
            "plain were not (nearly) all hits"
        )
    elif plain.get("rps"):
        lines.append(
            f"{name}: a compressed hit against a plain one: {warm['rps']:,.0f} against "
            f"{plain['rps']:,.0f} req/s ({warm['rps'] / plain['rps']:.2f}; no more costly "
            "if at least about 1, within the run's noise)"
        )
    stale = sum(edit["stale"] for edit in edits)
    workers = min((edit.get("workers", 0) for edit in edits), default=0)
    lines.append(
        f"{name}: after {sum(edit['edits'] for edit in edits)} edits, {stale} of "
        f"{sum(edit['checks'] for edit in edits)} answers on new connections still had the "
        f"old headline; after every edit, {workers} of the {WORKERS} workers answered"
    )
    return lines


def report(results: dict, fills: dict, facts: dict, options) -> None:
    nothing = results.pop("nothing cached")
    print("\n| page, nothing cached | req/s | floor req/s | of the floor | p50 | p99 | load |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name in ("article", "home"):
        run, floor = nothing[name], nothing[f"{name} floor"]
        share = f"{run['rps'] / floor['rps']:.2f}" if floor.get("rps") else "n/a"
        print(
            f"| {name} | {run['rps']:,.0f} | {floor['rps']:,.0f} | {share} | "
            f"{run['p50']:.1f} ms | {run['p99']:.1f} ms | {run['load']:.1f} |"
        )
    print("\n| cache | condition | req/s | of the floor | of warm | p50 | p99 | errors | "
          "from the page cache | edits | stale answers | load |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, runs in results.items():
        floor, warm = runs["floor"]["rps"], runs["warm"]["rps"]
        for condition, run in runs.items():
            editor = run.get("editor", {})
            stale = f"{editor['stale']} of {editor['checks']}" if editor else ""
            of_floor = f"{run['rps'] / floor:.2f}" if floor else "n/a"
            of_warm = f"{run['rps'] / warm:.2f}" if warm else "n/a"
            served = from_cache(run) if condition != "floor" else ""
            print(
                f"| {name} | {condition} | {run['rps']:,.0f} | {of_floor} | "
                f"{of_warm} | {run['p50']:.1f} ms | {run['p99']:.1f} ms | "
                f"{run['errors']} | {served} | {editor.get('edits', '')} | "
                f"{stale} | {run['load']:.1f} |"
            )
    print()
    for name, runs in results.items():
        for line in checks(name, runs, fills[name]):
            print(f"- {line}")
    print("\nQueries per page (rendered with its cached pieces / with nothing cached), and what a")
    print("page cache hit sends to PostgreSQL and Redis (for a page this process never had / had):")
    for page, fact in facts.items():
        hit = " / ".join(
            f"{run['outcome']}: {run['queries']} queries, Redis {run['redis'] or 'nothing'}"
            for run in fact["hit"].values()
        )
        print(
            f"- {page}: {fact['queries']} / {fact['queries_all']} ({fact['bytes']:,} bytes); {hit}"
        )
    print(
        summary(
            options,
            f"{ARTICLES:,} articles",
            f"Zipf over {options.newest + 4:,} pages",
            "floor bytes = the warm mix's average answer (headers included)",
            "load: the machine's one-minute load average as each run ended (on 2 cores, "
            "above 2 means other work was waiting too).",
        )
    )


def main():
    arguments = parser(__doc__.splitlines()[0], seconds=15)
    arguments.add_argument("--fill", type=int, default=150,
                           help="at most this many seconds to visit every page once")  # fmt: skip
    arguments.add_argument("--newest", type=int, default=NEWEST, help="articles in the mix")
    options = arguments.parse_args()
    env = environment()
    if not options.no_prepare:
        prepare(env)
    # Planner statistics, as a database that has been running a while has them: right after
    # a bulk load the planner guesses (Most Popular's join scanned every article).
    shell("from django.db import connection; connection.cursor().execute('ANALYZE')", env)
    edited, *paths = shell(PATHS_QUERY.replace("NEWEST", str(options.newest)), env)
    edited, edited_path = edited.split()
    paths_file = Path(tempfile.mkdtemp()) / "paths.txt"
    paths_file.write_text("\n".join(paths) + "\n")
    print(f"{len(paths)} pages in the mix; edited article: {edited_path}", flush=True)
    plain = without_redis(env)
    results = {"nothing cached": run_from_nothing(plain, paths, options)}
    fills = {}
    for name, config in (("Redis", env), ("PostgreSQL", plain)):
        results[name], fills[name] = run_config(name, config, paths_file, edited, options)
        print(json.dumps({name: results[name], "fill": fills[name]}), file=sys.stderr, flush=True)
    facts = page_facts(env)
    report(results, fills, facts, options)


if __name__ == "__main__":
    main()
