"""An author's details (location, languages, the photo's alt text) as each edition shows
them: the bio's in its language, the author's own where the bio leaves them empty."""

import json

import pytest

from authors.models import AuthorBio
from tests.factories import image_file, make_article, make_author
from tests.html import element, elements, parse, text, with_class

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    author = make_author(
        name="Martin Fornusek",
        slug="martin-fornusek",
        location="Lviv",
        languages="English, Czech, Ukrainian",
        photo=image_file(),
        photo_alt="Portrait of Martin Fornusek",
    )
    AuthorBio.objects.create(
        author=author,
        language="uk",
        name="Мартін Форнусек",
        location="Львів",
        languages="англійська, чеська, українська",
        photo_alt="Портрет Мартіна Форнусека",
    )
    return author


def facts(response) -> list[str]:
    return [
        text(dd) for dd in elements(parse(response), f"//dl[{with_class('author-page__facts')}]/dd")
    ]


def photo_alt(response, css_class: str) -> str:
    return element(parse(response), f"//*[{with_class(css_class)}]//img").get("alt")


def test_the_ukrainian_author_page_shows_the_bios_details(client, author):
    response = client.get("/uk/author/martin-fornusek/")
    assert facts(response) == ["Львів", "англійська, чеська, українська"]
    assert photo_alt(response, "author-page__photo") == "Портрет Мартіна Форнусека"


def test_the_english_author_page_keeps_the_authors_own(client, author):
    response = client.get("/author/martin-fornusek/")
    assert facts(response) == ["Lviv", "English, Czech, Ukrainian"]
    assert photo_alt(response, "author-page__photo") == "Portrait of Martin Fornusek"


def test_details_the_bio_leaves_empty_are_the_authors(client, author):
    AuthorBio.objects.filter(author=author).update(location="", languages="", photo_alt="")
    response = client.get("/uk/author/martin-fornusek/")
    assert facts(response) == ["Lviv", "English, Czech, Ukrainian"]
    assert photo_alt(response, "author-page__photo") == "Portrait of Martin Fornusek"


def test_the_author_box_under_a_ukrainian_article_describes_the_photo_in_ukrainian(client, author):
    article = make_article(language="uk", title="Ранок у Львові", authors=[author])
    response = client.get(article.get_absolute_url())
    assert photo_alt(response, "author-box__photo") == "Портрет Мартіна Форнусека"


def people(response) -> list[dict]:
    """Every schema.org Person in the page's JSON-LD, wherever it sits in the graph."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            if value.get("@type") == "Person":
                found.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for block in parse(response).xpath('//script[@type="application/ld+json"]/text()'):
        walk(json.loads(block))
    return found


def test_the_ukrainian_pages_person_speaks_the_bios_languages(client, author):
    """On /uk/ pages the author's Person (author page and article) names the languages, name,
    role and description from the Ukrainian bio; the English pages keep the author's own."""
    author.role, author.short_bio = "Reporter", "Reports from Lviv."
    author.save()
    AuthorBio.objects.filter(author=author).update(role="Репортер", short_bio="Пише зі Львова.")
    ukrainian = make_article(language="uk", title="Ранок у Львові", authors=[author])
    english = make_article(title="Morning in Lviv", authors=[author])
    for url in ["/uk/author/martin-fornusek/", ukrainian.get_absolute_url()]:
        (person,) = people(client.get(url))
        assert person["knowsLanguage"] == ["англійська", "чеська", "українська"], url
        assert (person["name"], person["jobTitle"]) == ("Мартін Форнусек", "Репортер"), url
        assert person["description"] == "Пише зі Львова.", url
    for url in ["/author/martin-fornusek/", english.get_absolute_url()]:
        (person,) = people(client.get(url))
        assert person["knowsLanguage"] == ["English", "Czech", "Ukrainian"], url
        assert (person["name"], person["jobTitle"]) == ("Martin Fornusek", "Reporter"), url


def test_a_ukrainian_persons_languages_are_the_authors_where_the_bio_has_none(client, author):
    """A Ukrainian bio without languages leaves the author's own in the Person."""
    AuthorBio.objects.filter(author=author).update(languages="")
    (person,) = people(client.get("/uk/author/martin-fornusek/"))
    assert person["knowsLanguage"] == ["English", "Czech", "Ukrainian"]
