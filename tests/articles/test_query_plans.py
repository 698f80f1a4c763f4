"""On a newsroom of 10,000 articles, no reader page reads the whole articles table."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.bulk import create_bulk_articles
from tests.factories import make_article, make_author, make_newsroom, make_section, make_tag

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
    untagged = make_article(section=lead.section, title="An article without tags")
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
        untagged.get_absolute_url(),  # Read more finds no item sharing a tag
        f"/read-more/{lead.slug}/?page=2",
        "/corrections/",
        "/rss.xml",
        f"{lead.section.get_absolute_url()}rss.xml",
        "/news-sitemap.xml",
    ]


# No page shows more than a few dozen items; ranking search results reads every match.
MOST_ARTICLE_ROWS = 1_000


def articles_read(node: dict) -> int:
    """How many rows the scans of the articles table in a plan produced, loops included."""
    read = 0
    if node.get("Relation Name") == "articles_article" and "Scan" in node["Node Type"]:
        read += node["Actual Rows"] * node["Actual Loops"]
    return read + sum(articles_read(child) for child in node.get("Plans", []))


def plan(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def analysed(sql: str) -> dict:
    """The plan PostgreSQL ran, with the rows each node gave (EXPLAIN ANALYZE)."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
        return cursor.fetchone()[0][0]["Plan"]


def is_article_read(sql: str) -> bool:
    """A read of articles for a page. Not Most Popular's: it sums a week of counters over
    as many articles as were read, where a hash join over the table is a fair plan, and it
    runs once every few minutes (readership/popular.py, POPULAR_SECONDS)."""
    if "readership_hourlyviews" in sql:
        return False
    return "articles_article" in sql and sql.lstrip("(").startswith("SELECT")


def test_reader_page_queries_use_indexes_not_a_full_scan(client, large_newsroom, settings):
    """Every query of every page reaches articles through an index, never a sequential scan,
    and reads no more of them than it shows: an index walked newest first until an item
    with a rare tag turns up reads the archive as surely as a scan.

    With prepared statements (website/prepared.py) PostgreSQL may plan a query once for
    any values (a generic plan); each one it keeps is checked the same way."""
    settings.PREPARED_STATEMENTS = False  # the queries with their values written in
    scans, reads = [], []
    pages = reader_pages(large_newsroom)
    for path in pages:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        for query in queries.captured_queries:
            if not is_article_read(query["sql"]):
                continue
            explained = plan(query["sql"])
            if "Seq Scan on articles_article " in explained + " ":
                scans.append(f"{path}: {query['sql'][:400]}\n{explained}")
            read = articles_read(analysed(query["sql"]))
            if read > MOST_ARTICLE_ROWS and not path.startswith("/search/"):
                reads.append(f"{path}: {read} rows of articles read by {query['sql'][:400]}")
    assert scans == [], "\n\n".join(scans)
    assert reads == [], "\n\n".join(reads)

    settings.PREPARED_STATEMENTS = True
    for _ in range(6):  # PostgreSQL weighs a generic plan after five runs
        for path in pages:
            assert client.get(path).status_code == 200
    generic = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, statement, cardinality(parameter_types) FROM pg_prepared_statements"
            " WHERE generic_plans > 0"
        )
        kept = cursor.fetchall()
        cursor.execute("SET plan_cache_mode = force_generic_plan")
        for name, statement, count in kept:
            cursor.execute(f"EXPLAIN EXECUTE {name}({', '.join(['NULL'] * count)})")
            explained = "\n".join(row[0] for row in cursor.fetchall())
            if "Seq Scan on articles_article " in explained + " ":
                generic.append(f"{statement[:400]}\n{explained}")
        cursor.execute("RESET plan_cache_mode")
    assert kept
    assert generic == [], "\n\n".join(generic)


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
        if is_article_read(query["sql"]):
            assert "Seq Scan on articles_article " not in plan(query["sql"]) + " ", query["sql"]
