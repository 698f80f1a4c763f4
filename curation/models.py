from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article

# How many places each part of a front page has.
PLACES = {"lead": 1, "top": 3, "pick": 4, "section": 3}


class Placement(models.TextChoices):
    LEAD = "lead", _("Lead story")
    TOP = "top", _("Top story")
    PICK = "pick", _("Editors' pick")
    SECTION = "section", _("Section page")


# The placements of the home page.
HOME = (Placement.LEAD, Placement.TOP, Placement.PICK)


class PinQuerySet(models.QuerySet):
    """When a pin is shown, written once: inside its times, and only for a published article.

    The article's own publishing rule is the gate (Article.objects.published()), so a
    pin of a draft or a scheduled article shows nothing until the article is live.
    Like scheduled articles, pins start and end with no job running: pages expire at
    the next start or end (next_change_at, watched by caching/watched.py).
    """

    def live(self, now=None):
        now = now or timezone.now()
        return self.filter(
            Q(starts_at__isnull=True) | Q(starts_at__lte=now),
            Q(ends_at__isnull=True) | Q(ends_at__gt=now),
            article__in=Article.objects.published(now),
        )

    def upcoming_changes(self, now=None) -> list[models.QuerySet]:
        """The next start and the next end of a pin, each as a one-column queryset."""
        now = now or timezone.now()
        return [
            self.filter(**{f"{field}__gt": now}).order_by(field).values_list(field)[:1]
            for field in ("starts_at", "ends_at")
        ]

    def shown_order(self):
        """For each place, the pin that started last wins; pins without a start, the newest."""
        return self.order_by(
            "position", models.F("starts_at").desc(nulls_last=True), "-created_at", "-id"
        )


class Pin(models.Model):
    """An article an editor placed on the front page or a section page, for a time."""

    Placement = Placement

    placement = models.CharField(_("placement"), max_length=10, choices=Placement)
    section = models.ForeignKey(
        "articles.Section",
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pins",
        help_text=_("For a section page only: the section whose page shows the article."),
    )
    position = models.PositiveSmallIntegerField(
        _("place"),
        default=1,
        help_text=_(
            "1 is the first place. Top stories have 3 places, editors' picks 4, "
            "a section page 3; the lead story has one."
        ),
    )
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="pins",
    )
    starts_at = models.DateTimeField(
        _("show from"), null=True, blank=True, help_text=_("Empty: from now on.")
    )
    ends_at = models.DateTimeField(
        _("show until"),
        null=True,
        blank=True,
        help_text=_(
            "Empty: until someone removes the pin. The newest stories fill the place then."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PinQuerySet.as_manager()

    class Meta:
        verbose_name = _("pinned story")
        verbose_name_plural = _("pinned stories")
        ordering = ["placement", "section", "position", "-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True)
                | Q(starts_at__isnull=True)
                | Q(ends_at__gt=models.F("starts_at")),
                name="pin_ends_after_it_starts",
                violation_error_message=_("A pin must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(placement=Placement.SECTION, section__isnull=False)
                | (~Q(placement=Placement.SECTION) & Q(section__isnull=True)),
                name="pin_section_only_on_section_pages",
                violation_error_message=_("Name a section for a section page, and only then."),
            ),
            models.CheckConstraint(condition=Q(position__gte=1), name="pin_place_from_one"),
        ]
        indexes = [
            models.Index(fields=["placement", "section", "position"], name="pin_place_idx"),
        ]

    def __str__(self):
        where = self.section.name if self.section_id else self.get_placement_display()
        return f"{where} {self.position}: {self.article}"

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The pin must end after it starts.")
        if self.placement == Placement.SECTION and not self.section_id:
            errors["section"] = _("Choose the section whose page shows the article.")
        if self.placement and self.placement != Placement.SECTION and self.section_id:
            errors["section"] = _("Only a section page pin names a section.")
        places = PLACES.get(self.placement)
        if places and self.position and self.position > places:
            errors["position"] = _("This placement has %(count)d place(s).") % {"count": places}
        if errors:
            raise ValidationError(errors)

    def state(self, now=None) -> str:
        """What readers get from this pin now, in words for the admin."""
        now = now or timezone.now()
        if self.ends_at and self.ends_at <= now:
            return _("Expired")
        article_state = self.article.state(now)
        if article_state not in {Article.Status.PUBLISHED, Article.Status.SCHEDULED}:
            return _("Not shown: the article is not published")
        if self.starts_at and self.starts_at > now:
            return _("Starts later")
        if article_state == Article.Status.SCHEDULED:
            return _("Starts when the article is published")
        return _("Shown")
