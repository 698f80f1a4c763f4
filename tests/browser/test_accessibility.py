"""axe-core finds no accessibility violations on the main reader pages, light or dark."""

from axe_playwright_python.sync_playwright import Axe


def main_pages(newsroom) -> dict[str, str]:
    return {
        "home": "/",
        "article": newsroom.article.get_absolute_url(),
        "news feed": "/news-feed/",
        "author": newsroom.reporter.get_absolute_url(),
        "search": f"/search/?q={newsroom.word}",
    }


def test_main_pages_have_no_axe_violations(newsroom_site, newsroom, page):
    """Home, article, news feed, author and search pass axe-core in light and dark mode."""
    axe = Axe()
    reports = []
    for scheme in ["light", "dark"]:
        page.emulate_media(color_scheme=scheme)
        for name, path in main_pages(newsroom).items():
            response = page.goto(f"{newsroom_site}{path}")
            assert response.status == 200, path
            results = axe.run(page)
            if results.violations_count:
                reports.append(f"{name} ({scheme}):\n{results.generate_report()}")
    assert not reports, "\n".join(reports)
