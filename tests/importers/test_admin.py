import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.models import Article
from importers.models import ImportRun
from tests import html
from tests.factories import make_staff
from tests.importers.exports import GHOST_5, WORDPRESS

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:importers_importrun_upload")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a request's on-commit hooks (the worker's tasks are queued there)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def editor():
    client = Client()
    client.force_login(make_staff(role="Editors"))
    return client


def upload(client, path, source="wordpress"):
    export = SimpleUploadedFile(path.name, path.read_bytes())
    return client.post(UPLOAD, {"source": source, "export": export, "default_section": "News"})


def page_of(client, run):
    response = client.get(reverse("admin:importers_importrun_progress", args=[run.pk]))
    assert response.status_code == 200
    return html.parse(response.content.decode())


def report_lines(page):
    return [html.text(li) for li in html.elements(page, "//section[@class='import-report']//li")]


def test_an_editor_reads_the_dry_run_then_confirms(editor, run_tasks, upload_dir, committed):
    """Upload, the worker's dry run (nothing saved), Import now, the worker's import."""
    with committed():
        response = upload(editor, WORDPRESS)
    run = ImportRun.objects.get()
    assert response.headers["Location"] == reverse(
        "admin:importers_importrun_progress", args=[run.pk]
    )
    waiting = page_of(editor, run)
    assert html.text(html.element(waiting, "//h2")) == "Reading the file"
    assert html.elements(waiting, "//meta[@http-equiv='refresh']")

    assert run_tasks() == 1
    page = page_of(editor, run)
    assert html.text(html.element(page, "//h2")) == "Read: waiting for your confirmation"
    assert "created: 3 authors, 2 pages, 7 posts, 24 redirects, 3 sections, 3 tags" in (
        report_lines(page)
    )
    assert Article.objects.count() == 0

    with committed():
        editor.post(reverse("admin:importers_importrun_progress", args=[run.pk]), {"confirm": "1"})
    assert run_tasks() == 1
    page = page_of(editor, run)
    assert html.text(html.element(page, "//h2")) == "Imported"
    assert Article.objects.count() == 7
    assert not list(upload_dir.iterdir())  # the uploaded file is gone once imported


def test_confirming_twice_imports_once(editor, run_tasks, committed):
    """A second press of Import now (or a replayed form) starts nothing."""
    with committed():
        upload(editor, WORDPRESS)
    run = ImportRun.objects.get()
    assert run_tasks() == 1
    url = reverse("admin:importers_importrun_progress", args=[run.pk])
    with committed():
        editor.post(url, {"confirm": "1"})
        editor.post(url, {"confirm": "1"})
    assert run_tasks() == 1
    assert Article.objects.count() == 7


def test_a_hostile_file_is_refused_with_its_reason_and_no_confirm_button(
    editor, run_tasks, tmp_path, upload_dir, committed
):
    """An entity bomb: the dry run refuses it, the page says why and offers no way on."""
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>')
    with committed():
        upload(editor, bomb)
    assert run_tasks() == 1
    page = page_of(editor, ImportRun.objects.get())
    assert html.text(html.element(page, "//h2")) == "Refused"
    assert "declares a DTD" in html.text(html.element(page, "//p[@class='errornote']"))
    assert not html.elements(page, "//input[@name='confirm']")
    assert Article.objects.count() == 0
    assert not list(upload_dir.iterdir())


def test_a_refused_run_cannot_be_confirmed(editor, run_tasks, tmp_path, committed):
    """Posting Import now for a refused file imports nothing."""
    bad = tmp_path / "bad.xml"
    bad.write_text("<rss><channel>")
    with committed():
        upload(editor, bad)
    assert run_tasks() == 1
    run = ImportRun.objects.get()
    with committed():
        editor.post(reverse("admin:importers_importrun_progress", args=[run.pk]), {"confirm": "1"})
    assert run_tasks() == 0
    run.refresh_from_db()
    assert run.status == "failed"


def test_the_file_must_match_its_source(editor):
    """A Ghost JSON sent as a WordPress export is a form error; nothing is queued."""
    response = upload(editor, GHOST_5, source="wordpress")
    page = html.parse(response.content.decode())
    assert "A WordPress export is a .xml file." in html.text(
        html.element(page, "//ul[@class='errorlist']")
    )
    assert not ImportRun.objects.exists()


def test_reporters_cannot_import(run_tasks):
    """The import pages are for editors only."""
    client = Client()
    client.force_login(make_staff(role="Reporters"))
    assert client.get(UPLOAD).status_code == 403
    assert upload(client, WORDPRESS).status_code == 403
    assert not ImportRun.objects.exists()


def test_the_list_of_imports_links_to_the_upload_page(editor):
    """Editors find the upload page from the list of imports."""
    response = editor.get(reverse("admin:importers_importrun_changelist"))
    link = html.element(html.parse(response.content.decode()), f"//a[@href='{UPLOAD}']")
    assert html.text(link) == "Import from WordPress or Ghost"
