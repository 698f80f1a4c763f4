"""A live story's page: complete without JavaScript, newest first, pinned on top, with permalinks."""

import pytest
from django.test import override_settings

from live import services
from live.selectors import ENTRIES_PER_PAGE
from tests.factories import make_staff
from tests.html import element, elements, parse, text, with_class
from tests.live.factories import make_entry, make_live_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return make_live_story(key_points="<ul><li>Drones over Kyiv</li><li>Power cuts</li></ul>")


def entry_ids(page) -> list[str]:
    return [node.get("id") for node in elements(page, "//*[@data-entry]")]


def test_the_page_lists_entries_newest_first_under_the_key_points(client, story):
    """At the article's address: headline, key points, then the entries newest first."""
    older = make_entry(story, minutes_ago=30, headline="Older")
    newer = make_entry(story, minutes_ago=5, headline="Newer")
    page = parse(client.get(story.article.get_absolute_url()))
    assert text(element(page, "//h1")) == story.article.title
    assert [text(li) for li in elements(page, f"//*[{with_class('key-points')}]//li")] == [
        "Drones over Kyiv",
        "Power cuts",
    ]
    assert entry_ids(page) == [newer.anchor, older.anchor]


def test_a_scheduled_entry_is_not_on_the_page(client, story):
    """Readers see an entry from its time on."""
    make_entry(story, minutes_ago=-10, headline="Later today")
    assert b"Later today" not in client.get(story.article.get_absolute_url()).content


def test_the_pinned_entry_comes_first_and_once(client, story):
    """Above the others, marked Pinned, and not repeated in the list."""
    editor = make_staff(role="Editors")
    pinned = make_entry(story, minutes_ago=60, headline="Key update")
    make_entry(story, minutes_ago=1)
    services.entry_pin(entry=pinned, by=editor)
    page = parse(client.get(story.article.get_absolute_url()))
    assert entry_ids(page)[0] == pinned.anchor
    assert entry_ids(page).count(pinned.anchor) == 1
    assert "Pinned" in text(element(page, f"//*[@id='{pinned.anchor}']"))


def test_older_entries_page_with_show_more(client, story):
    """The first page shows a page of entries and a rel=next link; page 2 the rest."""
    for minutes in range(ENTRIES_PER_PAGE + 3):
        make_entry(story, minutes_ago=minutes + 1)
    url = story.article.get_absolute_url()
    first = parse(client.get(url))
    assert len(entry_ids(first)) == ENTRIES_PER_PAGE
    link = element(first, "//a[@rel='next']")
    assert link.get("href") == f"{url}?page=2"
    second = parse(client.get(link.get("href")))
    assert len(entry_ids(second)) == 3
    assert not set(entry_ids(first)) & set(entry_ids(second))
    assert client.get(f"{url}?page=3").status_code == 404


def test_without_javascript_the_page_is_complete(client, story):
    """Entries, times, bylines and links are in the HTML; scripts only in the head."""
    entry = make_entry(story, headline="In the HTML")
    page = parse(client.get(story.article.get_absolute_url()))
    assert elements(page, "//main//script") == []
    node = element(page, f"//*[@id='{entry.anchor}']")
    assert "In the HTML" in text(node)
    assert element(node, ".//time").get("datetime")


@override_settings(LIVE_POLL_SECONDS=3)
def test_a_live_page_polls_and_an_ended_one_does_not(client, story):
    """While live the page names its poll and interval; ended, it is a plain archive."""
    url = story.article.get_absolute_url()
    page = parse(client.get(url))
    poll = element(page, "//*[@data-live-poll]")
    assert poll.get("data-live-poll") == f"{url}live/"
    assert poll.get("data-live-poll-seconds") == "3"
    assert element(page, "//*[@aria-live='polite']") is not None
    services.story_set_state(story=story, by=make_staff(role="Editors"), state="ended")
    page = parse(client.get(url))
    assert elements(page, "//*[@data-live-poll]") == []
    assert elements(page, "//script[contains(@src, 'live')]") == []
    assert "This live coverage has ended." in text(page)


