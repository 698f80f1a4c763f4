"""Every address of the old site answers with a 301 to where its item lives now."""

import pytest
from django.test import Client

from articles.models import Article
from tests.importers.exports import GHOST_5, WORDPRESS, run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def wordpress():
    assert not run_import(WORDPRESS).error


@pytest.fixture
def ghost():
    assert not run_import(GHOST_5).error


def redirect_of(path, **query):
    response = Client().get(path, query)
    return response.status_code, response.headers.get("Location")


def test_wordpress_permalinks_redirect_permanently(wordpress):
    """/2026/02/slug/ (with or without its slash) answers 301 to the article."""
    assert redirect_of("/2026/02/kyiv-restores-power/") == (301, "/news/kyiv-restores-power/")
    assert redirect_of("/2026/02/kyiv-restores-power") == (301, "/news/kyiv-restores-power/")


def test_wordpress_post_and_page_ids_redirect_from_the_home_page(wordpress):
    """?p=ID and ?page_id=ID on the home page go to the post and to the site page."""
    assert redirect_of("/", p="102") == (301, "/news/nato-envoy-arrives/")
    assert redirect_of("/", page_id="2") == (301, "/about-us/")
    assert redirect_of("/", page_id="3") == (301, "/contact/")


def test_the_home_page_is_itself_without_those_parameters(wordpress):
    """Other queries, unknown ids and non-numbers leave the home page alone."""
    assert Client().get("/").status_code == 200
    assert Client().get("/", {"p": "999"}).status_code == 200
    assert Client().get("/", {"p": "1; DROP TABLE"}).status_code == 200


def test_nested_page_addresses_redirect_to_the_site_page(wordpress):
    """/about-us/contact/ of WordPress's page tree is the one-level /contact/ here."""
    assert redirect_of("/about-us/contact/") == (301, "/contact/")


def test_category_and_tag_archives_redirect(wordpress):
    """/category/x/ goes to the section; a tag whose old slug was Cyrillic goes to its
    transliterated address; /author/x/ and ASCII tags keep their address here."""
    assert redirect_of("/category/ukraine/") == (301, "/section/ukraine/")
    assert redirect_of("/category/world/europe/") == (301, "/section/europe/")
    assert redirect_of("/category/europe/") == (301, "/section/europe/")
    assert redirect_of("/tag/київ/") == (301, "/tag/kyiv/")
    assert Client().get("/tag/kyiv/").status_code == 200
    assert Client().get("/author/olena/").status_code == 200


def test_old_addresses_of_drafts_reveal_nothing(wordpress):
    """A draft's old address is a 404, as if it never existed."""
    assert Client().get("/2026/02/sources-list/").status_code == 404
    assert Client().get("/", {"p": "106"}).status_code == 200


def test_the_redirect_follows_a_later_change_of_slug(wordpress):
    """The target is the article's current address, not the one it had when imported."""
    article = Article.objects.get(slug="nato-envoy-arrives")
    article.slug = "nato-envoy-in-kyiv"
    article.save()
    assert redirect_of("/2026/02/nato-envoy-arrives/") == (301, "/news/nato-envoy-in-kyiv/")


def test_ghost_addresses_redirect(ghost):
    """Ghost's /slug/, /slug/amp/, /tag/x/ and /author/x/ answer 301."""
    assert redirect_of("/drones-downed-odesa/") == (301, "/news/drones-downed-odesa/")
    assert redirect_of("/drones-downed-odesa/amp/") == (301, "/news/drones-downed-odesa/")
    assert Client().get("/author/martin/").status_code == 200
    assert Client().get("/tag/war/").status_code == 200


def test_a_redirect_never_leaves_the_site(wordpress):
    """Whatever the address, the Location is a path on this site (no open redirect)."""
    for path in [
        "//evil.example/",
        "/\\evil.example",
        "/2026/02/kyiv-restores-power//evil.example",
    ]:
        response = Client().get(path)
        location = response.headers.get("Location", "")
        assert not location.startswith(("//", "http", "\\", "/\\")), (path, location)


def test_a_page_the_site_has_is_never_redirected(wordpress):
    """The fallback runs only on a 404: an address this site answers is its own."""
    assert Client().get("/news/kyiv-restores-power/").status_code == 200
    assert Client().get("/about-us/").status_code == 200


def test_an_old_address_asked_for_before_the_import_redirects_after_it(page_cache):
    """A 404 the page cache kept from before the import does not hide the new redirect."""
    path = "/2026/02/kyiv-restores-power/"
    assert Client().get(path).status_code == 404
    assert Client().get(path).status_code == 404  # now from the page cache
    assert not run_import(WORDPRESS).error
    assert redirect_of(path) == (301, "/news/kyiv-restores-power/")
