"""Centred crops of an image at a fixed aspect ratio, made once with Pillow and kept in storage."""

import io
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.db.models.fields.files import ImageFieldFile
from PIL import Image, ImageOps

# EXIF orientations that turn the picture a quarter, so width and height swap.
QUARTER_TURNS = {5, 6, 7, 8}


@dataclass(frozen=True)
class Crop:
    url: str
    width: int
    height: int

    @property
    def pixels(self) -> int:
        return self.width * self.height


def centred_crop(image: ImageFieldFile, *, ratio: tuple[int, int], width: int) -> Crop | None:
    """The centre of image cut to ratio (width:height), `width` pixels wide or less.

    Never enlarges: a smaller source gives a smaller crop. The file is made the
    first time it is asked for and stored under a name derived from the source's
    own (unique) name, so every later call only checks that it exists.
    """
    if not image:
        return None
    across, down = ratio
    with image.storage.open(image.name, "rb") as file, Image.open(file) as source:
        source_width, source_height = source.size
        if source.getexif().get(0x0112) in QUARTER_TURNS:
            source_width, source_height = source_height, source_width
        box_width = min(source_width, source_height * across // down)
        box_height = box_width * down // across
        crop_width = min(width, box_width)
        crop_height = crop_width * down // across
        if crop_width < 1 or crop_height < 1:
            return None
        stem = PurePosixPath(image.name).with_suffix("")
        name = f"crops/{stem}-{across}x{down}-{crop_width}w.jpg"
        if not image.storage.exists(name):
            upright = ImageOps.exif_transpose(source)
            left = (source_width - box_width) // 2
            top = (source_height - box_height) // 2
            cut = upright.crop((left, top, left + box_width, top + box_height))
            if cut.mode != "RGB":
                cut = _on_white(cut)
            cut = cut.resize((crop_width, crop_height), Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            cut.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
            name = image.storage.save(name, ContentFile(buffer.getvalue()))
    return Crop(url=image.storage.url(name), width=crop_width, height=crop_height)


def _on_white(picture: Image.Image) -> Image.Image:
    """picture as RGB, transparent parts made white (JPEG has no transparency)."""
    rgba = picture.convert("RGBA")
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background
