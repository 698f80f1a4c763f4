"""Every role, in every state, tries every action through the admin.

The expected answers are written out below, by hand, from the newsroom's rules;
an allowed action must do its job, a forbidden one must answer 403 and leave
the article, its bylines, corrections, log, revisions and share links as they were.
"""

from datetime import timedelta

import pytest
import reversion
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, ArticleTransition, Correction, ShareLink
from tests.articles.change_form import change_form_data
from tests.factories import (
    make_article_in_state,
    make_author,
    make_section,
    make_staff,
    make_user,
)

pytestmark = pytest.mark.django_db

STATES = ["draft", "review", "scheduled", "published", "unpublished"]
ALL = set(STATES)
NOT_LIVE = {"draft", "review", "scheduled", "unpublished"}
ACTIONS = [
    "view",
    "edit",
    "submit",
    "withdraw",
    "send_back",
    "publish",
    "schedule",
    "unpublish",
    "correct",
    "delete",
    "history",
    "restore",
    "preview",
    "share",
]
EDITOR_RULES = {
    "view": ALL,
    "edit": ALL,
    "submit": {"draft"},
    "send_back": {"review"},
    "publish": NOT_LIVE,
    "schedule": NOT_LIVE,
    "unpublish": {"scheduled", "published"},
    "correct": {"published"},
    "delete": ALL,
    "history": ALL,
    "restore": ALL,
    "preview": ALL,
    "share": NOT_LIVE,
}
# role -> action -> the states in which it is allowed
ALLOWED = {
    "editor": EDITOR_RULES,
    "superuser": EDITOR_RULES,
    "reporter on the byline": {
        "view": ALL,
        "edit": {"draft"},
        "submit": {"draft"},
        "withdraw": {"review"},
        "preview": ALL,
        "share": NOT_LIVE,
    },
    "another reporter": {"view": {"published"}},
}


def login(client, role, reporter):
    if role == "editor":
        client.force_login(make_staff(role="Editors"))
    elif role == "superuser":
        client.force_login(make_user(is_superuser=True, is_staff=True))
    elif role == "reporter on the byline":
        client.force_login(reporter)
    else:
        client.force_login(make_staff(role="Reporters"))


