"""Editors compose, reorder, preview, test, send and schedule issues in the admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from newsletters import services
from newsletters.models import Issue, IssueItem
from tests.articles.change_form import form_fields
from tests.factories import (
    image_file,
    make_article,
    make_article_in_state,
    make_issue,
    make_newsletter,
    make_section,
    make_staff,
    make_subscriber,
)
from tests.html import element, elements, parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_staff(role="Editors", email="editor@example.org")
    client.force_login(user)
    return user


def change_url(issue) -> str:
    return reverse("admin:newsletters_issue_change", args=[issue.pk])


def issue_form_data(client, issue) -> dict:
    response = client.get(change_url(issue))
    assert response.status_code == 200
    data = {}
    form_fields(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        form_fields(formset.management_form, data)
        data[formset.management_form.add_prefix("TOTAL_FORMS")] = str(len(formset.initial_forms))
        for form in formset.initial_forms:
            form_fields(form, data)
    return data


def test_composing_gathers_todays_published_top_stories_by_section(client, editor):
    """“Compose today's issue”: the newest published stories of each section, sections in order."""
    first, second = make_section(position=0), make_section(position=1)
    newsletter = make_newsletter(stories_per_section=2)
    now = timezone.now()
    a = make_article(section=second, publish_at=now - timedelta(hours=1))
    b = make_article(section=first, publish_at=now - timedelta(hours=3))
    c = make_article(section=first, publish_at=now - timedelta(hours=2))
    make_article(section=first, publish_at=now - timedelta(hours=4))  # a third: not taken
    make_article_in_state("draft", section=first)
    make_article_in_state("scheduled", section=first)

    response = client.post(
        reverse("admin:newsletters_newsletter_changelist"),
        {"action": "compose_today", "_selected_action": [newsletter.pk]},
        follow=True,
    )

    assert response.status_code == 200
    issue = Issue.objects.get()
    assert [item.article for item in issue.items.all()] == [c, b, a]


def test_an_issue_gathers_only_stories_in_its_newsletters_language():
    """An English newsletter takes the English edition's stories, a Ukrainian one the Ukrainian's."""
    now = timezone.now()
    english = make_article(publish_at=now - timedelta(hours=1))
    ukrainian = make_article(
        language="uk", section=make_section(language="uk"), publish_at=now - timedelta(hours=1)
    )
    for newsletter, story in [
        (make_newsletter(), english),
        (make_newsletter(language="uk"), ukrainian),
    ]:
        issue = services.compose_issue(newsletter=newsletter, now=now)
        assert [item.article for item in issue.items.all()] == [story]


