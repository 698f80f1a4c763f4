"""The two editions: English at today's addresses, Ukrainian under /uk/, linked for readers
and search engines (hreflang, the switcher, og:locale, the sitemaps, feeds)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest
from lxml import etree, html

from tests.factories import make_article, make_author, make_section, make_tag

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.fromstring(response.content)


def hreflang(document) -> dict[str, str]:
    return {link.get("hreflang"): link.get("href") for link in document.xpath("//link[@hreflang]")}


def translated_pair():
    """An English article and its published Ukrainian translation, in linked sections."""
    news = make_section(name="News Feed", slug="news-feed")
    novyny = make_section(
        name="Стрічка новин", slug="strichka-novyn", language="uk", translation_of=news
    )
    original = make_article(title="NATO plans a new post in Kyiv", section=news)
    translation = make_article(
        title="НАТО планує нову посаду в Києві",
        section=novyny,
        language="uk",
        translation_of=original,
    )
    return original, translation


def test_each_edition_shows_only_its_own_items(client):
    """The English home lists English items at /, the Ukrainian home Ukrainian ones at /uk/."""
    original, translation = translated_pair()
    english = page(client, "/").text_content()
    ukrainian = page(client, "/uk/").text_content()
    assert original.title in english
    assert translation.title not in english
    assert translation.title in ukrainian
    assert original.title not in ukrainian
    assert client.get(f"/news/{translation.slug}/").status_code == 404
    assert client.get(f"/uk/news/{original.slug}/").status_code == 404


def test_a_translation_pair_links_both_ways_with_x_default(client):
    """Each page of a pair names both in hreflang, and x-default is the English one."""
    original, translation = translated_pair()
    english_url = f"{SITE}/news/{original.slug}/"
    ukrainian_url = f"{SITE}/uk/news/{translation.slug}/"
    expected = {"en": english_url, "uk": ukrainian_url, "x-default": english_url}
    assert hreflang(page(client, original.get_absolute_url())) == expected
    assert hreflang(page(client, translation.get_absolute_url())) == expected


def test_the_switcher_goes_to_the_translation_or_else_to_the_other_home(client):
    """The language switcher links the translation; an item with none links the edition's home."""
    original, translation = translated_pair()
    alone = make_article(title="Only in English", section=original.section)
    switch = page(client, original.get_absolute_url()).xpath("//nav[@class='edition-switcher']//a")
    assert [(a.get("href"), a.get("lang")) for a in switch] == [
        (translation.get_absolute_url(), "uk")
    ]
    switch = page(client, alone.get_absolute_url()).xpath("//nav[@class='edition-switcher']//a")
    assert [a.get("href") for a in switch] == ["/uk/"]
    assert hreflang(page(client, alone.get_absolute_url())) == {}


def test_pages_say_their_language(client):
    """<html lang>, og:locale with the other as og:locale:alternate, and JSON-LD inLanguage."""
    original, translation = translated_pair()
    document = page(client, translation.get_absolute_url())
    assert document.get("lang") == "uk"
    locales = {m.get("property"): m.get("content") for m in document.xpath("//meta[@property]")}
    assert locales["og:locale"] == "uk_UA"
    assert locales["og:locale:alternate"] == "en_US"
    assert page(client, original.get_absolute_url()).get("lang") == "en"


def test_structured_data_links_the_translation_and_its_original(client):
    """translationOfWork on the translation, workTranslation on the original."""
    import json

    original, translation = translated_pair()

    def news_article(url):
        (script,) = page(client, url).xpath("//script[@type='application/ld+json']")
        graph = json.loads(script.text)["@graph"]
        return next(thing for thing in graph if thing["@type"] == "NewsArticle")

    ukrainian = news_article(translation.get_absolute_url())
    english = news_article(original.get_absolute_url())
    assert ukrainian["inLanguage"] == "uk"
    assert english["inLanguage"] == "en"
    assert ukrainian["translationOfWork"]["@id"] == english["@id"]
    assert [work["@id"] for work in english["workTranslation"]] == [ukrainian["@id"]]


