import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.models import Article
from importers.admin_views import upload_folder
from tests import html
from tests.factories import make_staff
from tests.importers.exports import GHOST_5, WORDPRESS

pytestmark = pytest.mark.django_db

URL = reverse("admin:importers_importeditem_import")


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.IMPORT_UPLOAD_DIR = tmp_path / "imports"


@pytest.fixture
def editor():
    client = Client()
    client.force_login(make_staff(role="Editors"))
    return client


def upload(client, path, source="wordpress", name=None):
    export = SimpleUploadedFile(name or path.name, path.read_bytes())
    return client.post(URL, {"source": source, "export": export, "default_section": "News"})


def report_lines(response):
    page = html.parse(response.content.decode())
    return [html.text(li) for li in html.elements(page, "//section[@class='import-report']//li")]


def test_an_editor_sees_a_dry_run_then_confirms_the_import(editor):
    """Uploading shows what would happen and saves nothing; Import now does it."""
    response = upload(editor, WORDPRESS)
    assert response.status_code == 200
    assert "created: 3 authors, 2 pages, 7 posts, 22 redirects, 2 sections, 3 tags" in report_lines(
        response
    )
    assert Article.objects.count() == 0
    page = html.parse(response.content.decode())
    form = html.element(page, "//form[.//input[@name='confirm']]")
    data = {f.get("name"): f.get("value", "") for f in html.elements(form, ".//input")}
    response = editor.post(URL, data)
    assert response.status_code == 200
    assert html.text(html.element(html.parse(response.content.decode()), "//h2")) == "Imported"
    assert Article.objects.count() == 7
    assert not list(upload_folder().iterdir())


def test_a_hostile_file_is_refused_with_its_reason_and_no_confirm_button(editor, tmp_path):
    """An entity bomb gets the refusal on the page and no way to go on."""
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>')
    response = upload(editor, bomb)
    page = html.parse(response.content.decode())
    assert "declares a DTD" in html.text(html.element(page, "//p[@class='errornote']"))
    assert not html.elements(page, "//input[@name='confirm']")
    assert Article.objects.count() == 0


def test_a_confirmation_without_its_dry_run_imports_nothing(editor):
    """A made-up token (or one from another session) is refused."""
    response = editor.post(
        URL,
        {"confirm": "1", "token": "0" * 32, "source": "ghost", "default_section": "News"},
    )
    assert response.status_code == 302
    assert Article.objects.count() == 0


def test_the_file_must_match_its_source(editor):
    """A Ghost JSON sent as a WordPress export is a form error."""
    response = upload(editor, GHOST_5, source="wordpress")
    page = html.parse(response.content.decode())
    assert "A WordPress export is a .xml file." in html.text(
        html.element(page, "//ul[@class='errorlist']")
    )


def test_reporters_cannot_import():
    """The import page is for editors only."""
    client = Client()
    client.force_login(make_staff(role="Reporters"))
    assert client.get(URL).status_code == 403
    assert upload(client, WORDPRESS).status_code == 403
    assert Article.objects.count() == 0


def test_the_mapping_list_links_to_the_import_page(editor):
    """Editors find the import page from the list of imported items."""
    response = editor.get(reverse("admin:importers_importeditem_changelist"))
    page = html.parse(response.content.decode())
    link = html.element(page, f"//a[@href='{URL}']")
    assert html.text(link) == "Import from WordPress or Ghost"
