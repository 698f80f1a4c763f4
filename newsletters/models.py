"""Newsletters, their subscribers, the issues editors send and one delivery per email."""

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Section, Tag

# The editions' languages: an issue's templates and strings follow its newsletter's.
LANGUAGES = [("en", _("English")), ("uk", _("Ukrainian"))]


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Newsletter(models.Model):
    """A product readers subscribe to, such as "Ukraine Daily", with its schedule."""

    class Approval(models.TextChoices):
        EDITOR = "editor", _("An editor approves each issue")
        AUTOMATIC = "automatic", _("Issues go out on their own")

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.CharField(
        _("description"), max_length=300, blank=True, help_text=_("One line for the sign-up form.")
    )
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGES, default="en")
    is_public = models.BooleanField(
        _("offered in the sign-up form"), default=True, help_text=_("Off: no new sign-ups.")
    )
    send_days = ArrayField(
        models.PositiveSmallIntegerField(choices=Weekday),
        verbose_name=_("days"),
        default=list,
        blank=True,
        help_text=_("Days an issue is assembled at the send time. None: only by hand."),
    )
    send_time = models.TimeField(_("send time"), default="07:00")
    approval = models.CharField(
        _("approval"), max_length=20, choices=Approval, default=Approval.EDITOR
    )
    sections = models.ManyToManyField(
        Section,
        verbose_name=_("sections"),
        blank=True,
        help_text=_("Stories from these sections. None: every section."),
    )
    tags = models.ManyToManyField(
        Tag, verbose_name=_("tags"), blank=True, help_text=_("Only stories with one of these tags.")
    )
    stories_per_section = models.PositiveSmallIntegerField(_("stories per section"), default=3)
    from_name = models.CharField(_("sender name"), max_length=100, blank=True)
    from_email = models.EmailField(
        _("sender address"), blank=True, help_text=_("Empty: NEWSLETTER_FROM_EMAIL.")
    )
    reply_to = models.EmailField(
        _("reply-to address"), blank=True, help_text=_("Empty: NEWSLETTER_REPLY_TO.")
    )

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # The archive is in the newsletter's edition: a Ukrainian one's under /uk/.
        with translation.override(self.language):
            return reverse("newsletters:archive", kwargs={"slug": self.slug})

    @property
    def sender(self) -> str:
        address = self.from_email or settings.NEWSLETTER_FROM_EMAIL
        return f'"{self.from_name}" <{address}>' if self.from_name else address

    @property
    def reply_to_addresses(self) -> list[str]:
        address = self.reply_to or settings.NEWSLETTER_REPLY_TO
        return [address] if address else []


class SubscriberQuerySet(models.QuerySet):
    def receiving(self, newsletter):
        """Confirmed, not suppressed, subscribed to this newsletter."""
        return self.filter(
            suppressed_at__isnull=True,
            subscriptions__newsletter=newsletter,
            subscriptions__confirmed_at__isnull=False,
        )


class Subscriber(models.Model):
    """One email address. Its key signs every link sent to it; a new key revokes them all."""

    email = models.EmailField(_("email address"), max_length=254)
    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    suppressed_at = models.DateTimeField(
        _("suppressed"),
        null=True,
        blank=True,
        help_text=_("Set when the provider reports a bounce or complaint: nothing is sent."),
    )
    suppressed_reason = models.CharField(_("suppression reason"), max_length=200, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="newsletters_subscriber_email_unique")
        ]

    def __str__(self):
        return self.email


class Subscription(models.Model):
    """A subscriber's wish for one newsletter; it counts once the address is confirmed."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "newsletter"], name="newsletters_subscription_unique"
            )
        ]

    def __str__(self):
        return f"{self.subscriber} → {self.newsletter}"


class Issue(models.Model):
    """One day's email of a newsletter: an introduction and ordered stories."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft (waiting for an editor)")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    newsletter = models.ForeignKey(Newsletter, on_delete=models.PROTECT, related_name="issues")
    date = models.DateField(_("date"), default=timezone.localdate)
    subject = models.CharField(_("subject"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAFT, editable=False
    )
    send_at = models.DateTimeField(_("scheduled for"), null=True, blank=True, editable=False)
    started_at = models.DateTimeField(_("sending started"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    send_task_id = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["newsletter", "date"], name="newsletters_issue_daily")
        ]

    def __str__(self):
        return f"{self.newsletter} · {self.date:%Y-%m-%d}"

    def get_absolute_url(self):
        with translation.override(self.newsletter.language):
            return reverse(
                "newsletters:issue", kwargs={"slug": self.newsletter.slug, "date": self.date}
            )

    @property
    def is_editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.SCHEDULED}


class IssueItem(models.Model):
    """A story in an issue, in the editor's order."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="items")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "article"], name="newsletters_item_unique")
        ]

    def __str__(self):
        return str(self.article)


class Delivery(models.Model):
    """One issue to one subscriber: made once, sent at most once.

    SENDING is written before the email is handed to the mail server and SENT after it
    accepted it. A delivery found SENDING by the next sender was cut off in between (the
    worker was killed): it may have arrived, so it is marked UNCONFIRMED, never sent again.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        UNCONFIRMED = "unconfirmed", _("Interrupted (maybe delivered, not sent again)")
        SKIPPED = "skipped", _("Skipped (unsubscribed or suppressed meanwhile)")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    retry_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletters_delivery_once"
            )
        ]
        indexes = [models.Index(fields=["issue", "status"], name="newsletters_delivery_state")]

    def __str__(self):
        return f"{self.issue} → {self.subscriber}"
