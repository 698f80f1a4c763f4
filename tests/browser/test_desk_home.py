"""The desk in Chromium: the queues on the admin's home lead to the article in one click."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from articles import services
from tests.browser.test_editorial_flow import PASSWORD, log_in
from tests.factories import make_article_in_state, make_staff


@pytest.fixture
def desk_site(newsroom_site, newsroom, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    reporter = make_staff(role="Reporters", username="reporter", password=PASSWORD)
    editor = make_staff(role="Editors", username="editor", password=PASSWORD)
    returned = make_article_in_state(
        "draft", title="Tram budget: the council's figures", authors=[reporter.author]
    )
    services.article_submit(article=returned, by=reporter)
    services.article_send_back(article=returned, by=editor, note="Add the mayor's reply.")
    waiting = make_article_in_state(
        "draft", title="Night buses on six new routes", authors=[reporter.author]
    )
    services.article_submit(article=waiting, by=reporter)
    return newsroom_site, returned, waiting


def test_reporter_opens_a_sent_back_article_from_the_home_page(desk_site, page):
    """The reporter's home shows what was sent back; one click opens it with the editor's note."""
    base, returned, _waiting = desk_site
    log_in(page, base, "reporter")
    page.goto(f"{base}/admin/")
    assert page.locator(".desk-nav a", has_text="Sent back to me").inner_text().endswith("1")
    page.locator(".desk-queue--sent_back a.desk-item__title").click()
    page.wait_for_url(f"{base}/admin/articles/article/{returned.pk}/change/")
    assert "Add the mayor's reply." in page.locator(".workflow-note").inner_text()


def test_editor_opens_the_oldest_article_awaiting_review(desk_site, page):
    """The editor's home lists what awaits review, with how long it has waited."""
    base, _returned, waiting = desk_site
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/")
    item = page.locator(".desk-queue--awaiting_review .desk-item").first
    assert "waiting" in item.inner_text()
    item.locator("a").click()
    page.wait_for_url(f"{base}/admin/articles/article/{waiting.pk}/change/")


DESK_PAGES = {
    "home": "/admin/",
    "list": "/admin/articles/article/",
    "add": "/admin/articles/article/add/",
}


@pytest.mark.parametrize("username", ["reporter", "editor"])
def test_desk_pages_pass_axe_at_both_widths(desk_site, browser, screenshot, username):
    """Home, article list, add and change pages: no axe violations, at 390 and 1366 px."""
    base, returned, waiting = desk_site
    pages = {**DESK_PAGES, "change": f"/admin/articles/article/{returned.pk}/change/"}
    if username == "editor":
        pages["change"] = f"/admin/articles/article/{waiting.pk}/change/"
    axe = Axe()
    reports = []
    for width in [1366, 390]:
        context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
        page = context.new_page()
        log_in(page, base, username)
        for name, path in pages.items():
            page.goto(f"{base}{path}")
            page.wait_for_load_state("load")
            screenshot(page, f"desk-{username}-{name}-{width}")
            results = axe.run(page)
            if results.violations_count:
                reports.append(f"{name} at {width}px:\n{results.generate_report()}")
        context.close()
    assert not reports, "\n".join(reports)
