"""Cached pieces of reader pages: shared between pages, never stale, optional.

The page cache is off in these tests (as for every test but its own), so each
request renders its page again from the cached pieces.
"""

import shutil
from datetime import timedelta

import pytest
from django.db import connection
from django.template.autoreload import reset_loaders
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import services
from caching import versions
from tests.factories import make_article, make_author, make_section, make_staff, make_tag
from tests.live.factories import make_live_story
from tests.readership.test_beacon import beacon

pytestmark = pytest.mark.django_db


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        page(client, url)
    return len(queries)


def test_cards_made_for_one_page_serve_the_others(client):
    """The news feed renders its cards on its first visit; a section page reuses them."""
    section = make_section()
    for _ in range(5):
        make_article(section=section)
    first = queries_for(client, "/news-feed/")
    assert queries_for(client, "/news-feed/") < first
    # Its first visit already finds every card: it runs as many queries as its second,
    # and none of them loads articles to render cards.
    url = section.get_absolute_url()
    with CaptureQueriesContext(connection) as first_visit:
        page(client, url)
    assert len(first_visit) == queries_for(client, url)
    assert not [query for query in first_visit if '"articles_article"."id" IN (' in query["sql"]]


def test_an_edit_shows_on_every_page_at_once(client):
    """Saving an article makes a new version: its card and page are made anew."""
    article = make_article(title="First headline", standfirst="First standfirst")
    for url in ("/", "/news-feed/", article.get_absolute_url()):
        assert "First headline" in page(client, url)
    article.title = "Second headline"
    article.save()
    for url in ("/", "/news-feed/", article.get_absolute_url()):
        html = page(client, url)
        assert "Second headline" in html
        assert "First headline" not in html


def test_an_edit_shows_at_once_in_read_more_and_most_popular_of_other_articles(client):
    """Read more and Most Popular are kept with what their items show (their headlines): a
    new headline, or a story going live, shows on the other articles' pages on the next
    request."""
    section = make_section()
    article = make_article(section=section, title="The page being read")
    other = make_article(section=section, title="First headline")
    assert beacon(client, other.pk).status_code == 204
    html = page(client, article.get_absolute_url())
    # Once in Read more, once in each window of Most Popular.
    assert html.count("First headline") == 3
    other.title = "Second headline"
    other.save()
    html = page(client, article.get_absolute_url())
    assert html.count("Second headline") == 3
    assert "First headline" not in html
    make_live_story(article=other)
    assert 'class="label label--live"' in page(client, article.get_absolute_url())


def test_renaming_an_author_section_or_tag_shows_at_once(client):
    """What pieces show besides their article makes all pieces new when it changes."""
    author, section, tag = (
        make_author(name="Olena Old"),
        make_section(name="Oldsection"),
        make_tag(),
    )
    article = make_article(authors=[author], section=section, tags=[tag])
    html = page(client, article.get_absolute_url())
    assert "Olena Old" in html
    assert "Oldsection" in html
    author.name, section.name, tag.name = "Olena New", "Newsection", "Newtag"
    author.save()
    section.save()
    tag.save()
    html = page(client, article.get_absolute_url())
    assert "Olena New" in html
    assert "Newsection" in html
    assert "Newtag" in html
    assert "Olena Old" not in html
    assert "Oldsection" not in html
    assert "Newsection" in page(client, "/")  # the lead story's section and the navigation


def test_tags_and_corrections_show_at_once(client):
    article = make_article()
    page(client, article.get_absolute_url())
    article.tags.add(make_tag(name="Freshly tagged"))
    assert "Freshly tagged" in page(client, article.get_absolute_url())
    editor = make_staff(role="Editors")
    services.correction_add(article=article, by=editor, text="The bridge is in Kherson.")
    assert "The bridge is in Kherson." in page(client, article.get_absolute_url())


