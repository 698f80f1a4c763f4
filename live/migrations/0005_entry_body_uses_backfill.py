"""Record the library images that live entries' texts saved before now already show.

Entries' texts are recorded for "where used" from now on (live/apps.py); those saved
before are read once here, as articles 0006 reads the article bodies, with its functions.
Going back leaves the rows: they are true.
"""

from importlib import import_module

from django.db import migrations

backfill = import_module("articles.migrations.0006_body_uses_backfill")


def record_entry_texts(apps, schema_editor):
    backfill.record_bodies(apps, app_label="live", model_name="LiveEntry", field="body")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_body_uses_backfill"),
        ("live", "0004_entry_image_library_only"),
    ]

    operations = [
        migrations.RunPython(record_entry_texts, migrations.RunPython.noop, elidable=True),
    ]
