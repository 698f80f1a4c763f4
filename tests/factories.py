"""Factory functions for test data: real rows in PostgreSQL, real images through Pillow."""

import io
import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, Byline, Correction, Section, Tag
from authors.models import Author

_numbers = itertools.count(1)


def image_file(
    name="photo.jpg", size=(800, 450), image_format="JPEG", color=(30, 90, 160), mode="RGB"
):
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, image_format)
    content_type = f"image/{image_format.lower()}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def make_section(**fields) -> Section:
    number = next(_numbers)
    fields.setdefault("name", f"Section {number}")
    fields.setdefault("slug", f"section-{number}")
    return Section.objects.create(**fields)


def make_tag(**fields) -> Tag:
    number = next(_numbers)
    fields.setdefault("name", f"Tag {number}")
    fields.setdefault("slug", f"tag-{number}")
    return Tag.objects.create(**fields)


def make_author(**fields) -> Author:
    number = next(_numbers)
    fields.setdefault("name", f"Author {number}")
    fields.setdefault("slug", f"author-{number}")
    fields.setdefault("role", "Reporter")
    return Author.objects.create(**fields)


def make_article(*, authors=(), tags=(), corrections=(), **fields) -> Article:
    """A published article (unless told otherwise) with its bylines, tags and corrections."""
    number = next(_numbers)
    fields.setdefault("title", f"Headline {number}")
    fields.setdefault("slug", f"headline-{number}")
    fields.setdefault("body", "<p>Body text of the article.</p>")
    fields.setdefault("status", Article.Status.PUBLISHED)
    # Spread over the last two days, all inside the news sitemap's 48 hours.
    fields.setdefault("publish_at", timezone.now() - timedelta(hours=number % 47 + 1))
    if "section" not in fields:
        fields["section"] = make_section()
    article = Article.objects.create(**fields)
    for position, author in enumerate(authors):
        Byline.objects.create(article=article, author=author, position=position)
    article.tags.set(tags)
    for text in corrections:
        Correction.objects.create(article=article, text=text)
    return article


def make_user(*, role=None, password="correct horse battery staple", **fields):
    """A staff login; role is "Editors" or "Reporters" (the groups made by migration)."""
    number = next(_numbers)
    fields.setdefault("username", f"user{number}")
    fields.setdefault("is_staff", role is not None)
    user = get_user_model().objects.create_user(password=password, **fields)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_staff(*, role: str, name=None, **fields):
    """A reporter or editor login with a linked author profile, as create_staff makes them."""
    user = make_user(role=role, **fields)
    make_author(name=name or f"Byline of {user.username}", user=user)
    return user


def make_article_in_state(state: str, **fields) -> Article:
    """An article in a workflow state: draft, review, scheduled, published or unpublished."""
    now = timezone.now()
    status, publish_at = {
        "draft": (Article.Status.DRAFT, None),
        "review": (Article.Status.IN_REVIEW, None),
        "scheduled": (Article.Status.PUBLISHED, now + timedelta(days=1)),
        "published": (Article.Status.PUBLISHED, now - timedelta(hours=1)),
        "unpublished": (Article.Status.UNPUBLISHED, now - timedelta(days=1)),
    }[state]
    fields.setdefault("status", status)
    fields.setdefault("publish_at", publish_at)
    if state == "unpublished":
        fields.setdefault("first_published_at", publish_at)
    return make_article(**fields)


def photo_with_location(name="source.jpg", size=(640, 480), image_format="JPEG", orientation=1):
    """A photo as a phone takes it: EXIF with GPS coordinates, camera, XMP and a comment."""
    from PIL import ExifTags

    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (50.0, 27.0, 1.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (30.0, 31.0, 2.5)
    image = Image.new("RGB", size, (200, 40, 40))
    image.paste((20, 40, 200), (0, 0, size[0] // 2, size[1] // 4))  # shows which way is up
    options = {"exif": exif.tobytes()}
    if image_format == "JPEG":
        xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>50,27N</exif:GPSLatitude></x:xmpmeta>'
        options.update(xmp=xmp, comment=b"Taken at the source's flat")
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")
