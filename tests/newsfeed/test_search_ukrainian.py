"""Ukrainian search by dictionary forms: inflected words find each other; English keeps its stemmer."""

import pytest
from lxml import html

from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    document = html.fromstring(response.content)
    return {link.text_content() for link in document.xpath("//h3[@class='feed-item__title']/a")}


@pytest.fixture
def ukrainian_items():
    section = make_section(name="Україна", slug="ukraina", language="uk")
    kyiv = make_article(
        title="Київ відкрив підземну школу",
        section=section,
        language="uk",
        body="<p>Нова школа.</p>",
    )
    lviv = make_article(
        title="Тролейбуси у Львові", section=section, language="uk", body="<p>Нічні маршрути.</p>"
    )
    return kyiv, lviv


def test_an_inflected_word_finds_its_dictionary_form(client, ukrainian_items):
    """«Києві» finds the item that says «Київ»; «Львів» finds «у Львові»."""
    kyiv, lviv = ukrainian_items
    assert titles(client, "/uk/search/?q=Києві") == {kyiv.title}
    assert titles(client, "/uk/search/?q=Львів") == {lviv.title}
    assert titles(client, "/uk/search/?q=школи") == {kyiv.title}


def test_ukrainian_search_keeps_the_web_search_syntax(client, ukrainian_items):
    """or between words, -word to leave one out."""
    kyiv, lviv = ukrainian_items
    assert titles(client, "/uk/search/?q=Києві or Львові") == {kyiv.title, lviv.title}
    assert titles(client, "/uk/search/?q=школа -Київ") == set()


def test_each_edition_searches_its_own_items(client, ukrainian_items):
    """English search keeps its stemming and never lists Ukrainian items, nor the reverse."""
    english = make_article(title="Kyiv opens underground schools", body="<p>Schooling.</p>")
    assert titles(client, "/search/?q=school") == {english.title}
    assert titles(client, "/search/?q=Київ") == set()
    assert titles(client, "/uk/search/?q=school") == set()
