"""The Ukrainian pages this edition added pass axe-core in light and dark mode: the subscriber's
pages, a site page with its translation, the newsletter archive and the error pages."""

from datetime import date

from axe_playwright_python.sync_playwright import Axe

from newsletters import tokens
from newsletters.models import Issue
from pages.models import Page
from tests.factories import make_issue, make_newsletter, make_subscriber


def test_the_ukrainian_subscriber_site_and_error_pages_have_no_axe_violations(
    newsroom_site, newsroom, page
):
    """Confirm, manage, unsubscribe, delete, the archive and an issue, /uk/pro-nas/, a 404."""
    daily = make_newsletter(name="Щоранку", slug="shchoranku", language="uk")
    subscriber = make_subscriber(newsletters=[daily])
    make_issue(newsletter=daily, articles=[], status=Issue.Status.SENT, date=date(2026, 7, 1))
    about = Page.objects.create(title="About us", slug="about", is_published=True)
    Page.objects.create(
        title="Про нас", slug="pro-nas", language="uk", translation_of=about, is_published=True
    )
    manage = f"/uk/newsletters/subscriber/{tokens.manage_token(subscriber)}/"
    paths = {
        "confirm": f"/uk/newsletters/subscriber/confirm/{tokens.confirm_token(subscriber, [daily.pk])}/",
        "manage": manage,
        "unsubscribe": f"/uk/newsletters/subscriber/unsubscribe/{tokens.unsubscribe_token(subscriber, daily)}/",
        "delete": f"{manage}delete/",
        "archive": "/uk/newsletters/shchoranku/",
        "issue": "/uk/newsletters/shchoranku/2026-07-01/",
        "site page": "/uk/pro-nas/",
        "not found": "/uk/no-such-page/",
    }
    axe = Axe()
    reports = []
    for scheme in ["light", "dark"]:
        page.emulate_media(color_scheme=scheme)
        for name, path in paths.items():
            response = page.goto(f"{newsroom_site}{path}")
            assert response.status in {200, 404}, path
            assert page.locator("html").get_attribute("lang") == "uk", path
            results = axe.run(page)
            if results.violations_count:
                reports.append(f"{name} ({scheme}):\n{results.generate_report()}")
    assert not reports, "\n".join(reports)
