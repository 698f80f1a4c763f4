"""Sending an issue through a real SMTP server: who gets it, how often, with which headers."""

import base64
import json
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from newsletters import services
from newsletters.models import Delivery, Issue, Newsletter
from newsletters.sending import Pacer, progress, send_deliveries
from tests.factories import (
    image_file,
    make_article,
    make_article_in_state,
    make_issue,
    make_newsletter,
    make_subscriber,
)
from tests.html import element, elements, parse

pytestmark = pytest.mark.django_db


def send(issue, run_tasks):
    services.send_now(issue=issue)
    issue.refresh_from_db()  # on_commit hooks run at once in tests: the task is enqueued
    run_tasks()
    issue.refresh_from_db()


def test_an_issue_reaches_each_confirmed_subscriber_exactly_once(
    smtp_server, run_tasks, django_capture_on_commit_callbacks
):
    """Confirmed subscribers get one email; unconfirmed, suppressed and others' get none."""
    newsletter = make_newsletter()
    receiving = [make_subscriber(newsletters=[newsletter]) for _ in range(3)]
    make_subscriber(newsletters=[newsletter], confirmed=False)
    make_subscriber(newsletters=[newsletter], suppressed_at=timezone.now())
    make_subscriber(newsletters=[make_newsletter()])
    issue = make_issue(newsletter=newsletter)

    with django_capture_on_commit_callbacks(execute=True):
        services.send_now(issue=issue)
    run_tasks()
    # A second sender (a duplicate task, a restarted worker) finds nothing left to send.
    services.enqueue_send(issue.pk)
    run_tasks()

    assert sorted(smtp_server.recorder.recipients()) == sorted(s.email for s in receiving)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    assert set(issue.deliveries.values_list("status", flat=True)) == {Delivery.Status.SENT}


def test_the_email_has_unsubscribe_headers_a_text_part_and_absolute_addresses(
    smtp_server, run_tasks, settings, django_capture_on_commit_callbacks
):
    """RFC 8058 headers, From and Reply-To from settings, HTML and text, absolute links."""
    settings.SITE_URL = "https://news.example.org"
    settings.NEWSLETTER_FROM_EMAIL = "briefing@news.example.org"
    settings.NEWSLETTER_REPLY_TO = "desk@news.example.org"
    settings.NEWSLETTER_UNSUBSCRIBE_MAILTO = "unsubscribe@news.example.org"
    newsletter = make_newsletter(name="Ukraine Daily", from_name="Ukraine Daily")
    subscriber = make_subscriber(newsletters=[newsletter])
    article = make_article(
        title="Tram line approved",
        standfirst="Twelve stops.",
        hero_image=image_file(),
        hero_alt="A tram in Kyiv",
    )
    issue = make_issue(newsletter=newsletter, articles=[article], intro="Good morning.")

    with django_capture_on_commit_callbacks(execute=True):
        services.send_now(issue=issue)
    run_tasks()

    [message] = smtp_server.messages
    assert message["From"] == "Ukraine Daily <briefing@news.example.org>"
    assert message["Reply-To"] == "desk@news.example.org"
    assert message["To"] == subscriber.email
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    https, mailto = [part.strip(" <>") for part in message["List-Unsubscribe"].split(",")]
    assert https.startswith("https://news.example.org/newsletters/subscriber/unsubscribe/")
    assert mailto.startswith("mailto:unsubscribe@news.example.org?subject=unsubscribe")
    delivery = Delivery.objects.get()
    assert message["Message-ID"] == f"<issue-{issue.pk}.delivery-{delivery.pk}@news.example.org>"
    text = message.get_body(("plain",)).get_content()
    assert "Tram line approved" in text
    assert https in text
    html = parse(message.get_body(("html",)).get_content())
    story = element(html, "//h2/a")
    assert story.get("href") == "https://news.example.org" + article.get_absolute_url()
    assert element(html, "//img").get("src").startswith("https://news.example.org/media/")
    assert all(link.get("href").startswith("https://") for link in elements(html, "//a"))
    assert element(html, "//meta[@name='color-scheme']").get("content") == "light dark"


