"""An editor changing one article's headline every few seconds, for the benchmark's edit runs.

After each save it asks for the article's page several times, each on a new
connection (so each gunicorn worker answers some), and counts the answers that
still show the old headline. Prints one JSON line at the end:
{"edits": N, "checks": N, "stale": N}.

    python -m bench.editor --article PK --interval 1 --seconds 15 --base http://127.0.0.1:8151
"""

import argparse
import json
import time
from http.client import HTTPConnection
from urllib.parse import urlsplit

import django

CHECKS_PER_EDIT = 4


def page(base: str, path: str) -> str:
    address = urlsplit(base)
    connection = HTTPConnection(address.hostname, address.port, timeout=10)
    connection.request("GET", path, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
    text = connection.getresponse().read().decode()
    connection.close()
    return text


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
    end = time.monotonic() + options.seconds
    while time.monotonic() < end:
        started = time.monotonic()
        edits += 1
        article.title = f"{original} (update {edits})"
        article.save()
        for _ in range(CHECKS_PER_EDIT):
            checks += 1
            if f"(update {edits})" not in page(options.base, path):
                stale += 1
        time.sleep(max(0.0, options.interval - (time.monotonic() - started)))
    print(json.dumps({"edits": edits, "checks": checks, "stale": stale}))


if __name__ == "__main__":
    main()
