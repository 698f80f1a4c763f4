import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import services
from articles.models import Article
from articles.revisions import versions_of
from tests.articles.change_form import change_form_data
from tests.factories import make_article_in_state, make_section, make_staff

pytestmark = pytest.mark.django_db


def session(user):
    client = Client()
    client.force_login(user)
    return client


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def desk():
    """A draft by a reporter, open in two editors' browsers at the same version."""
    reporter = make_staff(role="Reporters")
    article = make_article_in_state(
        "draft", body="<p>The mayor opened the bridge.</p>", authors=[reporter.author]
    )
    first, second = session(make_staff(role="Editors")), session(make_staff(role="Editors"))
    return (
        article,
        (first, change_form_data(article, first)),
        (second, change_form_data(article, second)),
    )


def test_second_save_over_an_unseen_version_is_refused_and_keeps_its_text(desk):
    """Two sessions edit the same article: the second save is refused, its text kept in the form."""
    article, (first, first_data), (second, second_data) = desk
    first_data["body"] = "<p>The mayor opened the new bridge on Monday.</p>"
    assert first.post(change_url(article), first_data).status_code == 302

    second_data["title"] = "Bridge opens after three years"
    second_data["body"] = "<p>The mayor opened the bridge to traffic.</p>"
    response = second.post(change_url(article), second_data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert [error.code for error in form.errors.as_data()["__all__"]] == ["edit_conflict"]
    assert form["body"].value() == second_data["body"]
    assert form["title"].value() == "Bridge opens after three years"
    page = response.content.decode()
    assert "Someone else saved this article while you were editing" in page
    assert "<ins>new </ins>" in page  # what the first editor changed, word by word
    article.refresh_from_db()
    assert article.body == "<p>The mayor opened the new bridge on Monday.</p>"
    assert article.title != "Bridge opens after three years"


def test_refused_save_goes_through_after_a_reload(desk):
    """After reloading the article, the second editor's text saves, and the first's is in history."""
    article, (first, first_data), (second, second_data) = desk
    first_data["body"] = "<p>The mayor opened the new bridge on Monday.</p>"
    first.post(change_url(article), first_data)
    second_data["body"] = "<p>The mayor opened the bridge to traffic.</p>"
    assert second.post(change_url(article), second_data).status_code == 200

    reloaded = change_form_data(article, second)
    reloaded["body"] = "<p>The mayor opened the new bridge to traffic on Monday.</p>"
    assert second.post(change_url(article), reloaded).status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>The mayor opened the new bridge to traffic on Monday.</p>"
    kept = [version.field_dict["body"] for version in versions_of(article)]
    assert "<p>The mayor opened the new bridge on Monday.</p>" in kept


def test_resubmitting_after_seeing_the_changes_saves(desk):
    """The refused form now carries the current version, so a deliberate second save goes through."""
    article, (first, first_data), (second, second_data) = desk
    first_data["standfirst"] = "Traffic starts tomorrow."
    first.post(change_url(article), first_data)
    second_data["body"] = "<p>Merged text.</p>"
    refused = second.post(change_url(article), second_data)
    resent = dict(
        second_data, edited_version=refused.context["adminform"].form["edited_version"].value()
    )
    assert second.post(change_url(article), resent).status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>Merged text.</p>"


def test_a_workflow_step_in_between_also_refuses_a_stale_save():
    """A reporter's form opened before an editor's publish cannot overwrite the published article."""
    reporter = make_staff(role="Reporters")
    editor = make_staff(role="Editors")
    article = make_article_in_state("draft", authors=[reporter.author])
    editor_session = session(editor)
    stale = change_form_data(article, editor_session)
    services.article_publish(article=article, by=editor)
    stale["title"] = "Overwritten"
    response = editor_session.post(change_url(article), stale)
    assert response.status_code == 200
    assert Article.objects.get(pk=article.pk).title != "Overwritten"


def test_version_is_checked_under_a_row_lock_in_the_saving_transaction(desk):
    """The version check locks the article row (SELECT ... FOR UPDATE) before the update."""
    article, (first, first_data), _ = desk
    first_data["title"] = "Locked and saved"
    with CaptureQueriesContext(connection) as queries:
        assert first.post(change_url(article), first_data).status_code == 302
    sql = [query["sql"] for query in queries.captured_queries]
    lock = next(i for i, q in enumerate(sql) if "FOR UPDATE" in q and "articles_article" in q)
    update = next(i for i, q in enumerate(sql) if q.startswith('UPDATE "articles_article"'))
    assert lock < update
    assert Article.objects.get(pk=article.pk).version == 2


def test_missing_version_is_refused():
    """A change form posted without the version it edits is refused, not saved blindly."""
    client = session(make_staff(role="Editors"))
    article = make_article_in_state("draft")
    data = change_form_data(article, client)
    del data["edited_version"]
    data["title"] = "Blind overwrite"
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "edited_version" in response.context["adminform"].form.errors
    assert Article.objects.get(pk=article.pk).title != "Blind overwrite"


def test_a_change_made_outside_the_admin_is_shown_against_all_of_the_submitted_content(desk):
    """No revision holds the version the form was opened on (a script saved in between):
    the changes are shown against everything the form submitted, placement included."""
    article, _first, (second, second_data) = desk
    elsewhere = make_section(name="Moved by a script")
    Article.objects.filter(pk=article.pk).update(version=article.version + 1, section=elsewhere)
    second_data["title"] = "Bridge opens after three years"
    response = second.post(change_url(article), second_data)

    assert response.status_code == 200
    conflict = response.context["adminform"].form.conflict
    assert conflict["what"] == "compared with your text"
    changes = {change.label: (change.before, change.after) for change in conflict["changes"]}
    assert changes["Headline"][0] == "Bridge opens after three years"
    assert changes["Section"] == (article.section.name, "Moved by a script")
    assert "Body" not in changes  # the same text on both sides
