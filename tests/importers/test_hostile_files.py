"""Files that must import nothing and say why: bombs, external entities, damage, encodings."""

import json

import pytest

from articles.models import Article
from authors.models import Author
from importers.models import ImportedItem
from tests.importers.exports import GHOST_5, WORDPRESS, run_import

pytestmark = pytest.mark.django_db

WXR_HEAD = '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
WXR_ITEM = (
    "<item><title>{title}</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>"
    "<wp:status>publish</wp:status><wp:post_date_gmt>2026-01-01 10:00:00</wp:post_date_gmt>"
    "</item>"
)


def wxr(tmp_path, prolog: str, title: str, *, encoding="utf-8"):
    path = tmp_path / "export.xml"
    text = (
        prolog
        + WXR_HEAD
        + "<wp:wxr_version>1.2</wp:wxr_version>"
        + WXR_ITEM.format(title=title)
        + "</channel></rss>"
    )
    path.write_bytes(text.encode(encoding))
    return path


def assert_nothing_imported(report, *words):
    assert report.error
    for word in words:
        assert word in report.error
    assert Article.objects.count() == 0
    assert Author.objects.count() == 0
    assert ImportedItem.objects.count() == 0
    assert report.as_text().startswith("Nothing was imported.")


def test_an_entity_expansion_bomb_is_refused(tmp_path):
    """The billion laughs: refused at its DTD, before a single entity is expanded."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    path = wxr(tmp_path, f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]>', "&lol9;")
    assert_nothing_imported(run_import(path), "DTD")


def test_an_external_entity_cannot_read_a_local_file(tmp_path):
    """XXE: an entity naming a file on this server is refused, and its text goes nowhere."""
    secret = tmp_path / "secret.txt"
    secret.write_text("DATABASE_PASSWORD=hunter2")
    prolog = f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    report = run_import(wxr(tmp_path, prolog, "&xxe;"))
    assert_nothing_imported(report, "DTD")
    assert "hunter2" not in report.as_text()


def test_an_external_dtd_is_never_fetched(tmp_path):
    """A DOCTYPE pointing at a remote DTD (parameter entities) is refused without fetching."""
    prolog = '<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">'
    assert_nothing_imported(run_import(wxr(tmp_path, prolog, "Title")), "DTD")


def test_a_file_cut_short_imports_nothing_at_all(tmp_path):
    """A truncated export is refused whole, even though its first posts were complete."""
    text = WORDPRESS.read_text()
    path = tmp_path / "cut.xml"
    path.write_text(text[: text.index("<title><![CDATA[About us]]>")])
    report = run_import(path)
    assert_nothing_imported(report, "not well-formed XML", "line")


def test_malformed_xml_says_where(tmp_path):
    """Mismatched tags are reported with their line and column."""
    path = tmp_path / "bad.xml"
    path.write_text(WXR_HEAD + "<wp:wxr_version>1.2</wp:wxr_version><item><title>x</item>")
    assert_nothing_imported(run_import(path), "line 1", "mismatched tag")


def test_text_in_another_encoding_than_declared_is_refused(tmp_path):
    """Windows-1251 bytes in a file that says UTF-8 are reported, not imported as mojibake."""
    path = wxr(tmp_path, '<?xml version="1.0" encoding="UTF-8"?>', "Київ", encoding="cp1251")
    assert_nothing_imported(run_import(path), "not well-formed")


def test_a_declared_encoding_is_honoured(tmp_path):
    """A file that declares windows-1251 and is written in it imports correctly."""
    path = wxr(
        tmp_path, '<?xml version="1.0" encoding="windows-1251"?>', "Київ вдень", encoding="cp1251"
    )
    report = run_import(path)
    assert not report.error
    assert Article.objects.get().title == "Київ вдень"


def test_an_unknown_encoding_is_refused(tmp_path):
    """An encoding nobody knows gives a clear report."""
    path = wxr(tmp_path, '<?xml version="1.0" encoding="x-klingon"?>', "Title")
    assert_nothing_imported(run_import(path))


def test_an_rss_feed_that_is_not_a_wordpress_export_is_refused(tmp_path):
    """Without a WXR version the file is not taken for an export."""
    path = tmp_path / "feed.xml"
    path.write_text('<rss version="2.0"><channel><item><title>x</title></item></channel></rss>')
    assert_nothing_imported(run_import(path), "WXR version")


def test_a_file_that_is_not_xml_at_all_is_refused(tmp_path):
    """A JPEG renamed .xml is reported as not XML."""
    path = tmp_path / "photo.xml"
    path.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    assert_nothing_imported(run_import(path), "not well-formed XML")


def test_a_missing_file_is_reported(tmp_path):
    """A path with no file behind it is a report, not a stack trace."""
    assert_nothing_imported(run_import(tmp_path / "nowhere.xml"), "cannot be read")


def test_a_post_without_an_id_is_skipped_with_a_reason(tmp_path):
    """Missing fields skip the item and say why; the rest comes in."""
    path = tmp_path / "export.xml"
    item = WXR_ITEM.format(title="Fine")
    path.write_text(
        WXR_HEAD
        + "<wp:wxr_version>1.2</wp:wxr_version>"
        + item.replace("<wp:post_id>1</wp:post_id>", "")
        + item
        + "</channel></rss>"
    )
    report = run_import(path)
    assert not report.error
    assert Article.objects.count() == 1
    assert any("no id in the export" in line for line in report.lines)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"db": [{"meta": {"version": "5.0"}, "data": {"posts": [', "not valid JSON"),
        ('{"title": "Київ"}'.encode("cp1251"), "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nests too deeply"),
        (b'{"db": [{"meta": {}, "data": {"users": []}}]}', "no posts"),
        (b'{"db": [{"meta": {}, "data": {"posts": [], "users": "root"}}]}', "not a list"),
        (b'{"db": [{"meta": {"version": "0.11.14"}, "data": {"posts": []}}]}', "not supported"),
    ],
    ids=["truncated", "wrong-encoding", "nesting-bomb", "no-posts", "wrong-types", "ghost-0"],
)
def test_a_damaged_ghost_file_imports_nothing(tmp_path, content, words):
    """Broken JSON, another encoding, deep nesting or another shape: a clear report, no rows."""
    path = tmp_path / "export.json"
    path.write_bytes(content)
    assert_nothing_imported(run_import(path), words)


def test_a_ghost_file_over_the_size_limit_is_refused(tmp_path, settings):
    """Ghost files are read whole, so their size is capped."""
    settings.IMPORT_MAX_BYTES = 1000
    assert GHOST_5.stat().st_size > 1000
    assert_nothing_imported(run_import(GHOST_5), "larger than the import limit")


def test_a_ghost_post_with_unreadable_editor_content_comes_in_without_a_body(tmp_path):
    """Broken lexical JSON in one post is reported for that post; the rest imports."""
    data = json.loads(GHOST_5.read_text())
    data["db"][0]["data"]["posts"][0]["lexical"] = "{not json"
    path = tmp_path / "export.json"
    path.write_text(json.dumps(data))
    report = run_import(path)
    assert not report.error
    assert Article.objects.get(slug="drones-downed-odesa").body == ""
    assert any("could not be read" in line for line in report.lines)
