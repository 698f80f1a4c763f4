"""A reader follows the header's search link and finds the article that has the word."""

from playwright.sync_api import expect


def test_search_finds_the_article_by_a_word_of_its_body(
    newsroom_site, newsroom, page, phone_page, screenshot
):
    """The header's Search link opens the search page; a word of an article's body finds it."""
    word, article = newsroom.word, newsroom.article
    assert word not in article.title
    assert word in article.body
    page.goto(newsroom_site)
    page.locator("header").get_by_role("link", name="Search").click()
    page.wait_for_url("**/search/")
    page.get_by_role("search", name="Search the news").get_by_role("searchbox").fill(word)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/search/?q={word}")
    result = page.locator(f'#feed .feed-item:has(a[href="{article.get_absolute_url()}"])')
    expect(result).to_have_count(1)
    expect(page.locator("#feed .feed-item")).to_have_count(1)  # No other item has the word.
    expect(result.locator("mark")).to_have_text(word)
    screenshot(page, "search-desktop")

    phone_page.goto(f"{newsroom_site}/search/?q=%22%22%22")
    expect(phone_page.locator(".search-empty")).to_be_visible()
    screenshot(phone_page, "search-nothing-phone")
