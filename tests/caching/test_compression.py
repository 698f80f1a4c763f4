"""Cached pages are compressed once, when stored: gzip and brotli chosen by Accept-Encoding."""

import gzip

import brotli
import pytest

from caching import page_cache
from caching.compression import accepted, choose
from tests.factories import make_article
from tests.services import AppServer

pytestmark = pytest.mark.django_db


def test_accept_encoding_is_read_with_its_qualities():
    """q=0 refuses a coding, * allows the others, and brotli is preferred to gzip."""
    bodies = {"identity": b"x", "gzip": b"g", "br": b"b"}
    assert choose(bodies, "gzip, deflate, br, zstd") == "br"
    assert choose(bodies, "gzip") == "gzip"
    assert choose(bodies, "br;q=0, gzip;q=0.5") == "gzip"
    assert choose(bodies, "*;q=1, br;q=0") == "gzip"
    assert choose(bodies, "") == "identity"
    assert choose(bodies, "identity") == "identity"
    assert choose({"identity": b"x"}, "br") == "identity"  # too small to be compressed
    assert accepted("gzip;q=zero") == {"gzip"}


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize("path", ["article", "/", "/news-feed/", "/rss.xml", "/sitemap.xml"])
def test_pages_feeds_and_sitemaps_come_in_the_coding_the_reader_accepts(client, path):
    """Each coding decodes to the same bytes as the plain page, with Vary: Accept-Encoding."""
    article = make_article(title="Compressed story")
    path = article.get_absolute_url() if path == "article" else path
    plain = client.get(path)
    assert plain.status_code == 200
    assert not plain.has_header("Content-Encoding")
    assert "Accept-Encoding" in plain["Vary"]
    for coding, decompress in (("gzip", gzip.decompress), ("br", brotli.decompress)):
        response = client.get(path, headers={"Accept-Encoding": f"{coding}, deflate"})
        assert response["X-Page-Cache"] == "hit"
        assert response["Content-Encoding"] == coding
        assert "Accept-Encoding" in response["Vary"]
        assert int(response["Content-Length"]) == len(response.content) < len(plain.content)
        assert decompress(response.content) == plain.content
        assert response["ETag"] == "W/" + plain["ETag"]


@pytest.mark.usefixtures("page_cache")
def test_a_hit_never_compresses(client, monkeypatch):
    """The bodies are made when the page is stored; serving a hit only picks one."""
    article = make_article()
    url = article.get_absolute_url()
    first = client.get(url, headers={"Accept-Encoding": "br"})
    assert first["X-Page-Cache"] == "miss"
    assert first["Content-Encoding"] == "br"

    def compress_again(*args, **kwargs):
        raise AssertionError("a hit compressed the page again")

    monkeypatch.setattr(page_cache, "compressed_bodies", compress_again)
    for coding in ("br", "gzip", ""):
        response = client.get(url, headers={"Accept-Encoding": coding})
        assert response["X-Page-Cache"] == "hit"
        assert response.get("Content-Encoding", "") == coding


@pytest.mark.usefixtures("page_cache")
def test_a_conditional_request_gets_304_for_a_compressed_page(client):
    """The weak ETag of a compressed body revalidates like the plain one."""
    article = make_article()
    url = article.get_absolute_url()
    client.get(url)
    etag = client.get(url, headers={"Accept-Encoding": "gzip"})["ETag"]
    again = client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert again.status_code == 304


def test_static_files_are_served_with_brotli(demo_newsroom, collected_static, tmp_path):
    """collectstatic writes .br beside .gz (Brotli is installed) and whitenoise serves it."""
    css = sorted(collected_static.glob("css/site.*.css"))
    assert css
    assert (css[0].parent / (css[0].name + ".br")).exists()
    env, _ = demo_newsroom
    server = AppServer(env, tmp_path)
    server.start()
    try:
        path = "/static/css/" + css[0].name
        status, headers, _body = server.request("HEAD", path, headers={"Accept-Encoding": "br"})
        assert status == 200
        assert headers["Content-Encoding"] == "br"
    finally:
        server.stop()
