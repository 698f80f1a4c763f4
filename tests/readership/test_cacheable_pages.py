"""Counting readers leaves reader pages as cacheable as they were: no cookie, same headers."""

import pytest

from tests.factories import make_article
from tests.html import element, parse
from tests.readership.test_beacon import beacon

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(page_cache, settings):
    """The page cache on, its keys independent of files being edited while the tests run."""
    settings.CACHE_CODE_STAMP_PER_REQUEST = False


def test_the_article_page_carries_the_beacon_and_stays_a_public_cached_page(client, page_cache):
    """The page names its article for the beacon script; it sets no cookie and is cached."""
    article = make_article()
    first = client.get(article.get_absolute_url())
    script = element(parse(first), "//script[@data-article]")
    assert script.get("data-article") == str(article.pk)
    assert script.get("data-url") == "/readership/beacon/"
    assert script.get("src").startswith("/static/js/readership")
    assert script.get("defer") is not None
    assert "Set-Cookie" not in first
    assert not first.cookies
    cache_control = first["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage" in cache_control

    assert beacon(client, article.pk).status_code == 204
    again = client.get(article.get_absolute_url())
    assert again["X-Page-Cache"] == "hit"
    assert again["Cache-Control"] == cache_control
    assert "Set-Cookie" not in again


def test_the_home_page_with_most_popular_stays_cacheable(client, page_cache):
    """Most Popular on the home page adds no cookie and no private header."""
    article = make_article()
    beacon(client, article.pk)
    first = client.get("/")
    assert 'id="most-popular-title"' in first.content.decode()
    assert "Set-Cookie" not in first
    assert "public" in first["Cache-Control"]
    assert client.get("/")["X-Page-Cache"] == "hit"
