import reversion
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.fields.json import KeyTextTransform
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import heroes
from articles.share_tokens import sign_share_link
from images import renditions
from images.alt_text import AltTextRule
from images.uploads import ImageUploadField
from website import editions, lemmas
from website.fields import RichTextField, sanitized
from website.richtext import count_images, count_words, plain_text, reading_minutes
from website.translations import translation_of_field

# The text-search configuration (language) of the search vector and of readers' queries.
SEARCH_CONFIG = "english"
# Languages PostgreSQL has no stemmer for are searched by their words' dictionary forms
# (website/lemmas.py), stored on save and indexed with this configuration.
LEMMA_CONFIG = "simple"


def language_field():
    return editions.language_field(db_index=True)


class EditionQuerySet(models.QuerySet):
    def in_edition(self, language: str | None = None):
        """What belongs to one edition: the language being rendered unless one is named."""
        return self.filter(language=language or editions.current())


class Section(models.Model):
    """A desk or topic such as "News Feed", "Ukraine" or "Opinion"."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    language = language_field()
    translation_of = translation_of_field("self")
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Sections are listed in this order.")
    )

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="section_slug_per_language"),
            models.UniqueConstraint(fields=["language", "name"], name="section_name_per_language"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return editions.slug_address("newsfeed:section", self.language, self.slug)


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    language = language_field()
    translation_of = translation_of_field("self")

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="tag_slug_per_language"),
            models.UniqueConstraint(fields=["language", "name"], name="tag_name_per_language"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return editions.slug_address("newsfeed:tag", self.language, self.slug)


class Status(models.TextChoices):
    """Where an article stands. SCHEDULED is never stored: it is a published article
    whose publish time has not come (Article.state() and the querysets tell them apart)."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "review", _("In review")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


# The states a row stores; a scheduled article is stored as published.
STORED_STATUSES = [choice for choice in Status.choices if choice[0] != Status.SCHEDULED]


class ArticleQuerySet(EditionQuerySet):
    """The publishing rule, written once: a published status and a publish time that has come.

    This is the only gate between a draft and a reader; a scheduled article
    (published with a future time) appears when its time comes, with no job to
    run at that moment. Article.state() is the same rule for one article.
    """

    def published(self, now=None):
        return self.filter(status=Status.PUBLISHED, publish_at__lte=now or timezone.now())

    def scheduled(self, now=None):
        return self.filter(status=Status.PUBLISHED, publish_at__gt=now or timezone.now())

    def next_publish_at(self, now=None):
        """When the next scheduled article goes live, or None."""
        upcoming = self.scheduled(now).order_by("publish_at").values_list("publish_at", flat=True)
        return upcoming.first()

    def upcoming_changes(self, now=None) -> list[models.QuerySet]:
        """The next publish time as a one-column queryset, for caching/watched.py."""
        return [self.scheduled(now).order_by("publish_at").values_list("publish_at")[:1]]


HERO_ALT_TEXT = AltTextRule(image="hero_image", alt="hero_alt", label=_("hero image"))


