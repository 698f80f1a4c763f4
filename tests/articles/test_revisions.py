import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, SlugRedirect
from articles.revisions import versions_of
from tests.articles.change_form import change_form_data
from tests.factories import make_article_in_state, make_author, make_section, make_staff, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    client = Client()
    client.force_login(make_staff(role="Editors", username="oksana"))
    return client


def save(client, article, **changes):
    data = change_form_data(article, client)
    data.update(changes)
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_every_admin_save_keeps_a_full_version_with_who_and_what(editor):
    """Each save adds a revision holding the whole article, its author and what changed."""
    article = make_article_in_state("draft", title="First headline")
    save(editor, article, title="Second headline")
    save(editor, article, body="<p>New body.</p>")
    versions = list(versions_of(article))
    assert [v.field_dict["title"] for v in versions] == [
        "Second headline",
        "Second headline",
        "First headline",
    ]
    assert versions[0].field_dict["body"] == "<p>New body.</p>"
    assert versions[0].revision.user.username == "oksana"
    assert "Body" in versions[0].revision.get_comment()


def test_history_page_shows_a_readable_diff_between_two_versions(editor):
    """The revisions page compares two chosen versions field by field, word by word."""
    old_section, new_section = make_section(name="Europe"), make_section(name="Ukraine")
    article = make_article_in_state(
        "draft", section=old_section, body="<p>Talks resume in Geneva.</p>"
    )
    save(editor, article, body="<p>Talks resume in Istanbul on Monday.</p>")
    save(editor, article, section=new_section.pk, tags=[make_tag(name="Diplomacy").pk])
    versions = list(versions_of(article))
    url = reverse("admin:articles_article_revisions", args=[article.pk])
    page = editor.get(url, {"before": versions[2].pk, "after": versions[0].pk}).content.decode()
    assert "Talks resume in <del>Geneva</del><ins>Istanbul on Monday</ins>." in page
    assert "<del>Europe</del><ins>Ukraine</ins>" in page
    assert "<ins>Diplomacy</ins>" in page


def test_restore_brings_back_text_bylines_and_tags_as_a_new_revision(editor):
    """Restoring an old version is one POST; the restore itself is a new revision; status stays."""
    first_author, second_author = make_author(name="Anna"), make_author(name="Martin")
    tag = make_tag(name="Energy")
    article = make_article_in_state("published", title="Original", authors=[first_author])
    article.tags.set([tag])
    save(editor, article)  # the first save keeps the original as the earliest version
    data_changes = {
        "title": "Rewritten",
        "body": "<p>Different.</p>",
        "tags": [],
        "bylines-0-author": second_author.pk,
    }
    save(editor, article, **data_changes)
    article.refresh_from_db()
    assert article.title == "Rewritten"
    original = versions_of(article).last()
    count = Version.objects.get_for_object(article).count()

    url = reverse("admin:articles_article_restore", args=[article.pk, original.pk])
    assert editor.post(url).status_code == 302

    article.refresh_from_db()
    assert article.title == "Original"
    assert article.body == "<p>Body text of the article.</p>"
    assert list(article.tags.all()) == [tag]
    assert [b.author for b in article.bylines.all()] == [first_author]
    assert article.status == "published"
    assert Version.objects.get_for_object(article).count() == count + 1
    assert versions_of(article).first().field_dict["title"] == "Original"
    assert article.transitions.get().action == "restored"


def test_restoring_an_older_slug_keeps_the_newer_url_working(editor):
    """A restore that changes a published article's slug leaves a 301 from the slug it had."""
    article = make_article_in_state("published", slug="first-slug")
    save(editor, article)
    save(editor, article, slug="second-slug")
    original = versions_of(article).last()
    editor.post(reverse("admin:articles_article_restore", args=[article.pk, original.pk]))
    assert Article.objects.get(pk=article.pk).slug == "first-slug"
    assert SlugRedirect.objects.get(old_slug="second-slug").article_id == article.pk
    response = Client().get("/news/second-slug/")
    assert (response.status_code, response["Location"]) == (301, "/news/first-slug/")


def test_restore_refuses_a_version_of_another_article(editor):
    """A version id of a different article is a 404 and changes nothing."""
    article, other = make_article_in_state("draft"), make_article_in_state("draft")
    save(editor, other, title="Other")
    foreign = versions_of(other).first()
    url = reverse("admin:articles_article_restore", args=[article.pk, foreign.pk])
    assert editor.post(url).status_code == 404
    assert Article.objects.get(pk=article.pk).title == article.title


def test_restore_is_post_only(editor):
    """A GET on the restore address (a link, a prefetch) restores nothing."""
    article = make_article_in_state("draft")
    save(editor, article, title="Changed")
    original = versions_of(article).last()
    url = reverse("admin:articles_article_restore", args=[article.pk, original.pk])
    assert editor.get(url).status_code == 405
    assert Article.objects.get(pk=article.pk).title == "Changed"
