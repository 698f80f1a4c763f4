"""A reporter writes a story with an image in CKEditor 5 and submits it; an editor publishes it."""

import io

import pytest
from PIL import Image, ImageDraw

from articles.models import Article
from tests.factories import make_staff

PASSWORD = "a known test password 42"
TITLE = "Night trains return to the Kyiv metro"


@pytest.fixture
def logins(newsroom_site, newsroom, settings):
    """A reporter and an editor with their author profiles, as create_staff makes them."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_staff(role="Reporters", username="reporter", password=PASSWORD)
    make_staff(role="Editors", username="editor", password=PASSWORD)
    return newsroom_site


@pytest.fixture
def photo(tmp_path):
    """A real JPEG drawn with Pillow."""
    image = Image.new("RGB", (960, 540), (20, 60, 110))
    ImageDraw.Draw(image).rectangle([200, 150, 760, 390], fill=(230, 180, 40))
    path = tmp_path / "metro-platform.jpg"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    path.write_bytes(buffer.getvalue())
    return path


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#user-tools")


def log_out(page, base):
    page.click("#logout-form button")
    page.wait_for_url(f"{base}/admin/logout/")


def test_reporter_writes_editor_publishes_reader_reads(
    logins, newsroom, page, browser, photo, screenshot
):
    """Reporter writes with an uploaded image and submits; editor publishes; a reader sees it."""
    base = logins
    section = newsroom.sections[1]
    log_in(page, base, "reporter")
    page.goto(f"{base}/admin/articles/article/add/")
    page.fill("#id_title", TITLE)
    page.fill("#id_standfirst", "Trains will run until 2 a.m. on weekends from Friday.")
    page.select_option("#id_section", label=section.name)
    editor = page.locator(".field-body .ck-editor__editable")
    editor.click()
    page.keyboard.type("The city said the change starts on Friday, after a summer of trials.")
    page.keyboard.press("Enter")
    with page.expect_file_chooser() as chooser:
        page.locator(
            ".field-body .ck-toolbar button.ck-file-dialog-button, "
            ".field-body .ck-toolbar .ck-file-dialog-button button"
        ).first.click()
    chooser.value.set_files(str(photo))
    uploaded = editor.locator("img[src*='/media/']")
    uploaded.wait_for()
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    article = Article.objects.get(title=TITLE)
    assert article.slug == "night-trains-return-to-the-kyiv-metro"  # filled in from the title
    assert article.status == "draft"
    assert article.section == section
    assert "<img" in article.body
    assert [byline.author.user.username for byline in article.bylines.all()] == ["reporter"]

    page.click("button[name=_workflow][value=submit]")
    page.wait_for_selector(".messagelist .success")
    assert "in review" in page.locator(".workflow-state").inner_text().lower()
    screenshot(page, "editorial-reporter-submitted")
    assert page.locator("button[name=_workflow][value=publish]").count() == 0
    log_out(page, base)

    log_in(page, base, "editor")
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    assert page.locator(".transition--submitted").count() == 1
    page.click("button[name=_workflow][value=publish]")
    page.wait_for_selector(".messagelist .success")
    assert "published" in page.locator(".workflow-state").inner_text().lower()
    screenshot(page, "editorial-editor-published")

    reader = browser.new_context().new_page()
    reader.goto(f"{base}/news/{article.slug}/")
    assert reader.locator("h1").inner_text() == TITLE
    assert "after a summer of trials" in reader.locator(".article__body").inner_text()
    image = reader.locator(".article__body img")
    assert image.evaluate("img => img.complete && img.naturalWidth === 960")
    screenshot(reader, "editorial-reader-sees-article")
    reader.context.close()
