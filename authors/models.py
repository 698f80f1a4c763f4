from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from images import renditions
from images.alt_text import AltTextRule
from images.uploads import ImageUploadField
from website import editions
from website.fields import RichTextField


class AuthorQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


PHOTO_ALT_TEXT = AltTextRule(image="photo", alt="photo_alt", label=_("photo"))


class Author(models.Model):
    """A person named in bylines. Many never log in, so the user is optional."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    role = models.CharField(
        _("role"), max_length=100, blank=True, help_text=_('For example "Reporter" or "Editor".')
    )
    short_bio = models.CharField(
        _("short bio"), max_length=300, blank=True, help_text=_("One line, for bylines and lists.")
    )
    bio = RichTextField(_("bio"), blank=True, help_text=_("The full biography; no length limit."))
    photo = ImageUploadField(
        _("photo"),
        upload_to="authors/%Y/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_alt = models.CharField(
        _("photo alt text"),
        max_length=300,
        blank=True,
        help_text=_("Describes the photo for readers who cannot see it. Required with a photo."),
    )
    photo_renditions = renditions.RenditionsField(
        _("photo renditions"),
        help_text=_("Resized copies of the photo, made once when it is uploaded."),
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("For example: English, Ukrainian")
    )
    email = models.EmailField(_("public email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    x_handle = models.CharField(_("X (Twitter) handle"), max_length=50, blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_handle = models.CharField(_("Instagram handle"), max_length=50, blank=True)
    linkedin_url = models.URLField(_("LinkedIn profile"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive authors keep their bylines.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AuthorQuerySet.as_manager()

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]
        constraints = [
            PHOTO_ALT_TEXT.constraint(name="author_photo_has_alt_text"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.photo_renditions = renditions.record_for(self.photo, self.photo_renditions)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("newsfeed:author", kwargs={"slug": self.slug})

    def clean(self):
        if errors := PHOTO_ALT_TEXT.errors(self):
            raise ValidationError(errors)

    @property
    def photo_picture(self) -> renditions.Picture:
        return renditions.Picture(self.photo_renditions, original=self.photo, alt=self.photo_alt)

    def in_language(self, language: str | None = None) -> "AuthorProfile":
        """The author as an edition shows them: the bio in its language where there is one.

        The default edition reads nothing more; another reads the author's bios once.
        """
        language = language or editions.current()
        if language == editions.default():
            return AuthorProfile(self, None, language)
        if not hasattr(self, "_bios"):
            self._bios = {bio.language: bio for bio in self.bios.all()}
        return AuthorProfile(self, self._bios.get(language), language)


class AuthorProfile:
    """An author's name, role and bio in one edition, each falling back to the author's own
    (then marked with its language, so it is read aloud in that language)."""

    def __init__(self, author: Author, bio, language: str):
        self.author, self._bio, self.language = author, bio, language

    def _field(self, name: str) -> str:
        return (self._bio and getattr(self._bio, name)) or getattr(self.author, name)

    @property
    def name(self):
        return self._field("name")

    @property
    def role(self):
        return self._field("role")

    @property
    def short_bio(self):
        return self._field("short_bio")

    @property
    def bio(self):
        return self._field("bio")

    @property
    def bio_language(self) -> str:
        """The language the bio shown is written in."""
        if self._bio and self._bio.bio:
            return self.language
        return editions.default()


class AuthorBio(models.Model):
    """An author's role and bio in another edition's language (the author's own fields are
    in the newsroom's first language)."""

    author = models.ForeignKey(
        Author, verbose_name=_("author"), on_delete=models.CASCADE, related_name="bios"
    )
    language = models.CharField(_("language"), max_length=10, choices=editions.choices)
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("As written in this language.")
    )
    role = models.CharField(_("role"), max_length=100, blank=True)
    short_bio = models.CharField(_("short bio"), max_length=300, blank=True)
    bio = RichTextField(_("bio"), blank=True)

    class Meta:
        verbose_name = _("bio in another language")
        verbose_name_plural = _("bios in other languages")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["author", "language"], name="author_bio_per_language"),
        ]

    def __str__(self):
        return f"{self.author} ({self.language})"
