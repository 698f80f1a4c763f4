"""The change clock of a cache shared through PostgreSQL: a sequence, so that two processes
stamping changes at once never get the same tick (caching/dependencies.py).

It starts at the time in microseconds, above any tick the cache's own counter gave
(that counter also started from the time, and goes up by one a change).
"""

import time

from django.db import migrations


def create_sequence(apps, schema_editor):
    start = int(time.time() * 1_000_000)
    schema_editor.execute(f"CREATE SEQUENCE IF NOT EXISTS caching_change_clock START WITH {start}")


class Migration(migrations.Migration):
    dependencies = [("caching", "0001_cache_table")]
    operations = [
        migrations.RunPython(
            create_sequence,
            lambda apps, schema_editor: schema_editor.execute(
                "DROP SEQUENCE IF EXISTS caching_change_clock"
            ),
        )
    ]
