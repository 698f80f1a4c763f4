"""Every reader page runs the same number of SQL queries for 3 items as for 30."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import image_file, make_article, make_author, make_section, make_tag

pytestmark = pytest.mark.django_db

KINDS = ["article", "brief", "video", "opinion"]


def build_newsroom(count):
    """`count` items of mixed kinds, each with two authors, two tags and (most) a picture."""
    sections = [make_section(name="Ukraine", slug="ukraine"), make_section()]
    tags = [make_tag(name="Kharkiv", slug="kharkiv"), make_tag(), make_tag()]
    authors = [make_author(slug="reporter"), make_author(), make_author()]
    now = timezone.now()
    items = []
    for number in range(count):
        kind = KINDS[number % len(KINDS)]
        picture = {} if kind == "brief" else {"hero_image": image_file(size=(320, 180))}
        items.append(
            make_article(
                title=f"Kharkiv story {number}",
                kind=kind,
                section=sections[number % 2],
                authors=[authors[0], authors[1 + number % 2]],
                tags=[tags[0], tags[1 + number % 2]],
                corrections=["A date was wrong."] if number % 5 == 0 else [],
                publish_at=now - timedelta(minutes=10 * number + 1),
                is_breaking=number == 1,
                video_url="https://youtu.be/aqz-KE-bpKQ" if kind == "video" else "",
                hero_alt="A picture" if picture else "",
                **picture,
            )
        )
    return items


PAGES = {
    # page: (url for the built newsroom, queries when nothing is cached, queries when the
    # content version, the lists, cards and the article are). Listings fetch one item more than they show instead of
    # counting, so they need no COUNT query. Home and article pages read the newsletters of
    # their sign-up form once per content version.
    # Home, article and listing pages include Most Popular (one query, kept a few minutes);
    # listings have a sign-up form in their rail too.
    "home": (lambda items: "/", 12, 0),
    "news feed": (lambda items: "/news-feed/", 7, 1),
    # The section's pins (curation) come with the section, in its one query.
    "section": (lambda items: "/section/ukraine/", 8, 2),
    "tag": (lambda items: "/tag/kharkiv/", 8, 2),
    "author": (lambda items: "/author/reporter/", 8, 2),
    # One of them finds the tags, sections and authors the words name (newsfeed/search.py).
    "search": (lambda items: "/search/?q=Kharkiv", 6, 3),
    # The article at the address comes with its live story, if any, in one query (live/views.py);
    # its pieces in four: itself, its bylines, its tags, its corrections. Read more is one
    # query with what its cards show.
    "article": (lambda items: items[0].get_absolute_url(), 11, 0),
    "read more": (lambda items: f"/read-more/{items[0].slug}/", 7, 3),
}


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize("page", list(PAGES))
def test_each_page_runs_a_fixed_number_of_queries(client, page, count):
    """The page's query count does not grow with its items, authors and tags.

    The page cache is off: the first request renders everything, the second finds
    the cards, the article and the sections among the cached pieces.
    """
    items = build_newsroom(count)
    url_for, cold, warm = PAGES[page]
    url = url_for(items)
    for expected in (cold, warm):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert response.content.decode().count('class="feed-item ') >= min(count - 1, 3)
        assert len(queries) == expected, [query["sql"] for query in queries]


# With every cache off (FRAGMENT_CACHE_ENABLED=0): what a page costs rendered from nothing.
# A piece is read once a request, so the sections are one query, not one per use (three before).
NOTHING_CACHED = {"home": 11, "article": 10}


@pytest.mark.parametrize("page", list(NOTHING_CACHED))
def test_with_nothing_cached_home_and_article_run_a_fixed_number_of_queries(client, settings, page):
    """Rendered from the database alone, every request runs the same queries, few of them."""
    settings.FRAGMENT_CACHE_ENABLED = False
    url = PAGES[page][0](build_newsroom(3))
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) == NOTHING_CACHED[page], [query["sql"] for query in queries]
