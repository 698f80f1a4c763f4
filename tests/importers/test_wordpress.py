import pytest
from django.contrib.auth import get_user_model
from PIL import Image

from articles.models import Article, Section, Tag
from authors.models import Author
from importers.models import ImportedItem
from pages.models import Page
from tests import html
from tests.importers.exports import WORDPRESS, media_folder, run_import

pytestmark = pytest.mark.django_db

UPLOADS = "wp-content/uploads/2026/02/"


@pytest.fixture
def imported(tmp_path):
    media = media_folder(tmp_path / "uploads", UPLOADS + "substation.jpg")
    report = run_import(WORDPRESS, media=media)
    assert not report.error, report.error
    return report


def body_of(slug):
    return html.parse(f"<html><body>{Article.objects.get(slug=slug).body}</body></html>")


def test_posts_of_every_state_come_across_and_only_public_ones_are_public(imported):
    """publish and future are published (the future one scheduled); pending is in review;
    draft, private and password-protected posts are drafts that no reader sees."""
    states = dict(Article.objects.values_list("title", "status"))
    assert states == {
        "Kyiv restores power to 40,000 homes": "published",
        "NATO envoy arrives": "published",
        "Budget vote next month": "published",
        "Draft: metro extension": "draft",
        "Pending: bridge repairs": "review",
        "Private: sources list": "draft",
        "Members: the full interview": "draft",
    }
    public = set(Article.objects.published().values_list("title", flat=True))
    assert public == {"Kyiv restores power to 40,000 homes", "NATO envoy arrives"}
    assert Article.objects.get(title="Budget vote next month").is_scheduled
    assert any("password-protected" in line for line in imported.lines)
    assert any("private in WordPress" in line for line in imported.lines)


def test_titles_and_standfirsts_are_plain_text(imported):
    """HTML in a title or an excerpt is dropped; the excerpt becomes the standfirst."""
    article = Article.objects.get(slug="kyiv-restores-power")
    assert article.title == "Kyiv restores power to 40,000 homes"
    assert article.standfirst == "Crews restored power overnight."


def test_bylines_follow_co_authors_plus_order_with_guest_authors_and_no_logins(imported):
    """Co-Authors Plus bylines keep their order, the guest author included; nobody gets a login
    and private addresses stay private."""
    article = Article.objects.get(slug="kyiv-restores-power")
    names = [byline.author.name for byline in article.bylines.order_by("position")]
    assert names == ["Taras Shevchuk", "Iryna Bondar", "Olena Kovalenko"]
    guest = Author.objects.get(name="Iryna Bondar")
    assert guest.short_bio == "Freelance photographer in Kharkiv."
    assert Author.objects.filter(user__isnull=False).count() == 0
    assert get_user_model().objects.count() == 0
    assert set(Author.objects.values_list("email", flat=True)) == {""}
    single = Article.objects.get(slug="nato-envoy-arrives")
    assert [b.author.name for b in single.bylines.all()] == ["Taras Shevchuk"]


def test_categories_become_sections_and_tags_stay_tags(imported):
    """A post's first category is its section; WordPress tags are tags."""
    assert Article.objects.get(slug="nato-envoy-arrives").section.name == "Europe"
    assert Article.objects.get(slug="kyiv-restores-power").section.name == "Ukraine"
    assert Section.objects.get(slug="ukraine").description == "News from across the country"
    assert list(
        Article.objects.get(slug="kyiv-restores-power").tags.values_list("name", flat=True)
    ) == ["Energy"]
    assert Article.objects.get(title="Draft: metro extension").section.name == "News"


def test_categories_can_become_tags_instead(tmp_path):
    """With sections_from="none" every term is a tag and posts go to the default section."""
    run_import(WORDPRESS, sections_from="none", default_section="Archive")
    article = Article.objects.get(slug="nato-envoy-arrives")
    assert article.section.name == "Archive"
    assert set(article.tags.values_list("name", flat=True)) == {"Europe", "Ukraine", "NATO", "Київ"}
    assert not Section.objects.filter(name="Europe").exists()


