"""Recent times read "12 minutes ago" in the page's language, with words the page carries:
the browser never builds Intl.RelativeTimeFormat, whose locale data cost a long task on
every page load."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import make_article

# Any use of Intl.RelativeTimeFormat on the page is counted instead of done.
COUNT_RELATIVE_TIME_FORMATS = """
window.relativeTimeFormats = 0;
Intl.RelativeTimeFormat = function () {
  window.relativeTimeFormats += 1;
  throw new Error("Intl.RelativeTimeFormat is not to be built");
};
"""


def recent_time(page, title):
    return (
        page.locator("article", has=page.get_by_role("link", name=title))
        .locator("time[data-relative]")
        .first
    )


def test_recent_times_read_as_minutes_and_hours_ago_in_each_edition(
    transactional_db, live_server, page
):
    """English and Ukrainian: one minute, minutes, hours; the exact time stays as the tooltip;
    an older item keeps its date."""
    now = timezone.now()
    make_article(title="Sirens in the east", publish_at=now - timedelta(seconds=70))
    make_article(title="Council meets", publish_at=now - timedelta(minutes=25))
    make_article(title="Bridge reopens", publish_at=now - timedelta(hours=3, minutes=5))
    make_article(title="Last week's budget", publish_at=now - timedelta(days=3))
    make_article(title="Сирени на сході", language="uk", publish_at=now - timedelta(minutes=5))
    make_article(title="Міст відкрили", language="uk", publish_at=now - timedelta(hours=22))
    page.add_init_script(COUNT_RELATIVE_TIME_FORMATS)

    page.goto(f"{live_server.url}/news-feed/")
    expect(recent_time(page, "Sirens in the east")).to_have_text("a minute ago")
    expect(recent_time(page, "Council meets")).to_have_text("25 minutes ago")
    expect(recent_time(page, "Bridge reopens")).to_have_text("3 hours ago")
    older = recent_time(page, "Last week's budget")
    expect(older).not_to_have_text(re.compile("ago"))
    assert older.get_attribute("title") is None
    council = recent_time(page, "Council meets")
    assert council.get_attribute("title")
    assert "ago" not in council.get_attribute("title")

    page.goto(f"{live_server.url}/uk/news-feed/")
    expect(recent_time(page, "Сирени на сході")).to_have_text("5\u00a0хвилин тому")
    expect(recent_time(page, "Міст відкрили")).to_have_text("22\u00a0години тому")
    assert page.evaluate("window.relativeTimeFormats") == 0
