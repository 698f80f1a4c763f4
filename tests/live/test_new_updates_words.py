"""The "N new updates" control's words in every plural form of the edition's language."""

import json

import pytest

from tests.factories import make_article
from tests.html import elements, parse
from tests.live.factories import make_entry, make_live_story

pytestmark = pytest.mark.django_db


def words_on(response) -> dict:
    [control] = elements(parse(response), "//*[@id='live-new']")
    return json.loads(control.get("data-counts"))


def test_english_has_one_and_other(client):
    """1 new update, 5 new updates: "{count}" stands for the number."""
    story = make_live_story()
    make_entry(story)
    words = words_on(client.get(story.article.get_absolute_url()))
    assert words["one"] == "{count} new update"
    assert words["other"] == "{count} new updates"


def test_ukrainian_has_all_three_forms(client):
    """1 нове оновлення, 2 нові оновлення, 5 нових оновлень."""
    story = make_live_story(article=make_article(language="uk", slug="viina-nazhyvo"))
    make_entry(story, headline="Оновлення")
    words = words_on(client.get(story.article.get_absolute_url()))
    assert words["one"] == "{count} нове оновлення"
    assert words["few"] == "{count} нові оновлення"
    assert words["many"] == "{count} нових оновлень"
