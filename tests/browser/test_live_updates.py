"""A live story's open page gets new entries without a reload, announced politely, and the
reader's place stays where it was until they ask for the new updates."""

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from live import services
from tests.factories import make_staff
from tests.live.factories import make_entry, make_live_story


@pytest.fixture
def story(transactional_db):
    story = make_live_story()
    for minutes in range(12):
        make_entry(story, minutes_ago=10 + minutes, body="<p>" + "A long paragraph. " * 40 + "</p>")
    return story


@override_settings(LIVE_POLL_SECONDS=1)
def test_new_entries_appear_without_a_reload_and_the_place_is_kept(page, live_server, story):
    """Within the poll's interval: "1 new update", the status says so, the page has not moved;
    pressing it shows the entry on top, with focus; the end of the coverage is announced."""
    page.goto(live_server.url + story.article.get_absolute_url())
    page.evaluate("window.scrollTo(0, 1200)")
    reading = page.locator("[data-entry]").nth(4)
    before = reading.bounding_box()["y"]
    entry = make_entry(story, minutes_ago=0, headline="Just in: the all-clear")
    control = page.locator("#live-new")
    expect(control).to_have_text("1 new update", timeout=15_000)
    expect(page.locator("#live-status")).to_have_text("1 new update")
    assert page.locator("#live-status").get_attribute("aria-live") == "polite"
    assert page.locator(f"#{entry.anchor}").count() == 0  # not inserted behind the reader
    assert abs(reading.bounding_box()["y"] - before) < 1
    control.click()
    first = page.locator("#live-entries > [data-entry]").first
    expect(first).to_have_attribute("id", entry.anchor)
    expect(first).to_be_focused()
    expect(control).to_be_hidden()

    # The poll that sees the end is the last one (static/js/live.js stops with it).
    services.story_set_state(story=story, by=make_staff(role="Editors"), state="ended")
    expect(page.locator("#live-status")).to_have_text(
        "This live coverage has ended.", timeout=15_000
    )
