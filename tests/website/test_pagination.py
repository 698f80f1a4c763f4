"""?page= on every paged list: plain ASCII numbers from 2 are pages, 1 is the list's own address."""

import pytest

from articles.models import Correction
from tests.factories import make_newsroom

pytestmark = pytest.mark.django_db

# Not page numbers as written by this site: a leading zero, a sign, spaces, other digits.
NOT_PAGE_NUMBERS = [
    "02",
    "+2",
    " 2",
    "2 ",
    "2\n",
    "２",  # full-width digit two
    "٢",  # Arabic-Indic digit two
    "2.0",
    "1e1",
    "-2",
    "0",
    "",
    "two",
]


@pytest.fixture
def newsroom():
    """More than a page (20 items) of the news feed, the City section, the reporter, a tag,
    search results for "plain" and corrections."""
    newsroom = make_newsroom(more=58)
    for item in newsroom.more:
        item.tags.add(newsroom.tags[0])
        Correction.objects.create(article=item, text="A corrected figure.")
    return newsroom


def paged_lists(newsroom) -> dict[str, tuple[str, dict, str]]:
    """Every paged list: its address, the query it always carries, and its page parameter."""
    lead = newsroom.article
    return {
        "news-feed": ("/news-feed/", {}, "page"),
        "section": (lead.section.get_absolute_url(), {}, "page"),
        "tag": (newsroom.tags[0].get_absolute_url(), {}, "page"),
        "author": (newsroom.reporter.get_absolute_url(), {}, "page"),
        "search": ("/search/", {"q": "plain"}, "page"),
        "corrections": ("/corrections/", {}, "page"),
        "read-more": (f"/read-more/{lead.slug}/", {}, "page"),
        "article": (lead.get_absolute_url(), {}, "more"),
    }


@pytest.mark.parametrize(
    "name",
    ["news-feed", "section", "tag", "author", "search", "corrections", "read-more", "article"],
)
def test_only_plain_numbers_from_two_are_pages(client, newsroom, name):
    """Page 2 answers; page 1 is a 301 to the address without it; other spellings are a 404."""
    path, query, param = paged_lists(newsroom)[name]
    assert client.get(path, query).status_code == 200
    assert client.get(path, {**query, param: "2"}).status_code == 200

    first = client.get(path, {**query, param: "1"})
    assert first.status_code == 301
    assert first["Location"] == (f"{path}?q=plain" if query else path)

    for value in NOT_PAGE_NUMBERS:
        response = client.get(path, {**query, param: value})
        assert response.status_code == 404, f"{param}={value!r}"
    assert client.get(path, {**query, param: ["2", "3"]}).status_code == 404


def test_the_link_back_to_the_first_page_has_no_page_number(client, newsroom):
    """From page 2, "Newer items" links to the list's own address, not to ?page=1."""
    response = client.get("/news-feed/", {"page": "2"})
    assert 'rel="prev" href="/news-feed/"' in response.content.decode()


def test_the_home_page_has_no_later_pages(client, newsroom):
    """The home page is one page: ?page=1 is a 301 to it and ?page=3 a 404, not a copy of it."""
    first = client.get("/", {"page": "1"})
    assert (first.status_code, first["Location"]) == (301, "/")
    assert client.get("/", {"page": "3"}).status_code == 404
    assert client.get("/", {"page": "+3"}).status_code == 404
