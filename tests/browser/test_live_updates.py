"""A live story's open page gets new entries without a reload, announced politely, and the
reader's place stays where it was until they ask for the new updates."""

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from live import services
from tests.factories import make_article, make_staff
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


@override_settings(LIVE_POLL_SECONDS=1)
def test_edits_and_deletions_reach_the_open_page_in_place(page, live_server, story):
    """At the next poll a deleted entry is gone and an edited one (text, headline, pin, a
    correction) replaced where it stands, with no reload, while the reader's place holds."""
    editor = make_staff(role="Editors")
    entries = list(story.entries.order_by("-published_at"))
    anchors = [entry.anchor for entry in entries]  # a deleted entry has no pk
    page.goto(live_server.url + story.article.get_absolute_url())
    reading = page.locator(f"#{entries[6].anchor}")
    page.evaluate(f"document.getElementById('{entries[6].anchor}').scrollIntoView()")
    page.evaluate("window.scrollBy(0, -100)")
    before = reading.bounding_box()["y"]
    page.evaluate("window.liveMarker = true")  # gone if the page reloads

    services.entry_delete(entry=entries[1], by=editor)
    services.entry_edit(
        entry=entries[2], by=editor, headline="Rewritten", body="<p>Shorter now.</p>"
    )
    services.entry_correct(entry=entries[3], by=editor, text="The count was 12, not 21.")
    services.entry_pin(entry=entries[4], by=editor)

    expect(page.locator(f"#{anchors[1]}")).to_have_count(0, timeout=15_000)
    edited = page.locator(f"#{entries[2].anchor}")
    expect(edited.locator(".live-entry__headline")).to_have_text("Rewritten")
    expect(edited.locator(".live-entry__updated")).to_be_visible()
    expect(page.locator(f"#{entries[3].anchor} .live-entry__correction")).to_contain_text(
        "The count was 12, not 21."
    )
    expect(page.locator(f"#{entries[4].anchor} .label--pinned")).to_have_text("Pinned")
    # In place: the order of the others is as it was, and nothing waits behind the button.
    ids = page.locator("#live-entries > [data-entry]").evaluate_all(
        "nodes => nodes.map(node => node.id)"
    )
    assert ids[:5] == [anchors[0], *anchors[2:6]]
    expect(page.locator("#live-new")).to_be_hidden()
    assert abs(reading.bounding_box()["y"] - before) < 1
    assert page.evaluate("window.liveMarker") is True

    services.entry_pin(entry=entries[4], by=editor, pinned=False)
    expect(page.locator(f"#{entries[4].anchor} .label--pinned")).to_have_count(0, timeout=15_000)
    assert abs(reading.bounding_box()["y"] - before) < 1


@override_settings(LIVE_POLL_SECONDS=1)
def test_a_new_entry_deleted_before_it_is_shown_is_not_counted(page, live_server, story):
    """An entry waiting behind "1 new update" and deleted meanwhile: the button goes away."""
    page.goto(live_server.url + story.article.get_absolute_url())
    entry = make_entry(story, minutes_ago=0, headline="Posted by mistake")
    expect(page.locator("#live-new")).to_have_text("1 new update", timeout=15_000)
    services.entry_delete(entry=entry, by=make_staff(role="Editors"))
    expect(page.locator("#live-new")).to_be_hidden(timeout=15_000)
    expect(page.locator("#live-status")).to_have_text("")


@override_settings(LIVE_POLL_SECONDS=1)
def test_the_count_takes_the_ukrainian_plural_forms(page, live_server):
    """In the Ukrainian edition: 2 нові оновлення, then 5 нових оновлень."""
    story = make_live_story(article=make_article(language="uk", slug="viina-nazhyvo"))
    make_entry(story, minutes_ago=30, headline="Перше")
    page.goto(live_server.url + story.article.get_absolute_url())
    for number in range(2):
        make_entry(story, minutes_ago=0, headline=f"Нове {number}")
    control = page.locator("#live-new")
    expect(control).to_have_text("2 нові оновлення", timeout=15_000)
    for number in range(3):
        make_entry(story, minutes_ago=0, headline=f"Ще одне {number}")
    expect(control).to_have_text("5 нових оновлень", timeout=15_000)


@override_settings(LIVE_POLL_SECONDS=1)
def test_show_more_after_new_updates_adds_no_entry_twice(page, live_server):
    """Two new entries shown at the top push the first page's last two onto page 2: Show
    More then adds the older entries once each (it showed those two again)."""
    story = make_live_story()
    for minutes in range(25):
        make_entry(story, minutes_ago=10 + minutes)
    page.goto(live_server.url + story.article.get_absolute_url())
    entries = page.locator("#live-entries > [data-entry]")
    expect(entries).to_have_count(20)
    make_entry(story, minutes_ago=1)
    make_entry(story, minutes_ago=0)
    control = page.locator("#live-new")
    expect(control).to_have_text("2 new updates", timeout=15_000)
    control.click()
    expect(entries).to_have_count(22)
    page.get_by_role("link", name="Show More").click()
    expect(page.get_by_role("link", name="Show More")).to_have_count(0)
    ids = entries.evaluate_all("items => items.map(item => item.id)")
    assert len(ids) == len(set(ids)), "an entry appears twice"
    assert sorted(ids) == sorted(entry.anchor for entry in story.entries.all())
