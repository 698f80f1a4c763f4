"""Every author's photo becomes a library image (images.Image), none lost.

One library image per stored file: a photo already in the library (the same file, or the
same bytes) is reused. The file stays where it is and its renditions record comes along, so
nothing is made again. Going back puts each library photo's file, alt text and renditions on
the author again. The old fields go in the next migration (a schema change after the rows
moved, in a transaction of its own).
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


def photos_into_library(apps, schema_editor):
    Author = apps.get_model("authors", "Author")
    Image = apps.get_model("images", "Image")
    storage = Image._meta.get_field("file").storage
    for author in Author.objects.exclude(photo="").order_by("pk").iterator():
        name = author.photo.name
        image = Image.objects.filter(file=name).first()
        if image is None:
            digest = file_hash(storage, name)
            image = Image.objects.filter(content_hash=digest).first()
        if image is None:
            image = Image.objects.create(
                file=name,
                width=author.photo_width,
                height=author.photo_height,
                content_hash=digest,
                renditions=author.photo_renditions or {},
                title=author.name[:200],
                alt_text=author.photo_alt or f"Portrait of {author.name}"[:300],
            )
        Author.objects.filter(pk=author.pk).update(library_photo=image)


def photos_back_on_authors(apps, schema_editor):
    Author = apps.get_model("authors", "Author")
    for author in Author.objects.filter(library_photo__isnull=False).select_related(
        "library_photo"
    ):
        image = author.library_photo
        Author.objects.filter(pk=author.pk).update(
            photo=image.file.name,
            photo_width=image.width,
            photo_height=image.height,
            photo_alt=image.alt_text,
            photo_renditions=image.renditions,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("authors", "0002_editions"),
        ("images", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="author",
            name="library_photo",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="author_photos",
                to="images.image",
                verbose_name="photo",
            ),
        ),
        migrations.RunPython(photos_into_library, photos_back_on_authors),
    ]
