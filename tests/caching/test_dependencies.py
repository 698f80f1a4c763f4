"""A change drops only the cached pages that show the changed thing (caching/dependencies.py).

An article's page shows its article exactly: fresh on the next request. Lists of
the latest items (home, news feed, listings) may lag PAGE_CACHE_LAG_SECONDS behind
a change; the lists beside an article on its page (Read more, Most Popular),
PAGE_CACHE_ASIDE_LAG_SECONDS.
"""

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.cache import cache
from django.utils import timezone

from caching import keys, watched
from pages.models import Page
from readership.counting import hour_of
from readership.models import HourlyViews
from tests.factories import make_article, make_author, make_section

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    return time_machine


def outcome(client, url) -> str:
    return client.get(url)["X-Page-Cache"]


def past_the_lag(frozen, settings):
    frozen.shift(timedelta(seconds=settings.PAGE_CACHE_LAG_SECONDS))


def old_article_and_newer_ones(count=8):
    """An old article and `count` newer ones in another section: their Read more is full
    of each other, so none of their pages shows the old article."""
    now = timezone.now()
    old = make_article(title="An old story", publish_at=now - timedelta(days=30))
    section = make_section()
    newer = [
        make_article(section=section, publish_at=now - timedelta(minutes=number + 1))
        for number in range(count)
    ]
    return old, newer


def test_an_edit_drops_its_page_at_once_lists_later_and_leaves_other_pages(
    client, frozen, settings
):
    """Editing an old article's headline: its page at once, the news feed after the lag,
    another article's page (which does not show it) not at all."""
    old, newer = old_article_and_newer_ones()
    pages = [old.get_absolute_url(), newer[0].get_absolute_url(), "/news-feed/"]
    for url in pages:
        assert outcome(client, url) == "miss"
    old.title = "An old story, corrected"
    old.save()
    fresh = client.get(old.get_absolute_url())
    assert fresh["X-Page-Cache"] == "miss"
    assert b"An old story, corrected" in fresh.content
    assert outcome(client, newer[0].get_absolute_url()) == "hit"
    assert outcome(client, "/news-feed/") == "hit"  # lagging, within the lag
    past_the_lag(frozen, settings)
    assert outcome(client, newer[0].get_absolute_url()) == "hit"
    listed = client.get("/news-feed/")
    assert listed["X-Page-Cache"] == "miss"
    assert b"An old story, corrected" in listed.content


def test_other_articles_pages_show_an_edited_headline_in_read_more_after_the_longer_lag(
    client, frozen, settings
):
    """The newest headline edited: its own page at once, the news feed after the listings'
    lag, another article's page (its Read more shows it) only after the asides' lag. The
    news feed uses the card that page made, and the card brings no rule of its own."""
    older = make_article(title="An older story", publish_at=timezone.now() - timedelta(hours=1))
    newest = make_article(title="The newest story")
    page = older.get_absolute_url()
    assert b"The newest story" in client.get(page).content
    assert outcome(client, "/news-feed/") == "miss"
    newest.title = "The newest story, updated"
    newest.save()
    assert b"updated" in client.get(newest.get_absolute_url()).content
    past_the_lag(frozen, settings)
    assert b"The newest story, updated" in client.get("/news-feed/").content
    kept = client.get(page)
    assert kept["X-Page-Cache"] == "hit"
    assert b"The newest story, updated" not in kept.content
    frozen.shift(
        timedelta(seconds=settings.PAGE_CACHE_ASIDE_LAG_SECONDS - settings.PAGE_CACHE_LAG_SECONDS)
    )
    renewed = client.get(page)
    assert renewed["X-Page-Cache"] == "miss"
    assert b"The newest story, updated" in renewed.content


def test_the_stricter_rule_counts_where_two_blocks_show_one_article(client, frozen, settings):
    """The home page shows the article in its feed (the listings' lag) and in Most Popular
    (the asides' lag): it shows the edit after the shorter one."""
    article = make_article(title="A read story")
    HourlyViews.objects.create(article=article, hour=hour_of(timezone.now()), views=9)
    home = client.get("/")
    assert home.content.count(b"A read story") >= 2
    assert b'class="most-popular"' in home.content
    article.title = "A read story, updated"
    article.save()
    assert outcome(client, "/") == "hit"
    past_the_lag(frozen, settings)
    renewed = client.get("/")
    assert renewed["X-Page-Cache"] == "miss"
    assert b"A read story, updated" in renewed.content


