"""The entry's own image fields go: the image is the library's (0003 moved every one)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0003_entry_image_library"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="liveentry", name="live_entry_image_has_alt_text"),
        migrations.RemoveConstraint(model_name="liveentry", name="live_entry_says_something"),
        migrations.RemoveField(model_name="liveentry", name="image_alt"),
        migrations.RemoveField(model_name="liveentry", name="image_caption"),
        migrations.RemoveField(model_name="liveentry", name="image_credit"),
        migrations.RemoveField(model_name="liveentry", name="image_height"),
        migrations.RemoveField(model_name="liveentry", name="image_renditions"),
        migrations.RemoveField(model_name="liveentry", name="image_width"),
        migrations.RemoveField(model_name="liveentry", name="image"),
        migrations.RenameField(model_name="liveentry", old_name="library_image", new_name="image"),
        migrations.AlterField(
            model_name="liveentry",
            name="image",
            field=models.ForeignKey(
                blank=True,
                help_text="Choose an image from the media library, or upload a new one below.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="live_entries",
                to="images.image",
                verbose_name="image",
            ),
        ),
        migrations.AddConstraint(
            model_name="liveentry",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("body", ""),
                    ("headline", ""),
                    ("image__isnull", True),
                    ("post_url", ""),
                    ("video_url", ""),
                    _negated=True,
                ),
                name="live_entry_says_something",
                violation_error_message="An entry needs a headline, text, an image or an embed.",
            ),
        ),
    ]