def test_shortcodes_become_figures_and_embeds(imported):
    """[caption] is a figure with its caption, [embed] and a lone YouTube line are media
    embeds, [gallery] lists its attachments, [video] of a file is a link."""
    body = body_of("kyiv-restores-power")
    figures = html.elements(body, "//figure[@class='image']")
    assert [html.text(f) for f in figures] == [
        "Crews at the Darnytsia substation",
        "Crews at the Darnytsia substation",
        "Linemen on the night shift",
    ]
    embeds = [e.get("url") for e in html.elements(body, "//figure[@class='media']/oembed")]
    assert embeds == ["https://www.youtube.com/watch?v=SQEQr7c0-dw", "https://vimeo.com/76979871"]
    # Readers see a link to the video until something turns <oembed> into a player.
    links = [a.get("href") for a in html.elements(body, "//figure[@class='media']/oembed/a")]
    assert links == embeds
    link = html.element(body, "//a[contains(@href, 'briefing.mp4')]")
    assert link.get("href").endswith("/2026/02/briefing.mp4")
    assert "[caption" not in html.text(body)
    assert "[gallery" not in html.text(body)


def test_line_breaks_become_paragraphs_and_scripts_are_removed(imported):
    """Classic content gets wpautop's paragraphs; the sanitiser drops scripts and handlers."""
    body = body_of("kyiv-restores-power")
    first = html.elements(body, "//p")[0]
    assert html.text(first) == "Engineers worked through the night. They restored power by morning."
    assert html.elements(first, "./br")
    stored = Article.objects.get(slug="kyiv-restores-power").body
    assert "<script" not in stored
    assert "onclick" not in stored
    assert "stolen" not in stored
    assert "The city thanked them." in html.text(body)


def test_block_editor_comments_are_removed_and_headings_fit_the_body(imported):
    """<!-- wp:... --> comments go, an h1 becomes h2, the embed block is a media embed."""
    article = Article.objects.get(slug="nato-envoy-arrives")
    assert "wp:" not in article.body
    body = body_of("nato-envoy-arrives")
    assert html.text(html.element(body, "//h2")) == "What was agreed"
    assert html.element(body, "//oembed").get("url") == "https://www.youtube.com/watch?v=abc123"


def test_feature_image_is_checked_stored_without_metadata_and_described(imported, media_root):
    """The attachment's file from the media folder becomes the hero image, re-encoded
    without EXIF, with the attachment's alt text and caption."""
    article = Article.objects.get(slug="kyiv-restores-power")
    assert article.hero_image.name.startswith("articles/2026/")
    assert article.hero_alt == "A repaired substation"
    assert (article.hero_width, article.hero_height) == (1200, 800)
    assert article.hero_caption == "Crews at the Darnytsia substation"
    with Image.open(article.hero_image.path) as stored:
        assert stored.size == (1200, 800)
        assert not stored.getexif()
    assert article.hero_renditions


def test_body_images_found_in_the_media_folder_are_stored_here(imported):
    """An <img> whose file is in the media folder points at our stored copy; one that is
    missing is reported and keeps its address."""
    body = body_of("kyiv-restores-power")
    sources = [img.get("src") for img in html.elements(body, "//img")]
    assert sources[0].startswith("/media/body/")
    assert sources[2] == "https://kyiv-evening.example/" + UPLOADS + "linemen.png"
    assert any(
        "linemen.png" in line and "not in the media folder" in line for line in imported.lines
    )


def test_a_missing_feature_image_is_reported_not_fatal():
    """Without a media folder the post comes in without its hero image, and the report says so."""
    report = run_import(WORDPRESS)
    assert not report.error
    article = Article.objects.get(slug="kyiv-restores-power")
    assert not article.hero_image
    assert not article.hero_alt
    assert any("substation.jpg" in line and "no media folder" in line for line in report.lines)


def test_seo_fields_come_from_the_seo_plugin(imported):
    """Yoast's title, description and canonical address fill the article's SEO fields."""
    article = Article.objects.get(slug="kyiv-restores-power")
    assert article.seo_title == "Power back for 40,000 Kyiv homes"
    assert article.seo_description == "Engineers restored electricity overnight after the strike."
    assert article.canonical_url == "https://partner.example/kyiv-power"


def test_dates_are_taken_in_utc(imported):
    """post_date_gmt is the publish time; a draft without one keeps its local date."""
    article = Article.objects.get(slug="kyiv-restores-power")
    assert article.publish_at.isoformat() == "2026-02-01T08:30:00+00:00"
    assert article.first_published_at == article.publish_at


def test_pages_become_site_pages_published_as_they_were(imported):
    """About and Contact are site pages; nav menu items and attachments are not posts."""
    about = Page.objects.get(slug="about-us")
    assert about.is_published
    assert about.title == "About us"
    assert about.seo_description == "Who we are and how we work."
    assert html.text(html.parse(f"<html><body>{about.body}</body></html>")) == (
        "We report from Kyiv. Founded in 2009."
    )
    assert Page.objects.get(slug="contact").is_published
    assert Article.objects.count() == 7
    assert not Article.objects.filter(title__in=["Main menu", "substation"]).exists()


