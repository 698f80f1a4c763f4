"""Checks for uploaded images: decoded by Pillow, never trusted by name or type."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


def validate_image_file(upload) -> None:
    """Refuse anything that is not a JPEG, PNG, GIF or WebP within the size limits."""
    if getattr(upload, "_committed", False):
        return  # Already stored, so already checked when it was uploaded.
    if upload.size and upload.size > settings.MAX_IMAGE_UPLOAD_BYTES:
        limit = settings.MAX_IMAGE_UPLOAD_BYTES // (1024 * 1024)
        raise ValidationError(_("The image is larger than %(limit)s MB."), params={"limit": limit})
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Upload a JPEG, PNG, GIF or WebP image; %(format)s is not accepted."),
                    params={"format": image_format or _("this format")},
                )
            if width * height > settings.MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("The image has too many pixels (%(width)s×%(height)s)."),
                    params={"width": width, "height": height},
                )
            image.verify()
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("Upload a valid image. The file is not an image or it is damaged.")
        ) from error
    finally:
        upload.seek(position)
