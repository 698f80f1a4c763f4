"""Show More appends the next items in place; without JavaScript it is a link to them."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_newsroom

ITEM_LINKS = "#{feed} > .feed-item :is(h3, .feed-item__brief) a"
# More clicks than any list here needs: a Show More that keeps going is looping.
MAX_CLICKS = 15


def hrefs(page, feed="feed"):
    return page.locator(ITEM_LINKS.format(feed=feed)).evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )


@pytest.fixture
def newsroom(transactional_db):
    """Enough items for several pages of every list with Show More (20 items a page).

    63 items: four pages of the news feed, and more than a page of the City section,
    of the reporter's author page and of the Transport tag (every plain item has it).
    """
    newsroom = make_newsroom(more=58)
    assert len(newsroom.published) == 63
    for item in newsroom.more:
        item.tags.add(newsroom.tags[0])
    return newsroom


def show_more_pages(newsroom) -> dict[str, tuple[str, str]]:
    """Every page with Show More: its address and the id of the list Show More extends."""
    return {
        "home": ("/", "feed"),
        "article": (newsroom.article.get_absolute_url(), "read-more-feed"),
        "news-feed": ("/news-feed/", "feed"),
        "section": (newsroom.article.section.get_absolute_url(), "feed"),
        "tag": (newsroom.tags[0].get_absolute_url(), "feed"),
        "author": (newsroom.reporter.get_absolute_url(), "feed"),
    }


def item_addresses(page, feed) -> list[str]:
    """The address each item of the list links to first, in the order the list shows them."""
    return page.locator(f"#{feed} > *").evaluate_all(
        "items => items.map(item => item.querySelector('a[href]').getAttribute('href'))"
    )


def show_more_link(page, feed):
    return page.locator(f'a[data-show-more][aria-controls="{feed}"]')


def walk_plain_links(browser, url, feed) -> list[list[str]]:
    """With JavaScript off: the items of each page reached by following Show More's link."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    pages = [item_addresses(page, feed)]
    while show_more_link(page, feed).count() and len(pages) <= MAX_CLICKS:
        with page.expect_navigation():
            show_more_link(page, feed).click()
        pages.append(item_addresses(page, feed))
    context.close()
    return pages


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("name", ["home", "article", "news-feed", "section", "tag", "author"])
def test_show_more_runs_to_the_end_without_repeats_and_the_plain_link_reaches_the_same_items(
    newsroom_site, newsroom, browser, screenshot, name, width
):
    """Show More, clicked until it is gone, adds each later page once and says it is the end."""
    path, feed = show_more_pages(newsroom)[name]
    plain_pages = walk_plain_links(browser, f"{newsroom_site}{path}", feed)
    assert len(plain_pages) > 1, "the page has no Show More"
    assert len(plain_pages) <= MAX_CLICKS, "the plain links never end"

    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{newsroom_site}{path}")
    page.evaluate("window.notReloaded = true")
    items = page.locator(f"#{feed} > *")
    clicks = 0
    while show_more_link(page, feed).count():
        assert clicks < MAX_CLICKS, f"Show More never ends: {item_addresses(page, feed)[-3:]}"
        shown = items.count()
        show_more_link(page, feed).click()
        expect(items).not_to_have_count(shown)
        clicks += 1
    addresses = item_addresses(page, feed)
    assert len(addresses) == len(set(addresses)), "an item appears twice"
    assert addresses == [address for plain in plain_pages for address in plain]
    assert clicks == len(plain_pages) - 1
    assert path not in addresses
    assert page.evaluate("window.notReloaded") is True
    expect(page.locator(f'[data-show-more-status="{feed}"]')).to_contain_text("That is everything")
    screenshot(page, f"show-more-{name}-{width}")
    context.close()


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
    expect(items).to_have_count(60)
    assert page.url.endswith("/news-feed/?page=3")
    show_more.click()
    expect(items).to_have_count(63)
    expect(page.get_by_role("link", name="Show More")).to_have_count(0)
    assert page.url.endswith("/news-feed/?page=4")
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


def test_show_more_counts_one_new_item_as_one(transactional_db, live_server, page):
    """The announcement after the last page follows the number: "1 more item loaded."."""
    make_newsroom(more=16)  # 21 items: a page of 20, then one
    page.goto(f"{live_server.url}/news-feed/")
    page.get_by_role("link", name="Show More").click()
    expect(page.locator('[data-show-more-status="feed"]')).to_have_text(
        "1 more item loaded. That is everything."
    )
