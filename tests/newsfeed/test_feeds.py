from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.utils import timezone
from lxml import html

from tests.factories import (
    image_file,
    make_article,
    make_author,
    make_newsroom,
    make_section,
    make_tag,
)

pytestmark = pytest.mark.django_db

HOSTILE_TITLE = "Tom & Jerry </script><script>alert(1)</script> say \"hi\" & 'bye'"
FEED_FORMATS = [("rss", "rss20"), ("atom", "atom10")]


def feed_paths(section, tag, author):
    """Every feed of the newsroom, section, tag and author, in RSS and Atom."""
    return [
        f"{prefix}{name}.xml"
        for prefix in [
            "/",
            f"/section/{section.slug}/",
            f"/tag/{tag.slug}/",
            f"/author/{author.slug}/",
        ]
        for name in ("rss", "atom")
    ]


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
    return feed


@pytest.fixture
def newsroom():
    """A section, a tag and an author with one published article, and what readers must not see."""
    section, tag, author = make_section(), make_tag(), make_author()
    published = make_article(section=section, tags=[tag], authors=[author], title="Visible")
    make_article(
        section=section,
        tags=[tag],
        authors=[author],
        title="Draft",
        status="draft",
        publish_at=None,
    )
    make_article(
        section=section,
        tags=[tag],
        authors=[author],
        title="Scheduled",
        publish_at=timezone.now() + timedelta(hours=2),
    )
    make_article(
        section=section, tags=[tag], authors=[author], title="Pulled", status="unpublished"
    )
    return section, tag, author, published


def test_every_feed_of_a_newsroom_parses_cleanly(client):
    """Every feed of a newsroom (site, each section, tag, author) parses with no error."""
    newsroom = make_newsroom()
    lead = newsroom.article
    paths = feed_paths(lead.section, lead.tags.first(), lead.authors.first())
    for listing in [*newsroom.sections, *newsroom.tags, *newsroom.authors]:
        paths += [f"{listing.get_absolute_url()}{name}.xml" for name in ("rss", "atom")]
    for path in paths:
        feed = parse(client, path)
        assert feed.version in {"rss20", "atom10"}
        assert feed.entries, path
    for path in feed_paths(lead.section, lead.tags.first(), lead.authors.first()):
        assert lead.title in [entry.title for entry in parse(client, path).entries], path
    # The site's feed carries every kind of item, briefs and videos too, and nothing hidden.
    titles = [entry.title for entry in parse(client, "/rss.xml").entries]
    assert titles == [article.title for article in newsroom.published]


@pytest.mark.parametrize(("format_name", "version"), FEED_FORMATS)
def test_feed_lists_the_50_newest_published_items_newest_first(client, format_name, version):
    """A feed has the 50 newest published items, newest first, and not the older ones."""
    now = timezone.now()
    section = make_section()
    for minutes in range(55):
        make_article(
            section=section,
            title=f"Item {minutes}",
            publish_at=now - timedelta(minutes=minutes + 1),
        )
    feed = parse(client, f"/{format_name}.xml")
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == [f"Item {minutes}" for minutes in range(50)]


def test_drafts_scheduled_and_unpublished_items_are_in_no_feed(client, newsroom):
    """Only published items reach a feed: never a draft, a scheduled or an unpublished one."""
    section, tag, author, _ = newsroom
    for path in feed_paths(section, tag, author):
        titles = [entry.title for entry in parse(client, path).entries]
        assert titles == ["Visible"], path


@pytest.mark.parametrize(("format_name", "version"), FEED_FORMATS)
def test_feed_item_has_authors_categories_dates_and_hero_enclosure(client, format_name, version):
    """An item carries every author, the section and tags, its dates and its hero image."""
    first, second = make_author(name="Ada Reporter"), make_author(name="Bo Editor")
    section, tag = make_section(name="Europe & Allies"), make_tag(name="NATO")
    published = timezone.now().replace(microsecond=0) - timedelta(hours=3)
    article = make_article(
        section=section,
        tags=[tag],
        authors=[first, second],
        standfirst="The summary.",
        publish_at=published,
        hero_image=image_file(size=(1600, 900)),
        hero_alt="A summit hall",
        hero_credit="Photo: Agency",
    )
    entry = parse(client, f"/{format_name}.xml").entries[0]
    assert entry.link == f"http://127.0.0.1:8000{article.get_absolute_url()}"
    assert entry.summary == "The summary."
    assert [author.name for author in entry.authors] == ["Ada Reporter", "Bo Editor"]
    assert [category.term for category in entry.tags] == ["Europe & Allies", "NATO"]
    assert datetime(*entry.published_parsed[:6], tzinfo=UTC) == published
    (enclosure,) = entry.enclosures
    assert enclosure.href == f"http://127.0.0.1:8000{article.hero_image.url}"
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == article.hero_image.size
    assert entry.media_content[0]["url"] == enclosure.href


