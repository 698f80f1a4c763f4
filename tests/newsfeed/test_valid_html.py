"""The reader pages' HTML passes the current Nu HTML Checker (tests/nu_checker.py)."""

import pytest

from tests.factories import make_newsroom

pytestmark = pytest.mark.django_db


def reader_pages(newsroom) -> dict[str, tuple[str, int]]:
    """Every kind of reader page of the newsroom: its address and the status it answers with."""
    lead = newsroom.article
    return {
        "home": ("/", 200),
        "article": (lead.get_absolute_url(), 200),
        "video": (newsroom.video.get_absolute_url(), 200),
        "brief": (newsroom.brief.get_absolute_url(), 200),
        "opinion": (newsroom.opinion.get_absolute_url(), 200),
        "news-feed": ("/news-feed/", 200),
        "news-feed-2": ("/news-feed/?page=2", 200),
        "section": (lead.section.get_absolute_url(), 200),
        "tag": (lead.tags.first().get_absolute_url(), 200),
        "author": (newsroom.reporter.get_absolute_url(), 200),
        "read-more": (f"/read-more/{lead.slug}/?page=2", 200),
        "search": (f"/search/?q={newsroom.word}", 200),
        "search-empty": ("/search/?q=", 200),
        "search-nothing": ("/search/?q=zzzzqqq", 200),
        "corrections": ("/corrections/", 200),  # the lead story has a correction
        "not-found": ("/news-feed/?page=999", 404),
    }


def test_reader_pages_have_no_html_errors(nu_check, client, tmp_path):
    """Home, article, news feed, author, search and the other reader pages: no error, no warning."""
    # More than a page of the news feed (20 items), so that its second page exists.
    newsroom = make_newsroom(more=20)
    paths = []
    for name, (url, status) in reader_pages(newsroom).items():
        response = client.get(url)
        assert response.status_code == status, url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        paths.append(path)
    assert nu_check(paths) == []
