"""The desk's library, live, pins and site pages in Chromium: axe-clean light and dark, no
sideways scroll on a phone, times in the newsroom's zone, "Used in" in line with its label."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from curation.models import Pin
from images import services as library
from tests.browser.test_desk_home import axe_and_width
from tests.browser.test_editorial_flow import PASSWORD, log_in
from tests.factories import image_file, make_staff
from tests.live.factories import make_entry, make_live_story


@pytest.fixture
def desk(newsroom_site, newsroom, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_staff(role="Editors", username="editor", password=PASSWORD)
    photo, _created = library.add_image(
        image_file(size=(1200, 675)), alt_text="A tram at a stop", credit="Olena Petrenko/Reuters"
    )
    newsroom.article.hero = photo
    newsroom.article.save()
    story = make_live_story()
    make_entry(story, headline="Air-raid alert lifted")
    Pin.objects.create(placement="pick", position=1, article=newsroom.article)
    pages = {
        "pins": "/admin/curation/pin/",
        "pin-add": "/admin/curation/pin/add/",
        "live-story": f"/admin/live/livestory/{story.pk}/change/",
        "live-entry-add": f"/admin/live/liveentry/add/?story={story.pk}",
        "library-change": f"/admin/images/image/{photo.pk}/change/",
        "site-pages": "/admin/pages/page/",
    }
    return newsroom_site, pages


def test_desk_media_pages_pass_axe_fit_a_phone_and_keep_the_newsrooms_times(
    desk, browser, screenshot
):
    """axe finds nothing at 390 and 1366 px, light and dark (the date and time boxes were
    unnamed); no list runs off the screen (the pins' list did at both widths); no "You are
    N hours behind server time" under a time; the image's "Used in" starts where its other
    values start."""
    base, pages = desk
    axe = Axe()
    reports = []
    for scheme, width in [("light", 1366), ("dark", 390), ("dark", 1366), ("light", 390)]:
        context = browser.new_context(
            viewport={"width": width, "height": 900},
            bypass_csp=True,
            color_scheme=scheme,
            timezone_id="UTC",  # two hours from the newsroom's Kyiv
        )
        page = context.new_page()
        log_in(page, base, "editor")
        for name, path in pages.items():
            page.goto(f"{base}{path}")
            page.wait_for_load_state("load")
            screenshot(page, f"desk-media-{name}-{width}-{scheme}")
            reports += axe_and_width(axe, page, f"{name} at {width}px, {scheme}", True)
            if page.locator(".timezonewarning").count():
                reports.append(f"{name}: says the browser is hours behind server time")
        page.goto(f"{base}{pages['library-change']}")
        used = page.locator(".field-where_used .where-used a").first.bounding_box()
        uploaded = page.locator(".field-uploaded_by .readonly").bounding_box()
        if abs(used["x"] - uploaded["x"]) > 1:
            reports.append(f"Used in at {width}px starts {used['x'] - uploaded['x']} px further in")
        context.close()
    assert not reports, "\n".join(reports)
