"""On a newsroom of 10,000 articles, no reader page reads the whole articles table."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.content import SEED_ARTICLE

pytestmark = pytest.mark.django_db

SEED = SEED_ARTICLE["slug"]
PAGES = [
    "/",
    "/news-feed/",
    "/news-feed/?page=5",
    "/section/ukraine/",
    "/section/europe/?page=3",
    "/tag/nato/",
    "/author/martin-fornusek/",
    "/search/?q=Wiesbaden",
    "/search/?q=Kharkiv+power",
    f"/news/{SEED}/",
    f"/read-more/{SEED}/?page=2",
    "/corrections/",
    "/rss.xml",
    "/section/ukraine/rss.xml",
    "/news-sitemap.xml",
]


@pytest.fixture
def large_newsroom():
    with open("/dev/null", "w") as quiet:
        call_command("load_demo", articles=10_000, stdout=quiet, stderr=quiet)


def plan(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def test_reader_page_queries_use_indexes_not_a_full_scan(client, large_newsroom):
    """Every query of every page reaches articles through an index, never a sequential scan."""
    scans = []
    for path in PAGES:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        for query in queries.captured_queries:
            if "articles_article" not in query["sql"] or not query["sql"].startswith("SELECT"):
                continue
            explained = plan(query["sql"])
            if "Seq Scan on articles_article " in explained + " ":
                scans.append(f"{path}: {query['sql'][:400]}\n{explained}")
    assert scans == [], "\n\n".join(scans)
