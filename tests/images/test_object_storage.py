"""Uploads on S3-compatible object storage: a real S3 server process, set up from the environment."""

import pytest
from django.core.files.storage import default_storage

from images import pending, services
from newsroom.settings.environment import media_storage
from tests.factories import image_file, make_article
from tests.images.s3_server import S3Server
from tests.images.test_metadata import agency_photo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def s3_server():
    server = S3Server()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def object_storage(settings, s3_server, monkeypatch):
    """The settings a deployment gets from its environment, with the bucket emptied after."""
    for name, value in s3_server.environment().items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {**settings.STORAGES, "default": media_storage()}
    yield s3_server
    client = s3_server.client()
    for name in s3_server.names():
        client.delete_object(Bucket="newsroom-media", Key=name)


def test_environment_selects_object_storage(object_storage):
    """MEDIA_S3_BUCKET switches the default storage to django-storages' S3 backend."""
    assert default_storage.bucket_name == "newsroom-media"
    assert type(default_storage._wrapped).__name__ == "S3Storage"


def test_without_the_environment_files_stay_in_media_root(monkeypatch):
    """No bucket named: the local folder, as before."""
    monkeypatch.delenv("MEDIA_S3_BUCKET", raising=False)
    assert media_storage() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_library_image_and_renditions_live_in_the_bucket(object_storage, client):
    """Upload, clean, renditions and the reader page all go through the bucket."""
    image, created = services.add_image(agency_photo(), alt_text="Rescuers at a building")
    assert created
    stored = object_storage.names()
    assert image.file.name in stored
    rendition_names = {name for name, _w, _h in image.renditions["webp"]}
    assert rendition_names <= stored
    assert image.credit == "Olena Petrenko/Reuters"  # read before the tags were stripped
    assert image.file.url.startswith(object_storage.endpoint)

    article = make_article(hero=image)
    page = client.get(article.get_absolute_url()).content.decode()
    assert f"{object_storage.endpoint}/newsroom-media/renditions/" in page


def test_kept_upload_survives_in_the_bucket(object_storage):
    """A file kept across a form error is in the bucket and comes back from it."""
    token = pending.keep(image_file(), user_id=3)
    assert any(name.startswith("pending/") for name in object_storage.names())
    upload = pending.take(token, user_id=3)
    assert upload is not None
    assert upload.content_hash
    pending.discard(token, user_id=3)
    assert not any(name.startswith("pending/") for name in object_storage.names())
