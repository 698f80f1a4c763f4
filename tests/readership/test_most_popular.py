"""Most Popular lists the articles read most in the last 24 hours and 7 days, from the beacons."""

from datetime import timedelta

import pytest
from django.utils import timezone

from readership.counting import hour_of
from readership.models import HourlyViews
from readership.pieces import popular_blocks
from readership.popular import POPULAR_SECONDS
from tests.factories import make_article
from tests.html import elements, parse, text
from tests.readership.test_beacon import beacon

pytestmark = pytest.mark.django_db


def popular(response) -> dict[str, list[str]]:
    """Each window's headlines, as the page shows them, by the window's heading."""
    tree = parse(response)
    return {
        text(heading): [
            text(link)
            for link in elements(tree, f"//ol[@aria-labelledby='{heading.get('id')}']/li/a")
        ]
        for heading in elements(tree, "//section[@aria-labelledby='most-popular-title']//h3")
    }


def read(client, article, times):
    for _ in range(times):
        assert beacon(client, article.pk).status_code == 204


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(timezone.now().replace(minute=30, second=0, microsecond=0), tick=False)
    return time_machine


def test_most_popular_ranks_the_day_and_the_week_from_real_beacons(client, clock):
    """Readings of last week count for the 7 days only; today's for both; most read first."""
    now = timezone.now()
    old_hit = make_article(title="Old hit", publish_at=now - timedelta(days=6))
    todays = make_article(title="Today's story", publish_at=now - timedelta(hours=3))
    quiet = make_article(title="Quiet story", publish_at=now - timedelta(hours=2))
    clock.move_to(now - timedelta(days=5), tick=False)
    read(client, old_hit, 5)
    clock.move_to(now, tick=False)
    read(client, todays, 3)
    read(client, quiet, 1)
    read(client, old_hit, 2)

    assert popular(client.get("/")) == {
        "Last 24 hours": ["Today's story", "Old hit", "Quiet story"],
        "Last 7 days": ["Old hit", "Today's story", "Quiet story"],
    }


def test_most_popular_is_on_article_pages_too(client, clock):
    """The article page shows the same lists."""
    article = make_article(title="Read me")
    read(client, article, 2)
    assert popular(client.get(article.get_absolute_url())) == {
        "Last 24 hours": ["Read me"],
        "Last 7 days": ["Read me"],
    }


def test_nothing_read_shows_no_block(client, clock):
    """Without readings there is no empty Most Popular block."""
    make_article()
    assert popular(client.get("/")) == {}
    assert 'id="most-popular-title"' not in client.get("/").content.decode()


def test_the_lists_are_kept_a_few_minutes_but_an_unpublished_article_leaves_at_once(client, clock):
    """New readings show after POPULAR_SECONDS; an unpublished article drops out right away."""
    first = make_article(title="First")
    second = make_article(title="Second")
    read(client, first, 2)
    assert popular(client.get("/"))["Last 24 hours"] == ["First"]
    read(client, second, 5)
    assert popular(client.get("/"))["Last 24 hours"] == ["First"]
    clock.move_to(timezone.now() + timedelta(seconds=POPULAR_SECONDS), tick=False)
    assert popular(client.get("/"))["Last 24 hours"] == ["Second", "First"]

    second.status = second.Status.UNPUBLISHED
    second.save()
    assert popular(client.get("/"))["Last 24 hours"] == ["First"]


def test_readings_older_than_a_week_drop_out(client, clock):
    """A reading 7 days and an hour ago is in neither list."""
    article = make_article(title="Last week", publish_at=timezone.now() - timedelta(days=9))
    now = timezone.now()
    clock.move_to(now - timedelta(days=7, hours=1), tick=False)
    read(client, article, 4)
    clock.move_to(now, tick=False)
    assert popular(client.get("/")) == {}


@pytest.mark.parametrize("read_articles", [1, 8])
def test_most_popular_comes_in_one_query_with_what_its_items_show(
    settings, django_assert_num_queries, read_articles
):
    """Rendered from nothing, both lists and their items (headline, address, section, the
    live label) are one query, however many articles were read."""
    settings.FRAGMENT_CACHE_ENABLED = False
    hour = hour_of(timezone.now())
    for number in range(read_articles):
        article = make_article(title=f"Read story {number}")
        HourlyViews.objects.create(article=article, hour=hour, views=10 + number)
    with django_assert_num_queries(1):
        blocks = popular_blocks()
    assert [block["name"] for block in blocks] == ["day", "week"]
    assert blocks[0]["items"].count('class="most-popular__item"') == min(read_articles, 5)
    assert "Read story 0" in blocks[0]["items"] or read_articles > 5
