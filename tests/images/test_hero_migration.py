"""The migration to the media library keeps every hero image an article had."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import image_file

BEFORE = [("articles", "0004_editions"), ("images", "0001_initial")]
AFTER = [("articles", "0005_hero_library")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_every_hero_becomes_a_library_image_and_shared_files_one(media_root):
    """Two articles sharing a file get one library image; every hero keeps its file and words."""
    old = migrate(BEFORE)
    try:
        Article = old.get_model("articles", "Article")
        section = old.get_model("articles", "Section").objects.create(name="City", slug="city")
        shared = default_storage.save("articles/2024/07/shared.jpg", image_file())
        own = default_storage.save("articles/2024/07/own.jpg", ContentFile(b"gone soon"))
        default_storage.delete(own)  # a hero whose file went missing is kept all the same
        rows = [
            ("one", shared, "A tram", "Kyiv, 1 July", "Olena Petrenko/Reuters"),
            ("two", shared, "The same tram", "", ""),
            ("three", own, "A bridge", "The bridge", "Staff"),
            ("four", "", "", "", ""),
        ]
        for slug, name, alt, caption, credit in rows:
            Article.objects.create(
                title=slug,
                slug=slug,
                section=section,
                hero_image=name,
                hero_width=800 if name else None,
                hero_height=450 if name else None,
                hero_alt=alt,
                hero_caption=caption,
                hero_credit=credit,
            )
        new = migrate(AFTER)
        Article = new.get_model("articles", "Article")
        Image = new.get_model("images", "Image")
        heroes = {a.slug: a for a in Article.objects.select_related("hero")}
        assert heroes["one"].hero_id == heroes["two"].hero_id
        assert heroes["four"].hero_id is None
        assert Image.objects.count() == 2
        assert heroes["one"].hero.file.name == shared
        assert heroes["one"].hero.credit == "Olena Petrenko/Reuters"
        assert heroes["one"].hero.alt_text == "A tram"
        assert heroes["three"].hero.file.name == own
        assert heroes["three"].hero.caption == "The bridge"
        assert heroes["two"].hero_alt == "The same tram"  # the article's own words stay
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
