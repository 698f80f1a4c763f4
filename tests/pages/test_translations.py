"""Site pages linked as translations: each names the other in hreflang (with x-default), the
language switcher goes to it, and the sitemaps say so, as an article's pages do."""

import pytest
from django.test import Client
from lxml import etree

from pages.models import Page
from tests.html import element, elements, parse

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"
SITEMAP = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


@pytest.fixture
def about():
    english = Page.objects.create(
        title="About us", slug="about", body="<p>Who we are.</p>", is_published=True
    )
    ukrainian = Page.objects.create(
        title="Про нас",
        slug="pro-nas",
        language="uk",
        translation_of=english,
        body="<p>Хто ми.</p>",
        is_published=True,
    )
    return english, ukrainian


def hreflang(response) -> dict[str, str]:
    links = elements(parse(response), "//head/link[@rel='alternate'][@hreflang]")
    return {link.get("hreflang"): link.get("href") for link in links}


def switcher(response) -> str:
    return element(parse(response), "//nav[@class='edition-switcher']//a").get("href")


def test_both_pages_of_a_pair_name_each_other(client, about):
    """/about/ and /uk/pro-nas/ carry en, uk and x-default (the English page)."""
    expected = {"en": f"{SITE}/about/", "uk": f"{SITE}/uk/pro-nas/", "x-default": f"{SITE}/about/"}
    assert hreflang(client.get("/about/")) == expected
    assert hreflang(client.get("/uk/pro-nas/")) == expected


def test_the_switcher_goes_to_the_translation(client, about):
    """From a page to its translation and back, not to the other edition's home."""
    assert switcher(client.get("/about/")) == "/uk/pro-nas/"
    assert switcher(client.get("/uk/pro-nas/")) == "/about/"


def test_an_unpublished_translation_is_not_named(client, about):
    """Until the translation is published, the page has no hreflang and the switcher goes
    to the other edition's home."""
    _english, ukrainian = about
    ukrainian.is_published = False
    ukrainian.save()
    response = client.get("/about/")
    assert hreflang(response) == {}
    assert switcher(response) == "/uk/"


@pytest.mark.usefixtures("page_cache")
def test_a_translation_published_later_reaches_the_cached_original_at_once():
    """The English page, already cached, names its translation on the next request."""
    english = Page.objects.create(title="About us", slug="about", is_published=True)
    reader = Client()
    assert hreflang(reader.get("/about/")) == {}
    assert reader.get("/about/")["X-Page-Cache"] == "hit"
    Page.objects.create(
        title="Про нас", slug="pro-nas", language="uk", translation_of=english, is_published=True
    )
    assert hreflang(reader.get("/about/"))["uk"] == f"{SITE}/uk/pro-nas/"


def test_the_sitemaps_list_each_page_with_its_translation(client, about):
    """/sitemap-pages.xml and /uk/sitemap-pages.xml: each page with xhtml:link to both."""
    for path, own in (("/sitemap-pages.xml", "/about/"), ("/uk/sitemap-pages.xml", "/uk/pro-nas/")):
        document = etree.fromstring(client.get(path).content)
        (url,) = document.xpath("//sm:url", namespaces=SITEMAP)
        assert url.xpath("sm:loc/text()", namespaces=SITEMAP) == [f"{SITE}{own}"]
        links = {
            link.get("hreflang"): link.get("href")
            for link in url.xpath("xhtml:link", namespaces=SITEMAP)
        }
        assert links == {
            "en": f"{SITE}/about/",
            "uk": f"{SITE}/uk/pro-nas/",
            "x-default": f"{SITE}/about/",
        }
    index = client.get("/uk/sitemap.xml").content.decode()
    assert f"{SITE}/uk/sitemap-pages.xml" in index


def test_the_demos_about_and_contact_are_linked_to_their_ukrainian_pages(client):
    """Loaded as load_demo does (the Ukrainian pages first), About and Contact name
    /uk/pro-nas/ and /uk/kontakty/; loading again changes nothing."""
    from demo import pages, ukrainian

    for _ in range(2):
        ukrainian._pages()
        pages.load_pages()
    assert Page.objects.count() == 4
    assert hreflang(client.get("/about/"))["uk"] == f"{SITE}/uk/pro-nas/"
    assert hreflang(client.get("/uk/kontakty/"))["en"] == f"{SITE}/contact/"


def test_both_pages_pass_the_nu_checker(nu_check, client, about, tmp_path):
    """The pair, with their hreflang links and switcher: no error, no warning."""
    paths = []
    for name, url in (("about", "/about/"), ("pro-nas", "/uk/pro-nas/")):
        path = tmp_path / f"{name}.html"
        path.write_bytes(client.get(url).content)
        paths.append(path)
    assert nu_check(paths) == []
