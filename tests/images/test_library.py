"""The media library in the desk: upload once, rights, duplicates, reuse, expiry, search."""

import json
from datetime import date, timedelta

import pytest
from django.urls import reverse

from articles.models import Article
from images import display, services
from images.models import Image, Licence
from tests.articles.test_admin import article_form
from tests.factories import image_file, make_article, make_section, make_staff
from tests.html import element, elements, parse, text
from tests.images.test_metadata import agency_photo

pytestmark = pytest.mark.django_db

LIBRARY = reverse("admin:images_image_changelist")
LIBRARY_ADD = reverse("admin:images_image_add")
ARTICLE_ADD = reverse("admin:articles_article_add")


@pytest.fixture
def reporter(client):
    user = make_staff(role="Reporters", name="Olena Roshchina")
    client.force_login(user)
    return user


def library_image(**details) -> Image:
    details.setdefault("alt_text", "A tram at a stop")
    image, _created = services.add_image(details.pop("upload", None) or image_file(), **details)
    return image


def library_form(**overrides) -> dict:
    data = {
        "title": "",
        "alt_text": "Rescuers at a damaged building",
        "caption": "",
        "credit": "",
        "source": "",
        "copyright_notice": "",
        "licence": "",
        "licence_url": "",
        "usage_restrictions": "",
        "expires_on": "",
        "file_pending": "",
    }
    data.update(overrides)
    return data


def test_upload_to_the_library_takes_the_photos_own_credit(client, reporter):
    """Uploaded in the library, a real agency JPEG's IPTC credit and copyright fill the fields."""
    response = client.post(LIBRARY_ADD, library_form(file=agency_photo()))
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.credit == "Olena Petrenko/Reuters"
    assert image.copyright_notice == "© 2026 Reuters"
    assert image.uploaded_by == reporter
    assert image.renditions["webp"]  # made once, on upload


def test_the_same_file_again_is_offered_for_reuse(client, reporter):
    """A second upload of the same file is refused with a link to the image already there."""
    first = library_image(upload=agency_photo())
    response = client.post(LIBRARY_ADD, library_form(file=agency_photo()))
    assert response.status_code == 200
    page = parse(response)
    link = element(page, "//ul[@class='errorlist']//a")
    assert link.get("href") == reverse("admin:images_image_change", args=[first.pk])
    assert Image.objects.count() == 1


def test_a_form_error_keeps_the_chosen_file(client, reporter):
    """Missing alt text: the file stays on the server and the next submit saves it."""
    response = client.post(LIBRARY_ADD, library_form(alt_text="", file=agency_photo()))
    assert response.status_code == 200
    page = parse(response)
    token = element(page, "//input[@name='file_pending']").get("value")
    assert token
    assert element(page, "//img[@class='pending-image']") is not None
    response = client.post(LIBRARY_ADD, library_form(file_pending=token))
    assert response.status_code == 302
    assert Image.objects.get().credit == "Olena Petrenko/Reuters"  # from the original file


def test_one_library_image_is_the_hero_of_two_articles(client, reporter):
    """Chosen in two article forms, one image: one file, one set of renditions, both pages."""
    photo = library_image(credit="Olena Petrenko/Reuters", licence=Licence.CC_BY)
    section = make_section()
    for slug in ["tram-one", "tram-two"]:
        form = article_form(section, reporter.author, slug=slug, hero=photo.pk)
        assert client.post(ARTICLE_ADD, form).status_code == 302
    one, two = Article.objects.filter(slug__in=["tram-one", "tram-two"]).order_by("slug")
    assert one.hero == two.hero == photo
    assert one.hero_image.name == two.hero_image.name == photo.file.name
    assert one.hero_renditions == two.hero_renditions == photo.renditions
    assert one.hero_alt == "A tram at a stop"  # the library's, as none was typed
    assert one.hero_credit == "Olena Petrenko/Reuters"
    assert Image.objects.count() == 1
    where = parse(client.get(reverse("admin:images_image_change", args=[photo.pk])))
    used = [link.text for link in elements(where, "//ul[@class='where-used']//a")]
    assert sorted(used) == sorted([one.title, two.title])


