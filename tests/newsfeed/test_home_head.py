"""The home page's head is cached as a piece, and still names each page's own address."""

import lxml.html
import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def canonical(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content).xpath("//link[@rel='canonical']/@href")[0]


def test_the_home_canonical_stays_right_after_visits_to_other_addresses(client):
    """The home page is one page: /?page=2 is a 404, a shared link's tracking tags say /, and
    neither leaves another canonical address in the cached head of /."""
    make_article()
    assert client.get("/?page=2").status_code == 404
    assert canonical(client, "/?utm_source=telegram&fbclid=abc") == "http://127.0.0.1:8000/"
    assert canonical(client, "/") == "http://127.0.0.1:8000/"
