"""The home page's blocks never show one story twice, whatever editors pin, in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import image_file, make_article, make_pin, make_section
from tests.html import elements, parse

pytestmark = pytest.mark.django_db

BLOCKS = {
    "lead": "//article[contains(@class, 'lead-story')]",
    "top stories": "//section[@aria-labelledby='top-stories-title']//article",
    "editors' picks": "//section[@aria-labelledby='editors-picks-title']//article",
    "feed": "//div[@id='feed']/article",
    "sections": "//section[contains(@class, 'section-block')]//article",
}

# A story's headline link (a brief's text is its link).
HEADLINE_LINK = "(.//h2/a | .//h3/a | .//p[contains(@class, 'feed-item__brief')]/a)[1]/@href"


def shown(response) -> dict[str, list[str]]:
    """The address each block's stories link to, block by block."""
    tree = parse(response)
    return {
        block: [story.xpath(HEADLINE_LINK)[0] for story in elements(tree, path)]
        for block, path in BLOCKS.items()
    }


def build(count: int, *, pins: bool):
    """`count` items over three sections, newest first, one breaking; with pins, pins everywhere.

    The pins repeat themselves on purpose (one article as lead and top story, another as a
    pick and a top story) and pin stories that are also among the newest.
    """
    sections = [make_section(), make_section(), make_section()]
    now = timezone.now()
    items = []
    for number in range(count):
        kind = ["article", "opinion", "brief", "analysis"][number % 4]
        picture = {} if kind == "brief" else {"hero_image": image_file(size=(320, 180))}
        items.append(
            make_article(
                kind=kind,
                section=sections[number % 3],
                publish_at=now - timedelta(minutes=number + 1),
                is_breaking=number == 1,
                hero_alt="A picture" if picture else "",
                **picture,
            )
        )
    if pins:
        make_pin(items[-1])
        make_pin(items[-1], placement="top", position=1)
        make_pin(items[0], placement="top", position=3)
        make_pin(items[5], placement="pick", position=1)
        make_pin(items[5], placement="top", position=2)
        make_pin(items[-2], placement="pick", position=2)
    return items


@pytest.mark.parametrize("pins", [False, True])
@pytest.mark.parametrize("count", [8, 40])
def test_no_story_appears_twice_on_the_home_page(client, count, pins):
    """Lead, top stories, picks, the feed column and the section rows share no story."""
    items = build(count, pins=pins)
    blocks = shown(client.get("/"))
    every = [address for addresses in blocks.values() for address in addresses]
    assert len(every) == len(set(every)), blocks
    assert len(blocks["lead"]) == 1
    assert len(blocks["top stories"]) == 3
    # The first 20 items are curated or in the feed column; the sections show older ones.
    assert bool(blocks["sections"]) == (count > 20)
    if pins:
        # A story pinned twice is shown in the first block that pins it; the later place
        # falls back to the newest story not shown yet.
        url = [item.get_absolute_url() for item in items]
        assert blocks["lead"] == [url[-1]]
        assert blocks["top stories"][1:] == [url[5], url[0]]
        assert blocks["top stories"][0] != url[-1]
        assert blocks["editors' picks"][1] == url[-2]
        assert url[5] not in blocks["editors' picks"]


def test_the_feed_column_leaves_out_the_stories_above_and_show_more_continues_it(client):
    """The feed is the stream's first page without the curated stories; page 2 follows it."""
    items = build(40, pins=True)
    blocks = shown(client.get("/"))
    curated = {*blocks["lead"], *blocks["top stories"], *blocks["editors' picks"]}
    first_page = [item.get_absolute_url() for item in items[:20]]
    assert blocks["feed"] == [address for address in first_page if address not in curated]
    next_link = elements(parse(client.get("/")), "//a[@data-show-more]/@href")
    assert next_link == ["/news-feed/?page=2"]


def test_the_home_page_runs_a_fixed_number_of_queries(client):
    """The same count for few and many items, with and without pins; none once cached.

    The count itself is the home page's budget in tests/newsfeed/test_query_counts.py.
    """
    counts = []
    for count, pins in ((8, False), (40, False), (8, True), (40, True)):
        # New rows start a new content version: the first request renders everything anew.
        build(count, pins=pins)
        for _request in ("cold", "warm"):
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/").status_code == 200
            counts.append(len(queries))
    assert counts == [counts[0], 0] * 4