def test_saving_an_article_does_not_read_its_library_heros_file(reporter):
    """The hero's size is the library's: saving the article again opens no file, so an
    edit still saves while the storage has lost the file (or is slow to give it)."""
    photo = library_image()
    article = make_article(hero=photo)
    assert (article.hero_width, article.hero_height) == (photo.width, photo.height)
    photo.file.storage.delete(photo.file.name)
    article = Article.objects.get(pk=article.pk)
    article.title = "Edited while the file is gone"
    article.save()
    article = Article.objects.get(pk=article.pk)
    assert article.title == "Edited while the file is gone"
    assert article.hero_image.name == photo.file.name
    assert (article.hero_width, article.hero_height) == (photo.width, photo.height)


def test_uploading_a_file_already_in_the_library_reuses_it(client, reporter):
    """The same file uploaded as a hero is not stored twice: the article uses the library's."""
    photo = library_image(upload=agency_photo(), alt_text="Rescuers")
    form = article_form(make_section(), reporter.author, hero_alt="Rescuers at work")
    response = client.post(ARTICLE_ADD, {**form, "hero_image": agency_photo()}, follow=True)
    article = Article.objects.get()
    assert article.hero == photo
    assert Image.objects.count() == 1
    assert "was in the library already" in response.content.decode()


def test_an_expired_licence_warns_before_use(client, reporter):
    """Choosing an image whose licence has ended asks first; ticking the box goes ahead."""
    expired = library_image(expires_on=date.today() - timedelta(days=1))
    form = article_form(make_section(), reporter.author, hero=expired.pk)
    response = client.post(ARTICLE_ADD, form)
    assert response.status_code == 200
    assert "licence of this image expired" in response.content.decode()
    assert not Article.objects.exists()
    assert client.post(ARTICLE_ADD, {**form, "use_expired_hero": "on"}).status_code == 302
    assert Article.objects.get().hero == expired


def test_the_article_form_shows_the_heros_rights(client, reporter):
    """The change page shows the library image's credit, licence and restrictions."""
    photo = library_image(
        credit="Olena Petrenko/Reuters",
        licence=Licence.AGENCY,
        usage_restrictions="Not for social media.",
    )
    article = make_article(hero=photo, authors=[reporter.author], status="draft", publish_at=None)
    page = parse(client.get(reverse("admin:articles_article_change", args=[article.pk])))
    rights = text(element(page, "//div[contains(@class, 'image-rights')]"))
    assert "Olena Petrenko/Reuters" in rights
    assert "Agency or syndication licence" in rights
    assert "Not for social media." in rights


def test_library_search_and_filters(client, reporter):
    """Search finds by credit and caption; the expiry filter lists the ended licences."""
    tram = library_image(credit="Reuters", caption="A tram in Podil")
    old = library_image(
        upload=image_file(color=(9, 9, 9)),
        alt_text="An old bridge",
        expires_on=date.today() - timedelta(days=3),
    )
    found = client.get(LIBRARY, {"q": "Podil"}).context["cl"].result_list
    assert list(found) == [tram]
    expired = client.get(LIBRARY, {"expiry": "expired"}).context["cl"].result_list
    assert list(expired) == [old]
    rows = parse(client.get(LIBRARY))
    assert (
        len(elements(rows, "//td[contains(@class, 'field-preview')]//img"))
        + len(elements(rows, "//th[contains(@class, 'field-preview')]//img"))
        == 2
    )


def test_the_article_form_search_leaves_out_expired_images(client, reporter):
    """The hero's library search offers only images that may still be used."""
    usable = library_image(title="Tram depot")
    library_image(
        upload=image_file(color=(9, 9, 9)),
        title="Tram bridge",
        expires_on=date.today() - timedelta(days=3),
    )
    response = client.get(
        reverse("admin:autocomplete"),
        {"term": "Tram", "app_label": "articles", "model_name": "article", "field_name": "hero"},
    )
    assert [item["id"] for item in json.loads(response.content)["results"]] == [str(usable.pk)]


