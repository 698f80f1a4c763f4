"""Author photos get renditions, like hero images, and pages show them with srcsets."""

import lxml.html
import pytest
from django.core.exceptions import ValidationError

from authors.models import Author
from tests.factories import image_file, make_article, make_author

pytestmark = pytest.mark.django_db


def test_an_uploaded_photo_gets_webp_and_jpeg_renditions_once():
    """Saving the author makes the renditions; saving again keeps them as they are."""
    author = make_author(photo=image_file("face.jpg", size=(600, 600)), photo_alt="Olena smiling")
    record = author.photo_renditions
    assert record["source"] == author.photo.name
    assert [width for _name, width, _height in record["webp"]] == [480, 600]
    assert record["fallback_type"] == "image/jpeg"
    author.name = "Olena R."
    author.save()
    assert Author.objects.get(pk=author.pk).photo_renditions == record


def test_author_pages_and_author_boxes_show_the_photo_from_its_renditions(client):
    author = make_author(photo=image_file("face.jpg", size=(600, 600)), photo_alt="Olena smiling")
    article = make_article(authors=[author])
    for url in (author.get_absolute_url(), article.get_absolute_url()):
        page = lxml.html.fromstring(client.get(url).content)
        (image,) = page.xpath("//picture[contains(@class, 'photo')]//img")
        assert image.get("alt") == "Olena smiling"
        (source,) = page.xpath("//picture[contains(@class, 'photo')]//source[@type='image/webp']")
        assert "renditions/authors/" in source.get("srcset")
        assert source.get("srcset").endswith("600w")


def test_a_photo_without_alt_text_is_refused_by_the_form_rule():
    """The same alt-text rule as hero images, with the photo's own wording."""
    author = Author(name="No Alt", slug="no-alt", photo=image_file())
    with pytest.raises(ValidationError) as refused:
        author.full_clean()
    assert refused.value.message_dict["photo_alt"] == ["Describe the photo in its alt text."]