def test_a_hero_file_gone_from_the_storage_leaves_its_item_without_an_enclosure(client, caplog):
    """The feed is still served, with the other items' enclosures, and the gap is logged."""
    kept = make_article(title="Kept", hero_image=image_file(size=(800, 450)), hero_alt="Kept")
    gone = make_article(title="Gone", hero_image=image_file(size=(640, 360)), hero_alt="Gone")
    gone.hero_image.storage.delete(gone.hero_image.name)
    for format_name, _ in FEED_FORMATS:
        response = client.get(f"/{format_name}.xml")
        assert response.status_code == 200
        entries = {entry.title: entry for entry in feedparser.parse(response.content).entries}
        assert entries["Gone"].enclosures == []
        assert int(entries["Kept"].enclosures[0].length) == kept.hero_image.size
    assert "sent without an enclosure" in caplog.text


@pytest.mark.parametrize("full_content", [True, False])
def test_full_content_follows_the_setting(client, settings, full_content):
    """With FEEDS_FULL_CONTENT the body comes with absolute image addresses; without it, only the summary."""
    settings.FEEDS_FULL_CONTENT = full_content
    make_article(
        standfirst="Short summary.",
        body='<p>Full body text.</p><figure class="image"><img src="/media/inline.jpg" alt="x"></figure>',
    )
    for format_name, _ in FEED_FORMATS:
        entry = parse(client, f"/{format_name}.xml").entries[0]
        assert entry.summary == "Short summary."
        if full_content:
            body = entry.content[0].value
            assert "Full body text." in body
            assert 'src="http://127.0.0.1:8000/media/inline.jpg"' in body
        else:
            assert "content" not in entry


@pytest.mark.parametrize(("format_name", "version"), FEED_FORMATS)
def test_hostile_title_comes_out_escaped_and_intact(client, format_name, version):
    """A headline with </script>, quotes and & stays well-formed XML and reads back as typed."""
    make_article(
        title=HOSTILE_TITLE,
        standfirst="<b>Bold</b> & more",
        hero_image=image_file(),
        hero_alt=HOSTILE_TITLE,
    )
    response = client.get(f"/{format_name}.xml")
    assert b"<script>" not in response.content
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    entry = feed.entries[0]
    assert entry.title == HOSTILE_TITLE
    assert entry.summary == "&lt;b&gt;Bold&lt;/b&gt; &amp; more"  # Plain text, shown as typed.


def test_control_characters_from_pasted_text_do_not_break_feeds(client):
    """Control characters XML cannot carry are dropped instead of failing the whole feed."""
    make_article(title="Vertical\x0btab and form\x0cfeed", standfirst="Bell\x07 here")
    for format_name, _ in FEED_FORMATS:
        entry = parse(client, f"/{format_name}.xml").entries[0]
        assert entry.title == "Verticaltab and formfeed"


def test_unknown_section_tag_or_author_feed_is_404(client):
    """A feed of a section, tag or author that does not exist is a 404."""
    for prefix in ["section", "tag", "author"]:
        assert client.get(f"/{prefix}/nope/rss.xml").status_code == 404


def test_pages_link_to_their_feeds_in_the_head(client, newsroom):
    """Section, tag and author pages link to the site's and their own RSS and Atom feeds."""
    section, tag, author, article = newsroom
    for page, own in [
        (section.get_absolute_url(), f"/section/{section.slug}/"),
        (tag.get_absolute_url(), f"/tag/{tag.slug}/"),
        (author.get_absolute_url(), f"/author/{author.slug}/"),
        (article.get_absolute_url(), f"/section/{section.slug}/"),
    ]:
        head = html.fromstring(client.get(page).content).find("head")
        for path, kind in [
            ("/rss.xml", "rss"),
            ("/atom.xml", "atom"),
            (f"{own}rss.xml", "rss"),
            (f"{own}atom.xml", "atom"),
        ]:
            links = head.xpath(
                'link[@rel="alternate"][@type=$type][@href=$href]',
                type=f"application/{kind}+xml",
                href=path,
            )
            assert len(links) == 1, (page, path)
            assert client.get(path).status_code == 200


def many_items(count):
    section, tag, author = make_section(), make_tag(), make_author()
    for _ in range(count):
        make_article(
            section=section,
            tags=[tag, make_tag()],
            authors=[author, make_author()],
            hero_image=image_file(size=(40, 30)),
            hero_alt="x",
        )
    return section, tag, author


# The items with their section, their bylines with authors, their tags; plus the section, tag or
# author the feed is about.
@pytest.mark.parametrize("count", [3, 30])
def test_every_feed_runs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    """Each feed runs the same queries for 3 items as for 30."""
    section, tag, author = many_items(count)
    for path in feed_paths(section, tag, author):
        expected = 3 if path in {"/rss.xml", "/atom.xml"} else 4
        with django_assert_num_queries(expected):
            feed = parse(client, path)
        assert len(feed.entries) == count
