"""Adding to the media library: one row per file, whoever uploads it and however often."""

from django.db import IntegrityError, transaction

from images import metadata
from images.hashing import content_hash, stored_hash
from images.models import Image


def duplicate_of(upload) -> Image | None:
    """The library image already holding this very file, if any."""
    return Image.objects.filter(content_hash=content_hash(upload)).first()


def suggested_details(upload) -> dict:
    """What the photo's own IPTC/XMP/EXIF says, as library fields (empty ones left out)."""
    found = getattr(upload, "photo_metadata", None) or metadata.read(upload)
    details = {
        "title": found.title,
        "caption": found.caption,
        "credit": found.credit_line,
        "source": found.source or found.credit,
        "copyright_notice": found.copyright,
        "licence_url": found.licence_url,
    }
    return {
        name: value[: Image._meta.get_field(name).max_length]
        for name, value in details.items()
        if value
    }


def add_image(upload, *, user=None, **details) -> tuple[Image, bool]:
    """The library image for an upload: the one already holding the same file, or a new one.

    A new image takes what the photo says about itself for every detail not given.
    Returns (image, created).
    """
    digest = content_hash(upload)
    existing = Image.objects.filter(content_hash=digest).first()
    if existing is not None:
        return existing, False
    given = {name: value for name, value in details.items() if value}
    image = Image(
        content_hash=digest,
        uploaded_by=user if getattr(user, "pk", None) else None,
        **{**suggested_details(upload), **given},
    )
    image.file.save(getattr(upload, "name", "") or "upload", upload, save=False)
    try:
        with transaction.atomic():
            image.save()
    except IntegrityError:
        # The same file added by someone else a moment ago: theirs is the one.
        return Image.objects.get(content_hash=digest), False
    return image, True


def adopt(name: str, **details) -> Image:
    """The library image of a file already stored (demo content, imports): found or made.

    The file stays where it is; its renditions are made once, by the library.
    """
    existing = Image.objects.filter(file=name).first()
    if existing is not None:
        return existing
    digest = stored_hash(name, Image._meta.get_field("file").storage)
    same = Image.objects.filter(content_hash=digest).first()
    if same is not None:
        return same
    image = Image(file=name, content_hash=digest, **{k: v for k, v in details.items() if v})
    image.save()
    return image
