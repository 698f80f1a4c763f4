"""Live coverage: a live story (an article kind of its own) and its timestamped entries."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from website.fields import RichTextField, sanitized


class LiveStory(models.Model):
    """Rolling coverage: an article whose page lists timestamped entries, newest first.

    The article keeps the headline, standfirst, bylines, section and the publishing rule
    (a live story is seen by readers when its article is published); this row adds what
    makes it live. Its primary key is its article's, so the article's tag names it too.
    """

    class State(models.TextChoices):
        LIVE = "live", _("Live")
        PAUSED = "paused", _("Paused")
        ENDED = "ended", _("Ended")

    article = models.OneToOneField(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="live_story",
        help_text=_("Headline, standfirst, bylines and section come from this article."),
    )
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=State,
        default=State.LIVE,
        help_text=_("Live: readers get new entries as they come. Ended: a normal archive page."),
    )
    coverage_start = models.DateTimeField(_("coverage start"), default=timezone.now)
    coverage_end = models.DateTimeField(
        _("coverage end"), null=True, blank=True, help_text=_("Set when the coverage ends.")
    )
    key_points = RichTextField(
        _("key points"),
        blank=True,
        help_text=_("A short list or summary kept current at the top of the page."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # What an article's card reads of its live story (the LIVE label, is_live), in the
    # card's own query (articles/selectors.py).
    card_fields = ("state",)

    class Meta:
        verbose_name = _("live story")
        verbose_name_plural = _("live stories")
        ordering = ["-coverage_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(coverage_end__isnull=True)
                | Q(coverage_end__gte=models.F("coverage_start")),
                name="live_story_ends_after_it_starts",
                violation_error_message=_("The coverage cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return str(self.article)

    def get_absolute_url(self):
        return self.article.get_absolute_url()

    @property
    def is_live(self) -> bool:
        """Readers' pages poll for new entries only while this is true."""
        return self.state == self.State.LIVE


class LiveEntryQuerySet(models.QuerySet):
    """The rule for entries, written once: an entry is seen from its time on."""

    def published(self, now=None):
        return self.filter(published_at__lte=now or timezone.now())

    def scheduled(self, now=None):
        return self.filter(published_at__gt=now or timezone.now())

    def upcoming_changes(self, now=None) -> list[models.QuerySet]:
        """The next scheduled entry's time, for caching/watched.py (its page changes then)."""
        return [self.scheduled(now).order_by("published_at").values_list("published_at")[:1]]


class LiveEntry(models.Model):
    """One timestamped update of a live story."""

    story = models.ForeignKey(
        LiveStory, verbose_name=_("live story"), on_delete=models.CASCADE, related_name="entries"
    )
    authors = models.ManyToManyField(
        "authors.Author", verbose_name=_("authors"), blank=True, related_name="live_entries"
    )
    published_at = models.DateTimeField(
        _("time"),
        default=timezone.now,
        db_index=True,
        help_text=_("A future time schedules the entry; readers see it from then on."),
    )
    headline = models.CharField(_("headline"), max_length=300, blank=True)
    body = RichTextField(_("text"), blank=True)
    # A library image (images.Image): its alt text, caption, credit and renditions are its own.
    image = models.ForeignKey(
        "images.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="live_entries",
        help_text=_("Choose an image from the media library, or upload a new one below."),
    )
    video_url = models.URLField(
        _("video URL"), blank=True, help_text=_("A YouTube or Vimeo address.")
    )
    post_url = models.URLField(
        _("post on X or Telegram"),
        blank=True,
        help_text=_("Shown as a card; the post itself loads only when a reader asks."),
    )
    is_pinned = models.BooleanField(
        _("pinned"), default=False, help_text=_("Shown above the other entries.")
    )
    correction = models.TextField(
        _("correction"), blank=True, help_text=_("Plain text: what was wrong and what is right.")
    )
    corrected_at = models.DateTimeField(_("corrected"), null=True, blank=True, editable=False)
    edited_at = models.DateTimeField(
        _("edited"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The last change to its words after it was published."),
    )
    promoted_to = models.OneToOneField(
        "articles.Article",
        verbose_name=_("full article"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="promoted_from_entry",
        help_text=_("The full article this entry became."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="live_entries",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = LiveEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("live entry")
        verbose_name_plural = _("live entries")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(headline="", body="", image__isnull=True, video_url="", post_url=""),
                name="live_entry_says_something",
                violation_error_message=_("An entry needs a headline, text, an image or an embed."),
            ),
        ]
        indexes = [
            models.Index(
                fields=["story", "-published_at", "-id"], name="live_entry_story_order_idx"
            ),
        ]

    def __str__(self):
        return self.headline or f"{self.story} @ {timezone.localtime(self.published_at):%H:%M}"

    def save(self, *args, **kwargs):
        self.body = sanitized(self.body)
        if not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The entry's permalink: its own page, with its own share title and description."""
        slug = self.story.article.slug
        return reverse("live:entry", kwargs={"slug": slug, "pk": self.pk})

    def clean(self):
        errors = {}
        if not any([self.headline, self.body, self.image_id, self.video_url, self.post_url]):
            errors["body"] = _("An entry needs a headline, text, an image or an embed.")
        if errors:
            raise ValidationError(errors)

    @property
    def anchor(self) -> str:
        return f"entry-{self.pk}"

    @property
    def was_updated(self) -> bool:
        return self.edited_at is not None


class EntryAutosave(models.Model):
    """Text typed in the entry form and not posted yet, kept on the server every few seconds,
    as an article's is (articles.Autosave): one per person and entry, and one per person and
    live story for an entry not posted yet. Readers never see it; the form takes it back."""

    story = models.ForeignKey(LiveStory, on_delete=models.CASCADE, related_name="autosaves")
    entry = models.ForeignKey(
        LiveEntry, on_delete=models.CASCADE, null=True, blank=True, related_name="autosaves"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="live_entry_autosaves"
    )
    data = models.JSONField(_("fields"), default=dict)
    saved_at = models.DateTimeField(_("autosaved"), default=timezone.now)

    class Meta:
        verbose_name = _("entry autosave")
        verbose_name_plural = _("entry autosaves")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "user"],
                condition=Q(entry__isnull=False),
                name="live_autosave_once_per_entry_and_person",
            ),
            models.UniqueConstraint(
                fields=["story", "user"],
                condition=Q(entry__isnull=True),
                name="live_autosave_once_per_new_entry_and_person",
            ),
        ]

    def __str__(self):
        return f"Autosave of {self.entry or 'a new entry'} by {self.user}"
