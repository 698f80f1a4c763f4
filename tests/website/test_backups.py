import hashlib
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from tests.services import manage

TABLES_QUERY = (
    "SELECT table_name FROM information_schema.tables "
    "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
)


def database_contents(url: str) -> dict[str, tuple[int, str]]:
    """Every table's row count and a digest of all its rows."""
    with psycopg.connect(url) as connection:
        tables = [row[0] for row in connection.execute(TABLES_QUERY)]
        return {
            table: connection.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t"  # noqa: S608
            ).fetchone()
            for table in tables
        }


def image_names(url: str) -> list[str]:
    with psycopg.connect(url) as connection:
        rows = connection.execute(
            "SELECT hero_image FROM articles_article WHERE hero_image <> '' "
            "UNION ALL SELECT file FROM images_image WHERE file <> ''"
        )
        return [row[0] for row in rows]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def fresh_database(private_postgres):
    with psycopg.connect(private_postgres.url, autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS restored")
        connection.execute("CREATE DATABASE restored")
    return private_postgres.url.rsplit("/", 1)[0] + "/restored"


def test_backup_restores_into_a_fresh_database_with_every_article_author_and_image(
    demo_newsroom, fresh_database, tmp_path
):
    """A backup of the demo site restored elsewhere has the same rows and the same image files."""
    env, _ = demo_newsroom
    source_url, source_media = env["DATABASE_URL"], Path(env["MEDIA_ROOT"])
    manage("backup", "--output-dir", str(tmp_path / "backups"), env=env)
    (backup,) = (tmp_path / "backups").iterdir()
    assert (backup / "database.dump").stat().st_size > 10_000
    assert (backup / "media.tar.gz").stat().st_size > 10_000

    restored_media = tmp_path / "restored-media"
    restore_env = {**env, "DATABASE_URL": fresh_database, "MEDIA_ROOT": str(restored_media)}
    manage("restore", str(backup), "--noinput", env=restore_env)

    before, after = database_contents(source_url), database_contents(fresh_database)
    # The shared cache is no content: backed up empty, filled again by the restored site.
    before.pop(settings.CACHE_TABLE), after.pop(settings.CACHE_TABLE)
    assert before["articles_article"][0] >= 40
    assert before["authors_author"][0] >= 3
    assert after == before  # every table, every row: articles, authors, bylines, users...

    images = image_names(source_url)
    assert len(images) >= 30  # every library image (heroes, author photos) of the demo
    for name in images:
        assert digest(restored_media / name) == digest(source_media / name), name


def test_restore_refuses_a_folder_that_is_not_a_backup(demo_newsroom, tmp_path):
    """Restoring from a folder without the dump and the media archive changes nothing."""
    env, _ = demo_newsroom
    with pytest.raises(RuntimeError, match="is not a backup"):
        manage("restore", str(tmp_path), "--noinput", env=env)
