"""Phone and desktop screenshots of every page type, for a person to look at."""

from demo.content import SEED_ARTICLE

SEED_SLUG = SEED_ARTICLE["slug"]

PAGES = {
    "home": "/",
    "article": f"/news/{SEED_SLUG}/",
    "news-feed": "/news-feed/",
    "section": "/section/ukraine/",
    "tag": "/tag/nato/",
    "author": "/author/martin-fornusek/",
    "corrections": "/corrections/",
    "video": "/news/ukraine-this-week-the-moments-that-defined-2025/",
    "search": "/search/?q=NATO",
    "not-found": "/news-feed/?page=999",
    "article-print": f"/news/{SEED_SLUG}/",
}


def test_pages_fit_a_phone_screen_and_are_saved_as_screenshots(
    demo_site, page, phone_page, screenshot
):
    """No page scrolls sideways on a phone; each is saved at phone and desktop widths."""
    for name, path in PAGES.items():
        for viewer, width in [(page, "desktop"), (phone_page, "phone")]:
            if name == "article-print":
                viewer.emulate_media(media="print")
            viewer.goto(f"{demo_site}{path}")
            viewer.wait_for_load_state("load")
            overflow = viewer.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{name} scrolls sideways on {width} by {overflow}px"
            screenshot(viewer, f"{name}-{width}")
            viewer.emulate_media(media="screen")
