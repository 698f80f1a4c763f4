"""Polls for new entries: conditional requests answered from the cache with 304 while nothing
changed, and the new entry on the first poll after it."""

import pytest

from live import services
from tests.factories import make_staff
from tests.html import elements, parse
from tests.live.factories import make_entry, make_live_story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def story():
    story = make_live_story()
    make_entry(story, headline="First")
    return story


def poll_url(story) -> str:
    return f"{story.article.get_absolute_url()}live/"


def polled_ids(response) -> list[str]:
    return [node.get("data-entry") for node in elements(parse(response), "//*[@data-entry]")]


def test_a_poll_with_the_etag_gets_304_from_the_cache(client, story, django_assert_num_queries):
    """The first poll is rendered and stored; the next one with If-None-Match is a 304 made
    from the cache alone: no query."""
    first = client.get(poll_url(story))
    assert first.status_code == 200
    etag = first["ETag"]
    with django_assert_num_queries(0):
        again = client.get(poll_url(story), headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again["ETag"] == etag


def test_the_first_poll_after_a_new_entry_returns_it(client, story):
    """A new entry drops the stored poll: a new ETag and the entry in the answer."""
    etag = client.get(poll_url(story))["ETag"]
    entry = make_entry(story, headline="Just in")
    response = client.get(poll_url(story), headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert polled_ids(response)[0] == str(entry.pk)
    assert (
        client.get(poll_url(story), headers={"If-None-Match": response["ETag"]}).status_code == 304
    )


def test_an_edit_and_a_scheduled_entry_coming_due_change_the_poll(client, story, settings):
    """An edit is in the next poll; an entry scheduled for later is not there before its time."""
    settings.PAGE_CACHE_LAG_SECONDS = 0
    editor = make_staff(role="Editors")
    [entry] = story.entries.all()
    etag = client.get(poll_url(story))["ETag"]
    services.entry_edit(entry=entry, by=editor, headline="First, corrected")
    response = client.get(poll_url(story), headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert b"First, corrected" in response.content
    make_entry(story, minutes_ago=-5, headline="Not yet")
    assert b"Not yet" not in client.get(poll_url(story)).content


def test_the_poll_says_when_the_coverage_ends(client, story):
    """The script stops when the poll's state is no longer live."""
    client.get(poll_url(story))
    services.story_set_state(story=story, by=make_staff(role="Editors"), state="ended")
    [updates] = elements(parse(client.get(poll_url(story))), "//*[@id='live-updates']")
    assert updates.get("data-state") == "ended"


def test_the_story_page_is_cached_and_fresh_after_an_entry(client, story):
    """The page itself: a hit while nothing changed, the new entry on the next request."""
    url = story.article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    make_entry(story, headline="Fresh on the page")
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert b"Fresh on the page" in response.content


def test_a_poll_for_an_article_that_is_not_live_is_a_404(client):
    """Only live stories have a poll."""
    from tests.factories import make_article

    assert client.get(f"{make_article().get_absolute_url()}live/").status_code == 404
