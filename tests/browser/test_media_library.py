"""The media library in Chromium: an agency photo's IPTC credit, kept across an error, reused."""

import pytest

from articles.models import Article
from images.models import Image
from tests.browser.test_editorial_flow import PASSWORD, log_in
from tests.factories import make_staff
from tests.images.test_metadata import agency_photo


@pytest.fixture
def reporter_site(newsroom_site, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_staff(role="Reporters", username="reporter", password=PASSWORD, name="Olena Roshchina")
    return newsroom_site


def choose_hero(page, term):
    """Pick a library image in the article form's search box (the admin's autocomplete)."""
    page.locator(".field-hero .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(term)
    page.locator(".select2-results__option", has_text=term).first.click()


def test_agency_photo_is_credited_kept_across_an_error_and_reused(reporter_site, newsroom, page):
    """IPTC credit read on upload, the file kept after a missing alt text, one image in two articles."""
    base = reporter_site
    photo = agency_photo()
    log_in(page, base, "reporter")
    page.goto(f"{base}/admin/images/image/add/")
    page.set_input_files(
        "#id_file", {"name": photo.name, "mimeType": "image/jpeg", "buffer": photo.read()}
    )
    page.click("input[name=_continue]")  # no alt text: the form comes back
    page.wait_for_selector(".errornote")
    assert page.locator("img.pending-image").is_visible()
    page.fill("#id_alt_text", "Rescuers at a damaged building")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    image = Image.objects.get(alt_text="Rescuers at a damaged building")
    assert page.input_value("#id_credit") == "Olena Petrenko/Reuters"
    assert page.input_value("#id_copyright_notice") == "© 2026 Reuters"

    for title in ["Rescue work goes on", "Rescuers end their search"]:
        page.goto(f"{base}/admin/articles/article/add/")
        page.fill("#id_title", title)
        page.select_option("#id_section", label=newsroom.sections[0].name)
        choose_hero(page, "Rescuers")
        page.click("input[name=_continue]")
        page.wait_for_selector(".messagelist .success")
        assert "Olena Petrenko/Reuters" in page.locator(".image-rights").inner_text()
    heroes = set(Article.objects.filter(title__startswith="Rescue").values_list("hero", flat=True))
    assert heroes == {image.pk}
    assert Image.objects.filter(alt_text__startswith="Rescuers").count() == 1
