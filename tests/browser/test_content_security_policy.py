import pytest

from tests.factories import make_article, make_author, make_user

PASSWORD = "correct horse battery staple"


@pytest.fixture
def site(django_db_serialized_rollback, transactional_db, live_server):
    """The live server with one article and an editor; the database is restored afterwards."""
    article = make_article(
        title="Curfew eased in Kharkiv",
        body="<p>The city council voted on Tuesday.</p>",
        authors=[make_author(name="Olena Hrytsenko")],
    )
    editor = make_user(is_staff=True, is_superuser=True, username="csp-editor", password=PASSWORD)
    return live_server.url, article, editor


def collect_csp_violations(page) -> list[str]:
    messages = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: messages.append(f"page error: {error}"))
    return messages


def assert_inline_script_is_refused(page, violations):
    """An inline script put into the page does not run, and the browser reports why."""
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injectedScriptRan = true";
            document.body.append(script);
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.injectedScriptRan === undefined")
    assert any("inline script" in message for message in violations), violations


def test_ckeditor_works_in_the_admin_under_its_policy(site, page, screenshot):
    """An editor logs in, writes and formats text in CKEditor 5 with no CSP violation."""
    base, article, editor = site
    violations = collect_csp_violations(page)
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    editable = page.locator(".ck-editor__editable").first
    editable.wait_for(state="visible")
    assert page.locator(".ck-toolbar").first.is_visible()
    editable.click()
    page.keyboard.press("End")
    page.keyboard.type(" Checkpoints close at midnight.")
    page.keyboard.press("Control+A")
    page.locator(".ck-toolbar button[data-cke-tooltip-text^='Bold']").first.click()
    assert "Checkpoints close at midnight." in editable.inner_text()
    assert editable.locator("strong").count() >= 1
    screenshot(page, "admin-ckeditor-under-csp")
    assert violations == []
    assert_inline_script_is_refused(page, violations)


def test_reader_page_runs_its_script_with_no_csp_violation(site, page):
    """The article page loads its stylesheet and script under the strict policy with no violation."""
    base, article, _ = site
    violations = collect_csp_violations(page)
    response = page.goto(f"{base}{article.get_absolute_url()}")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert page.locator("h1").inner_text() == "Curfew eased in Kharkiv"
    stylesheet = page.locator("link[rel=stylesheet]").first.get_attribute("href")
    assert page.request.get(f"{base}{stylesheet}").ok  # the site's stylesheet loads
    page.wait_for_load_state("networkidle")
    assert violations == []
    assert_inline_script_is_refused(page, violations)
