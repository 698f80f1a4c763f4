"""The desk in Chromium: the queues on the admin's home lead to the article in one click."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from articles import services
from images import services as library
from images.models import Licence
from tests.browser.test_editorial_flow import PASSWORD, log_in
from tests.factories import image_file, make_article_in_state, make_staff


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
    # Chosen tags: select2 puts its "remove all" cross in their list, where axe finds it.
    waiting.tags.set(newsroom.tags[:2])
    services.article_submit(article=waiting, by=reporter)
    photo, _created = library.add_image(
        image_file(size=(1200, 675)),
        alt_text="A tram at a stop",
        credit="Olena Petrenko/Reuters",
        licence=Licence.AGENCY,
        usage_restrictions="Editorial use only.",
    )
    returned.hero = photo
    returned.save()
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
    "library": "/admin/images/image/",
    "library-add": "/admin/images/image/add/",
}
# How far the page, or a list's table inside its box, runs past the screen.
SIDEWAYS = """Math.max(
  document.documentElement.scrollWidth - document.documentElement.clientWidth,
  ...Array.from(document.querySelectorAll(".results"), (box) => box.scrollWidth - box.clientWidth)
)"""


def axe_and_width(axe, page, where: str, check_width: bool) -> list[str]:
    """What is wrong with the open page: axe's violations, and a page too wide for its screen."""
    reports = []
    results = axe.run(page)
    if results.violations_count:
        reports.append(f"{where}:\n{results.generate_report()}")
    if check_width and page.evaluate(SIDEWAYS) > 0:
        reports.append(f"{where}: {page.evaluate(SIDEWAYS)} px too wide")
    return reports


@pytest.mark.parametrize("username", ["reporter", "editor"])
def test_desk_pages_pass_axe_at_both_widths(desk_site, browser, screenshot, username):
    """Desk pages: no axe violations at 390 and 1366 px, light and dark; none scrolls sideways."""
    base, returned, waiting = desk_site
    photo = returned.hero
    pages = {
        **DESK_PAGES,
        "change": f"/admin/articles/article/{returned.pk}/change/",
        "library-change": f"/admin/images/image/{photo.pk}/change/",
        # The reporter's own profile (an editor manages every one).
        "author": f"/admin/authors/author/{returned.bylines.get().author_id}/change/",
    }
    if username == "editor":
        pages["change"] = f"/admin/articles/article/{waiting.pk}/change/"
    axe = Axe()
    reports = []
    for scheme, width in [("light", 1366), ("light", 390), ("dark", 1366), ("dark", 390)]:
        context = browser.new_context(
            viewport={"width": width, "height": 900}, bypass_csp=True, color_scheme=scheme
        )
        page = context.new_page()
        log_in(page, base, username)
        for name, path in pages.items():
            page.goto(f"{base}{path}")
            page.wait_for_load_state("load")
            screenshot(page, f"desk-{username}-{name}-{width}-{scheme}")
            reports += axe_and_width(axe, page, f"{name} at {width}px, {scheme}", width == 390)
        context.close()
    assert not reports, "\n".join(reports)


@pytest.mark.parametrize("width", [1366, 1280])
def test_article_list_gives_the_headline_room(desk_site, browser, width):
    """On a laptop the list's headlines are wide and its last column is not cut off: the
    article list leaves out the admin's side menu (the queues and breadcrumbs lead on)."""
    base, _returned, _waiting = desk_site
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/articles/article/")
    page.wait_for_load_state("load")
    box = page.locator("#changelist .results")
    assert box.evaluate("box => box.scrollWidth - box.clientWidth") <= 0, "the table runs off"
    headline = page.locator("#result_list thead th.column-headline")
    assert headline.evaluate("th => th.getBoundingClientRect().width") >= 300
    context.close()
