"""The live desk in Chromium: the live stories' and entries' lists fit a phone's 390 px, and
nothing typed in the entry form is lost."""

import time

import pytest
from playwright.sync_api import expect

from articles.models import Byline
from live import services
from live.models import EntryAutosave, LiveEntry
from tests.browser.test_desk_home import SIDEWAYS
from tests.browser.test_editorial_flow import PASSWORD, log_in
from tests.factories import image_file, make_article, make_staff
from tests.live.factories import make_entry, make_live_story


@pytest.fixture
def live_desk(transactional_db, live_server, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    editor = make_staff(role="Editors", username="editor", password=PASSWORD)
    story = make_live_story(
        article=make_article(title="Ukraine war latest: drones over Kyiv and Odesa overnight")
    )
    make_live_story(article=make_article(title="Budget vote in the Verkhovna Rada: live"))
    for number in range(6):
        make_entry(
            story, minutes_ago=number * 7, headline=f"Air-raid alert lifted in {number} oblasts"
        )
    entry = make_entry(story, minutes_ago=50, headline="")
    services.entry_pin(entry=entry, by=editor)
    services.entry_edit(entry=entry, by=editor, body="<p>Edited: debris fell on two districts.</p>")
    return live_server.url, story


def test_the_live_lists_fit_a_phone(live_desk, browser, screenshot):
    """The live stories and the entries, sorted or not: no sideways scroll at 390 px."""
    base, story = live_desk
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    log_in(page, base, "editor")
    pages = {
        "stories": "/admin/live/livestory/",
        "entries": "/admin/live/liveentry/",
        "entries-sorted": "/admin/live/liveentry/?o=2",
        "story-entries": f"/admin/live/liveentry/?story__article__exact={story.pk}",
    }
    wide = []
    for name, path in pages.items():
        page.goto(base + path)
        screenshot(page, f"live-desk-{name}-390")
        if page.evaluate(SIDEWAYS) > 0:
            wide.append(f"{name}: {page.evaluate(SIDEWAYS)} px too wide")
    context.close()
    assert not wide, wide


def test_nothing_typed_in_the_entry_form_is_lost(live_desk, browser, screenshot):
    """Leaving with unsaved text asks first; a tab closed anyway has its text on the server,
    and the form opened again holds it."""
    base, story = live_desk
    reporter = make_staff(role="Reporters", username="reporter", password=PASSWORD)
    Byline.objects.create(article=story.article, author=reporter.author)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    log_in(page, base, "reporter")
    add = f"{base}/admin/live/liveentry/add/?story={story.pk}"
    page.goto(add)
    page.wait_for_load_state("load")
    page.fill("#id_headline", "Blasts heard in Kyiv")
    page.fill("#id_body", "Two loud blasts on the left bank.\n\nMore soon.")
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.accept()

    page.on("dialog", answer)
    page.close(run_before_unload=True)
    page.wait_for_event("close")
    assert asked == ["beforeunload"]
    for _ in range(50):  # the closing tab's keepalive request, answered by the server
        if EntryAutosave.objects.filter(story=story, user=reporter).exists():
            break
        time.sleep(0.1)

    again = context.new_page()
    again.goto(add)
    expect(again.locator("#id_headline")).to_have_value("Blasts heard in Kyiv")
    expect(again.locator("#id_body")).to_have_value(
        "Two loud blasts on the left bank.\n\nMore soon."
    )
    expect(again.locator("#autosave-status")).to_contain_text("not posted yet")
    screenshot(again, "live-desk-entry-form-restored-390")
    context.close()


@pytest.mark.parametrize("width", [390, 1366])
def test_a_reporter_posts_an_entry_with_a_new_photo_into_the_library(
    live_desk, browser, screenshot, tmp_path, width
):
    """The entry form's image group: a file uploaded with its alt text becomes a library
    image, which the reader's page shows with that alt text."""
    base, story = live_desk
    reporter = make_staff(role="Reporters", username="reporter", password=PASSWORD)
    Byline.objects.create(article=story.article, author=reporter.author)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    log_in(page, base, "reporter")
    page.goto(f"{base}/admin/live/liveentry/add/?story={story.pk}")
    page.fill("#id_headline", "A hall in Darnytskyi district after the strike")
    page.locator("fieldset.collapse summary, fieldset.collapse h2").first.click()
    photo = tmp_path / "hall.jpg"
    photo.write_bytes(image_file("hall.jpg").read())
    page.set_input_files("#id_image_upload", str(photo))
    page.fill("#id_image_alt_text", "A sports hall with its windows blown out")
    screenshot(page, f"live-desk-entry-image-{width}")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("Posted")
    entry = LiveEntry.objects.select_related("image").get(headline__startswith="A hall")
    assert entry.image.alt_text == "A sports hall with its windows blown out"
    assert entry.image.uploaded_by == reporter
    page.goto(base + story.article.get_absolute_url())
    figure = page.locator(f"#{entry.anchor} figure img")
    expect(figure).to_have_attribute("alt", "A sports hall with its windows blown out")
    screenshot(page, f"live-story-entry-image-{width}")
    context.close()
