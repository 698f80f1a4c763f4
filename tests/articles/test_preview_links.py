from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import ShareLink
from articles.share_tokens import sign_share_link
from tests.factories import make_article_in_state, make_staff

pytestmark = pytest.mark.django_db


def assert_private(response):
    """Preview pages are never indexed nor kept in any cache."""
    assert response["X-Robots-Tag"].startswith("noindex")
    cache_control = response["Cache-Control"]
    for directive in ["no-cache", "no-store", "private"]:
        assert directive in cache_control
    assert b'<meta name="robots" content="noindex, nofollow">' in response.content


@pytest.fixture
def embargoed():
    reporter = make_staff(role="Reporters")
    article = make_article_in_state(
        "review", title="Embargoed budget story", authors=[reporter.author]
    )
    return article, reporter


def test_author_previews_a_draft_as_readers_will_see_it(client, embargoed):
    """The author sees the draft in the reader's template with a preview banner; readers get a 404."""
    article, reporter = embargoed
    client.force_login(reporter)
    response = client.get(reverse("admin:articles_article_preview", args=[article.pk]))
    assert response.status_code == 200
    assert_private(response)
    page = response.content.decode()
    assert '<h1 class="article__title">Embargoed budget story</h1>' in page
    assert "Preview of a in review article" in page
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_share_link_shows_the_article_without_a_login(client, embargoed):
    """A share link made by the author opens the article for anyone, privately."""
    article, reporter = embargoed
    client.force_login(reporter)
    url = reverse("admin:articles_article_share_link_create", args=[article.pk])
    assert client.post(url, {"days": "3", "note": "Partner desk"}).status_code == 302
    link = ShareLink.objects.get()
    assert link.created_by == reporter
    assert timedelta(days=2, hours=23) < link.expires_at - timezone.now() <= timedelta(days=3)
    response = Client().get(link.get_absolute_url())
    assert response.status_code == 200
    assert_private(response)
    assert response["Referrer-Policy"] == "no-referrer"
    assert b"Embargoed budget story" in response.content


def test_share_link_stops_at_its_expiry(embargoed):
    """A link works a second before it expires and is gone (410) a second after."""
    article, reporter = embargoed
    link = services.share_link_create(
        article=article, by=reporter, expires_at=timezone.now() + timedelta(hours=1)
    )
    assert link.is_active(now=link.expires_at - timedelta(seconds=1))
    assert not link.is_active(now=link.expires_at + timedelta(seconds=1))
    assert Client().get(link.get_absolute_url()).status_code == 200
    ShareLink.objects.filter(pk=link.pk).update(
        created_at=timezone.now() - timedelta(days=2),
        expires_at=timezone.now() - timedelta(seconds=1),
    )
    response = Client().get(link.get_absolute_url())
    assert response.status_code == 410
    assert b"Embargoed budget story" not in response.content
    assert_private(response)


def test_revoked_share_link_stops_at_once(client, embargoed):
    """Revoking a link from the admin makes it answer 410 from then on."""
    article, reporter = embargoed
    link = services.share_link_create(
        article=article, by=reporter, expires_at=timezone.now() + timedelta(days=7)
    )
    client.force_login(make_staff(role="Editors"))
    url = reverse("admin:articles_article_share_link_revoke", args=[article.pk, link.pk])
    assert client.post(url).status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    response = Client().get(link.get_absolute_url())
    assert response.status_code == 410
    assert b"Embargoed budget story" not in response.content


def test_forged_or_altered_tokens_open_nothing(embargoed):
    """A token not signed by the site, or signed for another purpose, is a 404."""
    article, reporter = embargoed
    link = services.share_link_create(
        article=article, by=reporter, expires_at=timezone.now() + timedelta(days=1)
    )
    forged = [
        link.token[:-2] + ("AA" if not link.token.endswith("AA") else "BB"),
        signing.dumps({"link": link.pk}, salt="some-other-purpose"),
        signing.dumps({"link": link.pk}, key="not-the-site-key", salt="articles.share-link"),
        "not-a-token",
    ]
    for token in forged:
        response = Client().get(reverse("articles:shared_preview", args=[token]))
        assert response.status_code == 404, token
        assert b"Embargoed budget story" not in response.content
    missing = reverse("articles:shared_preview", args=[sign_share_link(link.pk + 1000)])
    assert Client().get(missing).status_code == 404


def test_another_reporter_cannot_make_or_revoke_links(client, embargoed):
    """Someone who is neither editor nor author gets 403 and no link is made or revoked."""
    article, reporter = embargoed
    link = services.share_link_create(
        article=article, by=reporter, expires_at=timezone.now() + timedelta(days=1)
    )
    client.force_login(make_staff(role="Reporters"))
    create = reverse("admin:articles_article_share_link_create", args=[article.pk])
    revoke = reverse("admin:articles_article_share_link_revoke", args=[article.pk, link.pk])
    assert client.post(create, {"days": "3"}).status_code == 403
    assert client.post(revoke).status_code == 403
    link.refresh_from_db()
    assert ShareLink.objects.count() == 1
    assert link.revoked_at is None


def test_share_link_needs_a_listed_duration(client, embargoed):
    """An unlisted duration (say, ten years) makes no link."""
    article, reporter = embargoed
    client.force_login(reporter)
    url = reverse("admin:articles_article_share_link_create", args=[article.pk])
    client.post(url, {"days": "3650"})
    assert not ShareLink.objects.exists()
