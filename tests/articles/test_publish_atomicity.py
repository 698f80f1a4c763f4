import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles.models import Article, Byline
from tests.articles.change_form import change_form_data
from tests.factories import make_article, make_author, make_user


@pytest.fixture
def failing_byline_store(db):
    """A database trigger that makes storing any byline fail, as a dying disk or constraint would.

    The test's own transaction wraps the request, so the admin's transaction is a savepoint
    here: rolling it back undoes exactly what a real rollback would.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            """
            CREATE FUNCTION refuse_byline() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'byline storage failed (injected by the test)'; END
            $$ LANGUAGE plpgsql;
            CREATE TRIGGER refuse_byline BEFORE INSERT ON articles_byline
            FOR EACH ROW EXECUTE FUNCTION refuse_byline();
            """
        )
    yield
    with connection.cursor() as cursor:
        cursor.execute(
            "DROP TRIGGER IF EXISTS refuse_byline ON articles_byline;"
            "DROP FUNCTION IF EXISTS refuse_byline();"
        )


def publish_form(article, author):
    """The change form as the editor sends it: edited text, a new byline, "Publish now"."""
    data = change_form_data(article)
    data.update(
        {
            "title": "Published headline",
            "standfirst": "Now with a standfirst.",
            "body": "<p>The finished story.</p>",
            "bylines-TOTAL_FORMS": "1",
            "bylines-0-author": author.pk,
            "bylines-0-role": "",
            "bylines-0-position": "0",
            "_workflow": "publish",
        }
    )
    return data


def test_a_publish_that_fails_midway_leaves_the_article_as_it_was(failing_byline_store, caplog):
    """The database failing after the article row is written rolls the whole publish back."""
    article = make_article(
        title="Draft headline", status=Article.Status.DRAFT, publish_at=None, body="<p>Draft.</p>"
    )
    before = Article.objects.values().get(pk=article.pk)
    client = Client(raise_request_exception=False)
    client.force_login(make_user(role="Editors"))
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        publish_form(article, make_author()),
    )
    assert response.status_code == 500
    assert Article.objects.values().get(pk=article.pk) == before
    assert not Byline.objects.exists()
    assert not Article.objects.published().exists()
    assert "byline storage failed" in caplog.text


def test_the_same_publish_succeeds_without_the_failure(db):
    """Without the injected failure, the same form publishes the article with its byline."""
    article = make_article(title="Draft headline", status=Article.Status.DRAFT, publish_at=None)
    client = Client()
    client.force_login(make_user(role="Editors"))
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        publish_form(article, make_author()),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.title == "Published headline"
    assert Byline.objects.filter(article=article).count() == 1
