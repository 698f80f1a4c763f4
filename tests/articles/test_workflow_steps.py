from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, ArticleTransition
from tests.articles.change_form import change_form_data
from tests.factories import make_article_in_state, make_staff

pytestmark = pytest.mark.django_db


def test_each_step_is_logged_with_who_when_from_to_and_note():
    """Submit, send back, resubmit, schedule, unpublish, publish: each is one log entry."""
    reporter, editor = make_staff(role="Reporters"), make_staff(role="Editors")
    article = make_article_in_state("draft", authors=[reporter.author])
    started = timezone.now()
    services.article_submit(article=article, by=reporter)
    services.article_send_back(article=article, by=editor, note="Add the ministry's reply.")
    services.article_submit(article=article, by=reporter, note="Reply added.")
    services.article_schedule(
        article=article, by=editor, publish_at=timezone.now() + timedelta(hours=3)
    )
    services.article_unpublish(article=article, by=editor)
    services.article_publish(article=article, by=editor)
    steps = list(article.transitions.order_by("at", "id"))
    assert [(s.action, s.from_status, s.to_status, s.by) for s in steps] == [
        ("submitted", "draft", "review", reporter),
        ("sent_back", "review", "draft", editor),
        ("submitted", "draft", "review", reporter),
        ("scheduled", "review", "published", editor),
        ("unpublished", "published", "unpublished", editor),
        ("published", "unpublished", "published", editor),
    ]
    assert steps[1].note == "Add the ministry's reply."
    assert all(started <= step.at <= timezone.now() for step in steps)
    article.refresh_from_db()
    assert article.is_published


def test_admin_shows_the_log_and_the_send_back_note(client):
    """The change page shows the workflow log, and the reporter sees why it came back."""
    reporter, editor = make_staff(role="Reporters"), make_staff(role="Editors")
    article = make_article_in_state("review", authors=[reporter.author])
    services.article_send_back(article=article, by=editor, note="Needs a second source.")
    client.force_login(reporter)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "Workflow log" in page
    assert "Sent back by" in page
    assert page.count("Needs a second source.") == 2  # the note on top and in the log
    assert editor.username in page


def test_send_back_needs_a_note(client):
    """Sending back without saying why is a form error, and the article stays in review."""
    client.force_login(make_staff(role="Editors"))
    article = make_article_in_state("review")
    data = change_form_data(article)
    data["_workflow"] = "send_back"
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 200
    assert "workflow_note" in response.context["adminform"].form.errors
    assert Article.objects.get(pk=article.pk).status == "review"
    assert not ArticleTransition.objects.exists()


def test_schedule_needs_a_future_time(client):
    """Scheduling for a past time is a form error and nothing changes."""
    client.force_login(make_staff(role="Editors"))
    article = make_article_in_state("review")
    data = change_form_data(article)
    data.update(_workflow="schedule", schedule_for_0="2020-01-01", schedule_for_1="10:00")
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 200
    assert "schedule_for" in response.context["adminform"].form.errors
    assert Article.objects.get(pk=article.pk).status == "review"


def test_services_refuse_a_reporter_whatever_the_caller():
    """The services check the rules themselves: a reporter cannot publish even when called directly."""
    reporter = make_staff(role="Reporters")
    article = make_article_in_state("review", authors=[reporter.author])
    with pytest.raises(PermissionDenied):
        services.article_publish(article=article, by=reporter)
    with pytest.raises(ValidationError):
        services.article_schedule(
            article=article, by=make_staff(role="Editors"), publish_at=timezone.now()
        )
    assert Article.objects.get(pk=article.pk).status == "review"


def test_scheduled_article_appears_on_its_page_at_its_time(client, time_machine):
    """Scheduled through the workflow, the page is a 404 until its time and live from then, with no job run."""
    time_machine.move_to(timezone.now(), tick=False)
    editor = make_staff(role="Editors")
    article = make_article_in_state("review")
    moment = timezone.now() + timedelta(hours=1)
    services.article_schedule(article=article, by=editor, publish_at=moment)
    published = Article.objects.published
    assert not published(now=moment - timedelta(seconds=1)).filter(pk=article.pk).exists()
    assert published(now=moment + timedelta(seconds=1)).filter(pk=article.pk).exists()
    url = article.get_absolute_url()
    assert client.get(url).status_code == 404
    time_machine.move_to(moment - timedelta(seconds=1), tick=False)
    assert client.get(url).status_code == 404
    time_machine.move_to(moment + timedelta(milliseconds=100), tick=False)
    assert client.get(url).status_code == 200
