"""What readers and editors do with newsletters: sign up, confirm, leave; compose and send."""

from datetime import datetime, timedelta

from django.core.mail import get_connection
from django.db import transaction
from django.utils import formats, timezone, translation
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from articles.models import Article
from newsletters import tasks
from newsletters.emails import IssueEmail, confirmation_message
from newsletters.models import Delivery, Issue, IssueItem, Newsletter, Subscriber, Subscription
from newsletters.sending import is_being_sent

# --- Readers -----------------------------------------------------------------------------


def request_signup(*, email: str, newsletter_ids: list[int]) -> None:
    """What a sign-up does, in the background so that every address gets the same answer.

    A new or unconfirmed address gets a confirmation link; an address already receiving
    every newsletter it asked for gets a reminder with its subscriber page instead.
    """
    newsletters = list(Newsletter.objects.filter(pk__in=newsletter_ids, is_public=True))
    if not newsletters:
        return
    with transaction.atomic():
        subscriber = Subscriber.objects.filter(email__iexact=email).first()
        if subscriber is None:
            subscriber = Subscriber.objects.create(email=email)
        if subscriber.suppressed_at:
            return  # the provider reported this address as bouncing or complaining
        confirmed = True
        for newsletter in newsletters:
            subscription, _ = Subscription.objects.get_or_create(
                subscriber=subscriber, newsletter=newsletter
            )
            confirmed &= subscription.confirmed_at is not None
    confirmation_message(
        subscriber, newsletters, already_subscribed=confirmed and bool(subscriber.confirmed_at)
    ).send()


@transaction.atomic
def confirm(*, subscriber: Subscriber, newsletter_ids: list[int], now=None) -> list[Newsletter]:
    now = now or timezone.now()
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = now
        subscriber.save(update_fields=["confirmed_at"])
    subscriber.subscriptions.filter(
        newsletter__in=newsletter_ids, confirmed_at__isnull=True
    ).update(confirmed_at=now)
    return list(Newsletter.objects.filter(pk__in=newsletter_ids))


@transaction.atomic
def set_subscriptions(*, subscriber: Subscriber, newsletters) -> None:
    """The subscriber's own choice on their page (they came by a signed link: confirmed)."""
    now = timezone.now()
    subscriber.subscriptions.exclude(newsletter__in=newsletters).delete()
    for newsletter in newsletters:
        Subscription.objects.update_or_create(
            subscriber=subscriber, newsletter=newsletter, defaults={"confirmed_at": now}
        )
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = now
        subscriber.save(update_fields=["confirmed_at"])


def unsubscribe(*, subscriber: Subscriber, newsletter_id: int) -> None:
    subscriber.subscriptions.filter(newsletter=newsletter_id).delete()


def export(subscriber: Subscriber) -> dict:
    """Everything kept about a subscriber, as JSON-ready data."""
    return {
        "email": subscriber.email,
        "signed_up": subscriber.created_at.isoformat(),
        "confirmed": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
        "suppressed": subscriber.suppressed_at.isoformat() if subscriber.suppressed_at else None,
        "suppressed_reason": subscriber.suppressed_reason,
        "subscriptions": [
            {
                "newsletter": subscription.newsletter.name,
                "since": subscription.created_at.isoformat(),
                "confirmed": (
                    subscription.confirmed_at.isoformat() if subscription.confirmed_at else None
                ),
            }
            for subscription in subscriber.subscriptions.select_related("newsletter")
        ],
        "emails_sent": [
            {
                "issue": str(delivery.issue),
                "status": delivery.status,
                "sent": delivery.sent_at.isoformat() if delivery.sent_at else None,
            }
            for delivery in Delivery.objects.filter(subscriber=subscriber).select_related(
                "issue__newsletter"
            )
        ],
    }


def delete(subscriber: Subscriber) -> None:
    """The subscriber, their subscriptions and their delivery records, gone."""
    subscriber.delete()


# --- Editors -----------------------------------------------------------------------------


def top_stories(newsletter: Newsletter, *, now: datetime) -> list[Article]:
    """The last day's published stories in the newsletter's language, the newest few of each
    section, sections in order."""
    stories = (
        Article.objects.published(now)
        .filter(publish_at__gt=now - timedelta(days=1), language=newsletter.language)
        .select_related("section")
        .order_by("section__position", "section__name", "-publish_at")
    )
    if newsletter.sections.exists():
        stories = stories.filter(section__in=newsletter.sections.all())
    if newsletter.tags.exists():
        stories = stories.filter(tags__in=newsletter.tags.all()).distinct()
    chosen, per_section = [], {}
    for article in stories:
        count = per_section.get(article.section_id, 0)
        if count < newsletter.stories_per_section:
            chosen.append(article)
            per_section[article.section_id] = count + 1
    return chosen


def issue_subject(newsletter: Newsletter, date) -> str:
    with translation.override(newsletter.language):
        return f"{newsletter.name}: {formats.date_format(date, 'j E Y')}"


