"""Sending an issue: each delivery at most once, paced, retried on temporary failures.

One sender at a time per issue: it holds a PostgreSQL advisory lock for the issue, which
the server drops by itself when the sender's connection dies (a killed worker), so the
next sender knows that nobody else is sending and that a delivery left SENDING was cut off.
"""

import logging
import smtplib
import time
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import connection as database
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Value, When
from django.utils import timezone

from newsletters.emails import IssueEmail, RawIssueEmail
from newsletters.models import Delivery, Issue, Subscription

logger = logging.getLogger(__name__)

# The first key of the advisory locks the newsletters take (the second is the issue's id).
LOCK_NAMESPACE = 1717


@contextmanager
def issue_lock(issue_id: int):
    """True while this database session is the one sending the issue, False if another is."""
    with database.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_NAMESPACE, issue_id])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            with database.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_NAMESPACE, issue_id])


def is_being_sent(issue_id: int) -> bool:
    """Whether a live sender holds the issue's lock now."""
    with issue_lock(issue_id) as free:
        return not free


class Pacer:
    """At most `per_second` calls of wait() a second (0: no limit)."""

    def __init__(self, per_second: float, clock=time.monotonic, sleep=time.sleep):
        self.interval = 1 / per_second if per_second > 0 else 0
        self.clock = clock
        self.sleep = sleep
        self.next_at = None

    def wait(self) -> None:
        if not self.interval:
            return
        now = self.clock()
        if self.next_at is not None and self.next_at > now:
            self.sleep(self.next_at - now)
            now = self.next_at
        self.next_at = now + self.interval


def is_temporary(error: Exception) -> bool:
    """A 4xx answer or a lost connection: worth another try. A 5xx answer is final."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPServerDisconnected | OSError):
        return True
    status = getattr(error, "status_code", None)  # an email provider's API (anymail)
    return status is not None and (status == 429 or status >= 500)


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4, 8... minutes after the first, second, third... failed attempt."""
    return timedelta(minutes=2 ** (attempts - 1))


def send_deliveries(issue_id: int):
    """Send what is left of the issue. Returns when to come back for deferred retries, or None.

    Returns None too when another sender holds the issue (it will finish the job).
    """
    with issue_lock(issue_id) as held:
        if not held:
            return None
        issue = Issue.objects.select_related("newsletter").get(pk=issue_id)
        Delivery.objects.filter(issue=issue, status=Delivery.Status.SENDING).update(
            status=Delivery.Status.UNCONFIRMED,
            error="The sender stopped while handing this email to the mail server.",
        )
        email = IssueEmail(issue)
        pacer = Pacer(settings.NEWSLETTER_EMAILS_PER_SECOND)
        while batch := next_batch(issue):
            send_batch(email, batch, pacer)
        return finish(issue)


def next_batch(issue) -> list[Delivery]:
    receiving = Subscription.objects.filter(
        subscriber=OuterRef("subscriber"),
        newsletter=issue.newsletter_id,
        confirmed_at__isnull=False,
        subscriber__suppressed_at__isnull=True,
    )
    due = Q(retry_at__isnull=True) | Q(retry_at__lte=timezone.now())
    return list(
        Delivery.objects.filter(due, issue=issue, status=Delivery.Status.PENDING)
        .annotate(receiving=Exists(receiving))
        .select_related("subscriber")
        .order_by("pk")[: settings.NEWSLETTER_BATCH_SIZE]
    )


def send_batch(email: IssueEmail, batch: list[Delivery], pacer: Pacer) -> None:
    """The batch over one connection to the mail server (or the provider)."""
    sender = BatchSender(email, pacer)
    try:
        for delivery in batch:
            sender.send(delivery)
    finally:
        sender.close()


def as_expression(value, field):
    return value if hasattr(value, "resolve_expression") else Value(value, output_field=field)