def test_one_post_to_the_unsubscribe_address_unsubscribes_without_a_page(
    smtp_server, run_tasks, django_capture_on_commit_callbacks
):
    """A mail app's one-click POST (no cookie, no CSRF token) unsubscribes from that list."""
    newsletter, other = make_newsletter(), make_newsletter()
    subscriber = make_subscriber(newsletters=[newsletter, other])
    with django_capture_on_commit_callbacks(execute=True):
        services.send_now(issue=make_issue(newsletter=newsletter))
    run_tasks()
    url = smtp_server.messages[0]["List-Unsubscribe"].split(",")[0].strip(" <>")
    path = url.removeprefix("http://127.0.0.1:8000")

    client = Client(enforce_csrf_checks=True)
    response = client.post(path, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert list(subscriber.subscriptions.values_list("newsletter", flat=True)) == [other.pk]
    assert client.post(path[:-5] + "xxxx/", {"List-Unsubscribe": "One-Click"}).status_code == 404


def postmark_inbound(client, *, to, subject):
    """An email received by the provider, as Postmark posts it to anymail's inbound webhook."""
    payload = {
        "FromFull": {"Email": "reader@example.org", "Name": ""},
        "ToFull": [{"Email": to, "Name": ""}],
        "Subject": subject,
        "TextBody": "",
        "Headers": [],
        "MessageID": "22c74902-a0c1-4511-804f-341342852c90",
    }
    auth = base64.b64encode(b"hook:secret").decode()
    return client.post(
        "/anymail/postmark/inbound/",
        json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {auth}",
    )


def test_the_mailto_in_list_unsubscribe_unsubscribes_when_the_email_arrives(
    settings, client, smtp_server, run_tasks, django_capture_on_commit_callbacks
):
    """The email a mail app sends to the List-Unsubscribe mailto unsubscribes from that list only."""
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:secret"}
    newsletter, other = make_newsletter(), make_newsletter()
    subscriber = make_subscriber(newsletters=[newsletter, other])
    with django_capture_on_commit_callbacks(execute=True):
        services.send_now(issue=make_issue(newsletter=newsletter))
    run_tasks()
    mailto = urlsplit(smtp_server.messages[0]["List-Unsubscribe"].split(",")[1].strip(" <>"))
    subject = parse_qs(mailto.query)["subject"][0]

    forged = postmark_inbound(client, to=mailto.path, subject=subject[:-4] + "xxxx")
    assert forged.status_code == 200
    assert subscriber.subscriptions.count() == 2
    assert postmark_inbound(client, to=mailto.path, subject=subject).status_code == 200
    assert list(subscriber.subscriptions.values_list("newsletter", flat=True)) == [other.pk]


def test_a_temporary_refusal_is_retried_later_and_delivered_once(
    smtp_server, run_tasks, django_capture_on_commit_callbacks
):
    """A 451 answer puts the email back in line; the deferred task delivers it once."""
    newsletter = make_newsletter()
    busy = make_subscriber(newsletters=[newsletter], email="busy@example.org")
    make_subscriber(newsletters=[newsletter])
    smtp_server.recorder.refuse_temporarily["busy@example.org"] = 1
    issue = make_issue(newsletter=newsletter)

    with django_capture_on_commit_callbacks(execute=True):
        services.send_now(issue=issue)
    run_tasks()
    waiting = Delivery.objects.get(subscriber=busy)
    assert (waiting.status, waiting.attempts) == (Delivery.Status.PENDING, 1)
    assert "451" in waiting.error
    assert len(smtp_server.messages) == 1

    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        run_tasks()

    waiting.refresh_from_db()
    assert (waiting.status, waiting.attempts) == (Delivery.Status.SENT, 2)
    assert smtp_server.recorder.recipients().count("busy@example.org") == 1
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def test_a_permanent_refusal_is_recorded_and_not_retried(
    smtp_server, run_tasks, django_capture_on_commit_callbacks
):
    """A 550 answer marks that delivery failed with the server's words; the rest go out."""
    newsletter = make_newsletter()
    make_subscriber(newsletters=[newsletter], email="gone@example.org")
    make_subscriber(newsletters=[newsletter])
    smtp_server.recorder.refuse_permanently.add("gone@example.org")
    issue = make_issue(newsletter=newsletter)

    with django_capture_on_commit_callbacks(execute=True):
        services.send_now(issue=issue)
    run_tasks()

    failed = Delivery.objects.get(subscriber__email="gone@example.org")
    assert (failed.status, failed.attempts) == (Delivery.Status.FAILED, 1)
    assert "550" in failed.error
    assert progress(issue) == {"sent": 1, "failed": 1, "skipped": 0, "left": 0}


def test_an_unsubscribe_during_a_send_is_respected():
    """A delivery made before the reader unsubscribed is skipped, not sent."""
    newsletter = make_newsletter()
    leaving = make_subscriber(newsletters=[newsletter])
    issue = make_issue(newsletter=newsletter)
    services.send_now(issue=issue)
    services.unsubscribe(subscriber=leaving, newsletter_id=newsletter.pk)

    send_deliveries(issue.pk)

    assert Delivery.objects.get().status == Delivery.Status.SKIPPED


def test_an_issue_is_sent_only_once():
    """Send now on an issue already sending is refused, and no second delivery is made."""
    newsletter = make_newsletter()
    make_subscriber(newsletters=[newsletter])
    issue = make_issue(newsletter=newsletter)
    services.send_now(issue=issue)

    with pytest.raises(services.CannotSend):
        services.send_now(issue=issue)
    assert Delivery.objects.count() == 1


def test_the_pacer_spaces_sends_by_the_rate_setting():
    """At 50 a second, the 101st email waits until two seconds after the first."""
    now = [100.0]
    pacer = Pacer(
        50, clock=lambda: now[0], sleep=lambda seconds: now.__setitem__(0, now[0] + seconds)
    )
    for _ in range(101):
        pacer.wait()
    assert now[0] == pytest.approx(102.0)


def test_send_newsletter_composes_todays_issue_from_published_stories(
    smtp_server, run_tasks, django_capture_on_commit_callbacks
):
    """The command gathers the last day's published stories per section and sends them."""
    newsletter = make_newsletter(slug="ukraine-daily", approval=Newsletter.Approval.AUTOMATIC)
    make_subscriber(newsletters=[newsletter])
    fresh = make_article(title="Fresh story", publish_at=timezone.now() - timedelta(hours=2))
    make_article(title="Old story", publish_at=timezone.now() - timedelta(days=2))
    make_article_in_state("draft", title="Draft story")
    make_article_in_state("scheduled", title="Scheduled story")

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_newsletter", "ukraine-daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
    run_tasks()

    issue = Issue.objects.get()
    assert [item.article for item in issue.items.all()] == [fresh]
    assert issue.status == Issue.Status.SENT
    assert len(smtp_server.messages) == 1
    # Run again the same day: today's issue is already sent, nothing more goes out.
    call_command("send_newsletter", "ukraine-daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
    run_tasks()
    assert len(smtp_server.messages) == 1


def test_a_newsletter_that_needs_approval_waits_for_an_editor(smtp_server, run_tasks):
    """With editor approval, automation composes the issue and sends nothing."""
    newsletter = make_newsletter(approval=Newsletter.Approval.EDITOR)
    make_subscriber(newsletters=[newsletter])
    make_article()

    issue, outcome = services.compose_and_send(newsletter=newsletter)
    run_tasks()

    assert issue.status == Issue.Status.DRAFT
    assert "approval" in outcome
    assert smtp_server.messages == []


def test_the_clock_sends_a_scheduled_issue_when_its_time_comes(smtp_server, run_tasks):
    """A scheduled issue waits; the clock's first run after its time starts the send."""
    newsletter = make_newsletter()
    make_subscriber(newsletters=[newsletter])
    issue = make_issue(newsletter=newsletter)
    services.schedule(issue=issue, send_at=timezone.now() + timedelta(hours=1))

    services.due_work()
    assert Issue.objects.get().status == Issue.Status.SCHEDULED

    services.due_work(now=timezone.now() + timedelta(hours=1, minutes=1))
    run_tasks()
    assert Issue.objects.get().status == Issue.Status.SENT
    assert len(smtp_server.messages) == 1


def test_the_copy_made_from_the_issues_bytes_is_the_email_django_would_build():
    """The fast path (one MIME build per batch, then replaces) gives the same headers and parts."""
    from email import message_from_bytes, policy

    from newsletters.emails import IssueEmail, RawIssueEmail

    subscriber = make_subscriber(newsletters=[make_newsletter(name="Ukraine Daily")])
    issue = make_issue(newsletter=subscriber.subscriptions.get().newsletter, intro="Morning.")
    email = IssueEmail(issue)
    raw = RawIssueEmail(email).for_recipient(subscriber, 42)
    assert raw is not None
    fast = message_from_bytes(raw, policy=policy.default)
    built = message_from_bytes(
        # As Django's SMTP backend sends it.
        email.message(subscriber, delivery_id=42).message().as_bytes(linesep="\r\n"),
        policy=policy.default,
    )

    for header in ["To", "From", "Subject", "Message-ID", "List-Unsubscribe", "List-Id"]:
        assert str(fast[header]).strip() == str(built[header]).strip(), header
    for kind in ["plain", "html"]:
        assert fast.get_body((kind,)).get_content() == built.get_body((kind,)).get_content()


def test_a_ukrainian_newsletter_speaks_ukrainian(
    smtp_server, run_tasks, django_capture_on_commit_callbacks
):
    """Its issue's subject, dates and every string of the email are Ukrainian."""
    from datetime import date

    newsletter = make_newsletter(name="Україна щодня", language="uk")
    make_subscriber(newsletters=[newsletter])
    subject = services.issue_subject(newsletter, date(2026, 12, 2))
    issue = make_issue(newsletter=newsletter, subject=subject, date=date(2026, 12, 2))

    with django_capture_on_commit_callbacks(execute=True):
        services.send_now(issue=issue)
    run_tasks()

    [message] = smtp_server.messages
    assert message["Subject"].strip() == "Україна щодня: 2 грудня 2026"
    html = parse(message.get_body(("html",)).get_content())
    assert html.get("lang") == "uk"
    footer = " ".join(a.text for a in elements(html, "//a"))
    assert "Відписатися" in footer
    assert "Керувати розсилками" in footer
    assert "Unsubscribe" not in message.get_body(("plain",)).get_content()


def test_a_newsletter_assembles_and_sends_its_own_issue_at_its_time(
    smtp_server, run_tasks, django_capture_on_commit_callbacks
):
    """Mon–Sat at 07:00: nothing before the time or on Sunday; at 07:05 Monday it goes out."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    kyiv = ZoneInfo("Europe/Kyiv")
    monday_early = datetime(2026, 12, 7, 6, 55, tzinfo=kyiv)
    newsletter = make_newsletter(
        approval=Newsletter.Approval.AUTOMATIC, send_days=[0, 1, 2, 3, 4, 5], send_time="07:00"
    )
    make_subscriber(newsletters=[newsletter])
    make_article(publish_at=monday_early - timedelta(hours=2))

    services.due_work(now=monday_early)
    services.due_work(now=datetime(2026, 12, 6, 9, 0, tzinfo=kyiv))  # Sunday
    assert not Issue.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        services.due_work(now=monday_early + timedelta(minutes=10))
    run_tasks()
    services.due_work(now=monday_early + timedelta(minutes=11))  # once a day only

    issue = Issue.objects.get()
    assert (issue.date.isoformat(), issue.status) == ("2026-12-07", Issue.Status.SENT)
    assert len(smtp_server.messages) == 1
