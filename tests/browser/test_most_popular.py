"""A reader's browser counts the article it opens for Most Popular; robots and opt-outs do not."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from readership.models import HourlyViews
from readership.popular import POPULAR_SECONDS

# Chromium's own user agent says "HeadlessChrome": a reader's browser does not.
READER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
BEACON = "/readership/beacon/"


def views(article) -> int:
    return sum(HourlyViews.objects.filter(article=article).values_list("views", flat=True))


def open_article(browser, url, **context_options):
    """Open the page in a fresh browser context and wait for its beacon's answer."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, **context_options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    violations = []
    page.on("console", lambda message: violations.append(message.text))
    with page.expect_response(lambda response: BEACON in response.url) as beacon:
        page.goto(url)
    status = beacon.value.status
    context.close()
    return status, violations


def test_opening_an_article_counts_one_reading_and_most_popular_lists_it(
    newsroom_site, newsroom, browser, screenshot, time_machine
):
    """Each visit in a browser adds one; Most Popular names the article once its lists renew."""
    article = newsroom.article
    url = f"{newsroom_site}{article.get_absolute_url()}"
    assert views(article) == 0
    status, violations = open_article(browser, url, user_agent=READER)
    assert status == 204
    assert violations == []
    assert views(article) == 1
    open_article(browser, url, user_agent=READER)
    assert views(article) == 2

    # The lists, read when the article page was first shown, are kept POPULAR_SECONDS.
    time_machine.move_to(timezone.now() + timedelta(seconds=POPULAR_SECONDS))
    context = browser.new_context(viewport={"width": 390, "height": 844}, user_agent=READER)
    page = context.new_page()
    page.goto(f"{newsroom_site}/")
    popular = page.locator(".most-popular")
    expect(popular.get_by_role("link", name=article.title).first).to_be_visible()
    screenshot(page, "most-popular-home-390")
    context.close()


@pytest.mark.parametrize(
    "options",
    [
        {},  # headless Chromium names itself in its user agent: a robot
        {"user_agent": READER, "extra_http_headers": {"Sec-GPC": "1"}},
        {"user_agent": READER, "extra_http_headers": {"DNT": "1"}},
    ],
    ids=["headless", "sec-gpc", "dnt"],
)
def test_robots_and_readers_who_opt_out_are_not_counted(newsroom_site, newsroom, browser, options):
    """The beacon is answered, and nothing is counted."""
    article = newsroom.article
    status, _violations = open_article(
        browser, f"{newsroom_site}{article.get_absolute_url()}", **options
    )
    assert status == 204
    assert views(article) == 0
