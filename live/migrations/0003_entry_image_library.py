"""Every live entry's image becomes a library image (images.Image), none lost.

As the author photos moved (authors 0003): one library image per stored file, reused when
the same file or the same bytes are in the library already; the file stays where it is,
and its alt text, caption, credit and renditions come along, so nothing is made again.
Going back puts each library image's file and details on the entry again. The old fields
go in the next migration.
"""

import hashlib

import django.db.models.deletion
from django.db import migrations, models

CHUNK = 1024 * 1024


def file_hash(storage, name):
    digest = hashlib.sha256()
    try:
        with storage.open(name) as stored:
            for chunk in iter(lambda: stored.read(CHUNK), b""):
                digest.update(chunk)
    except OSError:
        digest.update(b"missing:" + name.encode())
    return digest.hexdigest()


def images_into_library(apps, schema_editor):
    LiveEntry = apps.get_model("live", "LiveEntry")
    Image = apps.get_model("images", "Image")
    storage = Image._meta.get_field("file").storage
    for entry in LiveEntry.objects.exclude(image="").order_by("pk").iterator():
        name = entry.image.name
        image = Image.objects.filter(file=name).first()
        if image is None:
            digest = file_hash(storage, name)
            image = Image.objects.filter(content_hash=digest).first()
        if image is None:
            image = Image.objects.create(
                file=name,
                width=entry.image_width,
                height=entry.image_height,
                content_hash=digest,
                renditions=entry.image_renditions or {},
                title=(entry.headline or name.rsplit("/", 1)[-1])[:200],
                alt_text=entry.image_alt[:300],
                caption=entry.image_caption,
                credit=entry.image_credit,
            )
        LiveEntry.objects.filter(pk=entry.pk).update(library_image=image)


def images_back_on_entries(apps, schema_editor):
    LiveEntry = apps.get_model("live", "LiveEntry")
    for entry in LiveEntry.objects.filter(library_image__isnull=False).select_related(
        "library_image"
    ):
        image = entry.library_image
        LiveEntry.objects.filter(pk=entry.pk).update(
            image=image.file.name,
            image_width=image.width,
            image_height=image.height,
            image_alt=image.alt_text,
            image_caption=image.caption,
            image_credit=image.credit,
            image_renditions=image.renditions,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0002_entry_autosave"),
        ("images", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="liveentry",
            name="library_image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="live_entries",
                to="images.image",
                verbose_name="image",
            ),
        ),
        migrations.RunPython(images_into_library, images_back_on_entries),
    ]
