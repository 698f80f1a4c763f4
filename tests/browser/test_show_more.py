"""Show More appends the next items in place; without JavaScript it is a link to them."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_newsroom

ITEM_LINKS = "#{feed} > .feed-item :is(h3, .feed-item__brief) a"


def hrefs(page, feed="feed"):
    return page.locator(ITEM_LINKS.format(feed=feed)).evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )


@pytest.fixture
def newsroom(transactional_db):
    """Enough items for three pages of the news feed (20 a page): 43, as on the demo site."""
    newsroom = make_newsroom(more=38)
    assert len(newsroom.published) == 43
    return newsroom


def test_show_more_appends_in_place_and_the_plain_link_reaches_the_same_items(
    newsroom_site, newsroom, page, browser, screenshot
):
    """On the news feed, Show More adds page 2 under page 1, moves focus, updates the URL."""
    page.goto(f"{newsroom_site}/news-feed/")
    items = page.locator("#feed > .feed-item")
    expect(items).to_have_count(20)
    page.evaluate("window.notReloaded = true")
    show_more = page.get_by_role("link", name="Show More")
    show_more.click()
    expect(items).to_have_count(40)
    assert page.evaluate("window.notReloaded") is True
    assert page.url.endswith("/news-feed/?page=2")
    first_new_link = items.nth(20).locator("a").first
    expect(first_new_link).to_be_focused()
    appended = hrefs(page)[20:40]
    assert len(set(hrefs(page))) == 40
    assert appended == [item.get_absolute_url() for item in newsroom.published[20:40]]

    show_more.click()
    expect(items).to_have_count(43)
    expect(page.get_by_role("link", name="Show More")).to_have_count(0)
    assert page.url.endswith("/news-feed/?page=3")
    expect(page.get_by_role("status")).to_contain_text("That is everything")
    screenshot(page, "news-feed-after-show-more-desktop")

    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(f"{newsroom_site}/news-feed/")
    link = plain.locator('a[rel="next"]')
    expect(link).to_have_text("Show More")
    link.click()
    plain.wait_for_url("**/news-feed/?page=2")
    assert hrefs(plain) == appended
    context.close()


def test_read_more_show_more_continues_without_the_article_or_repeats(
    newsroom_site, newsroom, page
):
    """The article's Read more block grows in place, never listing the article or an item twice."""
    url = newsroom.article.get_absolute_url()
    page.goto(f"{newsroom_site}{url}")
    items = page.locator("#read-more-feed > .feed-item")
    expect(items).to_have_count(6)
    page.locator(".read-more").get_by_role("link", name="Show More").click()
    expect(items).to_have_count(12)
    assert page.url.endswith(f"{url}?more=2")
    expect(items.nth(6).locator("a").first).to_be_focused()
    links = hrefs(page, feed="read-more-feed")
    assert len(links) == len(set(links)) == 12
    assert url not in links

    page.reload()
    expect(items).to_have_count(12)
    assert hrefs(page, feed="read-more-feed") == links
