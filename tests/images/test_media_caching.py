"""Uploaded media under /media/: cacheable, with a validator, and 304 when it has not changed."""

import pytest
from django.utils.http import http_date

from tests.factories import image_file, make_author

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo_url():
    author = make_author(photo=image_file("portrait.jpg", size=(200, 200)), photo_alt="A portrait")
    return author.photo.file.url


def test_media_files_carry_cache_control_etag_and_last_modified(client, photo_url):
    """An uploaded image is served with Cache-Control, an ETag and Last-Modified."""
    assert photo_url.startswith("/media/")
    response = client.get(photo_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "public" in response["Cache-Control"]
    assert "max-age=" in response["Cache-Control"]
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]


def test_media_files_answer_conditional_requests_with_304(client, photo_url):
    """A browser's revalidation by ETag or by date gets 304 Not Modified and no body."""
    first = client.get(photo_url)
    by_etag = client.get(photo_url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304
    assert by_etag["ETag"] == first["ETag"]
    assert by_etag.content == b""
    by_date = client.get(photo_url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304
    changed = client.get(photo_url, HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200
    old = client.get(photo_url, HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert old.status_code == 200


def test_missing_or_outside_media_is_a_404(client, photo_url):
    """A name that is not an upload is a 404; one that climbs out of the media folder a 400."""
    assert client.get("/media/no-such-file.jpg").status_code == 404
    response = client.get("/media/../newsroom/settings/base.py")
    assert response.status_code == 400
    assert "Cache-Control" not in response
