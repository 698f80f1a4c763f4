"""Slugs from Ukrainian titles and names in the national transliteration (KMU 2010)."""

import pytest

from articles import services
from tests.factories import make_article, make_user
from website.slugs import slug_from

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Київ", "kyiv"),
        ("Харків", "kharkiv"),
        ("Збройні сили", "zbroini-syly"),
        # Є, Ї, Й, Ю, Я at the start of a word and inside it; зг; the soft sign.
        ("Юрій Єрмак", "yurii-yermak"),
        ("Їжакевич", "yizhakevych"),
        ("Яготин", "yahotyn"),
        ("Згорани", "zghorany"),
        ("Розгон", "rozghon"),
        ("Щастя й Ґорґани", "shchastia-y-gorgany"),
        ("Львів", "lviv"),
        # An apostrophe is left out and does not start a new word.
        ("Знам'янка", "znamianka"),
        ("м’ясо", "miaso"),
        ("Київ: 5 новин про об'єкти", "kyiv-5-novyn-pro-obiekty"),
        ("NATO in Kyiv", "nato-in-kyiv"),
        ("«»", ""),
    ],
)
def test_ukrainian_titles_are_transliterated(title, slug):
    """The examples of the national standard, and English as before."""
    assert slug_from(title) == slug


def test_a_long_title_is_cut_without_a_trailing_hyphen():
    assert slug_from("Збройні сили України", max_length=13) == "zbroini-syly"


def test_a_tag_typed_in_cyrillic_gets_a_transliterated_slug():
    """A new tag typed in the article form is at /uk/tag/kyiv/, not /uk/tag/tag-2/."""
    article = make_article(language="uk")
    editor = make_user(role="Editors")
    kyiv, kharkiv = services.tags_add_by_name(
        article=article, names=services.tag_names("Київ, Харків"), by=editor
    )
    assert (kyiv.slug, kharkiv.slug) == ("kyiv", "kharkiv")
    assert kyiv.get_absolute_url() == "/uk/tag/kyiv/"