def test_an_unpublished_article_leaves_every_page_at_once(client):
    article = make_article(title="Soon withdrawn")
    other = make_article()
    for url in ("/news-feed/", "/", other.get_absolute_url(), article.get_absolute_url()):
        assert "Soon withdrawn" in page(client, url)
    article.status = article.Status.DRAFT
    article.save()
    for url in ("/news-feed/", "/", other.get_absolute_url()):
        assert "Soon withdrawn" not in page(client, url)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_scheduled_article_appears_on_time_in_every_list(client, time_machine):
    """Lists kept for the content version end at the next scheduled publish time."""
    time_machine.move_to(timezone.now(), tick=False)
    moment = timezone.now() + timedelta(minutes=1)
    other = make_article(title="Earlier story")
    scheduled = make_article(title="Scheduled story", publish_at=moment)
    urls = ("/", "/news-feed/", other.get_absolute_url())
    for url in urls:
        assert "Scheduled story" not in page(client, url)
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    time_machine.move_to(moment - timedelta(seconds=1), tick=False)
    for url in urls:
        assert "Scheduled story" not in page(client, url)
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    time_machine.move_to(moment + timedelta(milliseconds=100), tick=False)
    for url in urls:
        assert "Scheduled story" in page(client, url)
    assert "Scheduled story" in page(client, scheduled.get_absolute_url())


def test_pieces_can_be_switched_off(client, settings):
    """FRAGMENT_CACHE_ENABLED=0: every request renders everything from the database."""
    settings.FRAGMENT_CACHE_ENABLED = False
    article = make_article()
    first = queries_for(client, article.get_absolute_url())
    assert queries_for(client, article.get_absolute_url()) == first
    # Switched on again, a repeat visit finds its pieces and runs fewer queries.
    settings.FRAGMENT_CACHE_ENABLED = True
    page(client, article.get_absolute_url())
    assert queries_for(client, article.get_absolute_url()) < first


def test_pages_are_rendered_when_the_cache_server_is_down(client, settings, caplog):
    """With Redis unreachable, pieces are rendered from the database and the error logged."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    article = make_article(title="Rendered without a cache", authors=[make_author(name="Ivan")])
    for url in ("/", "/news-feed/", article.get_absolute_url()):
        assert "Rendered without a cache" in page(client, url)
    assert "Ivan" in page(client, article.get_absolute_url())
    assert "cache unavailable, rendering from the database" in caplog.text


def copy_of_the_sources(settings, tmp_path):
    """The templates and apps copied to tmp_path, and the settings pointed at the copy."""
    copies = []
    for folder in settings.RENDERING_SOURCES:
        copy = tmp_path / folder.name
        shutil.copytree(folder, copy)
        copies.append(copy)
    settings.RENDERING_SOURCES = copies
    return tmp_path


def test_new_templates_or_code_make_new_keys(settings, tmp_path):
    """A deploy that changes a template never serves pieces the old one made."""
    settings.CACHE_CODE_STAMP_PER_REQUEST = False
    root = copy_of_the_sources(settings, tmp_path)
    versions._stamp_of_contents.cache_clear()
    try:
        before = versions.code_stamp()
        article = root / "templates" / "articles" / "article_main.html"
        article.write_text(article.read_text() + "<!-- changed -->")
        versions._stamp_of_contents.cache_clear()
        assert versions.code_stamp() != before
    finally:
        versions._stamp_of_contents.cache_clear()


def test_in_development_an_edited_template_shows_on_the_next_request(
    client, settings, tmp_path, page_cache
):
    """Under make run the stamp follows the files, so an edited piece (the header) shows at once.

    runserver does not restart for a template; its file watcher only resets the
    template loaders (reset_loaders), as this test does.
    """
    settings.CACHE_CODE_STAMP_PER_REQUEST = True
    root = copy_of_the_sources(settings, tmp_path)
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [root / "templates"]}]
    make_article(title="A story with a card")
    assert "edited-header" not in page(client, "/news-feed/")
    header = root / "templates" / "includes" / "site_header.html"
    header.write_text(header.read_text().replace("site-nav__list", "site-nav__list edited-header"))
    reset_loaders()
    assert "edited-header" in page(client, "/news-feed/")
