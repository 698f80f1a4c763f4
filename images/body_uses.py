"""Which library images a rich-text body shows, recorded when the body is saved.

A body shows a library image by its address: the original file or one of its renditions
(what the body editor's "library image" inserts, and what "Insert via URL" pastes). On every
save of a watched model the addresses in the body are matched to library images once, and
images.BodyUse keeps the result, so "where used" reads a few rows, never the bodies.
The apps above say which of their models' fields to watch (their AppConfig.ready()).
"""

import re
from urllib.parse import urlsplit

import lxml.html
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from images.models import BodyUse, Image
from images.uploads import EXTENSIONS, image_storage

# renditions/<the file's name without extension>-<width>w[-<w>x<h>].<ext> (images.renditions)
RENDITION = re.compile(r"^renditions/(?P<stem>.+)-\d+w(?:-\d+x\d+)?\.\w+$")


def stored_name(address: str) -> str | None:
    """The storage name of a media address ("/media/library/…" or the bucket's URL)."""
    given, base = urlsplit(address.strip()), urlsplit(image_storage().base_url)
    if given.netloc and given.netloc != base.netloc:
        return None  # an image from another site
    if not given.path.startswith(base.path):
        return None
    return given.path[len(base.path) :].lstrip("/") or None


def images_shown(html: str) -> set[int]:
    """The primary keys of the library images the rich text shows."""
    if not html or "<img" not in html:
        return set()
    names = set()
    for element in lxml.html.fragment_fromstring(html, create_parent="div").iter("img"):
        name = stored_name(element.get("src") or "")
        if not name:
            continue
        names.add(name)
        rendition = RENDITION.match(name)
        if rendition:
            stem = rendition["stem"]
            names.update(stem + extension for extension in set(EXTENSIONS.values()))
            names.add(stem + ".jpeg")
    if not names:
        return set()
    return set(Image.objects.filter(file__in=names).values_list("pk", flat=True))


def record(instance, html: str) -> None:
    """Keep the instance's recorded uses equal to the images its body shows now."""
    content_type = ContentType.objects.get_for_model(instance)
    shown = images_shown(html)
    uses = BodyUse.objects.filter(content_type=content_type, object_id=instance.pk)
    with transaction.atomic():
        uses.exclude(image_id__in=shown).delete()
        BodyUse.objects.bulk_create(
            [
                BodyUse(image_id=pk, content_type=content_type, object_id=instance.pk)
                for pk in shown
            ],
            ignore_conflicts=True,
        )


def watch(model, field: str) -> None:
    """Record the body uses of `model`'s rich-text `field` on every save; forget on delete."""
    label = model._meta.label_lower

    def saved(sender, instance, raw=False, **kwargs):
        if not raw:
            record(instance, getattr(instance, field))

    def deleted(sender, instance, **kwargs):
        content_type = ContentType.objects.get_for_model(instance)
        BodyUse.objects.filter(content_type=content_type, object_id=instance.pk).delete()

    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"body_uses.{label}")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"body_uses.{label}.del")
