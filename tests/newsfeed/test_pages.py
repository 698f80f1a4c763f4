from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsfeed.views import ITEMS_PER_PAGE
from tests.factories import image_file, make_article, make_author, make_section, make_tag
from tests.html import element, elements, parse, srcset, text, with_class

pytestmark = pytest.mark.django_db


def hours_ago(hours):
    return timezone.now() - timedelta(hours=hours)


def test_home_shows_lead_top_stories_feed_sections_and_breaking_banner(client):
    """Home: breaking banner, lead story with picture, top stories, feed column, sections."""
    section = make_section(name="Europe")
    lead = make_article(
        title="Lead story", section=section, hero_image=image_file(), hero_alt="Lead photo"
    )
    breaking = make_article(title="Sirens in Kyiv", is_breaking=True, publish_at=hours_ago(3))
    brief = make_article(title="Short brief", kind="brief", standfirst="A brief's own text.")
    html = client.get("/").content.decode()
    assert 'class="breaking"' in html
    assert f'<a href="{breaking.get_absolute_url()}">Sirens in Kyiv</a>' in html
    page = parse(html)
    lead_story = element(page, "//article[@class='lead-story']")
    assert text(element(lead_story, ".//h2/a")) == "Lead story"
    assert element(lead_story, ".//img").get("loading") == "eager"
    webp = element(lead_story, ".//source[@type='image/webp']")
    assert any(url.endswith(lead.hero_renditions["webp"][0][0]) for url, _ in srcset(webp))
    feed_column = element(page, "//section[@aria-labelledby='feed-title']")
    headlines = elements(feed_column, f".//h3[{with_class('feed-item__title')}]/a")
    assert "Short brief" in [text(link) for link in headlines]
    # All three are in the feed column, so no section block repeats them.
    assert 'id="section-' not in html
    assert brief.title not in text(lead_story)
    assert brief.get_absolute_url() not in [
        link.get("href") for link in elements(lead_story, ".//a")
    ]


def test_home_without_breaking_news_has_no_banner(client):
    """No item flagged breaking: no banner."""
    make_article(title="Calm day")
    assert 'class="breaking"' not in client.get("/").content.decode()


def test_news_feed_shows_briefs_as_text_videos_labelled_and_articles_with_images(client):
    """Briefs show their headline and text, videos a Video label and poster, articles an image."""
    make_article(kind="brief", title="Brief headline", standfirst="The brief's whole text.")
    make_article(
        kind="video",
        title="Weekly video",
        video_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        hero_image=image_file(),
        hero_alt="Poster of the video",
    )
    make_article(
        title="Article headline",
        standfirst="Its standfirst.",
        hero_image=image_file(),
        hero_alt="A photo",
    )
    html = client.get("/news-feed/").content.decode()
    assert "The brief&#x27;s whole text." in html
    assert "Brief headline</a></h3>" in html
    video = element(parse(html), f"//article[{with_class('feed-item--video')}]")
    assert [text(label) for label in elements(video, ".//span[@class='label label--video']")] == [
        "Video"
    ]
    assert element(video, ".//img").get("alt") == "Poster of the video"
    assert "Article headline</a></h3>" in html
    assert "Its standfirst." in html
    assert 'alt="A photo"' in html


def test_video_page_has_a_click_to_load_privacy_respecting_player(client):
    """A video item's page shows a poster linking to the video; no player loads by itself."""
    video = make_article(
        kind="video",
        video_url="https://youtu.be/aqz-KE-bpKQ",
        hero_image=image_file(),
        hero_alt="Poster",
    )
    html = client.get(video.get_absolute_url()).content.decode()
    assert (
        'data-video-embed="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"' in html
    )
    assert "<iframe" not in html


def test_news_feed_pages_hold_twenty_items_and_link_to_the_next(client):
    """Page 1 shows 20 items and a rel=next Show More link; the last page has none."""
    for hours in range(ITEMS_PER_PAGE + 3):
        make_article(publish_at=hours_ago(hours + 1))
    first = client.get("/news-feed/").content.decode()
    assert first.count('class="feed-item ') == ITEMS_PER_PAGE
    assert 'rel="next" href="?page=2"' in first
    last = client.get("/news-feed/?page=2").content.decode()
    assert last.count('class="feed-item ') == 3
    assert 'rel="next"' not in last
    assert 'rel="prev"' in last


@pytest.mark.parametrize(
    "url",
    [
        "/news-feed/?page=0",
        "/news-feed/?page=2",
        "/news-feed/?page=abc",
        "/news-feed/?page=1.5",
        "/news-feed/?page=-1",
        "/news-feed/?page=99999999999999999999",
        "/section/missing/",
        "/tag/missing/",
        "/author/missing/",
        "/news/missing/",
    ],
)
def test_bad_pages_get_the_404_page_in_the_site_design(client, url):
    """Malformed or out-of-range pages and unknown slugs give the designed 404 page."""
    make_article()
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert 'class="site-header"' in html


def test_section_tag_and_author_pages_list_their_items(client):
    """Section, tag and author pages list their own items only."""
    section, tag, author = make_section(name="Business"), make_tag(name="Energy"), make_author()
    mine = make_article(title="Grid imports power", section=section, tags=[tag], authors=[author])
    other = make_article(title="Someone else's story")
    for url in [section.get_absolute_url(), tag.get_absolute_url(), author.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert mine.title in html, url
        assert other.title not in html, url


def test_author_page_header_shows_photo_role_bio_location_languages_and_links(client):
    """The author page shows everything the newsroom knows about the author."""
    author = make_author(
        name="Martin Fornusek",
        role="Reporter",
        bio="<p>Martin covers international politics from Lviv.</p>",
        photo=image_file(name="martin.jpg", size=(400, 400)),
        photo_alt="Portrait of Martin Fornusek",
        location="Lviv",
        languages="English, Czech, Ukrainian",
        x_handle="MFornusek",
        website="https://example.com/martin",
    )
    html = Client().get(author.get_absolute_url()).content.decode()
    for part in [
        'alt="Portrait of Martin Fornusek"',
        '<h1 class="page-title">Martin Fornusek</h1>',
        "Reporter",
        "Martin covers international politics from Lviv.",
        "<dt>Based in</dt><dd>Lviv</dd>",
        "<dt>Languages</dt><dd>English, Czech, Ukrainian</dd>",
        'href="https://x.com/MFornusek"',
        'href="https://example.com/martin"',
    ]:
        assert part in html, part


def test_server_error_page_is_in_the_site_design():
    """An unexpected error shows the designed 500 page, not a stack trace."""
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
    assert "site.css" in html


def test_stream_pages_end_with_a_404_and_never_count(client):
    """A page past the last is a 404; a stream page fetches one item more rather than counting."""
    for _ in range(21):
        make_article()
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/news-feed/?page=2")
    assert second.status_code == 200
    assert second.content.decode().count('class="feed-item ') == 1
    assert not any("COUNT(" in query["sql"] for query in queries.captured_queries)
    assert client.get("/news-feed/?page=3").status_code == 404
    assert client.get("/news-feed/?page=1001").status_code == 404
