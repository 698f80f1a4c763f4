"""A reader searches from the header and finds the seed article."""

from playwright.sync_api import expect

from tests.articles.test_article_page import SEED_SLUG


def test_search_finds_the_seed_article_by_wiesbaden(demo_site, page, phone_page, screenshot):
    """Typing "Wiesbaden" in the header search lists the seed article with the word marked."""
    page.goto(demo_site)
    page.get_by_role("search", name="Site search").get_by_role("searchbox").fill("Wiesbaden")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Wiesbaden")
    result = page.locator(f'#feed .feed-item:has(a[href="/news/{SEED_SLUG}/"])')
    expect(result).to_have_count(1)
    expect(result.locator("mark")).to_have_text("Wiesbaden")
    screenshot(page, "search-desktop")

    phone_page.goto(f"{demo_site}/search/?q=%22%22%22")
    expect(phone_page.locator(".search-empty")).to_be_visible()
    screenshot(phone_page, "search-nothing-phone")
