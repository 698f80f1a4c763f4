"""On a newsroom of 10,000 articles, no reader page reads the whole articles table."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.bulk import create_bulk_articles
from tests.factories import make_author, make_newsroom, make_section, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def large_newsroom():
    """A small newsroom, then 10,000 realistic items in bulk, spread as on the demo site.

    The bulk items share the newsroom's hero images (and their renditions) and are
    spread over 5 sections, 6 authors and 12 tags, the demo's proportions, so that the
    planner's statistics look like a real newsroom's.
    """
    newsroom = make_newsroom()
    with_hero = [article for article in newsroom.published if article.hero_image]
    create_bulk_articles(
        10_000,
        sections=[*newsroom.sections, *(make_section() for _ in range(2))],
        authors=[*newsroom.authors, *(make_author() for _ in range(3))],
        tags=[*newsroom.tags, *(make_tag() for _ in range(9))],
        hero_images=[
            (a.hero_id, a.hero_image.name, a.hero_width, a.hero_height, a.hero_renditions)
            for a in with_hero
        ],
    )
    return newsroom


def reader_pages(newsroom) -> list[str]:
    lead = newsroom.article
    return [
        "/",
        "/news-feed/",
        "/news-feed/?page=5",
        lead.section.get_absolute_url(),
        f"{newsroom.sections[1].get_absolute_url()}?page=3",
        lead.tags.first().get_absolute_url(),
        newsroom.reporter.get_absolute_url(),
        f"/search/?q={newsroom.word}",  # a word one item has
        "/search/?q=Kharkiv+power",  # words thousands of bulk items have
        lead.get_absolute_url(),
        f"/read-more/{lead.slug}/?page=2",
        "/corrections/",
        "/rss.xml",
        f"{lead.section.get_absolute_url()}rss.xml",
        "/news-sitemap.xml",
    ]


def plan(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def test_reader_page_queries_use_indexes_not_a_full_scan(client, large_newsroom):
    """Every query of every page reaches articles through an index, never a sequential scan."""
    scans = []
    for path in reader_pages(large_newsroom):
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


def test_search_by_a_tag_name_reads_its_few_items_through_indexes(client, large_newsroom):
    """A word that names a rare tag finds its items by index, among 10,000 others."""
    wiesbaden = make_tag(name="Wiesbaden", slug="wiesbaden")
    for article in large_newsroom.more:
        article.tags.add(wiesbaden)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/?q=Wiesbaden")
    assert response.status_code == 200
    assert response.content.decode().count('class="feed-item ') == len(large_newsroom.more)
    for query in queries.captured_queries:
        if query["sql"].startswith("SELECT") and "articles_article" in query["sql"]:
            assert "Seq Scan on articles_article " not in plan(query["sql"]) + " ", query["sql"]
