"""A live story's page and the LIVE badge run a fixed number of queries, whatever they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
    """Nothing cached: the same queries (its story, entries, article, head and Most Popular); with its pieces
    cached: none."""
    story = make_live_story()
    for minutes in range(entries):
        make_entry(story, minutes_ago=minutes + 1)
    url = story.article.get_absolute_url()
    cold, _response = queries(client, url)
    warm, _response = queries(client, url)
    assert (cold, warm) == (20, 0)


@pytest.mark.parametrize("stories", [1, 12])
def test_the_live_badge_costs_no_query(client, stories):
    """The cards read their live story in their own query: the news feed costs the same."""
    section = make_section()
    for _ in range(stories):
        make_live_story(article=make_article(section=section))
    make_article(section=section)
    count, response = queries(client, "/news-feed/")
    badges = elements(parse(response), f"//*[{with_class('label--live')}]")
    assert len(badges) == stories
    assert count == 5
