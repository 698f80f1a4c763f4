"""Every article's hero image becomes a library image (images.Image), none lost.

One library image per stored file: articles that share a file share its library image.
The file stays where it is, and its renditions record comes along, so nothing is made
again. Going back removes only the link: the article's own hero fields were kept.
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


def heroes_into_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Image = apps.get_model("images", "Image")
    storage = Image._meta.get_field("file").storage
    by_name, by_hash = {}, {}
    heroes = Article.objects.exclude(hero_image="").filter(hero__isnull=True).order_by("pk")
    for article in heroes.iterator():
        name = article.hero_image.name
        image = by_name.get(name)
        if image is None:
            digest = file_hash(storage, name)
            image = by_hash.get(digest)
            if image is None:
                image = Image(
                    file=name,
                    width=article.hero_width,
                    height=article.hero_height,
                    content_hash=digest,
                    renditions=article.hero_renditions or {},
                    alt_text=article.hero_alt or article.title[:300],
                    caption=article.hero_caption,
                    credit=article.hero_credit,
                )
                image.save()
                by_hash[digest] = image
            by_name[name] = image
        Article.objects.filter(pk=article.pk).update(hero=image)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_editions"),
        ("images", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="hero",
            field=models.ForeignKey(
                blank=True,
                help_text="Reuse an image from the library, or upload a new one below.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="hero_articles",
                to="images.image",
                verbose_name="library image",
            ),
        ),
        migrations.RunPython(heroes_into_library, migrations.RunPython.noop),
    ]
