"""The author's own photo fields go: the photo is the library image (0003 moved every one)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("authors", "0003_photo_library"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="author", name="author_photo_has_alt_text"),
        migrations.RemoveField(model_name="author", name="photo_alt"),
        migrations.RemoveField(model_name="author", name="photo_height"),
        migrations.RemoveField(model_name="author", name="photo_renditions"),
        migrations.RemoveField(model_name="author", name="photo_width"),
        migrations.RemoveField(model_name="author", name="photo"),
        migrations.RenameField(model_name="author", old_name="library_photo", new_name="photo"),
        migrations.AlterField(
            model_name="author",
            name="photo",
            field=models.ForeignKey(
                blank=True,
                help_text="Choose a portrait from the media library, or upload a new one below.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="author_photos",
                to="images.image",
                verbose_name="photo",
            ),
        ),
    ]
