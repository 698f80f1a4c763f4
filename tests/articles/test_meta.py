from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from lxml import html

from tests.articles.test_structured_data import json_ld
from tests.factories import image_file, make_article, make_author, make_section, make_tag

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"
HOSTILE = "Tom & Jerry </script><script>alert(1)</script> say \"hi\" & 'bye'"


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.fromstring(response.content).find("head")


def meta(head) -> dict[str, list[str]]:
    """Every <meta> of the head by its name or property, in page order."""
    found = {}
    for element in head.iter("meta"):
        key = element.get("property") or element.get("name")
        if key:
            found.setdefault(key, []).append(element.get("content"))
    return found


def canonical(head):
    (link,) = head.xpath('link[@rel="canonical"]')
    return link.get("href")


def test_article_page_has_opengraph_article_and_twitter_card(client):
    """An article shares as an OpenGraph article with dates, section, tags, authors and a wide image."""
    author = make_author(name="Ada", x_handle="ada_reports")
    section, tag = make_section(name="Europe"), make_tag(name="NATO")
    article = make_article(
        title="Summit opens",
        standfirst="Leaders meet in Washington.",
        section=section,
        tags=[tag],
        authors=[author],
        hero_image=image_file(size=(1600, 900)),
        hero_alt="Leaders on a stage",
    )
    head = head_of(client, article.get_absolute_url())
    tags = meta(head)
    url = f"{SITE}{article.get_absolute_url()}"
    assert head.findtext("title") == "Summit opens | The Kyiv Ledger"
    assert canonical(head) == url
    assert tags["description"] == ["Leaders meet in Washington."]
    assert tags["og:type"] == ["article"]
    assert tags["og:title"] == ["Summit opens"]
    assert tags["og:url"] == [url]
    assert tags["og:site_name"] == ["The Kyiv Ledger"]
    published = datetime.fromisoformat(tags["article:published_time"][0])
    assert published == article.publish_at.replace(microsecond=0)
    assert published.tzinfo is not None
    assert datetime.fromisoformat(tags["article:modified_time"][0]) >= published
    assert tags["article:section"] == ["Europe"]
    assert tags["article:tag"] == ["NATO"]
    assert tags["article:author"] == [f"{SITE}{author.get_absolute_url()}"]
    assert tags["og:image:width"] == ["1200"]
    assert tags["og:image:height"] == ["675"]
    assert tags["og:image:alt"] == ["Leaders on a stage"]
    assert tags["og:image"] == [f"{SITE}{article.hero_picture.crop('16x9').url}"]
    assert tags["twitter:card"] == ["summary_large_image"]
    assert tags["twitter:image"] == tags["og:image"]
    assert tags["twitter:creator"] == ["@ada_reports"]


def test_seo_title_and_description_replace_the_defaults(client):
    """Filled SEO fields replace the headline and standfirst in the title, description and cards."""
    article = make_article(
        title="A long newsroom headline",
        standfirst="The standfirst.",
        seo_title="Short search title",
        seo_description="What searchers read.",
    )
    tags = meta(head := head_of(client, article.get_absolute_url()))
    assert head.findtext("title") == "Short search title | The Kyiv Ledger"
    assert tags["og:title"] == tags["twitter:title"] == ["Short search title"]
    assert tags["description"] == tags["og:description"] == ["What searchers read."]


def test_description_falls_back_to_the_start_of_the_body(client):
    """With no SEO description and no standfirst, the description is the body's opening, trimmed."""
    article = make_article(
        standfirst="", body="<p>First <b>bold</b> words.</p>" + "<p>More.</p>" * 80
    )
    (description,) = meta(head_of(client, article.get_absolute_url()))["description"]
    assert description.startswith("First bold words. More.")
    assert len(description) <= 200


def test_canonical_url_field_points_elsewhere(client):
    """An article first published elsewhere names that original as its canonical address."""
    article = make_article(canonical_url="https://partner.example.com/story")
    head = head_of(client, article.get_absolute_url())
    assert canonical(head) == "https://partner.example.com/story"


def test_article_without_an_image_gets_a_summary_card_with_the_logo(client):
    """With no hero image the card is a plain summary showing the newsroom's logo."""
    tags = meta(head_of(client, make_article().get_absolute_url()))
    assert tags["twitter:card"] == ["summary"]
    assert tags["og:image"] == [f"{SITE}/static/img/logo.png"]


def test_every_public_page_has_title_description_canonical_and_cards(client):
    """Home, news feed, section, tag, author and article pages all carry the basic metadata."""
    section, tag, author = make_section(), make_tag(), make_author(short_bio="Covers Europe.")
    article = make_article(section=section, tags=[tag], authors=[author])
    for url in [
        "/",
        "/news-feed/",
        section.get_absolute_url(),
        tag.get_absolute_url(),
        author.get_absolute_url(),
        article.get_absolute_url(),
    ]:
        head = head_of(client, url)
        tags = meta(head)
        assert head.findtext("title"), url
        assert tags["description"][0], url
        assert canonical(head) == f"{SITE}{url}", url
        for key in ["og:type", "og:title", "og:description", "og:url", "og:image", "twitter:card"]:
            assert tags[key][0], (url, key)
    assert meta(head_of(client, author.get_absolute_url()))["og:type"] == ["profile"]
    assert meta(head_of(client, author.get_absolute_url()))["description"] == ["Covers Europe."]


