"""Bodies and entry texts saved before "where used" existed get their uses recorded."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from images import display
from images.models import BodyUse
from tests.factories import image_file, make_article
from tests.images.test_library import library_image
from tests.live.factories import make_entry, make_live_story

BEFORE = [("articles", "0005_hero_library"), ("live", "0004_entry_image_library_only")]
AFTER = [("articles", "0006_body_uses_backfill"), ("live", "0005_entry_body_uses_backfill")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    targets = targets + [node for node in executor.loader.graph.leaf_nodes() if node[0] == "images"]
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_records_what_old_bodies_show_and_going_back_keeps_it(media_root):
    """A rendition's or the file's address counts, another site's copy or no image does not."""
    tram = library_image(upload=image_file(size=(1600, 900)), alt_text="A tram")
    bridge = library_image(upload=image_file(color=(200, 10, 10)), alt_text="A bridge")
    library_image(upload=image_file(color=(5, 5, 5)), alt_text="Unused")
    articles = {name: make_article(title=name).pk for name in ("Figure", "Both", "Elsewhere")}
    article_plain = make_article(title="Words").pk
    entry = make_entry(make_live_story(), headline="With a picture").pk
    old = migrate(list(BEFORE))
    try:
        Article = old.get_model("articles", "Article")
        LiveEntry = old.get_model("live", "LiveEntry")
        bodies = {
            "Figure": f"<p>Text.</p>{display.body_figure(tram)}",
            "Both": f'<p><img src="{tram.file.url}" alt="A"></p>{display.body_figure(bridge)}',
            "Elsewhere": f'<p><img src="https://elsewhere.example{tram.file.url}" alt="B"></p>',
        }
        for name, body in bodies.items():
            Article.objects.filter(pk=articles[name]).update(body=body)
        LiveEntry.objects.filter(pk=entry).update(body=display.body_figure(bridge))
        BodyUse.objects.all().delete()  # as before "where used" was recorded

        migrate(list(AFTER))
        recorded = {
            (use.content_type.model, use.object_id, use.image_id) for use in BodyUse.objects.all()
        }
        assert recorded == {
            ("article", articles["Figure"], tram.pk),
            ("article", articles["Both"], tram.pk),
            ("article", articles["Both"], bridge.pk),
            ("liveentry", entry, bridge.pk),
        }
        assert article_plain not in {object_id for _model, object_id, _image in recorded}

        migrate(list(BEFORE))
        assert BodyUse.objects.count() == 4
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
