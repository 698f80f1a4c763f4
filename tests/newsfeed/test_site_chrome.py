"""The header and footer of every reader page: navigation, search link, footer links."""

import pytest

from pages.models import Page
from tests.factories import make_article, make_section
from tests.html import element, elements, parse, text

pytestmark = pytest.mark.django_db


def nav_links(page) -> dict[str, str | None]:
    """Each navigation link's text and its aria-current (None where it has none)."""
    links = elements(page, "//nav[@aria-label='Sections']//a")
    return {text(link): link.get("aria-current") for link in links}


def test_section_page_marks_its_section_in_the_navigation(client):
    """On /section/europe/ the Europe link says aria-current="page", no other link does."""
    europe = make_section(name="Europe", slug="europe")
    make_section(name="Business", slug="business")
    make_article(section=europe)
    links = nav_links(parse(client.get(europe.get_absolute_url())))
    assert links == {"News Feed": None, "Europe": "page", "Business": None}


def test_article_page_marks_its_section_as_the_current_one(client):
    """An article in Business marks Business with aria-current="true"."""
    business = make_section(name="Business", slug="business")
    make_section(name="Europe", slug="europe")
    article = make_article(section=business)
    links = nav_links(parse(client.get(article.get_absolute_url())))
    assert links["Business"] == "true"
    assert [name for name, current in links.items() if current] == ["Business"]


def test_news_feed_page_marks_the_news_feed(client):
    """/news-feed/ marks News Feed as the current page."""
    make_article()
    assert nav_links(parse(client.get("/news-feed/")))["News Feed"] == "page"


def test_search_is_a_link_in_the_header_and_one_box_on_the_search_page(client):
    """The header links to /search/ (no form); the search page has exactly one search box."""
    make_article()
    home = parse(client.get("/"))
    header = element(home, "//header[@class='site-header']")
    assert elements(header, ".//form") == []
    element(header, ".//a[@href='/search/']")  # exactly one
    search = parse(client.get("/search/?q=Kyiv"))
    assert len(elements(search, "//input[@type='search']")) == 1
    assert element(search, "//header//a[@href='/search/']").get("aria-current") == "page"


def test_footer_links_sections_pages_corrections_feeds_and_accounts(client, settings):
    """The footer lists the sections, About and Contact, /corrections/, the feeds and accounts."""
    settings.SITE_X_HANDLE = "KyivLedger"
    settings.SITE_SOCIAL_URLS = ["https://www.facebook.com/kyivledger", "https://t.me/kyivledger"]
    make_section(name="Europe", slug="europe")
    make_article()
    for position, (title, slug) in enumerate([("About us", "about"), ("Contact", "contact")]):
        Page.objects.create(
            title=title,
            slug=slug,
            body="<p>Text.</p>",
            is_published=True,
            show_in_footer=True,
            footer_position=position,
        )
    footer = element(parse(client.get("/news-feed/")), "//footer[@class='site-footer']")
    links = {text(link): link.get("href") for link in elements(footer, ".//a")}
    assert links["Europe"] == "/section/europe/"
    assert links["About us"] == "/about/"
    assert links["Contact"] == "/contact/"
    assert links["Corrections"] == "/corrections/"
    assert links["RSS feed"] == "/rss.xml"
    assert links["Atom feed"] == "/atom.xml"
    assert links["X"] == "https://x.com/KyivLedger"
    assert links["Facebook"] == "https://www.facebook.com/kyivledger"
    assert links["Telegram"] == "https://t.me/kyivledger"


def test_corrections_page_title_is_styled_as_every_page_title(client):
    """/corrections/ has an h1 with the page-title class, like the other pages."""
    h1 = element(parse(client.get("/corrections/")), "//main//h1")
    assert h1.get("class") == "page-title"


def test_every_article_element_on_listings_has_a_heading(client):
    """Briefs, videos and articles are <article>s with a heading, on the home page and listings.

    The Nu checker warns about an <article> without one.
    """
    section = make_section(name="Europe", slug="europe")
    make_article(kind="brief", title="A short brief", standfirst="Its text.", section=section)
    make_article(kind="video", title="A video", section=section)
    make_article(title="An article", section=section)
    for url in ["/", "/news-feed/", "/section/europe/", "/search/?q=brief"]:
        page = parse(client.get(url))
        articles = elements(page, "//main//article")
        assert articles, url
        for article in articles:
            assert elements(article, ".//h2|.//h3|.//h4"), (url, text(article))
