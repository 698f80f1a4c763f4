from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.fields import RichTextField
from newsroom.images import ImageUploadField
from newsroom.richtext import count_images, count_words, plain_text, reading_minutes, sanitize_html


class Section(models.Model):
    """A desk or topic such as "News Feed", "Ukraine" or "Opinion"."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Sections are listed in this order.")
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("newsfeed:section", kwargs={"slug": self.slug})


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("newsfeed:tag", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """What readers may see: published, with a publish time that has come.

        This is the only gate between a draft and a reader; a scheduled article
        (published with a future time) appears when its time comes, with no job
        to run at that moment.
        """
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=now or timezone.now())

    def scheduled(self, now=None):
        return self.filter(status=Article.Status.PUBLISHED, publish_at__gt=now or timezone.now())


class Article(models.Model):
    """Anything the newsroom publishes: an article, a brief, a video, an opinion."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        BRIEF = "brief", _("Brief")
        VIDEO = "video", _("Video")
        OPINION = "opinion", _("Opinion")
        ANALYSIS = "analysis", _("Analysis")
        INTERVIEW = "interview", _("Interview")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ARTICLE)
    title = models.CharField(_("headline"), max_length=300)
    slug = models.SlugField(
        _("slug"), max_length=300, unique=True, help_text=_("The last part of the article's URL.")
    )
    standfirst = models.TextField(
        _("standfirst"), blank=True, help_text=_("One or two sentences under the headline.")
    )
    body = RichTextField(_("body"), blank=True)
    section = models.ForeignKey(
        Section, verbose_name=_("section"), on_delete=models.PROTECT, related_name="articles"
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")
    authors = models.ManyToManyField(
        "authors.Author",
        verbose_name=_("authors"),
        through="Byline",
        related_name="articles",
        blank=True,
    )

    hero_image = ImageUploadField(
        _("hero image"),
        upload_to="articles/%Y/%m/",
        blank=True,
    )
    hero_alt = models.CharField(
        _("hero image alt text"),
        max_length=300,
        blank=True,
        help_text=_("Describes the image for readers who cannot see it. Required with an image."),
    )
    hero_caption = models.CharField(_("hero image caption"), max_length=500, blank=True)
    hero_credit = models.CharField(_("hero image credit"), max_length=200, blank=True)
    video_url = models.URLField(
        _("video URL"), blank=True, help_text=_("YouTube or Vimeo address, for video items.")
    )

    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_("A future time schedules the article; readers see it from then on."),
    )
    first_published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    is_breaking = models.BooleanField(_("breaking news"), default=False)

    seo_title = models.CharField(
        _("SEO title"), max_length=70, blank=True, help_text=_("Replaces the headline in search.")
    )
    seo_description = models.CharField(
        _("SEO description"),
        max_length=200,
        blank=True,
        help_text=_("Replaces the standfirst in search results and shares."),
    )
    canonical_url = models.URLField(
        _("canonical URL"), blank=True, help_text=_("Only when the original lives elsewhere.")
    )

    word_count = models.PositiveIntegerField(_("word count"), default=0, editable=False)
    reading_time = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), default=1, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-publish_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(publish_at__isnull=False),
                name="article_published_has_publish_time",
                violation_error_message=_("A published article needs a publish time."),
            ),
            models.CheckConstraint(
                condition=Q(hero_image="") | ~Q(hero_alt=""),
                name="article_hero_image_has_alt_text",
                violation_error_message=_("Describe the hero image in its alt text."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-publish_at"], name="article_status_publish_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        self.word_count = count_words(plain_text(self.body))
        images = count_images(self.body) + (1 if self.hero_image else 0)
        self.reading_time = reading_minutes(self.word_count, images)
        if self.status == self.Status.PUBLISHED and self.first_published_at is None:
            self.first_published_at = self.publish_at
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.hero_image and not self.hero_alt.strip():
            errors["hero_alt"] = _("Describe the hero image in its alt text.")
        if self.status == self.Status.PUBLISHED and not self.publish_at:
            errors["publish_at"] = _("A published article needs a publish time.")
        if self.kind == self.Kind.VIDEO and not self.video_url:
            errors["video_url"] = _("A video item needs the address of its video.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED and bool(
            self.publish_at and self.publish_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and bool(
            self.publish_at and self.publish_at > timezone.now()
        )

    @property
    def was_updated(self):
        """Edited more than a minute after it was first published (or created, if later)."""
        if not self.first_published_at:
            return False
        published = max(self.first_published_at, self.created_at)
        return (self.updated_at - published).total_seconds() > 60


class Byline(models.Model):
    """An author of an article, in byline order, with the part they played."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        "authors.Author", verbose_name=_("author"), on_delete=models.PROTECT, related_name="bylines"
    )
    role = models.CharField(
        _("byline role"),
        max_length=100,
        blank=True,
        help_text=_('Shown next to the name, e.g. "Additional reporting". Blank: their role.'),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_author_once"),
        ]

    def __str__(self):
        return f"{self.author} on {self.article}"

    @property
    def display_role(self):
        return self.role or self.author.role


class Correction(models.Model):
    """A dated note telling readers what was wrong and what was changed."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    published_at = models.DateTimeField(_("date"), default=timezone.now)
    text = models.TextField(
        _("correction"), help_text=_("Plain text: what was wrong and what is right now.")
    )

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["published_at", "id"]

    def __str__(self):
        return f"Correction of {timezone.localtime(self.published_at):%Y-%m-%d} to {self.article}"
