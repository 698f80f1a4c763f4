from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from articles.models import Article
from newsfeed import sitemaps
from tests.factories import make_article, make_author, make_newsroom, make_section, make_tag

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
SITE = "http://127.0.0.1:8000"
HOSTILE_TITLE = "Tom & Jerry </script><script>alert(1)</script> say \"hi\" & 'bye'"


def schema(name):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


URLSET = schema("sitemap.xsd")
INDEX = schema("siteindex.xsd")
NEWS = schema("news-urlset.xsd")


def fetch(client, url, xml_schema):
    """The document at url (absolute on the site's address), validated against xml_schema."""
    assert url.startswith(SITE), url
    response = client.get(url.removeprefix(SITE))
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    document = etree.fromstring(response.content)
    xml_schema.assertValid(document)
    return document


def locations(document):
    return document.xpath("//sm:loc/text()", namespaces=NS)


def all_sitemap_urls(client):
    index = fetch(client, f"{SITE}/sitemap.xml", INDEX)
    return [url for loc in locations(index) for url in locations(fetch(client, loc, URLSET))]


def test_sitemap_index_and_sitemaps_are_valid_and_complete(client):
    """The index and every sitemap it lists validate, and list every published article and listing."""
    newsroom = make_newsroom()
    index = fetch(client, f"{SITE}/sitemap.xml", INDEX)
    assert locations(index) == [
        f"{SITE}/sitemap-{name}.xml" for name in ["articles", "sections", "tags", "authors"]
    ]
    assert all(index.xpath("//sm:sitemap/sm:lastmod/text()", namespaces=NS))
    urls = all_sitemap_urls(client)
    expected = [f"{SITE}{article.get_absolute_url()}" for article in Article.objects.published()]
    assert len(expected) == len(newsroom.published)
    assert set(expected) <= set(urls)
    # Every section, tag and author of the newsroom has a published item, so each is listed.
    for listing in [*newsroom.sections, *newsroom.tags, *newsroom.authors]:
        assert f"{SITE}{listing.get_absolute_url()}" in urls, listing
    assert len(urls) == len(set(urls))


def test_sitemap_lastmod_is_the_last_change_a_reader_saw(client):
    """An article's lastmod is its last edit; a section's is that of its newest change."""
    section = make_section()
    article = make_article(section=section)
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - timedelta(minutes=1))
    article.refresh_from_db()
    document = fetch(client, f"{SITE}/sitemap-articles.xml", URLSET)
    (lastmod,) = document.xpath("//sm:lastmod/text()", namespaces=NS)
    assert lastmod == timezone.localtime(article.updated_at).replace(microsecond=0).isoformat()
    document = fetch(client, f"{SITE}/sitemap-sections.xml", URLSET)
    assert document.xpath("//sm:lastmod/text()", namespaces=NS) == [lastmod]


def test_sitemaps_are_split_past_the_limit(client, monkeypatch):
    """Past the limit of URLs per sitemap, the index lists further pages, each valid."""
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
    section = make_section()
    for _ in range(5):
        make_article(section=section)
    index = fetch(client, f"{SITE}/sitemap.xml", INDEX)
    pages = [loc for loc in locations(index) if "sitemap-articles" in loc]
    assert pages == [
        f"{SITE}/sitemap-articles.xml",
        f"{SITE}/sitemap-articles.xml?p=2",
        f"{SITE}/sitemap-articles.xml?p=3",
    ]
    counts = [len(locations(fetch(client, page, URLSET))) for page in pages]
    assert counts == [2, 2, 1]


def test_addresses_use_the_configured_site_url(client, settings):
    """Sitemap addresses are on SITE_URL whatever host the request came in on."""
    settings.SITE_URL = "https://news.example.org"
    make_article()
    response = client.get("/sitemap.xml", headers={"host": "127.0.0.1"})
    assert b"<loc>https://news.example.org/sitemap-articles.xml</loc>" in response.content
    response = client.get("/sitemap-articles.xml")
    assert b"<loc>https://news.example.org/news/" in response.content
    response = client.get("/news-sitemap.xml")
    assert b"<loc>https://news.example.org/news/" in response.content


def unseen_articles():
    """A draft, a scheduled and an unpublished article, each with its own section, tag and author."""
    made = []
    for fields in [
        {"status": "draft", "publish_at": None},
        {"publish_at": timezone.now() + timedelta(hours=1)},
        {"status": "unpublished"},
    ]:
        made.append(
            make_article(
                section=make_section(), tags=[make_tag()], authors=[make_author()], **fields
            )
        )
    return made


