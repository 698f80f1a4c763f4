import io

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from tests.importers.exports import GHOST_5, WORDPRESS, media_folder

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_wordpress_prints_a_progress_bar_and_the_report(tmp_path):
    """The command shows its progress and ends with what was created and what was missing."""
    media = media_folder(tmp_path / "uploads", "wp-content/uploads/2026/02/substation.jpg")
    out, err = run("import_wordpress", str(WORDPRESS), "--media", str(media))
    assert "9/9" in err
    assert "created: 3 authors, 2 images, 2 pages, 7 posts, 24 redirects, 3 sections" in out
    assert "linemen.png" in out
    assert Article.objects.count() == 7


def test_import_ghost_dry_run_saves_nothing(tmp_path):
    """--dry-run prints the report and leaves the database empty."""
    out, _err = run("import_ghost", str(GHOST_5), "--dry-run", "--sections", "none")
    assert out.startswith("Dry run: nothing was saved.")
    assert "5 posts" in out
    assert Article.objects.count() == 0


def test_a_refused_file_fails_the_command_with_the_reason(tmp_path):
    """A bad file ends the command with an error message, not a traceback."""
    bad = tmp_path / "bad.xml"
    bad.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><rss/>')
    with pytest.raises(CommandError, match=r"Nothing was imported\. The file declares a DTD"):
        run("import_wordpress", str(bad))


def test_a_media_folder_that_does_not_exist_is_an_error(tmp_path):
    """--media must name a folder."""
    with pytest.raises(CommandError, match="is not a folder"):
        run("import_wordpress", str(WORDPRESS), "--media", str(tmp_path / "nowhere"))
