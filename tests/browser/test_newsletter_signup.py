"""Signing up for a newsletter in Chromium with JavaScript off, under the site's CSP."""

import re

import pytest

from newsletters.models import Subscriber
from tests.factories import make_newsletter
from tests.newsletters.conftest import run_tasks, smtp_server  # noqa: F401  (fixtures)

CONFIRM = re.compile(r"http://127\.0\.0\.1:8000(/newsletters/subscriber/confirm/\S+/)")


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1366, 900)])
def test_a_reader_signs_up_and_confirms_without_javascript(
    browser,
    newsroom_site,
    smtp_server,  # noqa: F811  (the imported fixture)
    run_tasks,  # noqa: F811
    screenshot,
    width,
    height,
):
    """The home page form, the inbox page, the emailed link and its button: no script needed."""
    make_newsletter(name="Ukraine Daily", description="The day's news from Ukraine, at 7:00.")
    context = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    try:
        page.goto(f"{newsroom_site}/")
        signup = page.locator(".newsletter-signup")
        signup.scroll_into_view_if_needed()
        screenshot(page, f"newsletter-signup-home-{width}")
        signup.get_by_label("Your email address").fill("reader@example.org")
        signup.get_by_role("button", name="Sign up").click()
        page.wait_for_load_state("load")
        assert page.locator("h1").inner_text() == "Check your inbox"
        screenshot(page, f"newsletter-check-inbox-{width}")

        run_tasks()
        [message] = smtp_server.messages
        path = CONFIRM.search(message.get_body(("plain",)).get_content()).group(1)
        page.goto(f"{newsroom_site}{path}")
        page.get_by_role("button", name="Yes, subscribe me").click()
        page.wait_for_load_state("load")
        assert page.locator("h1").inner_text() == "Your newsletters"
        assert page.get_by_label("Ukraine Daily").is_checked()
        screenshot(page, f"newsletter-manage-{width}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        assert Subscriber.objects.get().confirmed_at is not None
        assert errors == []  # no CSP violation or other error in the console
    finally:
        context.close()


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1366, 900)])
def test_a_wrong_address_is_told_on_its_own_line_under_the_field(
    browser, newsroom_site, screenshot, width, height
):
    """The sign-up page's error for a wrong address sits under the field, whole, not squeezed
    beside it ("Enter a" on one line, "valid email address." under it on a phone)."""
    make_newsletter(name="Ukraine Daily")
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(f"{newsroom_site}/newsletters/signup/")
        page.get_by_label("Your email address").fill("not-an-address")
        page.get_by_role("button", name="Sign up").click()
        page.wait_for_load_state("load")
        field = page.get_by_label("Your email address")
        assert field.input_value() == "not-an-address"
        error = page.locator("#email-error")
        assert error.inner_text() == "Enter a valid email address."
        screenshot(page, f"newsletter-signup-error-{width}")
        field_box, error_box = field.bounding_box(), error.bounding_box()
        assert error_box["y"] >= field_box["y"] + field_box["height"]
        line_height = error.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
        assert error_box["height"] < 1.5 * line_height  # one line
    finally:
        context.close()
