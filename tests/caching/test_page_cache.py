from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_article, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def test_second_anonymous_visit_is_served_from_cache_without_queries(
    client, django_assert_num_queries
):
    """A reader's repeat visit runs no SQL at all: the whole page comes from the cache."""
    article = make_article(title="Cached headline")
    first = client.get(article.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(article.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    assert b"Cached headline" in second.content


def test_an_edit_shows_on_its_page_at_once_and_in_lists_within_the_lag(
    client, settings, time_machine
):
    """The article's page is fresh on the next request; the news feed may lag a few seconds."""
    time_machine.move_to(timezone.now(), tick=False)
    article = make_article(title="Old headline")
    client.get(article.get_absolute_url())
    client.get("/news-feed/")
    article.title = "New headline"
    article.save()
    assert b"New headline" in client.get(article.get_absolute_url()).content
    lagging = client.get("/news-feed/")
    assert lagging["X-Page-Cache"] == "hit"
    assert b"Old headline" in lagging.content
    time_machine.shift(timedelta(seconds=settings.PAGE_CACHE_LAG_SECONDS))
    assert b"New headline" in client.get("/news-feed/").content


def test_unpublishing_removes_the_page_from_the_cache(client):
    """An unpublished article is a 404 straight away, not a cached page."""
    article = make_article()
    assert client.get(article.get_absolute_url()).status_code == 200
    article.status = "unpublished"
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_scheduled_article_appears_on_time_despite_the_cache(client, time_machine):
    """No cached page outlives the next scheduled publish time."""
    time_machine.move_to(timezone.now(), tick=False)
    moment = timezone.now() + timedelta(minutes=1)  # well within PAGE_CACHE_SECONDS
    make_article(title="Earlier story")
    make_article(title="Scheduled story", publish_at=moment)
    assert b"Scheduled story" not in client.get("/news-feed/").content
    assert client.get("/news-feed/")["X-Page-Cache"] == "hit"
    time_machine.move_to(moment - timedelta(seconds=1), tick=False)
    just_before = client.get("/news-feed/")
    assert just_before["X-Page-Cache"] == "hit"
    assert b"Scheduled story" not in just_before.content
    time_machine.move_to(moment + timedelta(milliseconds=100), tick=False)
    assert b"Scheduled story" in client.get("/news-feed/").content


def test_staff_always_get_fresh_private_pages(client):
    """A logged-in editor bypasses the cache and gets private, no-store headers."""
    article = make_article(title="Before")
    client.get(article.get_absolute_url())
    client.force_login(make_user(role="Editors"))
    response = client.get(article.get_absolute_url())
    assert not response.has_header("X-Page-Cache")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "no-store" in client.get("/admin/")["Cache-Control"]


def test_reader_pages_carry_cdn_headers_and_answer_conditional_requests(client):
    """Reader pages say how long CDNs may keep them, and a revalidation gets 304."""
    article = make_article()
    response = client.get(article.get_absolute_url())
    control = response["Cache-Control"]
    for directive in ["public", "max-age=", "s-maxage=", "stale-while-revalidate="]:
        assert directive in control
    assert response.has_header("Last-Modified")
    etag = response["ETag"]
    again = client.get(article.get_absolute_url(), headers={"If-None-Match": etag})
    assert again.status_code == 304
    since = client.get(
        article.get_absolute_url(), headers={"If-Modified-Since": response["Last-Modified"]}
    )
    assert since.status_code == 304


def test_pages_are_served_when_the_cache_server_is_down(client, settings, caplog):
    """With Redis unreachable, readers still get pages and the error is logged."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    article = make_article(title="Still served")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert b"Still served" in response.content
    assert "page cache: unavailable" in caplog.text


def test_a_cached_page_expires_after_its_time_even_when_nothing_changed(
    client, settings, time_machine
):
    """No copy of a page, in Redis or in a process's memory, outlives PAGE_CACHE_SECONDS."""
    settings.PAGE_CACHE_SECONDS = 1
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    article = make_article()
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    time_machine.move_to(start + timedelta(seconds=0.9), tick=False)
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    time_machine.move_to(start + timedelta(seconds=1.1), tick=False)
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "miss"


def test_a_copy_in_memory_is_not_served_once_the_content_changed(client):
    """Each process checks its copies against the shared content version on every request."""
    article = make_article(title="Copied headline")
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    article.title = "Changed elsewhere"
    article.save()
    response = client.get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert b"Changed elsewhere" in response.content
