import json
from datetime import datetime, timedelta

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import html
from PIL import Image

from articles.models import Article
from tests.factories import (
    image_file,
    make_article,
    make_author,
    make_newsroom,
    make_section,
    make_tag,
)

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"
HOSTILE = "Tom & Jerry </script><script>alert(1)</script> <!-- say \"hi\" & 'bye'"


def json_ld(page: str) -> dict[str, dict]:
    """The page's JSON-LD things by @type, read the way a browser's HTML parser splits the page."""
    blocks = html.fromstring(page).xpath('//script[@type="application/ld+json"]/text()')
    assert len(blocks) == 1
    document = json.loads(blocks[0])
    assert document["@context"] == "https://schema.org"
    return {thing["@type"]: thing for thing in document["@graph"]}


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def iso_with_zone(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, value
    return parsed


def stored_image_size(url: str) -> tuple[int, int]:
    """Open the file behind a media URL with Pillow and return its real size."""
    path = url.removeprefix(SITE + settings.MEDIA_URL)
    with Image.open(settings.MEDIA_ROOT / path) as image:
        return image.size


@pytest.fixture
def newsroom():
    return make_newsroom()


def test_article_is_a_complete_news_article(client, newsroom):
    """An article's NewsArticle has every property Google asks for, from the entered content."""
    article, reporter = newsroom.article, newsroom.reporter
    things = json_ld(get_page(client, article.get_absolute_url()))
    news = things["NewsArticle"]
    assert news["headline"] == article.title
    # No standfirst: the description is the start of the body.
    assert article.standfirst == ""
    paragraphs = html.fromstring(article.body).xpath("//p")
    assert news["description"].startswith(paragraphs[0].text_content()[:50])
    assert news["url"] == f"{SITE}{article.get_absolute_url()}"
    assert news["mainEntityOfPage"]["@id"] == news["url"]
    assert iso_with_zone(news["datePublished"]) == article.publish_at.replace(microsecond=0)
    assert iso_with_zone(news["dateModified"]) >= iso_with_zone(news["datePublished"])
    (author,) = news["author"]
    assert author == {
        **author,
        "@type": "Person",
        "name": reporter.name,
        "url": f"{SITE}{reporter.get_absolute_url()}",
        "jobTitle": "Reporter",
    }
    publisher = news["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["name"] == "The Kyiv Ledger"
    assert publisher["logo"]["url"] == f"{SITE}/static/img/logo.png"
    assert news["articleSection"] == article.section.name
    assert sorted(news["keywords"]) == sorted(["Transport", "City council"])
    words = sum(len(paragraph.text_content().split()) for paragraph in paragraphs)
    assert words > 200
    assert news["wordCount"] == words
    assert "BreadcrumbList" in things
    assert "VideoObject" not in things


def test_article_images_are_three_real_crops_of_the_hero(client, newsroom):
    """The image list holds 1:1, 4:3 and 16:9 files made from the hero, each of 50,000+ pixels."""
    article = newsroom.article
    images = json_ld(get_page(client, article.get_absolute_url()))["NewsArticle"]["image"]
    ratios = []
    for image in images:
        width, height = stored_image_size(image["url"])
        assert (width, height) == (image["width"], image["height"])
        assert width * height >= 50_000
        ratios.append(round(width / height, 2))
    assert ratios == [1.0, 1.33, 1.78]


def test_crops_under_50000_pixels_are_left_out_of_structured_data(client):
    """A small hero gives no image search engines would refuse; the page falls back to the logo."""
    article = make_article(hero_image=image_file(size=(240, 180)), hero_alt="x")
    assert article.hero_picture.crop("4x3").width == 240  # Stored, but too small to offer.
    page = get_page(client, article.get_absolute_url())
    assert "image" not in json_ld(page)["NewsArticle"]
    (og_image,) = html.fromstring(page).xpath('//meta[@property="og:image"]/@content')
    assert og_image == f"{SITE}/static/img/logo.png"


def test_only_crops_of_50000_pixels_or_more_are_listed(client):
    """From a 300×200 hero the 1:1 crop (200×200: 40,000 pixels) is left out, 4:3 and 16:9 stay."""
    article = make_article(hero_image=image_file(size=(300, 200)), hero_alt="x")
    images = json_ld(get_page(client, article.get_absolute_url()))["NewsArticle"]["image"]
    assert article.hero_picture.crop("1x1").width == 200
    assert [(image["width"], image["height"]) for image in images] == [(266, 200), (300, 169)]
    picture = article.hero_picture
    assert [image["url"] for image in images] == [
        f"{SITE}{picture.crop('4x3').url}",
        f"{SITE}{picture.crop('16x9').url}",
    ]
    for image in images:
        assert stored_image_size(image["url"]) == (image["width"], image["height"])


def test_article_without_a_renditions_record_has_no_image_metadata(client):
    """A hero whose renditions could not be made costs only the image metadata, not the page."""
    article = make_article(hero_image=image_file(size=(1600, 900)), hero_alt="x")
    Article.objects.filter(pk=article.pk).update(hero_renditions={})
    page = get_page(client, article.get_absolute_url())
    assert "image" not in json_ld(page)["NewsArticle"]
    (og_image,) = html.fromstring(page).xpath('//meta[@property="og:image"]/@content')
    assert og_image == f"{SITE}/static/img/logo.png"


def test_video_item_has_a_video_object(client, newsroom):
    """A video item describes its video: name, thumbnails, upload date and player address."""
    video = newsroom.video
    assert video.hero_image  # Its thumbnails are crops of its own hero, not YouTube's.
    things = json_ld(get_page(client, video.get_absolute_url()))
    assert things["NewsArticle"]["headline"] == video.title
    clip = things["VideoObject"]
    assert clip["name"] == video.title
    assert clip["description"]
    assert clip["embedUrl"] == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
    assert iso_with_zone(clip["uploadDate"]) == video.publish_at.replace(microsecond=0)
    assert clip["thumbnailUrl"]
    for url in clip["thumbnailUrl"]:
        width, height = stored_image_size(url)
        assert width * height >= 50_000


def test_video_without_hero_uses_the_provider_thumbnail(client):
    """A YouTube video item with no hero image still has a thumbnail: YouTube's own."""
    video = make_article(kind="video", video_url="https://youtu.be/aqz-KE-bpKQ")
    clip = json_ld(get_page(client, video.get_absolute_url()))["VideoObject"]
    assert clip["thumbnailUrl"] == ["https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg"]
    assert clip["embedUrl"] == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"


def test_every_author_is_a_person_and_corrections_are_correction_comments(client):
    """Co-authors are each a Person with url and jobTitle; each correction is a CorrectionComment."""
    authors = [make_author(name="Ada", role="Reporter"), make_author(name="Bo", role="Editor")]
    article = make_article(
        authors=authors, kind="opinion", corrections=["The date was wrong.", "A name was misspelt."]
    )
    news = json_ld(get_page(client, article.get_absolute_url()))["OpinionNewsArticle"]
    assert [(a["name"], a["jobTitle"], a["url"]) for a in news["author"]] == [
        ("Ada", "Reporter", f"{SITE}{authors[0].get_absolute_url()}"),
        ("Bo", "Editor", f"{SITE}{authors[1].get_absolute_url()}"),
    ]
    assert [c["@type"] for c in news["correction"]] == ["CorrectionComment"] * 2
    assert [c["text"] for c in news["correction"]] == [
        "The date was wrong.",
        "A name was misspelt.",
    ]
    latest = max(iso_with_zone(c["datePublished"]) for c in news["correction"])
    assert iso_with_zone(news["dateModified"]) >= latest


def test_author_page_is_a_profile_page_of_a_person(client, newsroom):
    """An author page carries a ProfilePage whose main entity is the author as a Person."""
    reporter = newsroom.reporter
    url = f"{SITE}{reporter.get_absolute_url()}"
    things = json_ld(get_page(client, reporter.get_absolute_url()))
    profile = things["ProfilePage"]
    person = profile["mainEntity"]
    assert person["@type"] == "Person"
    assert person["name"] == reporter.name
    assert person["jobTitle"] == "Reporter"
    assert person["url"] == url
    assert person["sameAs"] == [f"https://x.com/{reporter.x_handle}"]
    iso_with_zone(profile["dateModified"])
    crumbs = things["BreadcrumbList"]["itemListElement"]
    assert [crumb["item"] for crumb in crumbs] == [f"{SITE}/", url]


def test_breadcrumbs_lead_from_home_through_the_section(client):
    """An article's breadcrumbs go home, section, article; a section page's home, section."""
    section = make_section(name="Europe")
    article = make_article(section=section, title="Summit")
    crumbs = json_ld(get_page(client, article.get_absolute_url()))["BreadcrumbList"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs["itemListElement"]] == [
        (1, "The Kyiv Ledger", f"{SITE}/"),
        (2, "Europe", f"{SITE}{section.get_absolute_url()}"),
        (3, "Summit", f"{SITE}{article.get_absolute_url()}"),
    ]
    crumbs = json_ld(get_page(client, section.get_absolute_url()))["BreadcrumbList"]
    assert [c["name"] for c in crumbs["itemListElement"]] == ["The Kyiv Ledger", "Europe"]


def test_home_page_names_the_newsroom(client, settings):
    """The home page describes the newsroom as a NewsMediaOrganization with its logo and accounts."""
    settings.SITE_X_HANDLE = "KyivLedger"
    settings.SITE_SOCIAL_URLS = ["https://www.facebook.com/KyivLedger"]
    things = json_ld(get_page(client, "/"))
    organization = things["NewsMediaOrganization"]
    assert organization["sameAs"] == [
        "https://x.com/KyivLedger",
        "https://www.facebook.com/KyivLedger",
    ]
    assert (organization["logo"]["width"], organization["logo"]["height"]) == (512, 512)
    assert finders.find("img/logo.png")
    assert things["WebSite"]["url"] == f"{SITE}/"


def test_hostile_text_cannot_leave_the_json_ld_block(client):
    """</script>, <!-- and & typed anywhere stay inside the JSON-LD and read back as typed."""
    author = make_author(name=HOSTILE, role=HOSTILE)
    article = make_article(
        title=HOSTILE,
        standfirst=HOSTILE,
        authors=[author],
        tags=[make_tag(name=HOSTILE)],
        section=make_section(name=HOSTILE),
        corrections=[HOSTILE],
    )
    page = get_page(client, article.get_absolute_url())
    assert "<script>alert(1)" not in page
    assert "<!-- say" not in page
    news = json_ld(page)["NewsArticle"]
    assert news["headline"] == HOSTILE
    assert news["description"] == HOSTILE
    assert news["author"][0]["name"] == HOSTILE
    assert news["keywords"] == [HOSTILE]
    assert news["articleSection"] == HOSTILE
    assert news["correction"][0]["text"] == HOSTILE


def article_page_queries(client, count):
    """Queries run by an article page with `count` authors, tags and corrections."""
    article = make_article(
        authors=[make_author() for _ in range(count)],
        tags=[make_tag() for _ in range(count)],
        corrections=[f"Correction {number}" for number in range(count)],
        hero_image=image_file(size=(1200, 800)),
        hero_alt="x",
        publish_at=timezone.now() - timedelta(hours=1),
    )
    client.get(article.get_absolute_url())  # Crops are made on the first view.
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.get_absolute_url()).status_code == 200
    return len(queries)


def test_metadata_adds_no_queries_per_author_tag_or_correction(client):
    """Meta tags and JSON-LD read what the page prefetched: 1 or 6 bylines, same queries."""
    make_article()  # So that "Read more" lists something for both pages.
    assert article_page_queries(client, 1) == article_page_queries(client, 6)
