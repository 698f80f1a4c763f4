"""The migration to the media library keeps every author's photo, and going back keeps it too."""

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import image_file

BEFORE = [("authors", "0002_editions"), ("images", "0001_initial")]
AFTER = [("authors", "0004_photo_library_only")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_every_photo_becomes_a_library_image_and_comes_back(media_root):
    """Each photo keeps its file, alt text and renditions; a file in the library is reused."""
    old = migrate(BEFORE)
    try:
        Author = old.get_model("authors", "Author")
        Image = old.get_model("images", "Image")
        shared = default_storage.save("authors/2024/shared.jpg", image_file())
        Image.objects.create(file=shared, content_hash="a" * 64, alt_text="Already there")
        own = default_storage.save("authors/2024/own.jpg", image_file(color=(200, 10, 10)))
        record = {"source": own, "webp": [["renditions/authors/2024/own-480w.webp", 480, 270]]}
        rows = [
            ("olena", shared, "Olena smiling", {}),
            ("martin", own, "Martin at his desk", record),
            ("anna", "", "", {}),
        ]
        for slug, name, alt, renditions in rows:
            Author.objects.create(
                name=slug.title(),
                slug=slug,
                photo=name,
                photo_width=800 if name else None,
                photo_height=450 if name else None,
                photo_alt=alt,
                photo_renditions=renditions,
            )
        new = migrate(AFTER)
        Author = new.get_model("authors", "Author")
        Image = new.get_model("images", "Image")
        authors = {a.slug: a for a in Author.objects.select_related("photo")}
        assert Image.objects.count() == 2
        assert authors["olena"].photo.alt_text == "Already there"
        assert authors["martin"].photo.file.name == own
        assert authors["martin"].photo.alt_text == "Martin at his desk"
        assert authors["martin"].photo.renditions == record
        assert authors["martin"].photo.width == 800
        assert authors["anna"].photo is None

        back = migrate(BEFORE)
        Author = back.get_model("authors", "Author")
        martin = Author.objects.get(slug="martin")
        assert (martin.photo.name, martin.photo_alt) == (own, "Martin at his desk")
        assert martin.photo_renditions == record
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
