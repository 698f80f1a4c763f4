"""The demo newsroom's newsletter: "Ukraine Daily", a few subscribers and one sent issue."""

from datetime import timedelta

from django.utils import timezone

from newsletters import services
from newsletters.models import Delivery, Issue, Newsletter, Subscriber, Subscription, Weekday

SUBSCRIBERS = ["olena@example.org", "mark@example.com", "iryna@example.net", "sam@example.org"]
INTRO = (
    "Good morning. Air defence was busy again overnight, Kyiv's grid is holding, and the "
    "reconstruction money is starting to move. Here is what matters today."
)


def load_newsletters() -> Newsletter:
    """Idempotent: what exists is left as it is."""
    newsletter, _ = Newsletter.objects.get_or_create(
        slug="ukraine-daily",
        defaults={
            "name": "Ukraine Daily",
            "description": "The day's most important news from Ukraine, every morning but Sunday.",
            "send_days": [day for day in Weekday.values if day != Weekday.SUNDAY],
            "send_time": "07:00",
            "from_name": "Ukraine Daily",
            "stories_per_section": 2,
        },
    )
    now = timezone.now()
    for email in SUBSCRIBERS:
        subscriber, _ = Subscriber.objects.get_or_create(
            email=email, defaults={"confirmed_at": now - timedelta(days=30)}
        )
        Subscription.objects.get_or_create(
            subscriber=subscriber,
            newsletter=newsletter,
            defaults={"confirmed_at": subscriber.confirmed_at},
        )
    if not newsletter.issues.exists():
        # Yesterday's issue, as if the worker had sent it at 07:00.
        yesterday = now - timedelta(days=1)
        issue = services.compose_issue(newsletter=newsletter, now=now)
        sent_at = yesterday.replace(hour=5, minute=0)
        Issue.objects.filter(pk=issue.pk).update(
            date=timezone.localdate(yesterday),
            subject=services.issue_subject(newsletter, timezone.localdate(yesterday)),
            intro=INTRO,
            status=Issue.Status.SENT,
            started_at=sent_at,
            sent_at=sent_at,
        )
        Delivery.objects.bulk_create(
            Delivery(
                issue=issue, subscriber=s, status=Delivery.Status.SENT, attempts=1, sent_at=sent_at
            )
            for s in Subscriber.objects.receiving(newsletter)
        )
    return newsletter
