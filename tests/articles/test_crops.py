import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import html
from PIL import Image

from articles.crops import centred_crop
from articles.metadata import hero_crops
from tests.factories import image_file, make_article

pytestmark = pytest.mark.django_db


def banded_jpeg(size=(1600, 900)):
    """Red left band, blue middle, green right band: only a centred square is all blue."""
    width, height = size
    image = Image.new("RGB", size, (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 350, height))
    image.paste((0, 255, 0), (width - 350, 0, width, height))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return SimpleUploadedFile("banded.jpg", buffer.getvalue(), content_type="image/jpeg")


def open_crop(article, crop):
    path = crop.url.removeprefix("/media/")
    return Image.open(article.hero_image.storage.open(path))


def test_crops_have_the_asked_ratio_and_never_enlarge(media_root):
    """From 1600×900: 1:1 is 900×900 (no enlarging), 4:3 is 1200×900, 16:9 is 1200×675."""
    article = make_article(hero_image=image_file(size=(1600, 900)), hero_alt="x")
    sizes = {}
    for ratio in [(1, 1), (4, 3), (16, 9)]:
        crop = centred_crop(article.hero_image, ratio=ratio, width=1200)
        with open_crop(article, crop) as image:
            assert image.format == "JPEG"
            assert image.size == (crop.width, crop.height)
        sizes[ratio] = image.size
    assert sizes == {(1, 1): (900, 900), (4, 3): (1200, 900), (16, 9): (1200, 675)}


def test_crop_keeps_the_centre_of_the_picture(media_root):
    """A square crop of a wide picture cuts equal bands off both sides."""
    article = make_article(hero_image=banded_jpeg(), hero_alt="x")
    crop = centred_crop(article.hero_image, ratio=(1, 1), width=600)
    with open_crop(article, crop) as image:
        for point in [(2, 2), (image.width - 3, image.height - 3), (image.width // 2, 10)]:
            red, green, blue = image.getpixel(point)
            assert blue > 200, point
            assert red < 60, point
            assert green < 60, point


def test_crop_is_made_once_and_reused(media_root):
    """The second request for a crop finds the stored file and writes nothing."""
    article = make_article(hero_image=image_file(size=(1600, 900)), hero_alt="x")
    first = centred_crop(article.hero_image, ratio=(4, 3), width=800)
    stored = media_root / first.url.removeprefix("/media/")
    made_at = stored.stat().st_mtime_ns
    again = centred_crop(article.hero_image, ratio=(4, 3), width=800)
    assert again == first
    assert stored.stat().st_mtime_ns == made_at
    assert len(list(stored.parent.iterdir())) == 1


def test_transparent_png_becomes_a_jpeg_on_white(media_root):
    """A transparent PNG hero gives a JPEG crop with white where it was transparent."""
    buffer = io.BytesIO()
    Image.new("RGBA", (800, 600), (0, 0, 0, 0)).save(buffer, "PNG")
    upload = SimpleUploadedFile("clear.png", buffer.getvalue(), content_type="image/png")
    article = make_article(hero_image=upload, hero_alt="x")
    crop = centred_crop(article.hero_image, ratio=(16, 9), width=400)
    with open_crop(article, crop) as image:
        assert image.mode == "RGB"
        assert image.getpixel((10, 10)) == (255, 255, 255)


def test_crop_follows_the_camera_orientation(media_root):
    """A photo stored sideways with an EXIF rotation is cropped as it is seen: upright."""
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # Rotate 90° clockwise to show.
    Image.new("RGB", (1600, 900), (90, 90, 90)).save(buffer, "JPEG", exif=exif)
    upload = SimpleUploadedFile("turned.jpg", buffer.getvalue(), content_type="image/jpeg")
    article = make_article(hero_image=upload, hero_alt="x")
    crop = centred_crop(article.hero_image, ratio=(4, 3), width=1200)
    assert (crop.width, crop.height) == (900, 675)
    with open_crop(article, crop) as image:
        assert image.size == (900, 675)


def test_no_image_gives_no_crop():
    """An article without a hero image has no crop."""
    assert centred_crop(make_article().hero_image, ratio=(1, 1), width=1200) is None


def test_crops_under_50000_pixels_are_left_out_of_structured_data(client):
    """A small hero gives no image search engines would refuse; the page falls back to the logo."""
    article = make_article(hero_image=image_file(size=(240, 180)), hero_alt="x")
    page = html.fromstring(client.get(article.get_absolute_url()).content)
    (block,) = page.xpath('//script[@type="application/ld+json"]/text()')
    news = json.loads(block)["@graph"][0]
    assert "image" not in news
    (og_image,) = page.xpath('//meta[@property="og:image"]/@content')
    assert og_image.endswith("/static/img/logo.png")


def test_missing_hero_file_costs_only_the_image_metadata(media_root):
    """If the stored hero file is gone, the JSON-LD leaves out the image instead of failing."""
    article = make_article(hero_image=image_file(size=(1600, 900)), hero_alt="x")
    (media_root / article.hero_image.name).unlink()
    assert hero_crops(article) == {}
