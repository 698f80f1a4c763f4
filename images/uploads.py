"""Uploaded images: decoded by Pillow, never trusted by name or type, stored without metadata.

Every image a person uploads (hero images, author photos, images in the article body
through CKEditor) goes through two steps:

- validate_image_file, a form validator, refuses SVG, files Pillow cannot decode,
  formats outside the allowlist, files over MAX_IMAGE_UPLOAD_BYTES and images over
  MAX_IMAGE_PIXELS (decompression bombs), each with a clear message;
- ImageStorage, the storage of those files, re-encodes the image without EXIF, GPS,
  XMP or comments (a source's location must not leak through a photo) and stores it
  under a generated name in the site's file storage: the uploader's file name is never
  used. What the photo says about its rights is read before that (images.metadata).
"""

import io
import posixpath
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}
# Image.info entries needed to draw the image again; everything else (exif, xmp,
# comment, PNG text chunks, ...) is metadata and is dropped.
KEPT_INFO = {"icc_profile", "transparency", "duration", "loop", "background", "disposal"}
EXIF_ORIENTATION = 0x0112


def _looks_like_svg(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<svg", b"<?xml", b"<!doctype svg")) or b"<svg" in text


def _too_large() -> ValidationError:
    return ValidationError(
        _("The image is larger than %(limit)s; upload a smaller file."),
        params={"limit": filesizeformat(settings.MAX_IMAGE_UPLOAD_BYTES)},
        code="too_large",
    )


def open_checked_image(upload) -> Image.Image:
    """The upload decoded by Pillow, or a ValidationError saying why it is refused."""
    size = getattr(upload, "size", None)
    if size and size > settings.MAX_IMAGE_UPLOAD_BYTES:
        raise _too_large()
    upload.seek(0)
    # A copy, so that Pillow closing its file leaves the upload open for saving.
    data = upload.read(settings.MAX_IMAGE_UPLOAD_BYTES + 1)
    if len(data) > settings.MAX_IMAGE_UPLOAD_BYTES:
        raise _too_large()
    if _looks_like_svg(data[:1024]):
        raise ValidationError(
            _("SVG images are not accepted: upload a JPEG, PNG, GIF or WebP image."), code="svg"
        )
    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as error:
        raise ValidationError(
            _("The image has too many pixels; the limit is %(limit)s."),
            params={"limit": settings.MAX_IMAGE_PIXELS},
            code="too_many_pixels",
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("Upload a valid image. The file is not an image or it is damaged."), code="invalid"
        ) from error
    if image.format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Upload a JPEG, PNG, GIF or WebP image; %(format)s is not accepted."),
            params={"format": image.format or _("this format")},
            code="format",
        )
    width, height = image.size
    if width * height > settings.MAX_IMAGE_PIXELS:
        raise ValidationError(
            _("The image has too many pixels (%(width)s×%(height)s); the limit is %(limit)s."),
            params={"width": width, "height": height, "limit": settings.MAX_IMAGE_PIXELS},
            code="too_many_pixels",
        )
    try:
        image.load()  # Decode every pixel now: a damaged file fails here, not on a reader.
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("Upload a valid image. The file is not an image or it is damaged."), code="invalid"
        ) from error
    return image


def validate_image_file(upload) -> None:
    """Refuse anything that is not a JPEG, PNG, GIF or WebP within the size limits."""
    if getattr(upload, "_committed", False):
        return  # Already stored, so already checked when it was uploaded.
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        open_checked_image(upload).close()
    finally:
        upload.seek(position)


def without_metadata(upload) -> tuple[bytes, str]:
    """The image re-encoded with no EXIF, GPS, XMP or comments, and its file extension.

    A JPEG turned by its EXIF orientation is turned for real first, so it still stands
    up without the tag. JPEG quality tables are kept, so the picture does not degrade.
    """
    with open_checked_image(upload) as image:
        image_format = image.format
        animated = getattr(image, "n_frames", 1) > 1
        orientation = image.getexif().get(EXIF_ORIENTATION, 1)
        kept_info = {key: value for key, value in image.info.items() if key in KEPT_INFO}
        options = {}
        if animated:
            options["save_all"] = True
            clean = image
        elif orientation in range(2, 9):
            clean = ImageOps.exif_transpose(image)
            if image_format == "JPEG":
                options["quality"] = 90
        else:
            clean = image
            if image_format == "JPEG":
                options.update(quality="keep", subsampling="keep")
        clean.info = kept_info
        if image_format == "WEBP":
            options["quality"] = 90
        output = io.BytesIO()
        clean.save(output, image_format, exif=b"", **options)
    return output.getvalue(), EXTENSIONS[image_format]


@deconstructible
class ImageStorage(Storage):
    """Uploaded images in the site's file storage, each re-encoded without metadata, named by us.

    The files go wherever STORAGES["default"] puts them: MEDIA_ROOT, or S3-compatible
    object storage (settings: MEDIA_S3_*), so several app servers share them. The folder
    comes from the field's upload_to (or `folder` for bare names, such as CKEditor's
    uploads); the file name is a random one with the extension of the format Pillow
    found, whatever the uploader called the file.
    """

    def __init__(self, *args, folder="images/%Y/%m/", **kwargs):
        self.folder = folder

    @property
    def backend(self) -> Storage:
        return default_storage

    @property
    def base_url(self) -> str:
        """Where stored files are served from (MEDIA_URL, or the bucket's address)."""
        return getattr(self.backend, "base_url", None) or self.backend.url("")

    def save(self, name, content, max_length=None):
        data, extension = without_metadata(content)
        folder = posixpath.dirname(name or "") or timezone.now().strftime(self.folder)
        generated = posixpath.join(folder, uuid.uuid4().hex + extension)
        return self.backend.save(generated, ContentFile(data), max_length=max_length)

    # Everything else is the backend's own.
    def _open(self, name, mode="rb"):
        return self.backend.open(name, mode)

    def delete(self, name):
        return self.backend.delete(name)

    def exists(self, name):
        return self.backend.exists(name)

    def listdir(self, path):
        return self.backend.listdir(path)

    def size(self, name):
        return self.backend.size(name)

    def url(self, name):
        return self.backend.url(name)

    def path(self, name):
        return self.backend.path(name)

    def get_modified_time(self, name):
        return self.backend.get_modified_time(name)

    def get_created_time(self, name):
        return self.backend.get_created_time(name)

    def get_accessed_time(self, name):
        return self.backend.get_accessed_time(name)


def image_storage() -> ImageStorage:
    """The storage of uploaded images (a callable, so migrations do not pin its settings)."""
    return ImageStorage()


class EditorImageStorage(ImageStorage):
    """Images inserted into article bodies through CKEditor 5."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("folder", "body/%Y/%m/")
        super().__init__(*args, **kwargs)


class CheckedImageFormField(forms.ImageField):
    """A form's image field that refuses with our messages, not Django's generic one."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        with open_checked_image(upload) as image:
            upload.image = image
            upload.content_type = Image.MIME.get(image.format)
        upload.seek(0)
        return upload


class ImageUploadField(models.ImageField):
    """An image field whose uploads are checked, stripped of metadata and renamed."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("storage", image_storage)
        kwargs.setdefault("validators", [validate_image_file])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("storage") is image_storage:
            del kwargs["storage"]
        if kwargs.get("validators") == [validate_image_file]:
            del kwargs["validators"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CheckedImageFormField, **kwargs})
