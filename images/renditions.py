"""Responsive renditions of uploaded images: made once per upload with Pillow, then stored.

A rendition is one resized, and optionally cropped, copy of an image in one format.
`make_rendition` makes one. `make_record` makes the set a page needs, WebP and a JPEG
(or, for images with transparency, PNG) fallback at several widths plus the 1:1, 4:3
and 16:9 crops that structured data asks for, and returns a JSON-able record that is
stored with the article, so no request ever opens the image file.
"""

import io
import logging
import posixpath
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.db import models
from django.db.models.fields.files import FieldFile
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

WIDTHS = (480, 960, 1600)
CROPS = {"1x1": (1, 1), "4x3": (4, 3), "16x9": (16, 9)}
CROP_WIDTH = 1200
EXTENSIONS = {"WEBP": "webp", "JPEG": "jpg", "PNG": "png"}
MIME_TYPES = {"WEBP": "image/webp", "JPEG": "image/jpeg", "PNG": "image/png"}
SAVE_OPTIONS = {
    "WEBP": {"quality": 80, "method": 4},
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
}


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    height: int
    image_format: str

    @property
    def url(self) -> str:
        return default_storage.url(self.name)

    def as_record(self) -> list:
        return [self.name, self.width, self.height]


def open_image(name: str, *, storage: Storage = default_storage) -> Image.Image:
    """The stored image, decoded and turned upright as its EXIF orientation says."""
    with storage.open(name, "rb") as file:
        image = Image.open(file)
        image.load()
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)  # An animated GIF or WebP: its first frame stands for it.
    return ImageOps.exif_transpose(image)


def has_transparency(image: Image.Image) -> bool:
    return image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info


def fallback_format(image: Image.Image) -> str:
    """JPEG for photos; PNG where JPEG would lose the transparency."""
    return "PNG" if has_transparency(image) else "JPEG"


def rendition_name(
    source_name: str, *, width: int, aspect: tuple[int, int] | None, image_format: str
) -> str:
    stem = posixpath.splitext(source_name)[0]
    ratio = f"-{aspect[0]}x{aspect[1]}" if aspect else ""
    return f"renditions/{stem}-{width}w{ratio}.{EXTENSIONS[image_format]}"


def resized(image: Image.Image, *, width: int, aspect: tuple[int, int] | None = None):
    """The image at `width` pixels (never enlarged), centre-cropped to `aspect` if given."""
    source_width, source_height = image.size
    if aspect:
        across, down = aspect
        width = min(width, source_width, source_height * across // down)
        height = max(1, round(width * down / across))
        return ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS)
    width = min(width, source_width)
    height = max(1, round(source_height * width / source_width))
    if (width, height) == image.size:
        return image
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def on_white(image: Image.Image) -> Image.Image:
    """The image as RGB, its transparent parts white (JPEG has no transparency)."""
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def encoded(image: Image.Image, image_format: str) -> bytes:
    if image_format == "JPEG":
        image = on_white(image) if has_transparency(image) else image.convert("RGB")
    elif image.mode not in {"RGB", "RGBA", "L", "LA"}:
        image = image.convert("RGBA" if has_transparency(image) else "RGB")
    buffer = io.BytesIO()
    image.save(buffer, image_format, **SAVE_OPTIONS[image_format])
    return buffer.getvalue()


def make_rendition(
    source_name: str,
    *,
    width: int,
    aspect: tuple[int, int] | None = None,
    image_format: str = "WEBP",
    storage: Storage = default_storage,
    image: Image.Image | None = None,
) -> Rendition:
    """Make and store one rendition of a stored image; `image` saves decoding it again."""
    if image is None:
        image = open_image(source_name, storage=storage)
    result = resized(image, width=width, aspect=aspect)
    name = rendition_name(source_name, width=result.width, aspect=aspect, image_format=image_format)
    if storage.exists(name):
        storage.delete(name)
    name = storage.save(name, ContentFile(encoded(result, image_format)))
    return Rendition(name, result.width, result.height, image_format)


def make_record(source_name: str, *, storage: Storage = default_storage) -> dict:
    """Make every rendition a page needs of one upload and describe them for storage."""
    image = open_image(source_name, storage=storage)
    source_width, source_height = image.size
    widths = sorted({w for w in WIDTHS if w < source_width} | {min(source_width, WIDTHS[-1])})
    fallback = fallback_format(image)

    def make(width, aspect=None, image_format="WEBP"):
        return make_rendition(
            source_name,
            width=width,
            aspect=aspect,
            image_format=image_format,
            storage=storage,
            image=image,
        ).as_record()

    return {
        "source": source_name,
        "width": source_width,
        "height": source_height,
        "webp": [make(width) for width in widths],
        "fallback": [make(width, image_format=fallback) for width in widths],
        "fallback_type": MIME_TYPES[fallback],
        "crops": {key: make(CROP_WIDTH, aspect, "JPEG") for key, aspect in CROPS.items()},
    }


class RenditionsField(models.JSONField):
    """The renditions record of a model's image, kept beside it; made on save, never typed."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)


def record_for(image: FieldFile, record: dict) -> dict:
    """The renditions record of an image field's file, made once when a new file is uploaded.

    For a model's save(): a record already made for this file is kept as it is.
    """
    if not image:
        return {}
    if not image._committed:
        # What FileField.pre_save would do a moment later: the stored name is needed now.
        image.save(image.name, image.file, save=False)
    if (record or {}).get("source") == image.name:
        return record
    try:
        # Made from the cleaned upload and kept in default storage under names derived
        # from it; the upload storage would rename them.
        return make_record(image.name)
    except (OSError, ValueError, Image.DecompressionBombError):
        # Uploads are checked before this; should a stored file still fail, the row
        # saves and its page shows the original image. The next save retries.
        logger.exception("Could not make renditions of %s", image.name)
        return {}


class Picture:
    """What a template needs to show an image: srcsets, a fallback src, width, height, alt.

    Made from a stored renditions record; `original` (the image field's file) is shown
    when no renditions could be made.
    """

    def __init__(self, record: dict, *, original: FieldFile | None = None, alt: str = ""):
        self.record = record or {}
        self.original = original
        self.alt = alt

    @property
    def original_url(self) -> str:
        return self.original.url if self.original else ""

    def __bool__(self):
        return bool(self.record.get("fallback"))

    @staticmethod
    def srcset(entries) -> str:
        return ", ".join(f"{default_storage.url(name)} {width}w" for name, width, _ in entries)

    @property
    def webp_srcset(self) -> str:
        return self.srcset(self.record["webp"])

    @property
    def fallback_srcset(self) -> str:
        return self.srcset(self.record["fallback"])

    @property
    def fallback_type(self) -> str:
        return self.record.get("fallback_type", "image/jpeg")

    @property
    def src(self) -> str:
        """The middle fallback width: a sensible image for browsers that ignore srcset."""
        entries = self.record["fallback"]
        return default_storage.url(entries[len(entries) // 2][0])

    @property
    def width(self) -> int:
        return self.record["fallback"][-1][1]

    @property
    def height(self) -> int:
        return self.record["fallback"][-1][2]

    def crop(self, key: str) -> Rendition | None:
        """One of the "1x1", "4x3" and "16x9" crops, for structured data."""
        entry = self.record.get("crops", {}).get(key)
        return Rendition(entry[0], entry[1], entry[2], "JPEG") if entry else None