def test_renaming_an_author_drops_the_pages_of_their_articles_only(client, frozen):
    """An author's name is on their articles' pages and their author page, nowhere else."""
    author = make_author(name="Olena Old")
    theirs = make_article(authors=[author])
    other = make_article(authors=[make_author()], publish_at=timezone.now() - timedelta(days=9))
    urls = [theirs.get_absolute_url(), author.get_absolute_url(), other.get_absolute_url()]
    for url in urls:
        client.get(url)
    author.name = "Olena New"
    author.save()
    for url in urls[:2]:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert b"Olena New" in response.content
    assert outcome(client, other.get_absolute_url()) == "hit"


def test_publishing_drops_the_404_at_its_address_at_once_and_lists_after_the_lag(
    client, frozen, settings
):
    """A 404 shows the latest items exactly; the news feed shows them lagging."""
    make_article(title="Already out")
    draft = make_article(title="Coming soon", status="draft")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert outcome(client, draft.get_absolute_url()) == "hit"
    assert b"Coming soon" not in client.get("/news-feed/").content
    draft.status = "published"
    draft.publish_at = timezone.now()
    draft.save()
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert b"Coming soon" not in client.get("/news-feed/").content
    past_the_lag(frozen, settings)
    assert b"Coming soon" in client.get("/news-feed/").content


def test_a_lagging_page_is_served_stale_while_another_process_renders_it(client, frozen, settings):
    """Past the lag, one request renders the page again; meanwhile the others get it stale."""
    first = make_article()
    client.get("/news-feed/")
    make_article(title="Newer story", section=first.section)
    past_the_lag(frozen, settings)
    key = next(key for key in cache._cache if "page:" in key and "/news-feed/" in key)
    cache.add(keys.rendering(key.split(":", 2)[2]), 1)  # another process is rendering it
    stale = client.get("/news-feed/")
    assert stale["X-Page-Cache"] == "stale"
    assert b"Newer story" not in stale.content
    cache.delete(keys.rendering(key.split(":", 2)[2]))
    fresh = client.get("/news-feed/")
    assert fresh["X-Page-Cache"] == "miss"
    assert b"Newer story" in fresh.content
    assert outcome(client, "/news-feed/") == "hit"


def test_reader_pages_name_what_they_show_for_a_cdn(client):
    """Surrogate-Key (Fastly, Varnish) and Cache-Tag (Cloudflare) list the page's tags."""
    author = make_author()
    article = make_article(authors=[author])
    for url, tag in ((article.get_absolute_url(), keys.shown(article)),
                     (author.get_absolute_url(), keys.shown(author))):  # fmt: skip
        for response in (client.get(url), client.get(url)):  # a miss, then a hit
            surrogate = response["Surrogate-Key"].split(" ")
            assert tag in surrogate
            assert {keys.EVERYTHING, keys.LATEST} <= set(surrogate)
            assert response["Cache-Tag"].split(",") == surrogate


PURGED: list[list[str]] = []


def record_purge(tags):
    PURGED.append(tags)


def test_the_purge_hook_gets_the_changed_tags_once_committed(
    settings, django_capture_on_commit_callbacks
):
    """CACHE_PURGE naming a callable: it is called with the tags when the change commits."""
    settings.CACHE_PURGE = f"{__name__}.record_purge"
    PURGED.clear()
    article = make_article(title="Before")
    PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "After"
        article.save()
        assert PURGED == []
    assert [[keys.shown(article)]] == PURGED


def test_the_purge_hook_posts_the_tags_to_a_url(settings, django_capture_on_commit_callbacks):
    """CACHE_PURGE naming a URL: the tags are POSTed to it as JSON."""
    received = []

    class Purger(BaseHTTPRequestHandler):
        def do_POST(self):
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Purger)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        settings.CACHE_PURGE = f"http://127.0.0.1:{server.server_port}/purge"
        author = make_author()
        with django_capture_on_commit_callbacks(execute=True):
            author.name = "Renamed"
            author.save()
    finally:
        server.shutdown()
        server.server_close()
    assert received == [{"tags": [keys.shown(author)]}]


def test_a_failing_purge_is_logged_and_changes_nothing(settings, caplog, client):
    """A CDN that cannot be reached: the edit is saved, the error logged."""
    settings.CACHE_PURGE = "http://127.0.0.1:1/purge"
    article = make_article()
    article.title = "Saved anyway"
    watched.purge.purge({keys.shown(article)})
    assert "purging article-" in caplog.text


