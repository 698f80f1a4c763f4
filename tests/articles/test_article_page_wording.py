"""What the article page says around the article: its meta line, video caption, blocks and links."""

import pytest
from django.urls import reverse

from tests.factories import image_file, make_article, make_author, make_staff
from tests.html import element, elements, parse, text

pytestmark = pytest.mark.django_db

VIDEO = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"


def meta_parts(page) -> list[str]:
    return [text(item) for item in elements(page, "//ul[@class='article__meta']/li")]


def test_video_page_has_no_reading_time_and_no_note_about_the_player(client):
    """A video says neither "1 min read" nor how its player loads; its caption is its own."""
    video = make_article(
        kind="video",
        video_url=VIDEO,
        hero_image=image_file(),
        hero_alt="Poster",
        hero_caption="Anna Belokur in the studio",
    )
    page = parse(client.get(video.get_absolute_url()))
    assert not [part for part in meta_parts(page) if "min read" in part]
    assert text(element(page, "//figure//figcaption")) == "Anna Belokur in the studio"
    assert "outside site" not in text(element(page, "//main"))


def test_article_meta_line_has_time_and_reading_time(client):
    """An article's meta line lists its time and its reading time, nothing empty."""
    article = make_article(body="<p>" + "word " * 300 + "</p>")
    assert meta_parts(parse(client.get(article.get_absolute_url())))[-1] == "2 min read"


def test_undated_draft_preview_has_no_stray_separator(client):
    """A draft with no publish time previews with "N min read" alone, no leading "·"."""
    reporter = make_staff(role="Reporters")
    draft = make_article(status="draft", publish_at=None, authors=[reporter.author])
    client.force_login(reporter)
    page = parse(client.get(reverse("admin:articles_article_preview", args=[draft.pk])))
    assert meta_parts(page) == ["1 min read"]
    assert not text(element(page, "//ul[@class='article__meta']")).startswith("·")


def test_read_more_block_is_titled_read_more_only(client):
    """The block of related items and the latest news is "Read more", not "Read more › News Feed"."""
    article = make_article()
    make_article()
    aside = element(parse(client.get(article.get_absolute_url())), "//aside[@class='read-more']")
    assert text(element(aside, ".//h2")) == "Read more"
    assert elements(aside, ".//a[@href='/news-feed/']") == []


def test_author_box_link_does_not_read_as_the_read_more_heading(client):
    """The author box links "All stories by <name>", not a second "Read more"."""
    author = make_author(name="Olena Marchuk", bio="<p>Reports from Kyiv.</p>")
    article = make_article(authors=[author])
    box = element(parse(client.get(article.get_absolute_url())), "//section[@class='author-box']")
    links = [text(link) for link in elements(box, ".//a")]
    assert links[-1] == "All stories by Olena Marchuk"
    assert "Read more" not in " ".join(links)
