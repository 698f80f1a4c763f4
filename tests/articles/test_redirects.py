import pytest
from django.test import Client
from django.urls import reverse

from articles.models import SlugRedirect
from tests.articles.change_form import change_form_data
from tests.factories import make_article, make_article_in_state, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    client = Client()
    client.force_login(make_staff(role="Editors"))
    return client


def rename(client, article, slug):
    data = change_form_data(article, client)
    data["slug"] = slug
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert client.post(url, data).status_code == 302


def test_old_urls_of_a_published_article_redirect_permanently(editor, client):
    """Every old URL of a published article answers 301 straight to the current one."""
    article = make_article_in_state("published", slug="nato-post-kyiv")
    rename(editor, article, "nato-senior-representative-kyiv")
    rename(editor, article, "nato-envoy-kyiv")
    for old in ["nato-post-kyiv", "nato-senior-representative-kyiv"]:
        response = client.get(f"/news/{old}/")
        assert response.status_code == 301
        assert response["Location"] == "/news/nato-envoy-kyiv/"
    assert client.get("/news/nato-envoy-kyiv/").status_code == 200


def test_changing_back_to_an_old_slug_serves_the_article(editor, client):
    """Going back to an earlier slug serves the article there and redirects the other one."""
    article = make_article_in_state("published", slug="first")
    rename(editor, article, "second")
    rename(editor, article, "first")
    assert client.get("/news/first/").status_code == 200
    assert client.get("/news/second/")["Location"] == "/news/first/"
    assert not SlugRedirect.objects.filter(old_slug="first").exists()


def test_draft_slug_changes_leave_no_redirect(editor):
    """A slug that was never public is not kept."""
    article = make_article_in_state("draft", slug="working-title")
    rename(editor, article, "final-title")
    assert not SlugRedirect.objects.exists()


def test_old_url_of_an_unpublished_article_is_a_404(editor, client):
    """An old URL does not reveal an article readers may no longer see."""
    article = make_article_in_state("published", slug="old")
    rename(editor, article, "new")
    article.refresh_from_db()
    article.status = "unpublished"
    article.save()
    assert client.get("/news/old/").status_code == 404


def test_a_new_article_may_take_an_old_slug(editor, client):
    """When another article takes an old slug, it is served there instead of the redirect."""
    article = make_article_in_state("published", slug="shelling-kharkiv")
    rename(editor, article, "shelling-kharkiv-june")
    make_article(slug="shelling-kharkiv", title="A later story")
    response = client.get("/news/shelling-kharkiv/")
    assert response.status_code == 200
    assert b"A later story" in response.content


def test_unknown_slug_is_still_a_404(client):
    """A slug that never existed gets the 404 page, not a redirect."""
    assert client.get("/news/never-existed/").status_code == 404