def test_ukrainian_interface_dates_and_plurals(client):
    """A Ukrainian page has Ukrainian reading times in the right plural and Ukrainian dates."""
    section = make_section(name="Україна", slug="ukraina", language="uk")
    kyiv = ZoneInfo("Europe/Kyiv")
    for words, expected in [
        (200, "1 хвилина читання"),
        (400, "2 хвилини читання"),
        (1100, "5 хвилин читання"),
    ]:
        article = make_article(
            section=section,
            language="uk",
            title=f"Стаття на {words} слів",
            body="<p>" + " ".join(["слово"] * words) + "</p>",
            publish_at=datetime(2024, 7, 1, 21, 14, tzinfo=kyiv),
        )
        text = page(client, article.get_absolute_url()).text_content()
        assert expected in text, (words, article.reading_time)
        assert "1 липня 2024, 21:14" in text


def sitemap_urls(client, url):
    response = client.get(url.removeprefix(SITE))
    assert response.status_code == 200, url
    return etree.fromstring(response.content)


def test_every_hreflang_pair_in_the_sitemaps_points_both_ways(client):
    """Walking every sitemap of both editions, each alternate is listed and names its page back."""
    original, translation = translated_pair()
    tag = make_tag(name="NATO", slug="nato")
    tag_uk = make_tag(name="НАТО", slug="nato", language="uk", translation_of=tag)
    author = make_author(name="Martin Fornusek", slug="martin-fornusek")
    for article, article_tag in [(original, tag), (translation, tag_uk)]:
        article.tags.add(article_tag)
        article.bylines.create(author=author)
    only_english = make_article(section=original.section)
    index = sitemap_urls(client, f"{SITE}/sitemap.xml")
    alternates = {}
    for location in index.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS):
        for url in sitemap_urls(client, location).xpath("//sm:url", namespaces=NS):
            loc = url.xpath("sm:loc/text()", namespaces=NS)[0]
            links = url.xpath("xhtml:link", namespaces=NS)
            alternates[loc] = {link.get("hreflang"): link.get("href") for link in links}
    pairs = 0
    for loc, links in alternates.items():
        for language, href in links.items():
            assert href in alternates, (loc, language, href)
            assert alternates[href].get(language) == href
            assert loc in alternates[href].values(), (loc, href)
            pairs += 1
    assert f"{SITE}/uk/news/{translation.slug}/" in alternates
    assert f"{SITE}/uk/tag/nato/" in alternates
    assert f"{SITE}/uk/author/martin-fornusek/" in alternates
    assert alternates[f"{SITE}{only_english.get_absolute_url()}"] == {}
    assert pairs >= 9  # article, section (its translation has items), tag, author: 3 links each


def test_feeds_and_the_news_sitemap_are_per_edition(client):
    """/uk/rss.xml lists the Ukrainian items in Ukrainian; the news sitemap says news:language uk."""
    _original, translation = translated_pair()
    feed = feedparser.parse(client.get("/uk/rss.xml").content)
    assert feed.feed.language == "uk"
    assert [entry.title for entry in feed.entries] == [translation.title]
    news = etree.fromstring(client.get("/uk/news-sitemap.xml").content)
    ns = {"news": "http://www.google.com/schemas/sitemap-news/0.9"}
    assert news.xpath("//news:language/text()", namespaces=ns) == ["uk"]
    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {SITE}/uk/news-sitemap.xml" in robots


def test_a_ukrainian_live_story_says_it_is_in_ukrainian(client):
    """Its LiveBlogPosting's inLanguage is uk, as the page's <html lang>."""
    import json

    from tests.live.factories import make_entry, make_live_story

    section = make_section(name="Україна", slug="ukraina", language="uk")
    article = make_article(title="Війна: головне", section=section, language="uk")
    make_entry(make_live_story(article=article), headline="Ранок у Києві")
    page = html.fromstring(client.get(article.get_absolute_url()).content)
    assert page.get("lang") == "uk"
    [block] = page.xpath('//script[@type="application/ld+json"]')
    types = {thing["@type"]: thing for thing in json.loads(block.text)["@graph"]}
    assert types["LiveBlogPosting"]["inLanguage"] == "uk"


def test_robots_txt_keeps_crawlers_out_of_every_editions_search_results(client):
    """Disallow: /search and /uk/search (the Ukrainian edition's results are no page either)."""
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert {"Disallow: /search", "Disallow: /uk/search"} <= set(lines)
