"""The move to the media library keeps every entry's image, and going back keeps it too."""

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import image_file
from tests.live.factories import make_live_story


def migrate(targets):
    executor = MigrationExecutor(connection)
    # The library as it is now (its state is needed at any point of live's migrations).
    targets += [node for node in executor.loader.graph.leaf_nodes() if node[0] == "images"]
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_every_entry_image_becomes_a_library_image_and_comes_back(media_root):
    """Each image keeps its file, alt text, caption, credit and renditions; a file in the
    library is reused; an entry without an image stays without one."""
    story_pk = make_live_story().pk  # its article as the articles app makes it now
    old = migrate([("live", "0002_entry_autosave")])
    try:
        LiveStory = old.get_model("live", "LiveStory")
        LiveEntry = old.get_model("live", "LiveEntry")
        Image = old.get_model("images", "Image")
        story = LiveStory.objects.get(pk=story_pk)
        shared = default_storage.save("live/2026/12/shared.jpg", image_file())
        Image.objects.create(file=shared, content_hash="b" * 64, alt_text="Already there")
        own = default_storage.save("live/2026/12/own.jpg", image_file(color=(200, 10, 10)))
        record = {"source": own, "webp": [["renditions/live/2026/12/own-480w.webp", 480, 270]]}
        rows = [
            ("Shared", shared, "A hall", "", "", {}),
            ("Own", own, "A damaged block", "Darnytskyi district", "Photo: Desk", record),
            ("Words only", "", "", "", "", {}),
        ]
        for headline, name, alt, caption, credit, renditions in rows:
            LiveEntry.objects.create(
                story=story,
                headline=headline,
                image=name,
                image_width=800 if name else None,
                image_height=450 if name else None,
                image_alt=alt,
                image_caption=caption,
                image_credit=credit,
                image_renditions=renditions,
            )
        new = migrate([("live", "0004_entry_image_library_only")])
        LiveEntry = new.get_model("live", "LiveEntry")
        Image = new.get_model("images", "Image")
        entries = {e.headline: e for e in LiveEntry.objects.select_related("image")}
        assert Image.objects.count() == 2
        assert entries["Shared"].image.alt_text == "Already there"
        mine = entries["Own"].image
        assert mine.file.name == own
        assert (mine.alt_text, mine.caption, mine.credit) == (
            "A damaged block",
            "Darnytskyi district",
            "Photo: Desk",
        )
        assert mine.renditions == record
        assert (mine.width, mine.height) == (800, 450)
        assert entries["Words only"].image is None

        back = migrate([("live", "0002_entry_autosave")])
        LiveEntry = back.get_model("live", "LiveEntry")
        entry = LiveEntry.objects.get(headline="Own")
        assert (entry.image.name, entry.image_alt, entry.image_credit) == (
            own,
            "A damaged block",
            "Photo: Desk",
        )
        assert entry.image_renditions == record
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
