"""Playwright driving Debian's Chromium against pytest-django's live server.

Without /usr/bin/chromium these tests skip on a developer's machine; under CI
(CI=true) a missing browser is a failure, never a skip.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.factories import make_newsroom

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make there are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium is not installed at {CHROMIUM}"
        if os.environ.get("CI"):
            pytest.fail(message + " (required under CI)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def close_quietly(context):
    """Close the browser without a last request: a form left with changes autosaves as its
    tab closes, and that request would reach the live server while the test's database is
    being emptied (a deadlock with the flush)."""
    context.route("**/*", lambda route: route.abort())
    context.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    close_quietly(context)


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    close_quietly(context)


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The live server with the demo content loaded; returns its base URL.

    For tests about the demo itself and its seed article; others use newsroom_site.
    """
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return live_server.url


@pytest.fixture
def newsroom(transactional_db):
    """A small newsroom (tests.factories.make_newsroom); a module may ask for more items."""
    return make_newsroom()


@pytest.fixture
def newsroom_site(newsroom, live_server):
    """The live server with the newsroom fixture's content; returns its base URL."""
    return live_server.url


@pytest.fixture
def screenshot():
    """Save a full-page screenshot under test-artifacts/screenshots/ for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(page, name):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
