"""The demo's live stories: "Ukraine war latest" in English and its Ukrainian translation with
entries written in Ukrainian, each in its own edition."""

import re

import pytest
from django.core.management import call_command

from demo.live import SLUG, UKRAINIAN_SLUG, load_ukrainian_live_story
from live.models import LiveStory
from tests.html import elements, parse

pytestmark = pytest.mark.django_db


def test_the_ukrainian_edition_has_its_own_live_story(client):
    """About ten entries in Ukrainian, a correction among them, linked to the English story as
    its translation, on its page under /uk/ in Ukrainian; a second load makes no second one."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert load_ukrainian_live_story() is None
    english = LiveStory.objects.get(article__slug=SLUG)
    [ukrainian] = LiveStory.objects.filter(article__language="uk")
    assert ukrainian.article.slug == UKRAINIAN_SLUG
    assert ukrainian.article.translation_of == english.article
    entries = list(ukrainian.entries.all())
    assert 9 <= len(entries) <= 12
    for entry in entries:
        assert re.search("[а-яіїєґ]{4}", entry.body), entry.body
    assert sum(bool(entry.correction) for entry in entries) == 1

    response = client.get(ukrainian.article.get_absolute_url())
    assert response.status_code == 200
    tree = parse(response)
    assert tree.get("lang") == "uk"
    assert len(elements(tree, "//*[@id='live-entries']/*[@data-entry]")) == len(entries)
    assert ukrainian.article.get_absolute_url().startswith("/uk/")