def test_the_editor_reorders_stories_and_edits_the_introduction(client, editor):
    """The change form saves a new order and introduction; the previews follow them."""
    first, second = make_article(title="First story"), make_article(title="Second story")
    issue = make_issue(articles=[first, second])
    data = issue_form_data(client, issue)
    data["intro"] = "Good morning from Kyiv."
    data["items-0-position"], data["items-1-position"] = "1", "0"

    response = client.post(change_url(issue), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    web = parse(client.get(reverse("admin:newsletters_issue_web", args=[issue.pk])))
    stories = "//ol[@class='newsletter-issue__stories']//h2"
    assert [text(h) for h in elements(web, stories)] == ["Second story", "First story"]
    intro = element(web, "//div[@class='newsletter-issue__intro']")
    assert text(intro) == "Good morning from Kyiv."
    email = parse(client.get(reverse("admin:newsletters_issue_email", args=[issue.pk])))
    assert [text(a) for a in elements(email, "//h2/a")] == ["Second story", "First story"]


def test_send_a_test_to_myself_sends_one_email_to_the_editor_only(client, editor, smtp_server):
    """The test goes to the editor's address, marked as a test; subscribers get nothing."""
    issue = make_issue()
    make_subscriber(newsletters=[issue.newsletter])
    data = {**issue_form_data(client, issue), "_newsletter_action": "test"}

    client.post(change_url(issue), data)

    [message] = smtp_server.messages
    assert message["To"] == "editor@example.org"
    assert message["Subject"].startswith("[Test] ")
    assert Issue.objects.get().status == Issue.Status.DRAFT


def test_send_now_sends_and_the_admin_shows_progress(
    client, editor, smtp_server, run_tasks, django_capture_on_commit_callbacks
):
    """Send now: every subscriber once; the list shows sent, failed and left."""
    issue = make_issue()
    for _ in range(3):
        make_subscriber(newsletters=[issue.newsletter])
    smtp_server.recorder.refuse_permanently.add("gone@example.org")
    make_subscriber(newsletters=[issue.newsletter], email="gone@example.org")
    data = {**issue_form_data(client, issue), "_newsletter_action": "send"}

    with django_capture_on_commit_callbacks(execute=True):
        client.post(change_url(issue), data)
    listing = client.get(reverse("admin:newsletters_issue_changelist")).content.decode()
    assert "0 sent, 0 failed, 4 left" in listing
    run_tasks()

    listing = client.get(reverse("admin:newsletters_issue_changelist")).content.decode()
    assert "3 sent, 1 failed, 0 left" in listing
    assert len(smtp_server.messages) == 3
    archive = client.get(Issue.objects.get().get_absolute_url())
    assert archive.status_code == 200


def test_schedule_waits_for_the_time_given(client, editor):
    """Save and schedule stores the time; the issue is not sent before then."""
    issue = make_issue()
    when = timezone.localtime() + timedelta(hours=2)
    form = parse(client.get(change_url(issue)))
    assert element(form, "//input[@name='schedule_for']").get("type") == "datetime-local"
    assert element(form, "//button[@value='schedule']").text == "Save and schedule"
    data = {
        **issue_form_data(client, issue),
        "_newsletter_action": "schedule",
        "schedule_for": f"{when:%Y-%m-%dT%H:%M}",
    }

    client.post(change_url(issue), data)

    issue.refresh_from_db()
    assert issue.status == Issue.Status.SCHEDULED
    assert abs(issue.send_at - when) < timedelta(minutes=1)


def test_an_issue_with_no_stories_is_not_sent(client, editor):
    """Send now on an empty issue: an error message, and nothing changes."""
    issue = make_issue(articles=[])
    data = {**issue_form_data(client, issue), "_newsletter_action": "send"}

    response = client.post(change_url(issue), data, follow=True)

    assert "This issue has no stories." in response.content.decode()
    assert Issue.objects.get().status == Issue.Status.DRAFT


def test_reporters_cannot_see_newsletters(client):
    """Only editors manage newsletters: a reporter gets 403 on the issue list."""
    client.force_login(make_staff(role="Reporters"))
    assert client.get(reverse("admin:newsletters_issue_changelist")).status_code == 403


def test_only_sent_issues_have_an_archive_page(client):
    """A draft's archive address is a 404; a sent issue is listed and shown."""
    draft = make_issue()
    assert client.get(draft.get_absolute_url()).status_code == 404
    Issue.objects.filter(pk=draft.pk).update(status=Issue.Status.SENT)
    page = parse(client.get(draft.newsletter.get_absolute_url()))
    link = element(page, "//ul[@class='newsletter-archive']//a")
    assert link.get("href") == draft.get_absolute_url()
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert IssueItem.objects.count() == 1


def test_the_archive_page_shows_each_story_with_its_picture(client):
    """A sent issue's web page shows the stories' images, with their alt text, as the email does."""
    article = make_article(title="Tram line approved", hero_image=image_file(), hero_alt="A tram")
    issue = make_issue(articles=[article], status=Issue.Status.SENT)
    page = parse(client.get(issue.get_absolute_url()))
    image = element(page, "//li[@class='newsletter-issue__story']//picture/img")
    assert image.get("alt") == "A tram"
    assert image.get("src").startswith("/media/")


def test_a_reporter_cannot_preview_an_issue(client):
    """The previews follow the view permission: 403 for a reporter, not an error page."""
    issue = make_issue()
    client.force_login(make_staff(role="Reporters"))
    for name in ["admin:newsletters_issue_web", "admin:newsletters_issue_email"]:
        assert client.get(reverse(name, args=[issue.pk])).status_code == 403
