"""A page served from the cache costs two round trips to the shared cache, one with a copy.

Counted on the servers themselves: Redis's own command counts, and the queries
PostgreSQL gets for its cache table. On the hit path every command is one round
trip (no pipelines).
"""

import pytest
import redis
from django.db import connection
from django.test.utils import CaptureQueriesContext

from caching import local_copies
from tests.factories import make_article

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


def test_a_hit_on_redis_is_two_round_trips_and_one_with_a_copy(client, redis_cache):
    """Another process's page: the page with the schedule and clock, then the stamps of what
    it shows. This process's own copy: the stamps, the schedule and the clock together."""
    article = make_article()
    url = article.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    local_copies.clear_all()  # as a process that did not render it
    assert commands_during(redis_cache, lambda: a_hit(client, url)) == {"mget": 2}
    assert commands_during(redis_cache, lambda: a_hit(client, url)) == {"mget": 1}


def cache_table_queries(action) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        action()
    return [query["sql"] for query in queries]


def test_a_hit_on_the_database_cache_is_two_queries_and_one_with_a_copy(client, settings):
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
    shared = cache_table_queries(lambda: a_hit(client, url))
    assert len(shared) == 2
    assert all(settings.CACHE_TABLE in sql for sql in shared)
    assert len(cache_table_queries(lambda: a_hit(client, url))) == 1
