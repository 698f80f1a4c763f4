"""Without Redis, the cache is shared through PostgreSQL: every process sees every change."""

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import make_article
from tests.services import AppServer, manage

DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": settings.CACHE_TABLE,
    }
}


@pytest.fixture
def database_cache(settings):
    settings.CACHES = DATABASE_CACHE


@pytest.mark.django_db
@pytest.mark.usefixtures("database_cache", "page_cache")
def test_pages_are_kept_in_postgresql_and_an_edit_shows_at_once(client):
    """migrate makes the cache table; pages are stored in it and an edit drops them."""
    article = make_article(title="Headline in the table")
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {settings.CACHE_TABLE}")  # noqa: S608
        assert cursor.fetchone()[0] > 0
    article.title = "Headline edited"
    article.save()
    response = client.get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert b"Headline edited" in response.content


@pytest.fixture
def two_app_processes(demo_newsroom, tmp_path):
    """Two gunicorn processes on the demo site, sharing PostgreSQL and nothing else."""
    env, _ = demo_newsroom
    assert "REDIS_URL" not in env
    servers = [AppServer(env, tmp_path), AppServer(env, tmp_path)]
    for server in servers:
        server.start()
    yield env, servers
    for server in servers:
        server.stop()


def shell(env, code: str) -> str:
    """What the code prints last, run by manage.py shell in a process of its own."""
    return manage("shell", "--no-imports", "-c", code, env=env).strip().splitlines()[-1:]


def test_two_processes_show_an_edit_on_the_next_request_without_redis(two_app_processes):
    """An edit made elsewhere shows on the next request from either process, and both
    answer the same content with the same ETag and Last-Modified (a 304 from either)."""
    env, servers = two_app_processes
    [found] = shell(
        env,
        "from articles.models import Article; from demo.content import SEED_ARTICLE;"
        "a = Article.objects.published().exclude(slug=SEED_ARTICLE['slug'])"
        ".order_by('-publish_at')[3]; print(a.slug, a.get_absolute_url())",
    )  # not the seed article, which other tests of the demo site look for
    slug, path = found.split()  # its address says its edition
    for server in servers:  # each process renders or reads the page, then keeps a copy
        for _ in range(2):
            status, _headers, _page = server.get(path)
            assert status == 200
    assert servers[1].get(path)[1]["X-Page-Cache"] == "hit"
    first, second = (server.get(path)[1] for server in servers)
    assert first["ETag"] == second["ETag"]
    assert first["Last-Modified"] == second["Last-Modified"]
    since = {"If-Modified-Since": first["Last-Modified"]}
    assert servers[1].get(path, headers=since)[0] == 304
    assert servers[0].get(path, headers={"If-None-Match": second["ETag"]})[0] == 304

    shell(
        env,
        "from articles.models import Article;"
        f"a = Article.objects.get(slug='{slug}'); a.title = 'Edited in another process';"
        "a.save()",
    )
    for server in (*servers, *servers):
        status, _headers, page = server.get(path)
        assert status == 200
        assert "Edited in another process" in page
        assert server.get(path, headers=since)[0] == 200
    feed = path.split("/news/")[0] + "/news-feed/"  # the news feed of its edition
    assert servers[0].get(feed)[2].count("Edited in another process") == 1
    assert "Edited in another process" in servers[1].get(feed)[2]
    first, second = (server.get(path)[1] for server in servers)
    assert (first["ETag"], first["Last-Modified"]) == (second["ETag"], second["Last-Modified"])


@pytest.mark.django_db
@pytest.mark.usefixtures("database_cache")
def test_processes_stamping_at_once_never_share_a_tick():
    """Without Redis the change clock is a PostgreSQL sequence: concurrent changes each get a
    tick of their own (the database cache's incr is a read and a write)."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connections

    from caching import dependencies

    def ticks(_):
        try:
            return [dependencies._tick() for _ in range(25)]
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=4) as pool:
        every = [tick for part in pool.map(ticks, range(4)) for tick in part]
    assert len(set(every)) == len(every) == 100
    assert dependencies.clock() >= max(every)