def snapshot(article_id):
    """Everything an action could change, to compare before and after a refused one."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return None
    return {
        "article": model_to_dict(article, exclude=["hero_image", "tags", "authors"]),
        "bylines": list(article.bylines.values_list("author", "role", "position")),
        "corrections": list(Correction.objects.filter(article=article).values_list("text")),
        "transitions": ArticleTransition.objects.filter(article=article).count(),
        "share_links": ShareLink.objects.filter(article=article).count(),
        "versions": Version.objects.get_for_object(article).count(),
    }


def attempt(client, action, article):
    """Send the request a user (or a forger) would send for action; return the response."""
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    if action == "view":
        return client.get(change_url)
    if action == "history":
        return client.get(reverse("admin:articles_article_revisions", args=[article.pk]))
    if action == "preview":
        return client.get(reverse("admin:articles_article_preview", args=[article.pk]))
    if action == "delete":
        url = reverse("admin:articles_article_delete", args=[article.pk])
        return client.post(url, {"post": "yes"})
    if action == "share":
        url = reverse("admin:articles_article_share_link_create", args=[article.pk])
        return client.post(url, {"days": "3", "note": "Embargoed copy for a partner"})
    if action == "withdraw":
        return client.post(reverse("admin:articles_article_withdraw", args=[article.pk]))
    if action == "restore":
        oldest = Version.objects.get_for_object(article).order_by("pk").first()
        url = reverse("admin:articles_article_restore", args=[article.pk, oldest.pk])
        return client.post(url)
    data = change_form_data(article)
    if action == "edit":
        data["title"] = "A headline nobody approved"
    elif action == "correct":
        data["correction_text"] = "An earlier version misspelled the minister's name."
    else:
        data["_workflow"] = action
        data["workflow_note"] = "Needs a second source."
        later = timezone.localtime(timezone.now() + timedelta(days=2))
        data["schedule_for_0"], data["schedule_for_1"] = f"{later:%Y-%m-%d}", "09:30:00"
    return client.post(change_url, data)


def check_done(action, article_id, response, title_before):
    """The allowed action did its job."""
    assert response.status_code in {200, 302}, response.status_code
    if response.status_code == 200 and action not in {"view", "history", "preview"}:
        form = response.context and response.context.get("adminform")
        pytest.fail(f"refused with form errors: {form and form.form.errors}")
    article = Article.objects.filter(pk=article_id).first()
    now = timezone.now()
    if action == "delete":
        assert article is None
        return
    expected = {
        "edit": lambda: article.title == "A headline nobody approved",
        "submit": lambda: article.status == "review",
        "send_back": lambda: article.status == "draft",
        "withdraw": lambda: article.status == "draft",
        "publish": lambda: article.status == "published" and article.publish_at <= now,
        "schedule": lambda: article.status == "published" and article.publish_at > now,
        "unpublish": lambda: article.status == "unpublished",
        "correct": lambda: article.corrections.count() == 1,
        "restore": lambda: article.title == title_before.removesuffix(" (revised)"),
        "share": lambda: article.share_links.count() == 1,
        "preview": lambda: response["X-Robots-Tag"].startswith("noindex"),
        "view": lambda: response.status_code == 200,
        "history": lambda: b"Revisions of" in response.content,
    }[action]
    assert expected(), f"{action} did not happen"


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", list(ALLOWED))
def test_role_state_action_matrix(client, role, state, action):
    """Each role may take exactly the allowed actions in each state; the rest get 403 and change nothing."""
    reporter = make_staff(role="Reporters")
    article = make_article_in_state(state, authors=[reporter.author, make_author()])
    with reversion.create_revision():
        reversion.add_to_revision(article)
    with reversion.create_revision():
        article.title += " (revised)"
        article.save()
    login(client, role, reporter)
    before = snapshot(article.pk)
    response = attempt(client, action, article)
    if state in ALLOWED[role].get(action, set()):
        check_done(action, article.pk, response, article.title)
    else:
        assert response.status_code == 403
        assert snapshot(article.pk) == before


@pytest.mark.parametrize("action", ["edit", "publish", "delete", "share"])
def test_logged_out_requests_change_nothing(client, action):
    """Without a login every write is sent to the login page and the article is unchanged."""
    article = make_article_in_state("review")
    before = snapshot(article.pk)
    response = attempt(client, action, article) if action != "edit" else None
    if response is None:
        url = reverse("admin:articles_article_change", args=[article.pk])
        response = client.post(url, {"title": "Forged"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert snapshot(article.pk) == before


def test_reporter_list_shows_own_work_and_live_articles_only(client):
    """A reporter's article list holds their own drafts and live articles, not others' drafts."""
    reporter = make_staff(role="Reporters")
    make_article_in_state("draft", title="My draft", authors=[reporter.author])
    make_article_in_state("draft", title="Colleague draft", authors=[make_author()])
    make_article_in_state("scheduled", title="Embargoed scoop", authors=[make_author()])
    make_article_in_state("published", title="Live story", authors=[make_author()])
    client.force_login(reporter)
    page = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "My draft" in page
    assert "Live story" in page
    assert "Colleague draft" not in page
    assert "Embargoed scoop" not in page


def test_reporter_article_gets_their_byline_automatically(client):
    """A reporter who writes an article is put on its byline through their author profile."""
    reporter = make_staff(role="Reporters", name="Martin Fornusek")
    client.force_login(reporter)
    section = make_section()
    data = {
        "kind": "article",
        "title": "Kyiv metro extends night service",
        "slug": "kyiv-metro-night",
        "standfirst": "",
        "body": "<p>Trains will run until 2 a.m.</p>",
        "section": section.pk,
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    article = Article.objects.get(slug="kyiv-metro-night")
    assert [b.author.name for b in article.bylines.all()] == ["Martin Fornusek"]
    assert article.status == "draft"


def test_reporter_buttons_offer_only_submit(client):
    """A reporter's own draft offers "Save and submit for review" and no editor's buttons."""
    reporter = make_staff(role="Reporters")
    article = make_article_in_state("draft", authors=[reporter.author])
    client.force_login(reporter)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    assert b'value="submit"' in page
    for editor_action in [b'value="publish"', b'value="schedule"', b'value="unpublish"']:
        assert editor_action not in page


def test_editor_buttons_follow_the_state(client):
    """An editor sees publish, schedule and send back on an article in review; unpublish on a live one."""
    client.force_login(make_staff(role="Editors"))
    in_review = make_article_in_state("review")
    page = client.get(reverse("admin:articles_article_change", args=[in_review.pk])).content
    for action in [b"send_back", b"publish", b"schedule"]:
        assert b'value="' + action + b'"' in page
    assert b'value="unpublish"' not in page
    live = make_article_in_state("published")
    page = client.get(reverse("admin:articles_article_change", args=[live.pk])).content
    assert b'value="unpublish"' in page
    assert b'value="publish"' not in page
