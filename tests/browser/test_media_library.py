"""The media library in Chromium: an agency photo's IPTC credit, kept across an error, reused;
a library image in an article's body."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from images import services as library
from images.models import BodyUse, Image
from tests.browser.test_editorial_flow import PASSWORD, log_in
from tests.factories import image_file, make_staff
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


def test_a_library_image_goes_into_the_body_and_is_listed_where_used(reporter_site, newsroom, page):
    """Searched with thumbnails, chosen, inserted as a figure with its caption and credit,
    saved through the sanitiser; the image's page then names the article."""
    tram, _created = library.add_image(
        image_file(size=(1200, 800), color=(10, 120, 200)),
        alt_text="A blue tram in the snow",
        caption="Kyiv, 2 December",
        credit="Olena Petrenko/Reuters",
    )
    base = reporter_site
    log_in(page, base, "reporter")
    page.goto(f"{base}/admin/articles/article/add/")
    page.fill("#id_title", "Trams run in the snow")
    page.select_option("#id_section", label=newsroom.sections[0].name)

    # The hero's search shows thumbnails too.
    page.locator(".field-hero .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("blue tram")
    result = page.locator(".select2-results__option .library-result", has_text="A blue tram")
    expect(result.locator("img")).to_have_attribute("src", tram.thumbnail_url)
    page.keyboard.press("Escape")

    page.click("text=Insert an image from the library")
    page.fill("#body-library-search", "blue tram")
    choice = page.locator(".body-library__choice", has_text="A blue tram in the snow")
    expect(choice.locator("img")).to_have_attribute("src", tram.thumbnail_url)
    choice.click()
    inserted = page.locator(".ck-content figure.image img[alt='A blue tram in the snow']")
    expect(inserted).to_be_visible()
    expect(page.locator(".ck-content figure.image figcaption")).to_have_text(
        "Kyiv, 2 December — Olena Petrenko/Reuters"
    )
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    article = Article.objects.get(title="Trams run in the snow")
    assert "<figcaption>Kyiv, 2 December — Olena Petrenko/Reuters</figcaption>" in article.body
    assert [use.image for use in BodyUse.objects.all()] == [tram]
    page.goto(f"{base}/admin/images/image/{tram.pk}/change/")
    expect(page.locator(".where-used a")).to_have_text(["Trams run in the snow"])
