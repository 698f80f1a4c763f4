"""The test exports of WordPress's importer and of Ghost themselves (see fixtures/README.md).

They are read from IMPORTER_REAL_EXPORTS (default: shared/importer-exports/ beside the
checkout), with wordpress/*.xml and ghost/*.json inside; the tests skip when it is absent.
"""

import os
from pathlib import Path

import pytest

from articles.models import Article
from pages.models import Page
from tests.importers.exports import run_import

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
FOLDER = Path(
    os.environ.get("IMPORTER_REAL_EXPORTS", BASE_DIR.parent / "shared" / "importer-exports")
)
# WordPress's own damaged test files: nested CDATA and a mismatched tag are not XML.
NOT_XML = {"crazy-cdata.xml", "malformed.xml", "malformed-simple.xml"}
# Test files for WordPress's own version checks.
NO_VERSION = {"missing-version-tag.xml", "invalid-version-tag.xml"}
# Ghost's test file for a broken export.
NOT_GHOST = {"broken.json"}


def exports(pattern: str) -> list[Path]:
    return sorted(FOLDER.glob(pattern)) if FOLDER.is_dir() else []


def needs(files):
    return pytest.mark.skipif(not files, reason=f"no real exports in {FOLDER}")


WORDPRESS = exports("wordpress/*.xml")
GHOST = exports("ghost/*.json")


@needs(WORDPRESS)
@pytest.mark.parametrize("path", WORDPRESS, ids=lambda path: path.name)
def test_every_wordpress_test_export_imports_or_is_refused_with_a_reason(path):
    """Each file imports, and a second run changes nothing; a damaged one imports nothing."""
    report = run_import(path)
    if path.name in NOT_XML | NO_VERSION:
        assert report.error
        assert Article.objects.count() == 0
        return
    assert not report.error, report.error
    again = run_import(path)
    assert {outcome for outcome, _kind in again.counts} <= {"unchanged"}


@needs([p for p in WORDPRESS if p.name == "theme-unit-test-data.xml"])
def test_the_theme_unit_test_data():
    """WordPress's theme unit test: its posts and pages, states and shortcodes come across."""
    report = run_import(FOLDER / "wordpress" / "theme-unit-test-data.xml")
    assert not report.error
    assert report.counts["created", "post"] == Article.objects.count() > 50
    assert report.counts["created", "page"] == Page.objects.count() > 10
    protected = Article.objects.get(title__startswith="Template: Password Protected")
    assert protected.status == "draft"
    gallery = Article.objects.get(slug="post-format-gallery")
    assert gallery.body.count('<figure class="image">') > 5
    assert "[gallery" not in gallery.body
    youtube = Article.objects.get(slug="post-format-video-youtube")
    assert "<oembed" in youtube.body


@needs(GHOST)
@pytest.mark.parametrize("path", GHOST, ids=lambda path: path.name)
def test_every_ghost_test_export_imports_and_again_changes_nothing(path):
    """Each Ghost export imports without error; its posts arrive; a second run changes nothing."""
    report = run_import(path)
    if path.name in NOT_GHOST:
        assert report.error
        assert Article.objects.count() == 0
        return
    assert not report.error, report.error
    assert Article.objects.count() + Page.objects.count() == sum(
        number for (outcome, kind), number in report.counts.items() if kind in {"post", "page"}
    )
    again = run_import(path)
    assert {outcome for outcome, _kind in again.counts} <= {"unchanged"}
