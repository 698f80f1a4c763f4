from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from images import renditions
from website import editions
from website.fields import RichTextField


class AuthorQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


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
    # A library image (images.Image): its alt text, credit and renditions are the library's.
    photo = models.ForeignKey(
        "images.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="author_photos",
        help_text=_("Choose a portrait from the media library, or upload a new one below."),
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

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("newsfeed:author", kwargs={"slug": self.slug})

    @property
    def photo_picture(self) -> renditions.Picture | None:
        return self.photo.picture if self.photo_id else None

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
    def location(self):
        return self._field("location")

    @property
    def languages(self):
        return self._field("languages")

    @property
    def photo_picture(self) -> renditions.Picture | None:
        """The author's photo, described in the edition's language where the bio does."""
        picture = self.author.photo_picture
        if picture is None or not (self._bio and self._bio.photo_alt):
            return picture
        return renditions.Picture(
            picture.record, original=picture.original, alt=self._bio.photo_alt
        )

    @property
    def bio_language(self) -> str:
        """The language the bio shown is written in."""
        if self._bio and self._bio.bio:
            return self.language
        return editions.default()


class AuthorBio(models.Model):
    """An author's name, role, bio and details in another edition's language (the author's
    own fields are in the newsroom's first language; a field left empty shows the author's)."""

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
    location = models.CharField(_("location"), max_length=200, blank=True)
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("For example: English, Ukrainian")
    )
    photo_alt = models.CharField(
        _("photo alt text"),
        max_length=300,
        blank=True,
        help_text=_("The photo's alt text in this language; empty uses the library's."),
    )

    class Meta:
        verbose_name = _("bio in another language")
        verbose_name_plural = _("bios in other languages")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["author", "language"], name="author_bio_per_language"),
        ]

    def __str__(self):
        return f"{self.author} ({self.language})"
