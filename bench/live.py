"""The live story benchmark: readers polling one live story while a reporter posts an entry
every 10 seconds, against the framework's floor in the same run.

Starts gunicorn (2 workers, production settings) on the benchmark's database with
the demo's live story, and drives its poll (/news/<slug>/live/, what static/js/live.js
asks for) with wrk (2 threads, 32 connections, bench/poll.lua), each connection sending
the ETag of its last answer in If-None-Match as a browser does. Meanwhile this script
posts an entry every --interval seconds through live.services and, after each, asks
for the poll four times on new connections (both workers answer) and counts answers
without the new entry. Twice: with Redis as the shared cache and without it
(PostgreSQL's cache table). The floor is bench/urls.py's view returning as many bytes
as the polls' average answer, through the same middleware. Targets: at least 0.6 of
the floor, p99 under 50 ms, no poll after a new entry without it.

    make bench        # after bench.mix; or: .venv/bin/python -m bench.live --seconds 30
"""

import json
import subprocess
import sys
import time
from http.client import HTTPConnection

import django

from bench.harness import (
    PYTHON,
    ROOT,
    environment,
    parser,
    shell,
    start_server,
    summary,
    without_redis,
    wrk,
)
from bench.mix import prepare

CHECKS_PER_ENTRY = 4
STORY_QUERY = """
from live.models import LiveStory
print(LiveStory.objects.get(article__slug='ukraine-war-latest').article.slug)
"""


def poll(base: str, path: str) -> str:
    host, port = base.removeprefix("http://").split(":")
    connection = HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
    text = connection.getresponse().read().decode()
    connection.close()
    return text


def reporter(*, base: str, path: str, slug: str, interval: float, seconds: float) -> dict:
    """Post an entry every `interval` seconds, then check that every poll after it shows it.

    Runs in a process of its own (--post), as a reporter's form would post from elsewhere.
    """
    django.setup()
    from django.contrib.auth import get_user_model

    from live import services
    from live.models import LiveStory

    story = LiveStory.objects.get(article__slug=slug)
    editor = get_user_model().objects.filter(groups__name="Editors").first()
    posts = checks = stale = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.monotonic()
        posts += 1
        entry = services.entry_post(story=story, by=editor, headline=f"Bench update {posts}")
        for _ in range(CHECKS_PER_ENTRY):
            checks += 1
            if f'data-entry="{entry.pk}"' not in poll(base, path):
                stale += 1
        time.sleep(max(0.0, interval - (time.monotonic() - started)))
    return {"posts": posts, "checks": checks, "stale": stale}


def run_config(env, slug: str, options) -> dict:
    server, base = start_server(env, int(env["PORT"]))
    path = f"/news/{slug}/live/"
    runs = {}
    try:
        shell("from django.core.cache import cache; cache.clear()", env)
        wrk(base + path, options.warmup, script="poll.lua")
        runs["polls, nothing new"] = wrk(base + path, options.seconds, script="poll.lua")
        posting_label = f"polls, an entry every {options.interval:g} s"
        posting = subprocess.Popen(
            [PYTHON, "-m", "bench.live", "--post", slug, "--interval", str(options.interval),
             "--seconds", str(options.seconds), "--base", base],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        runs[posting_label] = wrk(base + path, options.seconds, script="poll.lua")
        posted = posting.communicate(timeout=120)[0].splitlines()[-1]
        runs[posting_label]["reporter"] = json.loads(posted)
        size = max(
            1,
            int(runs[posting_label]["bytes"] // max(1, runs[posting_label]["requests"])),
        )
        floor = f"{base}/_bench/floor/?bytes={size}"
        wrk(floor, options.warmup, script="report.lua")
        runs["floor"] = wrk(floor, options.seconds, script="report.lua")
        runs["floor"]["bytes_per_answer"] = size
    finally:
        server.terminate()
        server.wait()
    return runs


def report(results: dict, options) -> None:
    print("\n| cache | condition | req/s | of the floor | p50 | p99 | 200s | 304s | errors | "
          "entries | polls without the new entry |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, runs in results.items():
        floor = runs["floor"]["rps"]
        for condition, run in runs.items():
            posted = run.get("reporter", {})
            stale = f"{posted['stale']} of {posted['checks']}" if posted else ""
            print(
                f"| {name} | {condition} | {run['rps']:,.0f} | {run['rps'] / floor:.2f} | "
                f"{run['p50']:.1f} ms | {run['p99']:.1f} ms | {run.get('fresh', '')} | "
                f"{run.get('not_modified', '')} | {run['errors']} | {posted.get('posts', '')} | "
                f"{stale} |"
            )
    print(
        summary(
            options,
            "polls with If-None-Match",
            f"an entry every {options.interval:g} s",
            "floor bytes = the polls' average answer. Targets: 0.6 of the floor, p99 under "
            "50 ms, 0 polls without the entry.",
        )
    )


def main():
    arguments = parser(__doc__.splitlines()[0], seconds=30)
    arguments.add_argument("--interval", type=float, default=10, help="seconds between entries")
    arguments.add_argument("--post", metavar="SLUG", help="(internal) the reporter's process")
    arguments.add_argument("--base", help="(internal) the server the reporter checks")
    options = arguments.parse_args()
    if options.post:
        path = f"/news/{options.post}/live/"
        print(json.dumps(reporter(base=options.base, path=path, slug=options.post,
                                  interval=options.interval, seconds=options.seconds)))  # fmt: skip
        return
    env = environment()
    if not options.no_prepare:
        prepare(env)  # the news day's database, with the demo's live story
    [slug] = shell(STORY_QUERY, env)[-1:]
    print(f"Polling /news/{slug}/live/", flush=True)
    results = {}
    for name, config in (("Redis", env), ("PostgreSQL", without_redis(env))):
        results[name] = run_config(config, slug, options)
    report(results, options)
    print(json.dumps(results), file=sys.stderr)


if __name__ == "__main__":
    main()
