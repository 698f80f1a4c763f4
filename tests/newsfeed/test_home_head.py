"""The home page's head is cached as a piece, and still names each page's own address."""

import lxml.html
import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def canonical(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content).xpath("//link[@rel='canonical']/@href")[0]


def test_the_home_canonical_stays_right_after_a_visit_to_a_later_page(client):
    """A visit to /?page=2 must not leave its canonical address on / (one cached head each)."""
    make_article()
    assert canonical(client, "/?page=2") == "http://127.0.0.1:8000/?page=2"
    assert canonical(client, "/") == "http://127.0.0.1:8000/"
    assert canonical(client, "/?page=2") == "http://127.0.0.1:8000/?page=2"
    assert canonical(client, "/") == "http://127.0.0.1:8000/"
