"""The media library: every image uploaded once, with its rights, and reused from there."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from images.alt_text import AltTextRule
from images.renditions import Picture, RenditionsField, record_for
from images.uploads import ImageUploadField

ALT_TEXT = AltTextRule(image="file", alt="alt_text", label=_("image"))


class Licence(models.TextChoices):
    STAFF = "staff", _("Staff: all rights reserved")
    AGENCY = "agency", _("Agency or syndication licence")
    HANDOUT = "handout", _("Handout, for editorial use")
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_SA = "cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC0 = "cc0-1.0", _("CC0: no rights reserved")
    PUBLIC_DOMAIN = "public-domain", _("Public domain")
    OTHER = "other", _("Other: see the usage restrictions")


# The licence's own page, where a licence has one (ImageObject "license" wants a URL).
LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.PUBLIC_DOMAIN: "https://creativecommons.org/publicdomain/mark/1.0/",
}


class ImageQuerySet(models.QuerySet):
    def expired(self, today=None):
        return self.filter(expires_on__lt=today or timezone.localdate())


class Image(models.Model):
    """One image of the library: the file, its renditions, what it shows and who owns it."""

    file = ImageUploadField(
        _("file"), upload_to="library/%Y/%m/", width_field="width", height_field="height"
    )
    # Stored so pages never open image files to learn their size.
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # SHA-256 of the file as it was uploaded: the same file uploaded again is found by it.
    content_hash = models.CharField(_("content hash"), max_length=64, unique=True, editable=False)
    renditions = RenditionsField(
        _("renditions"), help_text=_("Resized copies of the image, made once when it is uploaded.")
    )

    title = models.CharField(_("title"), max_length=200, blank=True)
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_("Describes the image for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("As printed under the image, e.g. “Olena Petrenko/Reuters”."),
    )
    source = models.CharField(_("source or agency"), max_length=200, blank=True)
    copyright_notice = models.CharField(_("copyright notice"), max_length=300, blank=True)
    licence = models.CharField(_("licence"), max_length=20, choices=Licence, blank=True)
    licence_url = models.URLField(
        _("licence URL"),
        blank=True,
        help_text=_("The licence's terms; Creative Commons licences fill this in themselves."),
    )
    usage_restrictions = models.TextField(
        _("usage restrictions"),
        blank=True,
        help_text=_("For example: “Not for use in Russia”, “Editorial use only”, “No archive”."),
    )
    expires_on = models.DateField(
        _("licence expires on"),
        null=True,
        blank=True,
        help_text=_("After this day the image must not be used again; the desk warns."),
    )

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created_at", "-id"]
        constraints = [ALT_TEXT.constraint(name="image_has_alt_text")]
        indexes = [models.Index(fields=["expires_on"], name="image_expires_idx")]

    def __str__(self):
        return self.title or self.alt_text or self.file.name

    def save(self, *args, **kwargs):
        self.renditions = record_for(self.file, self.renditions)
        if self.licence in LICENCE_URLS:
            self.licence_url = LICENCE_URLS[self.licence]
        super().save(*args, **kwargs)

    def clean(self):
        if not self.alt_text:
            return  # the field is required: its own error says so, once
        errors = ALT_TEXT.errors(self)
        if errors:
            raise ValidationError(errors)

    @property
    def picture(self) -> Picture:
        return Picture(self.renditions, original=self.file, alt=self.alt_text)

    def is_expired(self, today=None) -> bool:
        return self.expires_on is not None and self.expires_on < (today or timezone.localdate())

    @property
    def thumbnail_url(self) -> str:
        """The smallest WebP rendition (the original if none could be made)."""
        smallest = (self.renditions or {}).get("webp") or []
        if smallest:
            return default_storage.url(smallest[0][0])
        return self.file.url if self.file else ""


class BodyUse(models.Model):
    """A library image shown in the rich text of something (an article's body), recorded when
    that is saved (images.body_uses), so "where used" never reads every body."""

    image = models.ForeignKey(
        Image, verbose_name=_("image"), on_delete=models.CASCADE, related_name="body_uses"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    shown_in = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("use in a body")
        verbose_name_plural = _("uses in bodies")
        constraints = [
            models.UniqueConstraint(
                fields=["image", "content_type", "object_id"], name="body_use_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="body_use_owner_idx")]

    def __str__(self):
        return f"{self.image} in {self.content_type.model} {self.object_id}"