def test_page_json_ld_carries_the_image_rights(client):
    """ImageObject has creditText, copyrightNotice and license from the library."""
    photo = library_image(
        upload=image_file(size=(1600, 900)),
        credit="Olena Petrenko/Reuters",
        copyright_notice="© 2026 Reuters",
        licence=Licence.CC_BY,
    )
    article = make_article(hero=photo)
    page = parse(client.get(article.get_absolute_url()))
    blocks = [json.loads(s.text) for s in elements(page, "//script[@type='application/ld+json']")]
    graph = [item for block in blocks for item in block.get("@graph", [block])]
    news = next(item for item in graph if item["@type"] == "NewsArticle")
    for image in news["image"]:
        assert image["creditText"] == "Olena Petrenko/Reuters"
        assert image["copyrightNotice"] == "© 2026 Reuters"
        assert image["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_a_credit_changed_in_the_library_reaches_the_article(client):
    """The article shows the library's credit, also after the library changes it."""
    photo = library_image(credit="Staff")
    article = make_article(hero=photo)
    version = article.version
    photo.credit = "Olena Petrenko/Reuters"
    photo.save()
    article.refresh_from_db()
    assert article.hero_credit == "Olena Petrenko/Reuters"
    assert article.version == version  # nobody's open edit is refused for it
    assert "Olena Petrenko/Reuters" in client.get(article.get_absolute_url()).content.decode()


def test_a_body_upload_of_a_library_file_uses_the_librarys_copy(client, reporter):
    """The body editor's upload of a file already in the library stores nothing new."""
    photo = library_image(upload=agency_photo())
    response = client.post(reverse("ck_editor_5_upload_file"), {"upload": agency_photo()})
    assert response.json()["url"] == display.body_address(photo)[0]
    assert Image.objects.get() == photo
    page = parse(client.get(reverse("admin:images_image_change", args=[photo.pk])))
    address = element(page, "//div[contains(@class, 'field-body_address')]//input")
    assert address.get("value") == photo.picture.src  # to paste as "Insert via URL"


def test_a_body_upload_becomes_a_library_image_with_its_credit_and_where_used(client, reporter):
    """An agency JPEG uploaded in the body editor is in the library with its IPTC credit, its
    GPS gone; the body showing the address the editor got lists the article where used."""
    response = client.post(reverse("ck_editor_5_upload_file"), {"upload": agency_photo()})
    assert response.status_code == 200
    image = Image.objects.get()
    assert (image.credit, image.uploaded_by) == ("Olena Petrenko/Reuters", reporter)
    assert image.alt_text == "Rescuers at a damaged building in Kyiv"
    url = response.json()["url"]
    assert url == display.body_address(image)[0]
    assert url.startswith("/media/renditions/library/")
    listed = parse(client.get(LIBRARY))
    assert elements(listed, f"//a[contains(@href, '/{image.pk}/change/')]")
    article = make_article(body=f'<p>Text.</p><p><img src="{url}" alt="Rescuers"></p>')
    assert display.where_used(image, user=reporter) == [
        (article.title, reverse("admin:articles_article_change", args=[article.pk]))
    ]


def test_where_used_names_only_what_the_person_may_see(client, reporter):
    """A reporter is not shown the title of someone else's draft that uses the image."""
    photo = library_image()
    others = make_staff(role="Reporters").author
    make_article(
        hero=photo, title="Someone else's draft", status="draft", publish_at=None, authors=[others]
    )
    make_article(hero=photo, title="A published story")
    page = parse(client.get(reverse("admin:images_image_change", args=[photo.pk])))
    used = [link.text for link in elements(page, "//ul[@class='where-used']//a")]
    assert used == ["A published story"]


def test_the_expired_licence_tick_is_offered_only_for_an_expired_image(client, reporter):
    """After a form error the tick is there only when the chosen image's licence has ended."""
    photo = library_image()
    form = article_form(make_section(), reporter.author, hero=photo.pk, title="")
    response = client.post(ARTICLE_ADD, form)
    assert response.status_code == 200
    assert "Use it although its licence has expired" not in response.content.decode()
    expired = library_image(upload=image_file(size=(640, 360)), expires_on=date(2020, 1, 1))
    response = client.post(ARTICLE_ADD, {**form, "hero": expired.pk})
    assert "Use it although its licence has expired" in response.content.decode()
