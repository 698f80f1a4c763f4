"""An editor changing one article's headline every few seconds, for the benchmark's edit runs.

After each save it asks for the article's page on new connections, at least
CHECKS_PER_EDIT times and until WORKERS different gunicorn workers answered (X-Worker,
bench/urls.py; at most MOST_CHECKS times), and counts the answers that still show the
old headline. Prints one JSON line at the end: {"edits": N, "checks": N, "stale": N,
"workers": N}, workers being the fewest workers that answered after one save.

    python -m bench.editor --article PK --interval 1 --seconds 15 --base http://127.0.0.1:8151
"""

import argparse
import json
import time
from http.client import HTTPConnection
from urllib.parse import urlsplit

import django

from bench.harness import WORKERS

CHECKS_PER_EDIT = 4
MOST_CHECKS = 12


def page(base: str, path: str) -> tuple[str, str]:
    """The page's text and the worker that answered."""
    address = urlsplit(base)
    connection = HTTPConnection(address.hostname, address.port, timeout=10)
    connection.request("GET", path, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
    response = connection.getresponse()
    text, worker = response.read().decode(), response.getheader("X-Worker", "")
    connection.close()
    return text, worker


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--article", type=int, required=True)
    parser.add_argument("--interval", type=float, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--base", required=True)
    options = parser.parse_args()
    django.setup()
    from articles.models import Article

    article = Article.objects.get(pk=options.article)
    path, original = article.get_absolute_url(), article.title.split(" (update")[0]
    edits = checks = stale = 0
    fewest_workers = WORKERS
    end = time.monotonic() + options.seconds
    while time.monotonic() < end:
        started = time.monotonic()
        edits += 1
        article.title = f"{original} (update {edits})"
        article.save()
        answered = set()
        for attempt in range(MOST_CHECKS):
            if attempt >= CHECKS_PER_EDIT and len(answered) >= WORKERS:
                break
            text, worker = page(options.base, path)
            checks += 1
            answered.add(worker)
            if f"(update {edits})" not in text:
                stale += 1
        fewest_workers = min(fewest_workers, len(answered))
        time.sleep(max(0.0, options.interval - (time.monotonic() - started)))
    print(json.dumps({"edits": edits, "checks": checks, "stale": stale, "workers": fewest_workers}))


if __name__ == "__main__":
    main()
