"""The library image's own admin page: what a new image's page shows, and how it says what
is missing."""

import pytest
from django.urls import reverse

from images import services as library
from tests.factories import image_file, make_staff
from tests.html import elements, parse, text

pytestmark = pytest.mark.django_db

ADD = reverse("admin:images_image_add")


def test_a_missing_alt_text_is_said_once(client, media_root):
    """A file without alt text comes back with one error under the alt text, not two."""
    client.force_login(make_staff(role="Reporters"))
    response = client.post(ADD, {"file": image_file("tram.jpg"), "title": "A tram"})
    assert response.status_code == 200
    errors = elements(
        parse(response), "//div[contains(@class, 'field-alt_text')]//ul[@class='errorlist']/li"
    )
    assert [text(error) for error in errors] == ["Describe the image in its alt text."]


def test_a_new_images_page_has_no_empty_rows(client, media_root):
    """Nothing to preview, measure or list as used before there is an image."""
    client.force_login(make_staff(role="Reporters"))
    page = parse(client.get(ADD))
    for field in ["preview_large", "size", "where_used", "body_address", "uploaded_by"]:
        assert not elements(page, f"//div[contains(@class, 'field-{field}')]"), field
    assert elements(page, "//input[@name='file']")


def test_the_image_page_names_the_body_editors_library_button(client, media_root):
    """How to put the image into a body: the library button first, the address as the other way."""
    image, _created = library.add_image(image_file("tram.jpg"), alt_text="A tram")
    client.force_login(make_staff(role="Reporters"))
    page = parse(client.get(reverse("admin:images_image_change", args=[image.pk])))
    (help_text,) = elements(
        page, "//div[contains(@class, 'field-body_address')]//div[@class='help']"
    )
    assert "Insert an image from the library" in text(help_text)
    assert elements(page, "//div[contains(@class, 'field-where_used')]")