@reversion.register(follow=["bylines"])
class Article(models.Model):
    """Anything the newsroom publishes: an article, a brief, a video, an opinion."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        BRIEF = "brief", _("Brief")
        VIDEO = "video", _("Video")
        OPINION = "opinion", _("Opinion")
        ANALYSIS = "analysis", _("Analysis")
        INTERVIEW = "interview", _("Interview")

    Status = Status

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ARTICLE)
    title = models.CharField(_("headline"), max_length=300)
    slug = models.SlugField(
        _("slug"), max_length=300, unique=True, help_text=_("The last part of the article's URL.")
    )
    standfirst = models.TextField(
        _("standfirst"), blank=True, help_text=_("One or two sentences under the headline.")
    )
    body = RichTextField(_("body"), blank=True)
    language = language_field()
    translation_of = translation_of_field("self")
    # What the source said when this translation was last brought up to date with it: its
    # version and its text, so editors see the source's changes since (articles/translations.py).
    source_version = models.PositiveIntegerField(
        _("source version translated"), null=True, blank=True, editable=False
    )
    source_text = models.JSONField(_("source text translated"), default=dict, editable=False)
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
        width_field="hero_width",
        height_field="hero_height",
    )
    # Stored so pages never open image files to learn their size.
    hero_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_alt = models.CharField(
        _("hero image alt text"),
        max_length=300,
        blank=True,
        help_text=_("Describes the image for readers who cannot see it. Required with an image."),
    )
    hero_renditions = renditions.RenditionsField(
        _("hero image renditions"),
        help_text=_("Resized copies of the hero image, made once when it is uploaded."),
    )
    hero_caption = models.CharField(_("hero image caption"), max_length=500, blank=True)
    hero_credit = models.CharField(_("hero image credit"), max_length=200, blank=True)
    # The library image the hero is; the fields above are the article's copy (articles/heroes.py).
    hero = models.ForeignKey(
        "images.Image",
        verbose_name=_("library image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hero_articles",
        help_text=_("Reuse an image from the library, or upload a new one below."),
    )
    video_url = models.URLField(
        _("video URL"), blank=True, help_text=_("YouTube or Vimeo address, for video items.")
    )

    status = models.CharField(
        _("status"), max_length=20, choices=STORED_STATUSES, default=Status.DRAFT, db_index=True
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
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Goes up by one on every save; an edit of an older version is refused."),
    )
    # Kept by PostgreSQL itself from the headline (weighs most), standfirst and body; the
    # body's HTML tags are skipped by the text-search parser.
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("standfirst", weight="B", config=SEARCH_CONFIG)
        + SearchVector("body", weight="C", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
        verbose_name=_("search vector"),
    )
    # For a language without a stemmer in PostgreSQL: the dictionary forms of the words of
    # the headline, standfirst and body (website/lemmas.py), made on save, and their vector.
    search_lemmas = models.JSONField(_("search words"), default=dict, editable=False)
    lemma_vector = models.GeneratedField(
        expression=SearchVector(
            KeyTextTransform("title", "search_lemmas"), weight="A", config=LEMMA_CONFIG
        )
        + SearchVector(
            KeyTextTransform("standfirst", "search_lemmas"), weight="B", config=LEMMA_CONFIG
        )
        + SearchVector(KeyTextTransform("body", "search_lemmas"), weight="C", config=LEMMA_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
        verbose_name=_("search vector of dictionary forms"),
    )

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
            HERO_ALT_TEXT.constraint(name="article_hero_image_has_alt_text"),
            # A translation group has at most one article per language.
            models.UniqueConstraint(
                fields=["translation_of", "language"], name="article_one_translation_per_language"
            ),
        ]
        indexes = [
            # The published gate and its newest-first order, for every listing.
            models.Index(
                fields=["status", "-publish_at", "-id"], name="article_published_order_idx"
            ),
            GinIndex(fields=["search_vector"], name="article_search_vector_idx"),
            GinIndex(fields=["lemma_vector"], name="article_lemma_vector_idx"),
            # A section's page and its block on the home page, newest first.
            models.Index(
                fields=["section", "-publish_at", "-id"], name="article_section_order_idx"
            ),
            # Items of some kinds, newest first: the home page's reads (opinion, analysis,
            # interviews), a small share of the archive.
            models.Index(fields=["kind", "-publish_at", "-id"], name="article_kind_order_idx"),
            # The home page's breaking-news banner: few rows, found without a scan.
            models.Index(
                fields=["-publish_at"],
                condition=Q(is_breaking=True),
                name="article_breaking_idx",
            ),
        ]
        permissions = [
            (
                "publish_article",
                _("Can publish, schedule, unpublish, correct and oversee all articles"),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        heroes.attach(self)  # first: the reading time counts the hero image
        self.update_derived_fields()
        if not self._state.adding:
            # Every save is a new version; editors' forms compare it to catch lost edits.
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return editions.slug_address("articles:detail", self.language, self.slug)

    def clean(self):
        errors = HERO_ALT_TEXT.errors(self)
        if self.status == self.Status.PUBLISHED and not self.publish_at:
            errors["publish_at"] = _("A published article needs a publish time.")
        if self.section_id and self.section.language != self.language:
            errors["section"] = _("The section must be one of the article's edition.")
        if self.kind == self.Kind.VIDEO and not self.video_url:
            errors["video_url"] = _("A video item needs the address of its video.")
        if errors:
            raise ValidationError(errors)

    def update_derived_fields(self):
        """Sanitise the body and measure it; every save path (bulk ones too) calls this."""
        self.body = sanitized(self.body)
        self.word_count = count_words(plain_text(self.body))
        images = count_images(self.body) + (1 if self.hero_image else 0)
        self.reading_time = reading_minutes(self.word_count, images)
        self.search_lemmas = lemmas.document(
            self.language,
            title=self.title,
            standfirst=self.standfirst,
            body=plain_text(self.body),
        )
        if self.status == self.Status.PUBLISHED and self.first_published_at is None:
            self.first_published_at = self.publish_at

    @property
    def hero_picture(self) -> renditions.Picture:
        return renditions.Picture(self.hero_renditions, original=self.hero_image, alt=self.hero_alt)

    def state(self, now=None) -> Status:
        """The publishing rule of ArticleQuerySet for one article, with SCHEDULED told apart."""
        if self.status != Status.PUBLISHED:
            return Status(self.status)
        live = self.publish_at is not None and self.publish_at <= (now or timezone.now())
        return Status.PUBLISHED if live else Status.SCHEDULED

    @property
    def is_published(self):
        return self.state() == Status.PUBLISHED

    @property
    def is_scheduled(self):
        return self.state() == Status.SCHEDULED

    @property
    def was_updated(self):
        """Edited more than a minute after it was first published (or created, if later)."""
        if not self.first_published_at:
            return False
        published = max(self.first_published_at, self.created_at)
        return (self.updated_at - published).total_seconds() > 60


# The article's content, declared once, as the groups of the article form (in the admin's
# fieldsets format). The admin form and its fieldsets, the revision restore and the
# revision diff derive from it. Status and publish time are not content: they change
# only by workflow steps.
CONTENT_FIELDSETS = (
    (None, {"fields": ("kind", "title", "slug", "standfirst", "body")}),
    (_("Placement"), {"fields": ("language", "section", "tags", "is_breaking")}),
    (
        _("Hero image"),
        {"fields": ("hero", "hero_image", "hero_alt", "hero_caption", "video_url")},
    ),
    (
        _("Search and sharing"),
        {"fields": ("seo_title", "seo_description", "canonical_url"), "classes": ["collapse"]},
    ),
)
CONTENT_FIELDS = tuple(name for _group, options in CONTENT_FIELDSETS for name in options["fields"])


@reversion.register()
class Byline(models.Model):
    """An author of an article, in byline order, with the part they played."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        "authors.Author", verbose_name=_("author"), on_delete=models.PROTECT, related_name="bylines"
    )

    class Part(models.TextChoices):
        AUTHOR = "author", _("Author")
        TRANSLATOR = "translator", _("Translator")

    part = models.CharField(_("part"), max_length=20, choices=Part, default=Part.AUTHOR)
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
        if self.part == self.Part.TRANSLATOR:
            return self.role or _("Translation")
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


