"""Author photos are library images: chosen or uploaded in the author form, shown with renditions."""

from datetime import date, timedelta

import lxml.html
import pytest
from django.urls import reverse

from authors.models import Author
from authors.structured_data import person
from images.models import Image
from tests.factories import image_file, make_article, make_author, make_staff
from tests.html import element, parse, text
from tests.images.test_library import library_image
from tests.images.test_metadata import agency_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_staff(role="Editors", name="Taras Bondar")
    client.force_login(user)
    return user


def author_form(author, **changes):
    data = {
        "name": author.name,
        "slug": author.slug,
        "role": author.role,
        "short_bio": "",
        "bio": "",
        "is_active": "on",
        "photo": str(author.photo_id or ""),
        "photo_alt_text": "",
        "photo_upload_pending": "",
        "location": "",
        "languages": "",
        "email": "",
        "website": "",
        "x_handle": "",
        "facebook_url": "",
        "instagram_handle": "",
        "linkedin_url": "",
        "user": "",
        "bios-TOTAL_FORMS": "0",
        "bios-INITIAL_FORMS": "0",
        "bios-MIN_NUM_FORMS": "0",
        "bios-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def change_url(author):
    return reverse("admin:authors_author_change", args=[author.pk])


def test_author_pages_and_author_boxes_show_the_photo_from_its_renditions(client):
    """The library image's renditions and alt text, on the author page and under articles."""
    author = make_author(photo=image_file("face.jpg", size=(600, 600)), photo_alt="Olena smiling")
    article = make_article(authors=[author])
    for url in (author.get_absolute_url(), article.get_absolute_url()):
        page = lxml.html.fromstring(client.get(url).content)
        (image,) = page.xpath("//picture[contains(@class, 'photo')]//img")
        assert image.get("alt") == "Olena smiling"
        (source,) = page.xpath("//picture[contains(@class, 'photo')]//source[@type='image/webp']")
        assert "renditions/library/" in source.get("srcset")
        assert source.get("srcset").endswith("600w")


def test_person_json_ld_names_the_library_photo():
    author = make_author(photo=image_file("face.jpg", size=(600, 600)), photo_alt="Olena")
    assert person(author)["image"].endswith(author.photo.file.url)
    assert "image" not in person(make_author())


def test_a_library_image_is_chosen_as_the_photo(client, editor):
    """Chosen in the form, the library image is the photo: no second copy of the file."""
    author = make_author()
    portrait = library_image(alt_text="Portrait of Olena")
    response = client.post(change_url(author), author_form(author, photo=portrait.pk))
    assert response.status_code == 302
    author.refresh_from_db()
    assert author.photo == portrait
    assert Image.objects.count() == 1


def test_an_uploaded_photo_goes_into_the_library_with_its_alt_text_and_credit(client, editor):
    """A new file becomes a library image with the alt text typed and the photo's IPTC credit."""
    author = make_author()
    data = author_form(author, photo_upload=agency_photo(), photo_alt_text="Portrait of Olena")
    assert client.post(change_url(author), data).status_code == 302
    author.refresh_from_db()
    assert author.photo.alt_text == "Portrait of Olena"
    assert author.photo.credit == "Olena Petrenko/Reuters"
    assert author.photo.uploaded_by == editor


def test_an_upload_without_alt_text_is_refused_and_kept_for_the_next_try(client, editor):
    """The form says what is missing; the file is kept and saved once the alt text is given."""
    author = make_author()
    response = client.post(change_url(author), author_form(author, photo_upload=agency_photo()))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["photo_alt_text"] == ["Describe the new image in its alt text."]
    assert not Image.objects.exists()
    token = element(parse(response), "//input[@name='photo_upload_pending']").get("value")
    assert token
    data = author_form(author, photo_upload_pending=token, photo_alt_text="Portrait of Olena")
    assert client.post(change_url(author), data).status_code == 302
    author.refresh_from_db()
    assert author.photo.credit == "Olena Petrenko/Reuters"  # the original's IPTC, kept


def test_the_same_file_uploaded_again_reuses_the_library_image(client, editor):
    """A file already in the library is not stored twice: the author uses the library's."""
    there = library_image(upload=agency_photo(), alt_text="Rescuers")
    author = make_author()
    data = author_form(author, photo_upload=agency_photo(), photo_alt_text="Another alt")
    response = client.post(change_url(author), data, follow=True)
    author.refresh_from_db()
    assert author.photo == there
    assert Image.objects.count() == 1
    assert "was in the library already" in response.content.decode()


def test_an_expired_image_needs_the_tick(client, editor):
    """A photo whose licence ended is refused unless the editor ticks that it may be used."""
    expired = library_image(expires_on=date.today() - timedelta(days=1))
    author = make_author()
    refused = client.post(change_url(author), author_form(author, photo=expired.pk))
    assert refused.status_code == 200
    assert "licence of this image expired" in refused.content.decode()
    assert Author.objects.get(pk=author.pk).photo is None
    ticked = author_form(author, photo=expired.pk, use_expired_photo="on")
    assert client.post(change_url(author), ticked).status_code == 302
    assert Author.objects.get(pk=author.pk).photo == expired


def test_where_used_lists_the_author(client, editor):
    """The library image's page names the author whose photo it is."""
    author = make_author(photo=image_file(), photo_alt="Portrait")
    page = parse(client.get(reverse("admin:images_image_change", args=[author.photo_id])))
    (link,) = page.xpath("//ul[@class='where-used']//a")
    assert link.get("href") == change_url(author)
    assert text(link) == author.name
