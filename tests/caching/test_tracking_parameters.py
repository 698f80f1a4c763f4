"""Tracking parameters (utm_*, fbclid, gclid, mc_cid...) never make a page of their own."""

import pytest

from caching.keys import without_tracking
from tests.factories import make_article
from tests.html import element, parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def test_tracking_parameters_are_left_out_and_the_others_kept_in_order():
    """Only the parameters that say where a reader came from are dropped."""
    query = "utm_source=x&page=2&fbclid=IwAR0&UTM_Medium=s&q=kyiv&gclid=1&mc_cid=a&mc_eid=b&_gl=1"
    assert without_tracking(query) == "page=2&q=kyiv"
    assert without_tracking("utm_campaign=spring") == ""
    assert without_tracking("utm%5Fsource=x&page=3") == "page=3"


def test_a_new_click_id_is_a_hit_on_the_page_without_it(client):
    """Every share's new fbclid or utm value is served from the one cached page."""
    article = make_article(title="Shared widely")
    url = article.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    for query in ("fbclid=IwAR1", "fbclid=IwAR2", "utm_source=x&utm_medium=social", "gclid=9"):
        response = client.get(f"{url}?{query}")
        assert response["X-Page-Cache"] == "hit", query
        assert b"Shared widely" in response.content


def test_other_parameters_still_make_their_own_page(client):
    """?page=2 is its own page, and ?page=2 with tracking parameters is the same page."""
    for _ in range(25):
        make_article()
    assert client.get("/news-feed/")["X-Page-Cache"] == "miss"
    assert client.get("/news-feed/?page=2")["X-Page-Cache"] == "miss"
    assert client.get("/news-feed/?utm_source=x&page=2&mc_eid=1")["X-Page-Cache"] == "hit"


def test_the_page_rendered_for_a_tracked_visit_has_clean_addresses(client):
    """The first visit may come with tracking parameters: its canonical and links stay clean."""
    for _ in range(25):
        make_article()
    response = client.get("/news-feed/?page=2&utm_source=newsletter&fbclid=x")
    assert response["X-Page-Cache"] == "miss"
    tree = parse(response)
    assert element(tree, "//link[@rel='canonical']").get("href").endswith("/news-feed/?page=2")
    assert b"utm_source" not in response.content
    assert b"fbclid" not in response.content
