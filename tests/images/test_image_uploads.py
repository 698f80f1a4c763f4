import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import Article
from images.models import Image as LibraryImage
from tests.factories import (
    image_file,
    make_article,
    make_section,
    make_user,
    photo_with_location,
)

pytestmark = pytest.mark.django_db


def stored_image(path: Path) -> tuple[Image.Image, bytes]:
    data = path.read_bytes()
    return Image.open(io.BytesIO(data)), data


def assert_no_metadata(path: Path):
    image, data = stored_image(path)
    assert len(image.getexif()) == 0
    assert not {"exif", "xmp", "comment", "XML:com.adobe.xmp"} & set(image.info)
    for leak in [b"Exif\x00\x00", b"PhoneMaker", b"GPSLatitude", b"source's flat"]:
        assert leak not in data


def giant_png(width=30_000, height=30_000) -> bytes:
    """A tiny PNG file whose header claims a huge canvas (a decompression bomb)."""
    buffer = io.BytesIO()
    Image.new("L", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


@pytest.fixture
def editor_client(client):
    client.force_login(make_user(role="Editors"))
    return client


def author_form(**overrides):
    return {
        "name": "Source Photo",
        "slug": "source-photo",
        "role": "Photographer",
        "bio": "",
        "is_active": "on",
        "photo": "",
        "photo_alt_text": "Portrait",
        "photo_upload_pending": "",
        "bios-TOTAL_FORMS": "0",
        "bios-INITIAL_FORMS": "0",
        "bios-MIN_NUM_FORMS": "0",
        "bios-MAX_NUM_FORMS": "1000",
        **overrides,
    }


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_stored_photo_has_no_exif_gps_or_comments(media_root, image_format):
    """A photo with GPS coordinates is stored without EXIF, GPS, XMP or comments."""
    upload = photo_with_location(
        f"kyiv-source-home.{image_format.lower()}", image_format=image_format
    )
    article = make_article(hero_image=upload, hero_alt="A street")
    path = media_root / article.hero_image.name
    assert_no_metadata(path)
    assert stored_image(path)[0].format == image_format


def test_stored_file_name_is_generated_not_the_uploaders(media_root):
    """The stored name is random, keeps the upload_to folder and gets the real format's extension."""
    upload = photo_with_location("../../etc/Olena Petrenko home.png", image_format="JPEG")
    first = make_article(hero_image=upload, hero_alt="A street")
    other = photo_with_location("same.jpg", size=(600, 400))
    second = make_article(hero_image=other, hero_alt="A street")
    name = first.hero_image.name
    assert name.startswith("library/")
    assert "Olena" not in name
    assert "etc" not in name
    assert name.endswith(".jpg")  # a JPEG, whatever the uploader called it
    assert first.hero_image.name != second.hero_image.name
    assert (media_root / name).is_file()


def test_turned_phone_photo_is_stored_standing_up(media_root):
    """A photo turned by its EXIF orientation tag is turned for real before the tag is dropped."""
    article = make_article(hero_image=photo_with_location(orientation=6), hero_alt="A street")
    image, _ = stored_image(media_root / article.hero_image.name)
    assert image.size == (480, 640)
    assert len(image.getexif()) == 0


def test_animated_gif_keeps_its_frames(media_root):
    """An animated GIF is stored with all its frames."""
    frames = [Image.new("RGB", (40, 40), color) for color in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    upload = SimpleUploadedFile("anim.gif", buffer.getvalue(), content_type="image/gif")
    article = make_article(hero_image=upload, hero_alt="Animation")
    image, _ = stored_image(media_root / article.hero_image.name)
    assert image.n_frames == 3


REFUSALS = [
    ("map.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "SVG"),
    ("map.png", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "SVG"),
    ("notes.jpg", b"Just some text pretending to be a photo.", "not an image"),
    ("bomb.png", giant_png(), "too many pixels"),
    ("scan.tif", None, "TIFF is not accepted"),
    ("cut.jpg", None, "damaged"),
]


def refused_upload(name, content):
    if name == "scan.tif":
        buffer = io.BytesIO()
        Image.new("RGB", (20, 20)).save(buffer, "TIFF")
        content = buffer.getvalue()
    if name == "cut.jpg":
        content = image_file(size=(400, 400)).read()[:1500]
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


@pytest.mark.parametrize(("name", "content", "message"), REFUSALS)
def test_admin_refuses_bad_uploads_with_a_clear_form_error(
    editor_client, media_root, name, content, message
):
    """SVG, non-images, bombs, other formats and damaged files are form errors; nothing is saved."""
    url = reverse("admin:authors_author_add")
    response = editor_client.post(url, author_form(photo_upload=refused_upload(name, content)))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["photo_upload"]
    assert message in " ".join(errors)
    assert message in response.content.decode()
    assert not list(media_root.rglob("*.*"))


def test_upload_over_the_size_limit_is_refused(editor_client, settings, media_root):
    """A file over MAX_IMAGE_UPLOAD_BYTES is refused with the limit in the message."""
    settings.MAX_IMAGE_UPLOAD_BYTES = 20_000
    noise = Image.frombytes("RGB", (100, 100), os.urandom(100 * 100 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")
    big = SimpleUploadedFile("big.png", buffer.getvalue(), content_type="image/png")
    assert big.size > 20_000
    response = editor_client.post(
        reverse("admin:authors_author_add"), author_form(photo_upload=big)
    )
    assert "larger than 19.5\xa0KB" in " ".join(
        response.context["adminform"].form.errors["photo_upload"]
    )


def test_admin_upload_of_a_located_photo_stores_it_clean(editor_client, media_root):
    """An author photo uploaded through the admin is saved without its GPS position."""
    response = editor_client.post(
        reverse("admin:authors_author_add"), author_form(photo_upload=photo_with_location("me.jpg"))
    )
    assert response.status_code == 302
    photos = list((media_root / "library").rglob("*.jpg"))  # into the media library
    assert len(photos) == 1
    assert photos[0].name != "me.jpg"
    assert_no_metadata(photos[0])
    # Its renditions are made from the clean file, so they carry nothing either.
    renditions = list((media_root / "renditions").rglob("*.jpg"))
    assert renditions
    for rendition in renditions:
        assert_no_metadata(rendition)


def test_editor_image_upload_stores_clean_image_under_generated_name(editor_client, media_root):
    """CKEditor's image upload goes into the library, stripped of metadata and renamed."""
    response = editor_client.post(
        reverse("ck_editor_5_upload_file"), {"upload": photo_with_location("Source at home.jpg")}
    )
    assert response.status_code == 200
    image = LibraryImage.objects.get()
    assert image.file.name.startswith("library/")
    assert "Source" not in image.file.name
    assert image.alt_text == "Source at home"  # until someone describes it in the library
    assert_no_metadata(media_root / image.file.name)
    url = response.json()["url"]
    assert url.startswith("/media/renditions/library/")
    assert_no_metadata(media_root / url.removeprefix("/media/"))
    assert not (media_root / "body").exists()


@pytest.mark.parametrize(("name", "content", "message"), REFUSALS)
def test_editor_image_upload_refuses_bad_files_with_a_message(
    editor_client, media_root, name, content, message
):
    """CKEditor's upload answers a bad file with a 400 and a message the editor sees."""
    response = editor_client.post(
        reverse("ck_editor_5_upload_file"), {"upload": refused_upload(name, content)}
    )
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]
    assert not list(media_root.rglob("*.*"))
    assert not LibraryImage.objects.exists()


def test_editor_image_upload_is_for_staff_only(client, media_root):
    """A reader, or a logged-in non-staff user, cannot upload images."""
    url = reverse("ck_editor_5_upload_file")
    assert client.post(url, {"upload": image_file()}).status_code == 403
    client.force_login(make_user())
    assert client.post(url, {"upload": image_file()}).status_code == 403
    assert not list(media_root.rglob("*.*"))


def test_demo_style_save_through_field_file_is_cleaned(media_root):
    """Saving through FieldFile.save(), as commands do, also strips metadata and renames."""
    image = LibraryImage(content_hash="0" * 64, alt_text="Portrait")
    image.file.save("named-by-a-script.jpg", photo_with_location(), save=False)
    image.save()
    assert "named-by-a-script" not in image.file.name
    assert_no_metadata(media_root / image.file.name)
    assert Article.objects.count() == 0
    assert make_section()
