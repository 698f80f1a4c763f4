"""Show More appends the next items in place; without JavaScript it is a link to them."""

from playwright.sync_api import expect

from tests.articles.test_article_page import SEED_SLUG

ITEM_LINKS = "#{feed} > .feed-item :is(h3, .feed-item__brief) a"


def hrefs(page, feed="feed"):
    return page.locator(ITEM_LINKS.format(feed=feed)).evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )


def test_show_more_appends_in_place_and_the_plain_link_reaches_the_same_items(
    demo_site, page, browser, screenshot
):
    """On the news feed, Show More adds page 2 under page 1, moves focus, updates the URL."""
    page.goto(f"{demo_site}/news-feed/")
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

    show_more.click()
    expect(items).to_have_count(43)
    expect(page.get_by_role("link", name="Show More")).to_have_count(0)
    assert page.url.endswith("/news-feed/?page=3")
    expect(page.get_by_role("status")).to_contain_text("That is everything")
    screenshot(page, "news-feed-after-show-more-desktop")

    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(f"{demo_site}/news-feed/")
    link = plain.locator('a[rel="next"]')
    expect(link).to_have_text("Show More")
    link.click()
    plain.wait_for_url("**/news-feed/?page=2")
    assert hrefs(plain) == appended
    context.close()


def test_read_more_show_more_continues_without_the_article_or_repeats(demo_site, page):
    """The article's Read more block grows in place, never listing the article or an item twice."""
    page.goto(f"{demo_site}/news/{SEED_SLUG}/")
    items = page.locator("#read-more-feed > .feed-item")
    expect(items).to_have_count(6)
    page.locator(".read-more").get_by_role("link", name="Show More").click()
    expect(items).to_have_count(12)
    assert page.url.endswith(f"/news/{SEED_SLUG}/?more=2")
    expect(items.nth(6).locator("a").first).to_be_focused()
    links = hrefs(page, feed="read-more-feed")
    assert len(links) == len(set(links)) == 12
    assert f"/news/{SEED_SLUG}/" not in links

    page.reload()
    expect(items).to_have_count(12)
    assert hrefs(page, feed="read-more-feed") == links