def test_running_the_import_again_changes_nothing(tmp_path):
    """A second run creates nothing, updates nothing and stores no image twice."""
    media = media_folder(tmp_path / "uploads", UPLOADS + "substation.jpg")
    run_import(WORDPRESS, media=media)
    before = {
        "articles": list(Article.objects.order_by("pk").values_list("pk", "version", "hero_image")),
        "authors": Author.objects.count(),
        "sections": Section.objects.count(),
        "tags": Tag.objects.count(),
        "pages": list(Page.objects.values_list("pk", "updated_at")),
        "items": ImportedItem.objects.count(),
    }
    report = run_import(WORDPRESS, media=media)
    after = {
        "articles": list(Article.objects.order_by("pk").values_list("pk", "version", "hero_image")),
        "authors": Author.objects.count(),
        "sections": Section.objects.count(),
        "tags": Tag.objects.count(),
        "pages": list(Page.objects.values_list("pk", "updated_at")),
        "items": ImportedItem.objects.count(),
    }
    assert after == before
    assert {outcome for outcome, _kind in report.counts} == {"unchanged"}


def test_a_changed_post_is_updated_in_place(tmp_path):
    """When the export changes, the same article is updated: no duplicate."""
    run_import(WORDPRESS)
    article = Article.objects.get(slug="nato-envoy-arrives")
    changed = tmp_path / "changed.xml"
    changed.write_text(
        WORDPRESS.read_text().replace(
            "The envoy met the foreign minister.", "The envoy met the president."
        )
    )
    report = run_import(changed)
    assert report.counts["updated", "post"] == 1
    assert report.counts["unchanged", "post"] == 6
    article.refresh_from_db()
    assert "The envoy met the president." in article.body
    assert Article.objects.filter(title="NATO envoy arrives").count() == 1


def test_an_existing_article_keeps_its_slug_and_the_import_takes_another(imported):
    """A slug already used by the newsroom's own article is not taken over."""
    Article.objects.filter(slug="budget-vote").update(slug="budget-vote-elsewhere")
    ImportedItem.objects.filter(kind="post", source_id="103").delete()
    report = run_import(WORDPRESS)
    assert not report.error
    assert Article.objects.filter(title="Budget vote next month").count() == 2
    assert Article.objects.filter(slug="budget-vote").exists()


def test_dry_run_saves_nothing_and_reports_what_would_happen(tmp_path, media_root):
    """A dry run gives the full report and leaves the database and the media folder as they were."""
    media = media_folder(tmp_path / "uploads", UPLOADS + "substation.jpg")
    report = run_import(WORDPRESS, media=media, dry_run=True)
    assert report.dry_run
    assert not report.error
    assert report.counts["created", "post"] == 7
    assert Article.objects.count() == 0
    assert Author.objects.count() == 0
    assert not ImportedItem.objects.exists()
    assert not list(media_root.rglob("*.jpg"))
    assert "Dry run: nothing was saved." in report.as_text()


def test_two_wordpress_sites_with_the_same_post_ids_are_kept_apart(tmp_path):
    """Post 101 of another site is another article, not an update of this one."""
    run_import(WORDPRESS)
    other = tmp_path / "other-site.xml"
    other.write_text(
        WORDPRESS.read_text()
        .replace("https://kyiv-evening.example", "https://lviv-morning.example")
        .replace("kyiv-restores-power", "lviv-restores-power")
    )
    report = run_import(other)
    assert report.counts["created", "post"] == 7
    assert Article.objects.filter(slug="kyiv-restores-power").exists()
    assert Article.objects.filter(slug="lviv-restores-power").exists()


def test_a_co_author_known_only_by_login_is_still_in_the_byline(tmp_path):
    """A Co-Authors Plus byline the file describes nowhere else becomes an author named by login."""
    olena = '<category domain="author" nicename="cap-olena"><![CDATA[olena]]></category>'
    stringer = '<category domain="author" nicename="cap-stringer"><![CDATA[stringer]]></category>'
    path = tmp_path / "export.xml"
    path.write_text(WORDPRESS.read_text().replace(olena, olena + stringer))
    assert not run_import(path).error
    article = Article.objects.get(slug="kyiv-restores-power")
    assert [b.author.name for b in article.bylines.all()][-1] == "stringer"
