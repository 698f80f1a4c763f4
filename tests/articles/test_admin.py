import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles import add_once
from articles.models import Article, Byline
from authors.models import Author
from tests.factories import image_file, make_article, make_author, make_section, make_user
from tests.html import element, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_user(role="Editors"))
    return client


def article_form(section, author, **overrides):
    """The POST data of the article add form, with one byline and no corrections."""
    data = {
        "kind": "article",
        "title": "Kyiv metro extends night service",
        "slug": "kyiv-metro-extends-night-service",
        "standfirst": "Trains will run until 2 a.m. on weekends.",
        "body": "<p>The city said the change starts on Friday.</p>",
        "section": section.pk,
        "status": "draft",
        "publish_at_0": "",
        "publish_at_1": "",
        "hero_alt": "",
        "hero_caption": "",
        "hero_credit": "",
        "video_url": "",
        "seo_title": "",
        "seo_description": "",
        "canonical_url": "",
        "bylines-TOTAL_FORMS": "1",
        "bylines-INITIAL_FORMS": "0",
        "bylines-0-author": author.pk,
        "bylines-0-role": "",
        "bylines-0-position": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_article_add_and_change_forms_render(editor_client):
    """The article add form and the change form of an existing article both render."""
    article = make_article()
    assert editor_client.get(reverse("admin:articles_article_add")).status_code == 200
    change = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert change.status_code == 200
    assert b"django_ckeditor_5" in change.content or b"ck-editor" in change.content


def test_article_list_shows_authors_and_filters(editor_client):
    """The article list shows each article with its authors and offers the filters."""
    author = make_author(name="Martin Fornusek")
    make_article(title="Seed headline", authors=[author])
    make_article(title="Another", authors=[make_author()])  # filters show with two choices
    page = editor_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Seed headline" in page
    assert "Martin Fornusek" in page
    for filter_title in ["By status", "By kind", "By section", "By authors"]:
        assert filter_title in page


def test_article_saves_with_byline_and_hero_image(editor_client):
    """A new article with a hero image and a byline is saved whole."""
    section, author = make_section(), make_author()
    data = article_form(section, author, hero_alt="Trains in a station")
    data["hero_image"] = image_file("metro.jpg")
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.context["adminform"].errors
    article = Article.objects.get(slug="kyiv-metro-extends-night-service")
    assert article.hero_image.width == 800
    assert list(article.bylines.values_list("author", flat=True)) == [author.pk]


def test_non_image_upload_is_a_form_error_and_nothing_is_saved(editor_client):
    """A text file posing as a JPEG is refused with a form error; no article, no byline."""
    section, author = make_section(), make_author()
    data = article_form(section, author, hero_alt="Fake")
    data["hero_image"] = SimpleUploadedFile("fake.jpg", b"not an image", "image/jpeg")
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "hero_image" in response.context["adminform"].form.errors
    assert not Article.objects.exists()
    assert not Byline.objects.exists()


def test_missing_alt_text_is_a_form_error(editor_client):
    """A hero image without alt text is refused with an error on the alt text field."""
    section, author = make_section(), make_author()
    data = article_form(section, author)
    data["hero_image"] = image_file()
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "hero_alt" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_duplicate_slug_is_a_form_error(editor_client):
    """A slug already in use is refused with a form error, and the first article is untouched."""
    existing = make_article(slug="kyiv-metro-extends-night-service", title="First")
    response = editor_client.post(
        reverse("admin:articles_article_add"), article_form(make_section(), make_author())
    )
    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors
    assert Article.objects.get().title == existing.title


def test_status_and_publish_time_are_not_set_by_the_form(editor_client):
    """The add form ignores a posted status: articles start as drafts; publishing is a step."""
    data = article_form(make_section(), make_author(), status="published")
    data["publish_at_0"], data["publish_at_1"] = "2020-01-01", "10:00"
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.status, article.publish_at) == ("draft", None)


def test_author_add_form_saves_photo_and_rejects_non_image(editor_client):
    """An author with a real photo saves, into the media library; a non-image is a form error."""
    url = reverse("admin:authors_author_add")
    assert editor_client.get(url).status_code == 200
    data = {
        "name": "Anna Belokur",
        "slug": "anna-belokur",
        "role": "Video Producer",
        "short_bio": "",
        "bio": "<p>Host of Ukraine This Week.</p>",
        "is_active": "on",
        "photo": "",
        "photo_alt_text": "Portrait of Anna Belokur",
        "photo_upload_pending": "",
        "location": "Kyiv",
        "languages": "Ukrainian, English",
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
    svg = SimpleUploadedFile("a.png", b"<svg/>")
    bad = editor_client.post(url, {**data, "photo_upload": svg})
    assert bad.status_code == 200
    assert "photo_upload" in bad.context["adminform"].form.errors
    assert not Author.objects.exists()
    png = image_file("anna.png", image_format="PNG")
    good = editor_client.post(url, {**data, "photo_upload": png})
    assert good.status_code == 302
    author = Author.objects.get(slug="anna-belokur")
    assert author.photo.width == 800
    assert author.photo.alt_text == "Portrait of Anna Belokur"
    change = editor_client.get(reverse("admin:authors_author_change", args=[author.pk]))
    assert change.status_code == 200


def test_the_add_form_sent_twice_makes_one_article(editor_client):
    """A double click or a resubmitted POST: one article, and the second answer leads to it."""
    url = reverse("admin:articles_article_add")
    token = element(parse(editor_client.get(url)), "//input[@name='add_token']").get("value")
    data = article_form(make_section(), make_author(), add_token=token)
    first = editor_client.post(url, data)
    assert first.status_code == 302
    article = Article.objects.get()
    again = editor_client.post(url, data, follow=True)
    assert Article.objects.count() == 1
    assert again.redirect_chain[0][0] == reverse("admin:articles_article_change", args=[article.pk])
    assert "sent twice" in again.content.decode()


def test_an_add_form_with_errors_gives_its_token_back(editor_client):
    """Sent with an error, the same form (and token) saves once it is corrected."""
    url = reverse("admin:articles_article_add")
    token = element(parse(editor_client.get(url)), "//input[@name='add_token']").get("value")
    data = article_form(make_section(), make_author(), add_token=token)
    refused = editor_client.post(url, {**data, "title": ""})
    assert refused.status_code == 200
    assert element(parse(refused), "//input[@name='add_token']").get("value") == token
    assert editor_client.post(url, data).status_code == 302
    assert Article.objects.count() == 1


def test_a_second_submit_while_the_first_is_saving_makes_nothing(editor_client, monkeypatch):
    """The token claimed by a submit still saving: the second one waits, then makes nothing."""
    monkeypatch.setattr(add_once, "WAIT_SECONDS", 0)
    token = add_once.new_token()
    assert add_once.claim(token)
    data = article_form(make_section(), make_author(), add_token=token)
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_changelist")
    assert not Article.objects.exists()
