"""Polls for new entries: conditional requests answered from the cache with 304 while nothing
changed, and the new entry on the first poll after it."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caching import local_copies
from live import services
from tests.caching.test_round_trips import commands_during
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


@pytest.fixture
def redis_cache(settings, private_redis):
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": private_redis.url}
    }
    return private_redis


def test_a_poll_with_nothing_new_is_one_round_trip_on_redis(client, story, redis_cache):
    """The 304 is one MGET and nothing else: no session, no page-cache lookup (two MGETs in a
    process without the page's copy), no template, in a process that never rendered it."""
    etag = client.get(poll_url(story))["ETag"]
    local_copies.clear_all()
    answer = {}

    def poll():
        answer["response"] = client.get(poll_url(story), headers={"If-None-Match": etag})

    assert commands_during(redis_cache, poll) == {"mget": 1}
    assert answer["response"].status_code == 304
    assert answer["response"]["ETag"] == etag
    assert "X-Page-Cache" not in answer["response"]


def test_a_poll_with_nothing_new_is_one_query_without_redis(client, story, settings):
    """With PostgreSQL's cache table the one round trip is one query of that table."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": settings.CACHE_TABLE,
        }
    }
    etag = client.get(poll_url(story))["ETag"]
    local_copies.clear_all()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(poll_url(story), headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert len(queries) == 1
    assert settings.CACHE_TABLE in queries[0]["sql"]


def test_a_compressed_polls_weak_etag_gets_its_304_too(client, story):
    """Gzip's body has a weak ETag; sent back, it is answered with the same one."""
    gzip = {"Accept-Encoding": "gzip"}
    etag = client.get(poll_url(story), headers=gzip)["ETag"]
    assert etag.startswith('W/"live-')
    response = client.get(poll_url(story), headers={**gzip, "If-None-Match": etag})
    assert response.status_code == 304
    assert response["ETag"] == etag


def test_an_entry_coming_due_ends_the_304s(client, story, settings):
    """A scheduled entry at its time: the old ETag gets the new answer, not a 304."""
    settings.PAGE_CACHE_LAG_SECONDS = 0
    due = make_entry(story, minutes_ago=-5, headline="At noon")
    etag = client.get(poll_url(story))["ETag"]
    assert client.get(poll_url(story), headers={"If-None-Match": etag}).status_code == 304
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        response = client.get(poll_url(story), headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert polled_ids(response)[0] == str(due.pk)


def test_another_address_or_a_made_up_etag_is_not_answered(client, story):
    """The kept ETag is the poll's at its address: another story's number or digest, or the
    story page itself, get no 304 from it."""
    etag = client.get(poll_url(story))["ETag"]
    other = make_live_story()
    make_entry(other)
    forged = etag.replace(f"live-{story.pk}-", f"live-{other.pk}-")
    assert client.get(poll_url(other), headers={"If-None-Match": etag}).status_code == 200
    assert client.get(poll_url(story), headers={"If-None-Match": forged}).status_code == 200
    page = client.get(story.article.get_absolute_url(), headers={"If-None-Match": etag})
    assert page.status_code == 200


def test_a_logged_in_editor_polls_past_the_shortcut(client, story):
    """Someone with a session gets the poll as rendered for them, never a shared answer."""
    etag = client.get(poll_url(story))["ETag"]
    client.force_login(make_staff(role="Editors"))
    response = client.get(poll_url(story), headers={"If-None-Match": etag})
    assert "private" in response["Cache-Control"]
