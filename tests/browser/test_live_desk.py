"""The live desk in Chromium: the live stories' and entries' lists fit a phone's 390 px."""

import pytest

from live import services
from tests.browser.test_desk_home import SIDEWAYS
from tests.browser.test_editorial_flow import PASSWORD, log_in
from tests.factories import make_article, make_staff
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