def test_a_site_page_drops_its_own_page_and_its_footer_link_after_the_lag(client, frozen, settings):
    """A site page's text: its page at once, no other page. Its title, in every footer:
    the other pages too, once they are older than the lag."""
    page = Page.objects.create(title="About us", slug="about", is_published=True, body="Old")
    article = make_article()
    for url in (page.get_absolute_url(), article.get_absolute_url()):
        assert outcome(client, url) == "miss"
    page.body = "<p>New text</p>"
    page.save()
    assert b"New text" in client.get(page.get_absolute_url()).content
    past_the_lag(frozen, settings)
    assert outcome(client, article.get_absolute_url()) == "hit"
    page.title = "Who we are"
    page.save()  # the article's page is older than the lag already: rendered again
    assert b"Who we are" in client.get(article.get_absolute_url()).content


def test_a_pin_drops_the_pages_that_show_pins_only(client, frozen, settings):
    """A new pin: the home page and the section pages after the lag; an article page not."""
    from curation.models import Pin

    article = make_article(publish_at=timezone.now() - timedelta(days=3))
    for url in ("/", article.section.get_absolute_url(), article.get_absolute_url()):
        assert outcome(client, url) == "miss"
    Pin.objects.create(placement=Pin.Placement.LEAD, article=article)
    past_the_lag(frozen, settings)
    assert outcome(client, "/") == "miss"
    assert outcome(client, article.section.get_absolute_url()) == "miss"
    assert outcome(client, article.get_absolute_url()) == "hit"


def test_a_newsletter_renamed_shows_in_the_signup_form(client, frozen, settings):
    """The sign-up form on every page lists the public newsletters; it is beside the page's
    own subject, so a new name may lag as Read more does."""
    from newsletters.models import Newsletter

    newsletter = Newsletter.objects.create(name="Morning Brief", slug="morning", is_public=True)
    article = make_article()
    assert b"Morning Brief" in client.get(article.get_absolute_url()).content
    newsletter.name = "Evening Brief"
    newsletter.save()
    frozen.shift(timedelta(seconds=settings.PAGE_CACHE_ASIDE_LAG_SECONDS - 1))
    assert b"Morning Brief" in client.get(article.get_absolute_url()).content
    frozen.shift(timedelta(seconds=1))
    assert b"Evening Brief" in client.get(article.get_absolute_url()).content


def test_an_app_watches_its_own_model_with_watch(client, monkeypatch):
    """watch(label, drops=...) from an app's ready(): a change stamps what it drops."""
    from django.db.models.signals import post_delete, post_save, pre_save

    from readership.models import HourlyViews

    monkeypatch.setattr(watched, "WATCHED", dict(watched.WATCHED))
    watched.watch("readership.HourlyViews", drops=lambda row: ["most-read"], listed_by=())
    try:
        article = make_article()
        before = cache.get(keys.shown_at("most-read"))
        HourlyViews.objects.create(article=article, hour=timezone.now(), views=1)
        assert cache.get(keys.shown_at("most-read")) != before
    finally:
        label = "readership.HourlyViews"
        post_save.disconnect(dispatch_uid=f"shown-save-{label}", sender=HourlyViews)
        post_delete.disconnect(dispatch_uid=f"shown-delete-{label}", sender=HourlyViews)
        pre_save.disconnect(dispatch_uid=f"listed-{label}", sender=HourlyViews)


def test_a_sent_issue_shows_in_its_cached_archive_and_its_stories_headlines_follow(
    client, frozen, settings
):
    """An issue sent: its newsletter's archive at once. A story's new headline: the issue's
    page after the lag (it lists the story)."""
    from newsletters.models import Issue
    from tests.factories import make_issue

    story = make_article(title="Old headline")
    issue = make_issue(articles=[story], subject="Morning issue")
    archive = f"/newsletters/{issue.newsletter.slug}/"
    assert b"Morning issue" not in client.get(archive).content
    issue.status = Issue.Status.SENT
    issue.save()
    assert b"Morning issue" in client.get(archive).content
    page = f"{archive}{issue.date.isoformat()}/"
    assert b"Old headline" in client.get(page).content
    story.title = "New headline"
    story.save()
    past_the_lag(frozen, settings)
    assert b"New headline" in client.get(page).content
