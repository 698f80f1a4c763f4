import pytest
from django.core.exceptions import ValidationError

from pages.models import Page
from tests.factories import make_user
from tests.html import element, elements, parse, text

pytestmark = pytest.mark.django_db


def make_page(**fields) -> Page:
    fields.setdefault("title", "About us")
    fields.setdefault("slug", "about")
    fields.setdefault("body", "<p>We are an independent newsroom.</p>")
    fields.setdefault("is_published", True)
    return Page.objects.create(**fields)


def test_a_published_page_is_at_its_own_address(client):
    """/about/ shows the page's title and body, with its own canonical and description."""
    make_page(seo_description="Who we are.")
    response = client.get("/about/")
    assert response.status_code == 200
    page = parse(response)
    assert text(element(page, "//main//h1")) == "About us"
    assert "We are an independent newsroom." in text(element(page, "//main"))
    assert element(page, "//link[@rel='canonical']").get("href").endswith("/about/")
    assert element(page, "//meta[@name='description']").get("content") == "Who we are."


def test_an_unpublished_page_is_not_found(client):
    """A page still being written is a 404 for readers."""
    make_page(is_published=False)
    assert client.get("/about/").status_code == 404


def test_the_body_is_sanitised_when_saved():
    """A script in a page's body never reaches the database."""
    page = make_page(body='<p>Hello</p><script>alert(1)</script><a href="javascript:x">x</a>')
    page.refresh_from_db()
    assert "<script" not in page.body
    assert "javascript:" not in page.body


@pytest.mark.parametrize("slug", ["search", "news-feed", "corrections"])
def test_a_page_cannot_take_an_address_the_site_answers(slug):
    """A slug like "search" would be hidden behind the search page: the form says so."""
    with pytest.raises(ValidationError) as error:
        Page(title="Taken", slug=slug).full_clean()
    assert "slug" in error.value.message_dict


def test_a_free_address_is_accepted():
    """An ordinary slug passes validation."""
    Page(title="Ethics", slug="ethics").full_clean()


def test_the_footer_lists_published_pages_in_their_order(client):
    """The footer on every page links the published footer pages, by position."""
    make_page(title="Contact", slug="contact", footer_position=2)
    make_page(title="About us", slug="about", footer_position=1)
    make_page(title="Draft policy", slug="policy", is_published=False)
    make_page(title="Imprint", slug="imprint", show_in_footer=False)
    footer = element(parse(client.get("/")), "//footer")
    titles = [text(link) for link in elements(footer, ".//a[starts-with(@href, '/') ]")]
    assert [
        title for title in titles if title in {"About us", "Contact", "Draft policy", "Imprint"}
    ] == [
        "About us",
        "Contact",
    ]


@pytest.mark.usefixtures("page_cache")
def test_an_edit_shows_on_the_next_request_despite_the_page_cache(client):
    """An editor's change to a page reaches readers at once, on the page and in the footer."""
    page = make_page()
    assert client.get("/about/")["X-Page-Cache"] == "miss"
    assert client.get("/about/")["X-Page-Cache"] == "hit"
    client.get("/")
    page.title = "Who we are"
    page.save()
    assert text(element(parse(client.get("/about/")), "//main//h1")) == "Who we are"
    assert "Who we are" in text(element(parse(client.get("/")), "//footer"))


def test_editors_manage_pages_and_reporters_cannot(client):
    """Pages are an editor's: a reporter gets no add page for them in the admin."""
    from django.conf import settings

    add_page = f"/{settings.ADMIN_URL}pages/page/add/"
    client.force_login(make_user(role="Reporters"))
    assert client.get(add_page).status_code == 403
    client.force_login(make_user(role="Editors"))
    response = client.post(
        add_page,
        {
            "title": "Ethics",
            "slug": "ethics",
            "body": "<p>Our rules.</p>",
            "is_published": "on",
            "show_in_footer": "on",
            "footer_position": "3",
        },
    )
    assert response.status_code == 302
    assert client.get("/ethics/").status_code == 200
