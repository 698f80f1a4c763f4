"""Where used names no unpublished story to a reporter who cannot open it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from images import display
from images.models import BodyUse
from tests.factories import make_article_in_state, make_staff
from tests.html import elements, parse
from tests.images.test_library import library_image
from tests.live.factories import make_entry, make_live_story

pytestmark = pytest.mark.django_db


def names_on_the_page(client, photo) -> list[str]:
    page = parse(client.get(reverse("admin:images_image_change", args=[photo.pk])))
    return sorted(link.text for link in elements(page, "//ul[@class='where-used']//a"))


def test_a_reporter_is_not_told_of_entries_of_a_story_not_yet_published(client):
    """Entries of a draft or scheduled live story, and scheduled entries, stay unnamed."""
    reporter = make_staff(role="Reporters")
    client.force_login(reporter)
    photo = library_image()
    for state in ("draft", "scheduled"):
        article = make_article_in_state(state, title=f"Secret {state}")
        story = make_live_story(article=article, coverage_start=timezone.now())
        make_entry(story, headline=f"Entry of a {state} story", image=photo)
        make_entry(story, headline="", body="", image=photo)  # named after its story
    public = make_live_story(article=make_article_in_state("published"))
    make_entry(public, headline="Published entry", image=photo)
    make_entry(public, headline="Scheduled entry", image=photo, minutes_ago=-30)
    assert names_on_the_page(client, photo) == ["Published entry"]


def test_an_editor_and_the_storys_reporter_see_every_entry(client):
    """Who may work on the story is told of its entries, scheduled ones too."""
    reporter = make_staff(role="Reporters")
    photo = library_image()
    article = make_article_in_state("draft", title="Embargoed", authors=[reporter.author])
    story = make_live_story(article=article, coverage_start=timezone.now())
    make_entry(story, headline="Draft story's entry", image=photo)
    make_entry(story, headline="Later entry", image=photo, minutes_ago=-30)
    expected = ["Draft story's entry", "Later entry"]
    client.force_login(reporter)
    assert names_on_the_page(client, photo) == expected
    client.force_login(make_staff(role="Editors"))
    assert names_on_the_page(client, photo) == expected


def test_live_entries_in_where_used_take_the_same_queries_for_two_as_for_six():
    """The rule reads each entry's story and article in the list's own queries."""
    editor = make_staff(role="Editors")
    photo = library_image()

    def counted():
        with CaptureQueriesContext(connection) as queries:
            display.where_used(photo, user=editor)
        return len(queries)

    for _number in range(2):
        story = make_live_story()
        make_entry(story, image=photo)
        make_entry(story, body=f'<p><img src="{photo.file.url}" alt="A tram"></p>')
    assert BodyUse.objects.count() == 2
    counted()
    few = counted()
    for _number in range(4):
        story = make_live_story()
        make_entry(story, image=photo)
        make_entry(story, body=f'<p><img src="{photo.file.url}" alt="A tram"></p>')
    assert counted() == few
