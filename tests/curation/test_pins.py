"""Pins place stories on the front page and section pages, from their start until their end."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import image_file, make_article, make_article_in_state, make_pin, make_section
from tests.html import element, elements, parse, text, with_class

pytestmark = pytest.mark.django_db


def story(**fields):
    """A published article with a picture, as the lead and top stories need."""
    return make_article(hero_image=image_file(size=(320, 180)), hero_alt="A picture", **fields)


def lead_title(response) -> str:
    return text(element(parse(response), f"//article[{with_class('lead-story')}]//h2"))


def block_titles(response, block: str) -> list[str]:
    """The headlines of a home page block, by its heading's id."""
    path = f"//section[@aria-labelledby='{block}-title']//article//h3"
    return [text(heading) for heading in elements(parse(response), path)]


@pytest.fixture
def page_cache(page_cache, settings):
    """The page cache on, its keys independent of files being edited while the tests run."""
    settings.CACHE_CODE_STAMP_PER_REQUEST = False


@pytest.fixture
def clock(time_machine):
    """The clock stopped at a whole second; clock.move_to(moment) moves it."""
    time_machine.move_to(timezone.now().replace(microsecond=0), tick=False)
    return time_machine


def test_a_pinned_lead_appears_at_its_start_and_expires_at_its_end(client, page_cache, clock):
    """The cached home page shows the pinned lead from its start on, then the newest story again.

    Both times come before the cached page would expire anyway (PAGE_CACHE_SECONDS).
    """
    now = timezone.now()
    story(title="Newest story", publish_at=now - timedelta(minutes=5))
    pinned = story(title="Pinned analysis", publish_at=now - timedelta(days=3))
    starts, ends = now + timedelta(minutes=2), now + timedelta(minutes=4)
    make_pin(pinned, starts_at=starts, ends_at=ends)

    assert lead_title(client.get("/")) == "Newest story"
    clock.move_to(starts - timedelta(seconds=1), tick=False)
    cached = client.get("/")
    assert cached["X-Page-Cache"] == "hit"
    assert lead_title(cached) == "Newest story"
    clock.move_to(starts, tick=False)
    assert lead_title(client.get("/")) == "Pinned analysis"
    clock.move_to(ends - timedelta(seconds=1), tick=False)
    assert client.get("/")["X-Page-Cache"] == "hit"
    clock.move_to(ends, tick=False)
    assert lead_title(client.get("/")) == "Newest story"


def test_a_pin_shows_at_once_and_its_removal_too(client, page_cache, clock):
    """Saving or deleting a pin renews the cached home page straight away."""
    story(title="Newest story")
    pinned = story(title="Older story", publish_at=timezone.now() - timedelta(days=2))
    assert lead_title(client.get("/")) == "Newest story"
    assert client.get("/")["X-Page-Cache"] == "hit"
    pin = make_pin(pinned)
    assert lead_title(client.get("/")) == "Older story"
    pin.delete()
    assert lead_title(client.get("/")) == "Newest story"


@pytest.mark.parametrize("state", ["draft", "review", "unpublished", "scheduled"])
def test_a_pin_shows_only_a_published_article(client, clock, state):
    """A pinned draft, article in review, unpublished or scheduled article is not shown."""
    story(title="Newest story")
    pinned = make_article_in_state(
        state, title="Not for readers", hero_image=image_file(size=(320, 180)), hero_alt="A picture"
    )
    make_pin(pinned)
    make_pin(pinned, placement="top")
    make_pin(pinned, placement="pick")
    page = client.get("/")
    assert lead_title(page) == "Newest story"
    assert "Not for readers" not in page.content.decode()


def test_a_pinned_scheduled_article_appears_when_it_is_published(client, page_cache, clock):
    """The pin of a scheduled article shows it from its publish time, with no job."""
    story(title="Newest story")
    publish_at = timezone.now() + timedelta(hours=2)
    scheduled = story(title="Embargoed report", publish_at=publish_at)
    make_pin(scheduled)
    assert lead_title(client.get("/")) == "Newest story"
    clock.move_to(publish_at, tick=False)
    assert lead_title(client.get("/")) == "Embargoed report"


def test_empty_and_expired_places_fall_back_to_the_newest_stories(client, clock):
    """A top story pinned to place 2 is second; places 1 and 3 and an expired pin's are the newest."""
    now = timezone.now()
    for number in range(1, 6):
        story(title=f"Story {number}", publish_at=now - timedelta(minutes=number))
    make_pin(
        story(title="Pinned top", publish_at=now - timedelta(days=4)), placement="top", position=2
    )
    expired = story(title="Expired top", publish_at=now - timedelta(days=5))
    make_pin(expired, placement="top", position=3, ends_at=now - timedelta(minutes=1))
    page = client.get("/")
    assert lead_title(page) == "Story 1"
    assert block_titles(page, "top-stories") == ["Story 2", "Pinned top", "Story 3"]


def test_the_pin_that_started_last_holds_the_place(client, clock):
    """Two pins for the lead at once: the one that started last is shown."""
    now = timezone.now()
    story(title="Newest story")
    earlier = story(title="Morning lead", publish_at=now - timedelta(days=1))
    later = story(title="Afternoon lead", publish_at=now - timedelta(days=1, hours=1))
    make_pin(earlier, starts_at=now - timedelta(hours=6))
    make_pin(later, starts_at=now - timedelta(hours=1))
    assert lead_title(client.get("/")) == "Afternoon lead"


def test_editors_picks_are_pinned_and_fall_back_to_the_newest_opinion_and_analysis(client, clock):
    """Picks show pinned stories in their places; empty places take the newest reads."""
    now = timezone.now()
    story(title="Newest story")
    make_article(title="Newest column", kind="opinion", publish_at=now - timedelta(minutes=30))
    make_article(title="A brief", kind="brief", publish_at=now - timedelta(minutes=40))
    pinned = make_article(title="Long read", kind="article", publish_at=now - timedelta(days=6))
    make_pin(pinned, placement="pick", position=1)
    page = client.get("/")
    assert block_titles(page, "editors-picks") == ["Long read", "Newest column"]


def test_a_section_page_shows_its_pins_first_and_not_again_in_its_stream(client, clock):
    """The section's first page starts with its pins, which its stream then leaves out."""
    now = timezone.now()
    city = make_section(name="City", slug="city")
    for number in range(1, 4):
        make_article(title=f"City {number}", section=city, publish_at=now - timedelta(hours=number))
    second = make_article(title="Tram line", section=city, publish_at=now - timedelta(minutes=90))
    make_pin(second, placement="section", section=city)
    page = parse(client.get("/section/city/"))
    pinned_titles = [
        text(h) for h in elements(page, "//section[@aria-labelledby='section-pinned-title']//h3")
    ]
    stream = [text(h) for h in elements(page, "//div[@id='feed']//h3")]
    assert pinned_titles == ["Tram line"]
    assert stream == ["City 1", "City 2", "City 3"]
