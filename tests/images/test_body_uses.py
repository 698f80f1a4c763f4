"""Library images in article bodies: chosen in the body editor, recorded on save, where used."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from images import display
from images.models import BodyUse
from tests.factories import image_file, make_article, make_staff
from tests.html import elements, parse, text
from tests.images.test_library import library_image

pytestmark = pytest.mark.django_db

CHOOSE = reverse("admin:images_image_body_choice")


@pytest.fixture
def editor(client):
    user = make_staff(role="Editors", name="Taras Bondar")
    client.force_login(user)
    return user


def figure_of(image, client) -> str:
    (result,) = [r for r in client.get(CHOOSE).json()["results"] if r["id"] == image.pk]
    return result["figure"]


def test_the_body_search_gives_thumbnails_and_the_figure_to_insert(client, editor):
    """Each result has its thumbnail and a figure made of a rendition, alt text, caption, credit."""
    photo = library_image(
        upload=image_file(size=(1600, 900)),
        alt_text="A tram in the snow",
        caption="Kyiv, 2 December",
        credit="Olena Petrenko/Reuters",
    )
    library_image(upload=image_file(color=(1, 2, 3)), alt_text="A bridge at night")
    answer = client.get(CHOOSE, {"q": "tram"}).json()
    (result,) = answer["results"]
    assert result["thumbnail"] == photo.thumbnail_url
    page = parse(result["figure"])
    (img,) = page.xpath("//figure[@class='image']/img")
    assert img.get("alt") == "A tram in the snow"
    assert img.get("src").startswith("/media/renditions/library/")
    assert text(page.xpath("//figcaption")[0]) == "Kyiv, 2 December — Olena Petrenko/Reuters"


def test_the_body_search_is_for_the_desk_only(client):
    response = client.get(CHOOSE)
    assert response.status_code == 302


def test_an_inserted_image_survives_the_sanitiser_and_is_recorded_as_used(client, editor):
    """Saved in a body, the figure stays as inserted and the image's page lists the article."""
    photo = library_image(alt_text="A tram in the snow", caption="Kyiv")
    figure = figure_of(photo, client)
    article = make_article(body=f"<p>Before.</p>{figure}<p>After.</p>", title="Trams return")
    assert figure in article.body
    assert BodyUse.objects.get().image == photo
    page = parse(client.get(reverse("admin:images_image_change", args=[photo.pk])))
    links = elements(page, "//ul[@class='where-used']//a")
    assert [text(link) for link in links] == ["Trams return"]
    assert links[0].get("href") == reverse("admin:articles_article_change", args=[article.pk])


def test_the_original_file_address_counts_and_other_sites_do_not(client, editor):
    """A body pasting the library file's own address uses it; an image from elsewhere does not."""
    photo = library_image()
    body = (
        f'<p><img src="{photo.file.url}" alt="Tram"></p>'
        f'<p><img src="https://elsewhere.example{photo.file.url}" alt="Copy"></p>'
    )
    make_article(body=body)
    assert list(BodyUse.objects.values_list("image", flat=True)) == [photo.pk]


def test_taking_the_image_out_of_the_body_forgets_the_use(client, editor):
    photo = library_image()
    article = make_article(body=figure_of(photo, client))
    assert BodyUse.objects.count() == 1
    article.body = "<p>No picture now.</p>"
    article.save()
    assert not BodyUse.objects.exists()
    again = make_article(body=figure_of(photo, client))
    again.delete()
    assert not BodyUse.objects.exists()


def test_where_used_reads_the_records_not_the_bodies(client, editor):
    """Hero and body uses, each article once, in as many queries for three articles as for six."""
    photo = library_image()
    figure = figure_of(photo, client)
    make_article(hero=photo, body=figure, title="Both")

    def counted():
        with CaptureQueriesContext(connection) as queries:
            used = display.where_used(photo, user=editor)
        assert not any("LIKE" in query["sql"] for query in queries.captured_queries)
        return [name for name, _url in used], len(queries)

    for number in range(2):
        make_article(body=figure, title=f"Body {number}")
    counted()  # content types are read once per process
    names, few = counted()
    assert sorted(names) == ["Body 0", "Body 1", "Both"]
    for number in range(2, 5):
        make_article(body=figure, title=f"Body {number}")
    names, many = counted()
    assert sorted(names) == ["Body 0", "Body 1", "Body 2", "Body 3", "Body 4", "Both"]
    assert many == few