class BatchSender:
    """Sends deliveries over one connection, with one database write per email.

    SENDING is committed before the mail server sees an email, so that it is never sent
    twice; the emails the server accepted are marked SENT in that same commit, the next
    one's (or at the end). A sender killed in between leaves its last accepted email
    SENDING, which the next sender marks unconfirmed and does not send again.
    """

    def __init__(self, email: IssueEmail, pacer: Pacer):
        self.email = email
        self.pacer = pacer
        self.connection = get_connection()
        self.accepted: list[int] = []
        # To an SMTP server, the issue's bytes made once per batch (its Date is the batch's).
        self.raw = RawIssueEmail(email) if isinstance(self.connection, SMTPBackend) else None

    def write(self, pk=None, **fields) -> None:
        """Record the accepted emails as SENT and `fields` on pk, in one statement."""
        if not self.accepted:
            if pk is not None:
                Delivery.objects.filter(pk=pk).update(**fields)
            return
        accepted = {"status": Delivery.Status.SENT, "sent_at": timezone.now(), "error": ""}
        changes = {}
        for name in {*accepted, *fields}:
            field = Delivery._meta.get_field(name)
            on_pk, on_accepted = fields.get(name, F(name)), accepted.get(name, F(name))
            changes[name] = Case(
                When(pk=pk, then=as_expression(on_pk, field)),
                default=as_expression(on_accepted, field),
                output_field=field,
            )
        Delivery.objects.filter(pk__in=[*self.accepted, pk]).update(**changes)
        self.accepted = []

    def send(self, delivery: Delivery) -> None:
        if not delivery.receiving:
            self.write(delivery.pk, status=Delivery.Status.SKIPPED)
            return
        self.write(delivery.pk, status=Delivery.Status.SENDING, attempts=F("attempts") + 1)
        attempts = delivery.attempts + 1
        self.pacer.wait()
        try:
            self.connection.open()  # opens once; an open connection is kept
            sent = self.deliver(delivery)
        except Exception as error:  # any backend's error: recorded on the delivery, not raised
            self.connection.close()  # the next email opens a fresh connection
            logger.warning("Newsletter delivery %s failed: %s", delivery.pk, error)
            if is_temporary(error) and attempts < settings.NEWSLETTER_MAX_ATTEMPTS:
                retry_at = timezone.now() + retry_delay(attempts)
                self.write(
                    delivery.pk,
                    status=Delivery.Status.PENDING,
                    retry_at=retry_at,
                    error=str(error)[:1000],
                )
            else:
                self.write(delivery.pk, status=Delivery.Status.FAILED, error=str(error)[:1000])
            return
        if sent:
            self.accepted.append(delivery.pk)
        else:
            self.write(
                delivery.pk, status=Delivery.Status.FAILED, error="The email backend sent nothing."
            )

    def deliver(self, delivery: Delivery) -> int:
        """Hand the email to the connection; how many it took (1 or 0)."""
        raw = self.raw and self.raw.for_recipient(delivery.subscriber, delivery.pk)
        if raw is not None:
            self.connection.connection.sendmail(self.raw.sender, [delivery.subscriber.email], raw)
            return 1
        message = self.email.message(delivery.subscriber, delivery_id=delivery.pk)
        return self.connection.send_messages([message])

    def close(self) -> None:
        self.write()
        self.connection.close()


def finish(issue):
    """Mark the issue sent when nothing is waiting; else when the next retry is due."""
    waiting = Delivery.objects.filter(issue=issue, status=Delivery.Status.PENDING)
    next_retry = waiting.order_by("retry_at").values_list("retry_at", flat=True).first()
    if next_retry is None and not waiting.exists():
        Issue.objects.filter(pk=issue.pk, status=Issue.Status.SENDING).update(
            status=Issue.Status.SENT, sent_at=timezone.now()
        )
        return None
    return next_retry or timezone.now()


def progress(issue) -> dict[str, int]:
    """How many deliveries are sent, failed (or interrupted) and left."""
    counts = dict.fromkeys(Delivery.Status.values, 0)
    rows = Delivery.objects.filter(issue=issue).values("status").annotate(n=Count("pk"))
    counts.update({row["status"]: row["n"] for row in rows.order_by()})
    return {
        "sent": counts["sent"],
        "failed": counts["failed"] + counts["unconfirmed"],
        "skipped": counts["skipped"],
        "left": counts["pending"] + counts["sending"],
    }
