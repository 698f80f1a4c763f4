from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def visible_slugs(now=None):
    return set(Article.objects.published(now=now).values_list("slug", flat=True))


def test_published_article_with_past_time_is_visible():
    """A published article whose time has passed is visible to readers."""
    make_article(slug="yesterday", publish_at=timezone.now() - timedelta(days=1))
    assert visible_slugs() == {"yesterday"}


def test_drafts_in_review_and_unpublished_are_hidden():
    """Draft, in-review and unpublished articles never reach readers, whatever their time."""
    past = timezone.now() - timedelta(days=1)
    for status in ["draft", "review", "unpublished"]:
        make_article(slug=status, status=status, publish_at=past)
    make_article(slug="draft-without-time", status="draft", publish_at=None)
    assert visible_slugs() == set()


def test_scheduled_article_appears_exactly_at_its_time():
    """A scheduled article is hidden a second before its time and visible from that moment."""
    moment = timezone.now() + timedelta(days=1)
    make_article(slug="tomorrow", publish_at=moment)
    assert visible_slugs() == set()
    assert visible_slugs(now=moment - timedelta(seconds=1)) == set()
    assert visible_slugs(now=moment) == {"tomorrow"}
    assert visible_slugs(now=moment + timedelta(seconds=1)) == {"tomorrow"}
    assert set(Article.objects.scheduled().values_list("slug", flat=True)) == {"tomorrow"}


def test_database_refuses_published_article_without_time():
    """The database itself refuses a published article with no publish time."""
    article = make_article(status="draft", publish_at=None)
    with pytest.raises(IntegrityError):
        Article.objects.filter(pk=article.pk).update(status="published")


def test_first_published_time_is_kept_on_later_edits():
    """The first publish time is recorded once and kept when the article is edited."""
    first = timezone.now() - timedelta(hours=3)
    article = make_article(publish_at=first)
    article.title = "A new headline"
    article.publish_at = timezone.now()
    article.save()
    article.refresh_from_db()
    assert article.first_published_at == first