@transaction.atomic
def compose_issue(*, newsletter: Newsletter, now=None) -> Issue:
    """Today's issue of the newsletter, assembled from the top stories (once a day)."""
    now = now or timezone.now()
    date = timezone.localdate(now)
    issue, created = Issue.objects.get_or_create(
        newsletter=newsletter, date=date, defaults={"subject": issue_subject(newsletter, date)}
    )
    if created:
        IssueItem.objects.bulk_create(
            IssueItem(issue=issue, article=article, position=position)
            for position, article in enumerate(top_stories(newsletter, now=now))
        )
    return issue


class CannotSend(Exception):
    """Why an issue cannot go out (already sent, or no stories); said to the editor."""


@transaction.atomic
def send_now(*, issue: Issue, now=None) -> int:
    """Start sending: one delivery per receiving subscriber, made once. Returns how many."""
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    if not issue.is_editable:
        raise CannotSend(f"This issue is already {issue.get_status_display().lower()}.")
    if not issue.items.exists():
        raise CannotSend("This issue has no stories.")
    subscribers = Subscriber.objects.receiving(issue.newsletter_id).values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        (Delivery(issue=issue, subscriber_id=pk) for pk in subscribers.iterator()),
        batch_size=2000,
        ignore_conflicts=True,
    )
    issue.status = Issue.Status.SENDING
    issue.started_at = now or timezone.now()
    issue.save(update_fields=["status", "started_at"])
    transaction.on_commit(lambda: enqueue_send(issue.pk))
    return issue.deliveries.count()


def enqueue_send(issue_id: int, *, run_after=None) -> str:
    task = tasks.send_issue.using(run_after=run_after) if run_after else tasks.send_issue
    result = task.enqueue(issue_id)
    Issue.objects.filter(pk=issue_id).update(send_task_id=str(result.id))
    return str(result.id)


@transaction.atomic
def schedule(*, issue: Issue, send_at: datetime) -> None:
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    if not issue.is_editable:
        raise CannotSend(f"This issue is already {issue.get_status_display().lower()}.")
    if not issue.items.exists():
        raise CannotSend("This issue has no stories.")
    issue.status, issue.send_at = Issue.Status.SCHEDULED, send_at
    issue.save(update_fields=["status", "send_at"])


def unschedule(*, issue: Issue) -> None:
    Issue.objects.filter(pk=issue.pk, status=Issue.Status.SCHEDULED).update(
        status=Issue.Status.DRAFT, send_at=None
    )


def send_test(*, issue: Issue, email: str) -> None:
    """The issue to one address, now, marked as a test; its links lead nowhere."""
    message = IssueEmail(issue).message(Subscriber(email=email))
    message.subject = f"[Test] {message.subject}"
    message.connection = get_connection()
    message.send()


def compose_and_send(*, newsletter: Newsletter, now=None) -> tuple[Issue, str]:
    """What automation runs (send_newsletter, the schedule): today's issue, by the rules.

    Returns the issue and what happened to it, in words for the editor.
    """
    issue = compose_issue(newsletter=newsletter, now=now)
    if not issue.is_editable:
        return issue, f"already {issue.get_status_display().lower()}"
    if newsletter.approval == Newsletter.Approval.EDITOR and issue.status == Issue.Status.DRAFT:
        return issue, "composed, waiting for an editor's approval"
    try:
        count = send_now(issue=issue, now=now)
    except CannotSend as reason:
        return issue, f"not sent: {reason}"
    return issue, f"sending to {count} subscribers"


# --- The clock (every minute in the worker) -------------------------------------------------


def due_work(now=None) -> list[str]:
    """Scheduled issues whose time came, newsletters whose time came, sends to resume."""
    now = now or timezone.now()
    done = []
    for issue in Issue.objects.filter(status=Issue.Status.SCHEDULED, send_at__lte=now):
        try:
            send_now(issue=issue, now=now)
            done.append(f"{issue}: sending (scheduled)")
        except CannotSend as reason:
            unschedule(issue=issue)
            done.append(f"{issue}: not sent, {reason}")
    local = timezone.localtime(now)
    for newsletter in Newsletter.objects.filter(send_days__contains=[local.weekday()]):
        if (
            newsletter.send_time <= local.time()
            and not newsletter.issues.filter(date=local.date()).exists()
        ):
            issue, outcome = compose_and_send(newsletter=newsletter, now=now)
            done.append(f"{issue}: {outcome}")
    for issue in Issue.objects.filter(status=Issue.Status.SENDING):
        if needs_a_sender(issue):
            resumed_by = enqueue_send(issue.pk)
            if issue.send_task_id:
                tasks.close_abandoned(issue.send_task_id, resumed_by=resumed_by)
            done.append(f"{issue}: sending resumed")
    return done


def needs_a_sender(issue: Issue) -> bool:
    """A send that no live sender holds and no waiting task will take up (a killed worker)."""
    if is_being_sent(issue.pk):
        return False
    if issue.send_task_id:
        try:
            status = tasks.send_issue.get_result(issue.send_task_id).status
        except TaskResultDoesNotExist:  # its record was pruned
            status = None
        if status == TaskResultStatus.READY:
            return False
    return issue.deliveries.filter(
        status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING]
    ).exists()