def test_an_edited_entry_says_updated_and_a_correction_shows_as_one(client, story):
    """ "Updated" with its time; a correction under its own label."""
    editor = make_staff(role="Editors")
    entry = make_entry(story, body="<p>Two injured.</p>")
    services.entry_edit(entry=entry, by=editor, body="<p>Three injured.</p>")
    services.entry_correct(entry=entry, by=editor, text="An earlier version said two.")
    node = element(
        parse(client.get(story.article.get_absolute_url())), f"//*[@id='{entry.anchor}']"
    )
    assert "Updated" in text(element(node, f".//*[{with_class('live-entry__updated')}]"))
    correction = element(node, f".//*[{with_class('live-entry__correction')}]")
    assert "Correction" in text(correction)
    assert "An earlier version said two." in text(correction)


def test_an_entry_permalink_opens_the_story_at_it_and_shares_as_itself(client, story):
    """Its own og:title and description; the entry on top; its link in the page."""
    entry = make_entry(story, minutes_ago=300, headline="Substation hit in Kharkiv",
                       body="<p>Sixty thousand homes without power.</p>")  # fmt: skip
    for minutes in range(ENTRIES_PER_PAGE + 1):
        make_entry(story, minutes_ago=minutes)
    url = entry.get_absolute_url()
    page = parse(client.get(url))
    assert element(page, "//meta[@property='og:title']").get("content") == entry.headline
    description = element(page, "//meta[@property='og:description']").get("content")
    assert description == "Sixty thousand homes without power."
    assert element(page, "//link[@rel='canonical']").get("href").endswith(url)
    assert entry_ids(page)[0] == entry.anchor
    assert elements(page, f"//*[@id='{entry.anchor}']//a[@href='{url}']")
    newest = make_entry(story, minutes_ago=0)  # on the first page too: shown once, on top
    assert entry_ids(parse(client.get(newest.get_absolute_url()))).count(newest.anchor) == 1
    assert client.get(url.replace(str(entry.pk), str(entry.pk + 999))).status_code == 404


def test_posts_from_x_and_telegram_make_no_request_until_asked(client, story):
    """A card with a link; no iframe, script or image from X or Telegram in the page."""
    make_entry(story, post_url="https://x.com/KpsZSU/status/1863000000000000000")
    make_entry(story, post_url="https://t.me/vijskovaadmin/12345")
    page = parse(client.get(story.article.get_absolute_url()))
    cards = elements(page, f"//*[{with_class('post-card')}]")
    assert [card.get("data-post-frame") for card in cards] == [
        "https://t.me/vijskovaadmin/12345?embed=1",
        "https://platform.twitter.com/embed/Tweet.html?id=1863000000000000000&dnt=true",
    ]
    for attribute in ("src", "srcset", "data-src"):
        for node in elements(page, f"//*[@{attribute}]"):
            assert "x.com" not in node.get(attribute)
            assert "t.me" not in node.get(attribute)
    assert elements(page, "//iframe") == []


def test_a_video_entry_uses_the_one_video_parser(client, story):
    """A poster linking to the video, with the privacy player to start on a click."""
    make_entry(story, video_url="https://youtu.be/aqz-KE-bpKQ")
    poster = element(parse(client.get(story.article.get_absolute_url())), "//a[@data-video-embed]")
    assert poster.get("data-video-embed").startswith("https://www.youtube-nocookie.com/embed/")
    assert poster.get("href") == "https://youtu.be/aqz-KE-bpKQ"


def test_a_plain_article_is_served_as_before(client):
    """Any other article's page is the article page."""
    from tests.factories import make_article

    article = make_article(title="A plain story")
    page = parse(client.get(article.get_absolute_url()))
    assert text(element(page, "//h1")) == "A plain story"
    assert elements(page, "//*[@data-live-poll]") == []


def test_a_live_story_is_in_its_own_edition_only(client, story):
    """An English live story has no page under /uk/, as an English article has none."""
    assert client.get(story.article.get_absolute_url()).status_code == 200
    assert client.get(f"/uk{story.article.get_absolute_url()}").status_code == 404
