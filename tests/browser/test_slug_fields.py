"""The admin's slug fields transliterate Ukrainian as the server does (website/slugs.py)."""

import pytest

from tests.browser.test_editorial_flow import PASSWORD, log_in
from tests.factories import make_staff


@pytest.fixture
def editor_site(newsroom_site, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_staff(role="Editors", username="editor", password=PASSWORD, name="Anna Belokur")
    return newsroom_site


@pytest.mark.parametrize(
    ("address", "field", "typed", "slug"),
    [
        ("articles/section/add/", "#id_name", "Збройні сили", "zbroini-syly"),
        ("articles/tag/add/", "#id_name", "Київ", "kyiv"),
        ("pages/page/add/", "#id_title", "Про нас", "pro-nas"),
    ],
)
def test_a_cyrillic_name_fills_in_a_transliterated_slug(
    editor_site, page, address, field, typed, slug
):
    """Typing «Збройні сили» as a section's name fills in zbroini-syly."""
    log_in(page, editor_site, "editor")
    page.goto(f"{editor_site}/admin/{address}")
    name = page.locator(field)
    name.press_sequentially(typed)
    # Letters outside the browser's keyboard come as text, with no keyup: the admin fills
    # the slug in on the next key (a Ukrainian keyboard sends one for each letter).
    name.press("End")
    assert page.input_value("#id_slug") == slug