def test_drafts_and_scheduled_articles_are_in_no_sitemap(client):
    """No sitemap lists a draft, a scheduled or an unpublished article, nor listings of only those."""
    visible = make_article()
    hidden = unseen_articles()
    urls = all_sitemap_urls(client)
    news = locations(fetch(client, f"{SITE}/news-sitemap.xml", NEWS))
    assert f"{SITE}{visible.get_absolute_url()}" in urls
    assert f"{SITE}{visible.get_absolute_url()}" in news
    for article in hidden:
        for url in [
            article.get_absolute_url(),
            article.section.get_absolute_url(),
            article.tags.get().get_absolute_url(),
            article.authors.get().get_absolute_url(),
        ]:
            assert f"{SITE}{url}" not in urls
            assert f"{SITE}{url}" not in news


def test_news_sitemap_has_only_the_last_48_hours(client):
    """The news sitemap lists articles of the last two days, newest first, with Google's fields."""
    now = timezone.now()
    recent = make_article(title="Recent", publish_at=now - timedelta(hours=1))
    older = make_article(title="Older", publish_at=now - timedelta(hours=47))
    make_article(title="Too old", publish_at=now - timedelta(hours=49))
    make_article(title="Elsewhere", canonical_url="https://example.com/original")
    document = fetch(client, f"{SITE}/news-sitemap.xml", NEWS)
    assert locations(document) == [
        f"{SITE}{recent.get_absolute_url()}",
        f"{SITE}{older.get_absolute_url()}",
    ]
    assert document.xpath("//news:title/text()", namespaces=NS) == ["Recent", "Older"]
    assert set(document.xpath("//news:publication/news:name/text()", namespaces=NS)) == {
        "The Kyiv Ledger"
    }
    assert set(document.xpath("//news:publication/news:language/text()", namespaces=NS)) == {"en"}
    dates = document.xpath("//news:publication_date/text()", namespaces=NS)
    assert dates[0] == timezone.localtime(recent.publish_at).replace(microsecond=0).isoformat()


def test_news_sitemap_stops_at_its_limit(client, monkeypatch):
    """The news sitemap lists at most NEWS_LIMIT articles, the newest."""
    monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 3)
    now = timezone.now()
    for minutes in range(5):
        make_article(title=f"Item {minutes}", publish_at=now - timedelta(minutes=minutes + 1))
    document = fetch(client, f"{SITE}/news-sitemap.xml", NEWS)
    assert document.xpath("//news:title/text()", namespaces=NS) == ["Item 0", "Item 1", "Item 2"]


def test_hostile_title_is_escaped_in_sitemaps(client):
    """A headline with </script>, quotes, & and control characters keeps the news sitemap valid."""
    make_article(title=HOSTILE_TITLE + "\x0b")
    response = client.get("/news-sitemap.xml")
    assert b"<script>" not in response.content
    document = etree.fromstring(response.content)
    NEWS.assertValid(document)
    assert document.xpath("//news:title/text()", namespaces=NS) == [HOSTILE_TITLE]


def test_robots_txt_points_at_both_sitemaps_and_keeps_crawlers_out(client):
    """robots.txt names both sitemaps and disallows search results and previews."""
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    for path in ["/search", "/preview/"]:
        assert f"Disallow: {path}" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert f"Sitemap: {SITE}/news-sitemap.xml" in lines
    assert "Disallow: /" not in lines  # The site itself stays open.


def test_robots_txt_never_names_the_admin_address(client, settings):
    """A secret DJANGO_ADMIN_URL stays secret: robots.txt does not name it, even to disallow it."""
    settings.ADMIN_URL = "secret-desk/"
    settings.PRIVATE_PATHS = ("/secret-desk/", "/ckeditor5/", "/preview/")
    robots = client.get("/robots.txt").content.decode()
    assert "secret-desk" not in robots
    assert "admin" not in robots
    assert "Disallow: /preview/" in robots.splitlines()


def fill(count):
    now = timezone.now()
    for number in range(count):
        make_article(
            section=make_section(),
            tags=[make_tag()],
            authors=[make_author()],
            publish_at=now - timedelta(minutes=number + 1),
        )


# The index: one summary query per sitemap. A sitemap: its count, then its page of items.
# The news sitemap: one query.
QUERIES = {
    # Five for each edition's sitemaps (English, Ukrainian): articles, sections, tags,
    # authors and site pages.
    "/sitemap.xml": 10,
    "/sitemap-articles.xml": 2,
    "/sitemap-sections.xml": 2,
    "/sitemap-tags.xml": 2,
    "/sitemap-authors.xml": 2,
    "/news-sitemap.xml": 2,  # and the live stories with entries in its window
}


@pytest.mark.parametrize("count", [3, 30])
def test_every_sitemap_runs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    """Each sitemap runs the same queries for 3 items as for 30."""
    fill(count)
    for path, queries in QUERIES.items():
        with django_assert_num_queries(queries):
            response = client.get(path)
        assert response.status_code == 200
        if path != "/sitemap.xml":
            assert response.content.count(b"<url>") == count, path