def test_canonical_of_a_listing_keeps_only_the_page_number(client):
    """Tracking parameters never reach the canonical address; a page number past 1 does."""
    section = make_section()
    for _ in range(25):
        make_article(section=section)
    head = head_of(client, f"{section.get_absolute_url()}?page=2&utm_source=x")
    assert canonical(head) == f"{SITE}{section.get_absolute_url()}?page=2"
    head = head_of(client, f"{section.get_absolute_url()}?utm_source=x")
    assert canonical(head) == f"{SITE}{section.get_absolute_url()}"


def test_twitter_site_comes_from_the_configured_handle(client, settings):
    """The newsroom's own X handle, set once in settings, appears on every page."""
    settings.SITE_X_HANDLE = "KyivLedger"
    assert meta(head_of(client, "/"))["twitter:site"] == ["@KyivLedger"]
    assert meta(head_of(client, make_article().get_absolute_url()))["twitter:site"] == [
        "@KyivLedger"
    ]


def test_hostile_title_is_escaped_in_the_html_head(client):
    """A headline with </script>, quotes and & is escaped in every tag and reads back as typed."""
    article = make_article(
        title=HOSTILE,
        standfirst=HOSTILE,
        hero_image=image_file(),
        hero_alt=HOSTILE,
        tags=[make_tag(name=HOSTILE)],
        publish_at=timezone.now() - timedelta(minutes=5),
    )
    response = client.get(article.get_absolute_url())
    assert b"<script>alert(1)" not in response.content
    head = html.fromstring(response.content).find("head")
    tags = meta(head)
    assert head.findtext("title") == f"{HOSTILE} | The Kyiv Ledger"
    for key in ["og:title", "twitter:title", "description", "og:image:alt", "article:tag"]:
        assert tags[key] == [HOSTILE], key


# 215 characters; the 200th falls inside "agreement" (the "…citing U.S. a…").
LONG_STANDFIRST = (
    "The United States will hand over the coordination of military aid to Ukraine to NATO "
    "next month, the Wall Street Journal reported on Friday, citing U.S. and European "
    "officials familiar with the agreement reached."
)


def cut_on_a_word(description: str, text: str) -> bool:
    """Whether description is text's start, cut where a word ends, with an ellipsis."""
    start = description.removesuffix("…")
    return (
        description.endswith("…")
        and len(description) <= 200
        and text.startswith(start)
        and text[len(start)] in " ,.;:"
    )


def test_long_descriptions_are_cut_where_a_word_ends_with_an_ellipsis(client):
    """The meta, OpenGraph, Twitter and JSON-LD descriptions end at a whole word, then "…"."""
    assert LONG_STANDFIRST[198:201].isalpha()  # the 200th character is inside a word
    article = make_article(standfirst=LONG_STANDFIRST)
    response = client.get(article.get_absolute_url())
    tags = meta(html.fromstring(response.content).find("head"))
    descriptions = [
        *tags["description"],
        *tags["og:description"],
        *tags["twitter:description"],
        json_ld(response.content.decode())["NewsArticle"]["description"],
    ]
    assert len(set(descriptions)) == 1
    assert cut_on_a_word(descriptions[0], LONG_STANDFIRST), descriptions[0]


def test_listing_descriptions_are_cut_the_same_way(client):
    """A section's description and an author's short bio are cut at a word's end, with "…"."""
    section = make_section(description=LONG_STANDFIRST)
    make_article(section=section)
    author = make_author(short_bio=LONG_STANDFIRST)
    for url in [section.get_absolute_url(), author.get_absolute_url()]:
        tags = meta(head_of(client, url))
        (description,) = set(tags["description"] + tags["og:description"])
        assert cut_on_a_word(description, LONG_STANDFIRST), (url, description)


@pytest.mark.parametrize(
    ("site_language", "edition", "locale"),
    [("en", "en", "en_US"), ("en-GB", "en", "en_GB"), ("en", "uk", "uk_UA")],
)
def test_og_locale_follows_the_edition(client, settings, site_language, edition, locale):
    """og:locale is the edition's language as language_TERRITORY (SITE_LANGUAGE names the
    default edition's variant), on articles and listings."""
    settings.SITE_LANGUAGE = site_language
    section = make_section(language=edition)
    article = make_article(section=section, language=edition)
    home = "/" if edition == "en" else f"/{edition}/"
    for url in [home, article.get_absolute_url(), section.get_absolute_url()]:
        assert meta(head_of(client, url))["og:locale"] == [locale], url
