"""A page served from the cache costs one round trip to the shared cache and no query.

Two for a page this process never had: it learns what the page shows from the page.
Counted on the servers themselves: Redis's own command counts, and the queries
PostgreSQL gets (its cache table's among them). On the hit path every command is one
round trip (no pipelines).
"""

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caching import local_copies, page_cache
from tests.factories import make_article, make_section

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def redis_commands(server) -> dict[str, int]:
    """How many times the server ran each command so far (the counting client's own HELLO
    and INFO left out)."""
    stats = redis.Redis(port=server.port, socket_timeout=2).info("commandstats")
    return {
        name.removeprefix("cmdstat_"): value["calls"]
        for name, value in stats.items()
        if name not in {"cmdstat_info", "cmdstat_hello"}
    }


def commands_during(server, action) -> dict[str, int]:
    before = redis_commands(server)
    action()
    after = redis_commands(server)
    return {
        name: calls - before.get(name, 0)
        for name, calls in after.items()
        if calls != before.get(name, 0)
    }


def a_hit(client, url):
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    return response


@pytest.fixture
def redis_cache(settings, private_redis):
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": private_redis.url}
    }
    return private_redis


def database_queries(action) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        action()
    return [query["sql"] for query in queries]


def test_a_hit_on_redis_is_one_round_trip_and_no_query(client, redis_cache):
    """A page this process had: the page (unless it still has a copy), the stamps of what it
    showed, the schedule and the clock, in one MGET, and nothing from PostgreSQL. A page it
    never had: a second MGET for the stamps of what the page shows."""
    article = make_article()
    url = article.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    local_copies.clear_all()  # as a process that did not render it
    assert commands_during(redis_cache, lambda: a_hit(client, url)) == {"mget": 2}
    assert commands_during(redis_cache, lambda: a_hit(client, url)) == {"mget": 1}
    page_cache.local_pages.clear()  # its copy dropped for others; what it showed is kept
    assert commands_during(redis_cache, lambda: a_hit(client, url)) == {"mget": 1}
    assert database_queries(lambda: a_hit(client, url)) == []
    page_cache.local_pages.clear()
    assert database_queries(lambda: a_hit(client, url)) == []


def test_a_page_showing_more_than_it_did_is_judged_on_all_it_shows(client, redis_cache):
    """What this process remembers a page showed is only a guess at what to read with it:
    the stamps of anything new the page shows are read too, and a change to it is seen."""
    article = make_article()
    url = article.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    key = next(iter(page_cache.local_shown.values))
    page_cache.local_shown.set_many({key: ("all",)})  # as if it showed only that before
    page_cache.local_pages.clear()
    assert commands_during(redis_cache, lambda: a_hit(client, url)) == {"mget": 2}
    page_cache.local_shown.set_many({key: ("all",)})
    page_cache.local_pages.clear()
    article.title = "A new headline"
    article.save()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "A new headline" in response.content.decode()


def test_a_hit_on_the_database_cache_is_one_query_of_its_table(client, settings):
    """Without Redis, the same round trips are queries of PostgreSQL's cache table, and a hit
    runs no other query."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": settings.CACHE_TABLE,
        }
    }
    article = make_article()
    url = article.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    local_copies.clear_all()
    shared = database_queries(lambda: a_hit(client, url))
    assert len(shared) == 2
    assert all(settings.CACHE_TABLE in sql for sql in shared)
    assert len(database_queries(lambda: a_hit(client, url))) == 1
    page_cache.local_pages.clear()
    again = database_queries(lambda: a_hit(client, url))
    assert len(again) == 1
    assert settings.CACHE_TABLE in again[0]


def keys_read(server, action) -> int:
    """How many keys the server looked up (found or not) while the action ran."""
    stats = redis.Redis(port=server.port, socket_timeout=2)

    def looked_up():
        info = stats.info("stats")
        return info["keyspace_hits"] + info["keyspace_misses"]

    before = looked_up()
    action()
    return looked_up() - before


def test_a_hit_reads_the_lists_beside_an_article_once_a_lag(client, redis_cache, time_machine):
    """Within the shortest lag of a page's lagging tags, a hit on this process's copy reads
    only what must show on the next request: its exact tags and the latest items, with the
    schedule and the clock. A lag after the last full read, every tag is read again once."""
    time_machine.move_to(timezone.now(), tick=False)
    article = make_article()
    url = article.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    entry = next(iter(page_cache.local_pages.values.values()))[0]
    every, always = len(entry["shown"]), len(entry["read_always"])
    print(entry["shown"], entry["read_always"])
    assert 0 < always < every
    assert entry["shortest_lag"] == settings.PAGE_CACHE_ASIDE_LAG_SECONDS
    assert keys_read(redis_cache, lambda: a_hit(client, url)) == always + 2
    time_machine.shift(settings.PAGE_CACHE_ASIDE_LAG_SECONDS)
    assert keys_read(redis_cache, lambda: a_hit(client, url)) == every + 2
    assert keys_read(redis_cache, lambda: a_hit(client, url)) == always + 2
    time_machine.shift(settings.PAGE_CACHE_ASIDE_LAG_SECONDS - 1)
    assert keys_read(redis_cache, lambda: a_hit(client, url)) == always + 2
    time_machine.shift(1)
    assert keys_read(redis_cache, lambda: a_hit(client, url)) == every + 2


def test_a_change_to_the_lists_beside_an_article_shows_within_their_lag(
    client, redis_cache, time_machine
):
    """Not reading the lagging tags on every hit never lets a change lag longer: a headline
    in Read more changed just after a full read shows once the lag has passed."""
    time_machine.move_to(timezone.now(), tick=False)
    section = make_section()
    other = make_article(section=section, title="The old headline")
    time_machine.shift(60)
    article = make_article(section=section)
    url = article.get_absolute_url()
    assert "The old headline" in client.get(url).content.decode()
    time_machine.shift(1)
    other.title = "The new headline"
    other.save()
    time_machine.shift(settings.PAGE_CACHE_ASIDE_LAG_SECONDS - 2)
    response = a_hit(client, url)
    assert "The old headline" in response.content.decode()
    time_machine.shift(1)
    response = client.get(url)
    assert response["X-Page-Cache"] in {"miss", "stale"}
    assert "The new headline" in client.get(url).content.decode()
