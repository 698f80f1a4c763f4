"""LiveBlogPosting JSON-LD, the Atom feed of the entries and the news sitemap's live stories."""

import json
from datetime import datetime, timedelta
from pathlib import Path

import feedparser
import pytest
from django.conf import settings
from django.utils import timezone
from lxml import etree

from live import services
from tests.factories import make_article, make_author, make_staff
from tests.html import elements, parse
from tests.live.factories import make_entry, make_live_story

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def graph(page) -> dict[str, dict]:
    [block] = [node.text for node in elements(parse(page), '//script[@type="application/ld+json"]')]
    document = json.loads(block)
    assert document["@context"] == "https://schema.org"
    return {thing["@type"]: thing for thing in document["@graph"]}


@pytest.fixture
def story():
    author = make_author(name="Olena Roshchina")
    article = make_article(title="Ukraine war latest", authors=[author])
    return make_live_story(article=article)


def test_the_page_is_a_live_blog_posting_with_its_entries(client, story):
    """coverageStartTime and End, and liveBlogUpdate BlogPostings with anchors, newest first."""
    reporter = make_author(name="Dmytro Shevchuk")
    older = make_entry(story, minutes_ago=20, headline="Drones over Kyiv", authors=[reporter],
                       body="<p>Air defence is <b>working</b>.</p>")  # fmt: skip
    newer = make_entry(story, minutes_ago=2, headline="", body="<p>The all-clear sounded.</p>")
    data = graph(client.get(story.article.get_absolute_url()))["LiveBlogPosting"]
    url = f"{settings.SITE_URL}{story.article.get_absolute_url()}"
    assert data["url"] == url
    assert data["headline"] == "Ukraine war latest"
    for name in ("coverageStartTime", "coverageEndTime", "datePublished", "dateModified"):
        assert datetime.fromisoformat(data[name]).tzinfo is not None, name
    assert datetime.fromisoformat(data["coverageEndTime"]) > datetime.fromisoformat(
        data["coverageStartTime"]
    )
    first, second = data["liveBlogUpdate"]
    assert first["@type"] == second["@type"] == "BlogPosting"
    assert first["url"] == f"{url}#{newer.anchor}"
    assert first["headline"] == "The all-clear sounded."  # no headline: its text
    assert second["headline"] == "Drones over Kyiv"
    assert second["articleBody"] == "Air defence is working."
    assert [(a["@type"], a["name"]) for a in second["author"]] == [("Person", "Dmytro Shevchuk")]
    assert first["author"][0]["name"] == "Olena Roshchina"  # the story's byline
    assert datetime.fromisoformat(second["datePublished"]) < datetime.fromisoformat(
        first["datePublished"]
    )
    assert second["url"] == f"{url}#{older.anchor}"


def test_an_ended_story_ends_its_coverage_then(client, story):
    """coverageEndTime is the time it ended."""
    ended = services.story_set_state(story=story, by=make_staff(role="Editors"), state="ended")
    data = graph(client.get(story.article.get_absolute_url()))["LiveBlogPosting"]
    assert datetime.fromisoformat(data["coverageEndTime"]) == ended.coverage_end.replace(
        microsecond=0
    )


def test_the_atom_feed_lists_the_entries_with_their_permalinks(client, story):
    """Parsed by feedparser: newest first, titles, links to each entry, authors, the text."""
    author = make_author(name="Sofia Marchenko")
    old = make_entry(story, minutes_ago=30, headline="Explosions in Odesa", authors=[author])
    new = make_entry(story, minutes_ago=1, headline="", body="<p>Power is back in Kharkiv.</p>")
    response = client.get(f"{story.article.get_absolute_url()}atom.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title.endswith("Ukraine war latest")
    titles = [item.title for item in feed.entries]
    assert titles == ["Power is back in Kharkiv.", "Explosions in Odesa"]
    assert feed.entries[0].link.endswith(new.get_absolute_url())
    assert feed.entries[1].author == "Sofia Marchenko"
    assert "Power is back in Kharkiv." in feed.entries[0].content[0].value
    assert feed.entries[1].link.endswith(old.get_absolute_url())


def test_the_story_page_links_its_entries_feed(client, story):
    """An alternate Atom link in the head."""
    page = parse(client.get(story.article.get_absolute_url()))
    hrefs = [link.get("href") for link in elements(page, "//link[@rel='alternate']")]
    assert f"{story.article.get_absolute_url()}atom.xml" in hrefs


def test_the_news_sitemap_lists_a_live_story_with_its_latest_entry(client):
    """A story published three days ago still updated today is there, with its lastmod."""
    article = make_article(title="Day 1,000", publish_at=timezone.now() - timedelta(days=3))
    story = make_live_story(article=article)
    entry = make_entry(story, minutes_ago=15)
    response = client.get("/news-sitemap.xml")
    document = etree.fromstring(response.content)
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "news-urlset.xsd")))
    assert schema.validate(document), schema.error_log
    [url] = [
        node
        for node in document.findall("s:url", NS)
        if node.findtext("s:loc", namespaces=NS).endswith(article.get_absolute_url())
    ]
    lastmod = datetime.fromisoformat(url.findtext("s:lastmod", namespaces=NS))
    assert lastmod == entry.published_at.replace(microsecond=0)
