"""The library image chooser every form uses: searched with thumbnails, a photo read before saving."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from images.models import Image
from tests.factories import image_file, make_staff
from tests.html import element, parse
from tests.images.test_library import library_image
from tests.images.test_metadata import agency_photo

pytestmark = pytest.mark.django_db

DETAILS = reverse("admin:images_image_photo_details")
SEARCH = reverse("admin:autocomplete")


@pytest.fixture
def reporter(client):
    user = make_staff(role="Reporters", name="Olena Roshchina")
    client.force_login(user)
    return user


def test_a_chosen_photo_is_read_and_nothing_is_stored(client, reporter, media_root):
    """The agency JPEG's IPTC credit, copyright and caption come back; no image, no file."""
    response = client.post(DETAILS, {"file": agency_photo()})
    assert response.status_code == 200
    details = response.json()["details"]
    assert details["credit"] == "Olena Petrenko/Reuters"
    assert details["copyright_notice"] == "© 2026 Reuters"
    assert Image.objects.count() == 0
    assert not media_root.exists() or not any(path.is_file() for path in media_root.rglob("*"))


def test_reading_a_photo_refuses_what_is_not_an_image(client, reporter):
    """Decoded by Pillow, not trusted by name: a PNG named .jpg is read, an SVG refused."""
    response = client.post(DETAILS, {"file": image_file("fake.jpg", image_format="PNG")})
    assert response.status_code == 200
    refused = client.post(DETAILS, {"file": SimpleUploadedFile("a.jpg", b"<svg/>")})
    assert refused.status_code == 400
    assert "SVG" in refused.json()["error"]


def test_reading_a_photo_is_for_the_desk_only(client):
    """Someone not logged in is sent to the login page and learns nothing."""
    response = client.post(DETAILS, {"file": agency_photo()})
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_photo_already_in_the_library_is_named(client, reporter):
    """The form can say at once that the file is in the library already."""
    same = library_image(upload=agency_photo(), title="Rescuers in Kharkiv")
    answer = client.post(DETAILS, {"file": agency_photo()}).json()
    assert answer["in_library"] == str(same)


def test_the_image_search_gives_each_result_its_thumbnail_and_credit(client, reporter):
    """The hero's library search returns the smallest WebP rendition beside each name."""
    photo = library_image(alt_text="Tram in the snow", credit="Olena Petrenko/Reuters")
    response = client.get(
        SEARCH,
        {"term": "Tram", "app_label": "articles", "model_name": "article", "field_name": "hero"},
    )
    (result,) = response.json()["results"]
    assert result["id"] == str(photo.pk)
    assert result["thumbnail"] == photo.thumbnail_url
    assert result["thumbnail"].endswith(".webp")
    assert result["credit"] == "Olena Petrenko/Reuters"


def test_the_article_form_marks_its_image_search_and_upload_for_the_chooser(client, reporter):
    """The hero's search is a library chooser; its upload reads the photo into the caption."""
    page = parse(client.get(reverse("admin:articles_article_add")))
    search = element(page, "//select[@name='hero']")
    assert "library-chooser" in search.get("class").split()
    upload = element(page, "//input[@name='hero_image']")
    assert upload.get("data-photo-details") == DETAILS
    assert json.loads(upload.get("data-fills")) == {"caption": "id_hero_caption"}
