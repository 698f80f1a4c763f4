"""A live story's page and the LIVE badge run a fixed number of queries, whatever they show."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from caching import local_copies
from live.models import LiveStory
from tests.factories import make_article, make_section
from tests.html import elements, parse, with_class
from tests.live.factories import make_entry, make_live_story

pytestmark = pytest.mark.django_db


def queries(client, url) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


@pytest.mark.parametrize("entries", [3, 30])
def test_the_live_page_costs_the_same_with_3_or_30_entries(client, entries):
    """Nothing cached: the same queries (its article, story and entries, the article whole
    once for its header and head, Most Popular); with its pieces cached: none."""
    story = make_live_story()
    for minutes in range(entries):
        make_entry(story, minutes_ago=minutes + 1)
    url = story.article.get_absolute_url()
    cold, _response = queries(client, url)
    warm, _response = queries(client, url)
    assert (cold, warm) == (16, 0)


def test_the_live_badge_costs_no_query(client):
    """The cards read their live story in their own query: the news feed costs the same with
    one live story as with twelve."""
    section = make_section()
    make_article(section=section)
    counts = []
    for stories in (1, 12):
        while LiveStory.objects.count() < stories:
            make_live_story(article=make_article(section=section))
        cache.clear()
        local_copies.clear_all()
        count, response = queries(client, "/news-feed/")
        assert len(elements(parse(response), f"//*[{with_class('label--live')}]")) == stories
        counts.append(count)
    assert counts[0] == counts[1]
