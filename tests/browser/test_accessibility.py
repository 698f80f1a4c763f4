"""axe-core finds no accessibility violations on the main reader pages, light or dark."""

from axe_playwright_python.sync_playwright import Axe

from tests.articles.test_article_page import SEED_SLUG

PAGES = {
    "home": "/",
    "article": f"/news/{SEED_SLUG}/",
    "news feed": "/news-feed/",
    "author": "/author/martin-fornusek/",
    "search": "/search/?q=Wiesbaden",
}


def test_main_pages_have_no_axe_violations(demo_site, page):
    """Home, article, news feed, author and search pass axe-core in light and dark mode."""
    axe = Axe()
    reports = []
    for scheme in ["light", "dark"]:
        page.emulate_media(color_scheme=scheme)
        for name, path in PAGES.items():
            page.goto(f"{demo_site}{path}")
            results = axe.run(page)
            if results.violations_count:
                reports.append(f"{name} ({scheme}):\n{results.generate_report()}")
    assert not reports, "\n".join(reports)
