"""The table of the cache shared through PostgreSQL (settings.CACHE_TABLE), made by migrate.

Made whatever CACHES says, so a deployment can move from Redis to PostgreSQL (or a
test to the database cache) without running createcachetable.
"""

from django.conf import settings
from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations


def create_table(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, settings.CACHE_TABLE, False)
    # A cache needs no crash safety: unlogged, its writes skip the write-ahead log (after a
    # crash PostgreSQL empties it, and pages are rendered again).
    schema_editor.execute(f"ALTER TABLE {schema_editor.quote_name(settings.CACHE_TABLE)} SET UNLOGGED")


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(settings.CACHE_TABLE)}")


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunPython(create_table, drop_table)]
