"""Reader pages answer GET and HEAD; TRACE, OPTIONS and other methods never render them."""

import pytest

from pages.models import Page
from tests.factories import make_newsroom

pytestmark = pytest.mark.django_db


def reader_addresses(newsroom) -> list[str]:
    lead = newsroom.article
    about = Page.objects.create(
        title="About us", slug="about", body="<p>Who we are.</p>", is_published=True
    )
    return [
        "/",
        lead.get_absolute_url(),
        f"/read-more/{lead.slug}/",
        "/news-feed/",
        lead.section.get_absolute_url(),
        newsroom.tags[0].get_absolute_url(),
        newsroom.reporter.get_absolute_url(),
        "/search/?q=tram",
        "/corrections/",
        about.get_absolute_url(),
        "/rss.xml",
        "/sitemap.xml",
        "/robots.txt",
    ]


@pytest.mark.parametrize("method", ["TRACE", "OPTIONS", "PUT", "DELETE"])
def test_other_methods_get_405_with_allow_and_no_page(client, method):
    """TRACE and OPTIONS (and writes) get 405 naming GET and HEAD, with an empty body."""
    newsroom = make_newsroom()
    for url in reader_addresses(newsroom):
        response = client.generic(method, url)
        assert response.status_code == 405, (method, url)
        assert response["Allow"] == "GET, HEAD", url
        assert response.content == b"", url


def test_get_and_head_still_answer(client):
    """GET shows each reader page; HEAD answers the same without a body."""
    newsroom = make_newsroom()
    for url in reader_addresses(newsroom):
        assert client.get(url).status_code == 200, url
        head = client.head(url)
        assert head.status_code == 200, url
        assert head.content == b"", url
