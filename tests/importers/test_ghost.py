import pytest
from django.contrib.auth import get_user_model

from articles.models import Article, Section, Tag
from authors.models import Author
from pages.models import Page
from tests import html
from tests.importers.exports import GHOST_1, GHOST_5, media_folder, run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(tmp_path):
    media = media_folder(
        tmp_path / "ghost", "content/images/2026/02/odesa.jpg", "content/images/2026/01/martin.jpg"
    )
    report = run_import(GHOST_5, media=media)
    assert not report.error, report.error
    return report


def body_of(slug):
    return html.parse(f"<html><body>{Article.objects.get(slug=slug).body}</body></html>")


def test_lexical_is_rendered_when_there_is_no_html(imported):
    """Ghost 5's lexical: marks, links, headings in range, lists, image and embed cards."""
    body = body_of("drones-downed-odesa")
    paragraph = html.elements(body, "//p")[0]
    assert html.text(paragraph) == "Air defence shot down twelve drones. Read the report"
    assert html.text(html.element(paragraph, "./strong")) == "shot down"
    assert html.element(paragraph, "./a").get("href") == "https://mod.example/report"
    assert html.text(html.element(body, "//h2")) == "Where they struck"
    assert [html.text(li) for li in html.elements(body, "//ul/li")] == ["Kyiv", "Odesa"]
    image = html.element(body, "//figure[@class='image']/img")
    assert image.get("src") == "/content/images/2026/02/debris.jpg"
    assert image.get("alt") == "Drone debris on a street"
    assert html.element(body, "//oembed").get("url") == "https://www.youtube.com/watch?v=abc123"
    assert html.text(html.element(body, "//blockquote")) == "We held."


def test_mobiledoc_is_rendered_when_there_is_no_html(imported):
    """Ghost 1-4's mobiledoc: markers with links and soft returns, lists, cards; the HTML
    card goes through the sanitiser; an unknown card is reported."""
    body = body_of("osce-shelling")
    first = html.elements(body, "//p")[0]
    assert html.element(first, "./a").get("href") == "https://osce.example"
    assert html.elements(first, "./br")
    assert [html.text(li) for li in html.elements(body, "//ol/li")] == ["First", "Second"]
    figure = html.element(body, "//figure[@class='image']")
    assert html.text(figure) == "The front line"
    assert html.elements(body, "//hr")
    stored = Article.objects.get(slug="osce-shelling").body
    assert "From the <b>archive</b>." in stored
    assert "<script" not in stored
    assert any("its unknown-widget card is not shown" in line for line in imported.lines)


def test_html_is_used_with_ghost_urls_relative_and_cards_in_our_markup(imported):
    """Ghost's html wins over its editor source; __GHOST_URL__ links become site-relative,
    image cards our image figures, a YouTube iframe a media embed, a code block a paragraph."""
    body = body_of("grain-corridor")
    assert html.element(body, "//p/a").get("href") == "/tag/odesa/"
    figure = html.element(body, "//figure[@class='image']")
    assert html.element(figure, "./img").get("alt") == "A grain ship"
    assert html.text(figure) == "The first ship"
    assert html.element(body, "//figure[@class='media']/oembed").get("url") == (
        "https://www.youtube.com/embed/E5yFcdPAGv0?feature=oembed"
    )
    assert "route: Odesa" in html.text(body)
    assert not html.elements(body, "//iframe")


def test_multiple_authors_keep_their_order_and_get_no_login(imported):
    """posts_authors' sort order is the byline order; Ghost's password hashes never arrive."""
    article = Article.objects.get(slug="drones-downed-odesa")
    assert [b.author.name for b in article.bylines.all()] == ["Anna Myroniuk", "Martin Fornusek"]
    martin = Author.objects.get(slug="martin")
    assert martin.short_bio == "Reporter covering defence."
    assert martin.location == "Kyiv"
    assert martin.website == "https://martin.example"
    assert martin.user is None
    assert martin.photo.file.name.startswith("authors/")  # into the media library
    assert martin.photo.alt_text == "Martin Fornusek"
    assert martin.email == ""
    assert get_user_model().objects.count() == 0


def test_the_primary_tag_is_the_section_and_internal_tags_stay_out(imported):
    """A post's first tag is its section; every public tag is a tag; #internal tags are dropped."""
    article = Article.objects.get(slug="drones-downed-odesa")
    assert article.section.name == "Odesa"
    assert list(article.tags.values_list("name", flat=True)) == ["Odesa", "War"]
    assert not Tag.objects.filter(name__startswith="#").exists()
    assert Article.objects.get(slug="osce-shelling").section.name == "War"
    assert Section.objects.filter(name="News").exists()  # the untagged post's section


def test_states_and_visibility(imported):
    """Scheduled stays scheduled; drafts and paid-members posts never become public."""
    assert Article.objects.get(slug="grain-corridor").is_scheduled
    assert Article.objects.get(slug="investigation").status == "draft"
    assert Article.objects.get(slug="sources").status == "draft"
    assert set(Article.objects.published().values_list("slug", flat=True)) == {
        "drones-downed-odesa",
        "osce-shelling",
    }
    assert any("paid members only" in line for line in imported.lines)


def test_feature_image_alt_caption_and_seo_come_from_posts_meta(imported):
    """posts_meta gives the hero's alt text and caption (as plain text) and the SEO fields."""
    article = Article.objects.get(slug="drones-downed-odesa")
    assert article.hero_image
    assert article.hero_alt == "Smoke over the port"
    assert article.hero_caption == "Odesa at dawn"
    assert article.seo_title == "Odesa drones: twelve downed"
    assert article.seo_description == "Air defence shot down twelve drones over Odesa."
    assert article.standfirst == "A night of attacks."
    assert Article.objects.get(slug="osce-shelling").canonical_url == "https://osce.example/report"


def test_pages_become_site_pages(imported):
    """Ghost's pages are site pages, not articles."""
    assert Page.objects.get(slug="about").is_published
    assert not Article.objects.filter(slug="about").exists()


def test_running_the_import_again_changes_nothing(imported, tmp_path):
    """A second run of the same file reports everything unchanged and saves nothing."""
    versions = list(Article.objects.order_by("pk").values_list("pk", "version"))
    media = media_folder(
        tmp_path / "ghost", "content/images/2026/02/odesa.jpg", "content/images/2026/01/martin.jpg"
    )
    report = run_import(GHOST_5, media=media)
    assert {outcome for outcome, _kind in report.counts} == {"unchanged"}
    assert list(Article.objects.order_by("pk").values_list("pk", "version")) == versions


def test_a_ghost_1_export(tmp_path):
    """Ghost 1: the page flag, author_id instead of posts_authors, SEO fields on the post,
    html preferred over mobiledoc's markdown card."""
    report = run_import(GHOST_1)
    assert not report.error, report.error
    article = Article.objects.get(slug="welcome")
    assert [b.author.name for b in article.bylines.all()] == ["Ghost Owner"]
    assert article.seo_title == "Welcome"
    assert article.seo_description == "The first post"
    assert article.section.name == "Getting Started"
    assert "<strong>world</strong>" in article.body
    assert Page.objects.get(slug="contact").is_published
    assert any("welcome.png" in line for line in report.lines)
