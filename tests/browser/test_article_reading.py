from demo.content import SEED_ARTICLE

SEED_SLUG = SEED_ARTICLE["slug"]


def test_seed_article_reads_as_on_the_seed_page(demo_site, page, phone_page, screenshot):
    """A reader sees the seed article's section, headline, time, hero, body and author."""
    url = f"{demo_site}/news/{SEED_SLUG}/"
    page.goto(url)
    assert page.locator(".article__section a").text_content() == "News Feed"
    assert page.locator("h1").inner_text().startswith("NATO plans to establish new post in Kyiv")
    assert page.get_by_text("2 min read").is_visible()
    hero = page.locator(".article__hero img")
    assert hero.evaluate("image => image.complete && image.naturalWidth > 0")
    assert "NATO Secretary-General Jens Stoltenberg" in page.locator(".article__hero").inner_text()
    assert page.locator(".author-box__role").first.text_content() == "Reporter"
    assert page.locator(".read-more .feed-item").count() >= 3
    screenshot(page, "article-desktop")
    phone_page.goto(url)
    assert phone_page.locator("h1").is_visible()
    screenshot(phone_page, "article-phone")


def test_demo_site_loads_again_for_a_second_browser_test(demo_site, page):
    """The demo site fixture works for more than one test in a run."""
    page.goto(f"{demo_site}/news-feed/")
    assert page.locator(".feed-item").count() == 20