class ArticleTransition(models.Model):
    """One step of an article through the workflow: who moved it, when, from where to where."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        SENT_BACK = "sent_back", _("Sent back")
        WITHDRAWN = "withdrawn", _("Withdrawn from review")
        PUBLISHED = "published", _("Published")
        SCHEDULED = "scheduled", _("Scheduled")
        UNPUBLISHED = "unpublished", _("Unpublished")
        CORRECTED = "corrected", _("Correction added")
        RESTORED = "restored", _("Revision restored")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("action"), max_length=20, choices=Action)
    from_status = models.CharField(_("from"), max_length=20, choices=STORED_STATUSES)
    to_status = models.CharField(_("to"), max_length=20, choices=STORED_STATUSES)
    publish_at = models.DateTimeField(_("publish time"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="article_transitions",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.article}"


class ShareLink(models.Model):
    """A signed link that shows an unpublished article to someone without a login.

    The URL carries a signed token naming this row, so it cannot be guessed or
    altered; the row decides whether it still works (expiry, revocation).
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="share_links")
    note = models.CharField(
        _("shared with"), max_length=200, blank=True, help_text=_("Who the link is for.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="share_link_expires_after_creation",
            ),
        ]

    def __str__(self):
        return f"Share link to {self.article}"

    def get_absolute_url(self):
        return reverse("articles:shared_preview", kwargs={"token": self.token})

    @property
    def token(self):
        return sign_share_link(self.pk)

    def is_active(self, now=None):
        return self.revoked_at is None and self.expires_at > (now or timezone.now())


class Autosave(models.Model):
    """Text typed in the article form and not saved yet, kept on the server every few seconds.

    One per person and article (and one per person for a new article not saved yet). It is
    never the article: readers, revisions and the workflow see only what is saved; the form
    offers it back, with what differs, when it is newer than the saved article.
    """

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, null=True, blank=True, related_name="autosaves"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="article_autosaves"
    )
    # The version the form was opened on: a restore keeps the no-lost-edits check honest.
    base_version = models.PositiveIntegerField(_("version edited"), null=True, blank=True)
    data = models.JSONField(_("fields"), default=dict)
    saved_at = models.DateTimeField(_("autosaved"), default=timezone.now)

    class Meta:
        verbose_name = _("autosave")
        verbose_name_plural = _("autosaves")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user"],
                condition=Q(article__isnull=False),
                name="autosave_once_per_article_and_person",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(article__isnull=True),
                name="autosave_once_per_new_article_and_person",
            ),
        ]

    def __str__(self):
        return f"Autosave of {self.article or 'a new article'} by {self.user}"


class SlugRedirect(models.Model):
    """An old slug of a published article, answered with a 301 to its current URL, forever."""

    old_slug = models.SlugField(_("old slug"), max_length=300, unique=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="slug_redirects")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("old URL")
        verbose_name_plural = _("old URLs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"
