"""A reader moves between the editions: English to its Ukrainian translation and back, with the
page in each language, on a phone and a desktop."""

import pytest

from tests.factories import make_article, make_author, make_section


@pytest.fixture
def translated_site(transactional_db, live_server):
    news = make_section(name="News Feed", slug="news-feed")
    novyny = make_section(
        name="Стрічка новин", slug="news-feed", language="uk", translation_of=news
    )
    author = make_author(name="Martin Fornusek")
    original = make_article(
        title="NATO plans to establish new post in Kyiv",
        section=news,
        authors=[author],
        body="<p>" + " ".join(["word"] * 300) + "</p>",
    )
    make_article(
        title="НАТО планує створити нову посаду в Києві",
        section=novyny,
        language="uk",
        translation_of=original,
        authors=[author],
        body="<p>" + " ".join(["зобов'язання"] * 300) + "</p>",
    )
    return live_server.url, original


def test_the_switcher_leads_to_the_translation_and_back(
    translated_site, page, phone_page, screenshot
):
    """From the English article the switcher opens the Ukrainian one, in Ukrainian, and back."""
    site, original = translated_site
    for viewer, width in [(page, "desktop"), (phone_page, "phone")]:
        viewer.goto(f"{site}{original.get_absolute_url()}")
        assert viewer.locator("html").get_attribute("lang") == "en"
        viewer.get_by_role("navigation", name="Edition").get_by_role(
            "link", name="Українська"
        ).click()
        viewer.wait_for_url("**/uk/news/**")
        assert viewer.locator("html").get_attribute("lang") == "uk"
        assert viewer.locator("h1").inner_text() == "НАТО планує створити нову посаду в Києві"
        # 300 words with apostrophes inside them: two minutes, in the Ukrainian plural.
        assert viewer.locator(".article__reading-time").inner_text() == "2 хвилини читання"
        assert viewer.get_by_role("navigation", name="Розділи").is_visible()
        screenshot(viewer, f"edition-uk-article-{width}")
        viewer.get_by_role("navigation", name="Видання").get_by_role("link", name="English").click()
        viewer.wait_for_url(f"**{original.get_absolute_url()}")
        assert viewer.locator("html").get_attribute("lang") == "en"
