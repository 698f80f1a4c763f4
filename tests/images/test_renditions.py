import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from images import renditions
from tests.factories import image_file, make_article
from tests.html import element, parse, srcset

pytestmark = pytest.mark.django_db


def stored_size(name):
    with default_storage.open(name, "rb") as file, Image.open(file) as image:
        return image.format, image.size


def test_upload_gets_webp_and_jpeg_renditions_at_several_widths():
    """A 1600-pixel JPEG hero gets WebP and JPEG copies at 480, 960 and 1600 pixels."""
    article = make_article(hero_image=image_file(size=(1600, 900)), hero_alt="A street")
    record = article.hero_renditions
    assert [width for _, width, _ in record["webp"]] == [480, 960, 1600]
    assert [width for _, width, _ in record["fallback"]] == [480, 960, 1600]
    for name, width, height in record["webp"]:
        assert stored_size(name) == ("WEBP", (width, height))
    for name, width, height in record["fallback"]:
        assert stored_size(name) == ("JPEG", (width, height))
    assert record["fallback"][0][2] == 270  # 480 × 900 / 1600: the shape is kept.


def test_small_image_is_never_enlarged():
    """An image narrower than every width gets one rendition at its own width."""
    article = make_article(hero_image=image_file(size=(300, 200)), hero_alt="A small photo")
    assert [entry[1:] for entry in article.hero_renditions["fallback"]] == [[300, 200]]
    assert article.hero_picture.width == 300
    assert article.hero_picture.height == 200


def test_transparent_png_keeps_transparency_in_a_png_fallback():
    """A PNG with an alpha channel falls back to PNG, not JPEG, so it keeps transparency."""
    upload = image_file(
        name="logo.png", size=(600, 300), image_format="PNG", mode="RGBA", color=(0, 0, 0, 0)
    )
    article = make_article(hero_image=upload, hero_alt="The logo")
    assert article.hero_renditions["fallback_type"] == "image/png"
    name = article.hero_renditions["fallback"][0][0]
    assert name.endswith(".png")
    with default_storage.open(name, "rb") as file, Image.open(file) as image:
        assert image.mode == "RGBA"


def test_crops_have_the_asked_aspect_ratios():
    """The 1:1, 4:3 and 16:9 crops have those shapes and at least 50,000 pixels."""
    article = make_article(hero_image=image_file(size=(1600, 900)), hero_alt="A square")
    picture = article.hero_picture
    for key, (across, down) in renditions.CROPS.items():
        crop = picture.crop(key)
        assert crop.width * down == crop.height * across, key
        assert crop.width * crop.height >= 50_000
        assert stored_size(crop.name) == ("JPEG", (crop.width, crop.height))


def crop_sizes(article):
    picture = article.hero_picture
    return {key: (picture.crop(key).width, picture.crop(key).height) for key in renditions.CROPS}


def test_crops_are_at_most_1200_pixels_wide_and_never_enlarged():
    """From 1600×900: 1:1 is 900×900 (no enlarging), 4:3 is 1200×900, 16:9 is 1200×675."""
    article = make_article(hero_image=image_file(size=(1600, 900)), hero_alt="x")
    assert crop_sizes(article) == {"1x1": (900, 900), "4x3": (1200, 900), "16x9": (1200, 675)}


def test_crop_keeps_the_centre_of_the_picture():
    """A square crop of a wide picture cuts equal bands off both sides."""
    image = Image.new("RGB", (1600, 900), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 350, 900))  # Red left band, green right band:
    image.paste((0, 255, 0), (1250, 0, 1600, 900))  # only a centred square is all blue.
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    upload = SimpleUploadedFile("banded.jpg", buffer.getvalue(), content_type="image/jpeg")
    crop = make_article(hero_image=upload, hero_alt="x").hero_picture.crop("1x1")
    with default_storage.open(crop.name, "rb") as file, Image.open(file) as square:
        for point in [(2, 2), (square.width - 3, square.height - 3), (square.width // 2, 10)]:
            red, green, blue = square.getpixel(point)
            assert blue > 200, point
            assert red < 60, point
            assert green < 60, point


def test_transparent_png_crops_are_jpegs_on_white():
    """A transparent PNG hero gives JPEG crops that are white, not black, where it was clear."""
    upload = image_file(
        name="clear.png", size=(800, 600), image_format="PNG", mode="RGBA", color=(0, 0, 0, 0)
    )
    picture = make_article(hero_image=upload, hero_alt="x").hero_picture
    for key in renditions.CROPS:
        with default_storage.open(picture.crop(key).name, "rb") as file, Image.open(file) as crop:
            assert (crop.format, crop.mode) == ("JPEG", "RGB")
            assert crop.getpixel((10, 10)) == (255, 255, 255), key


def test_crops_follow_the_camera_orientation():
    """A photo stored sideways with an EXIF rotation is cropped as it is seen: upright."""
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # Rotate 90° clockwise to show: 1600×900 stored, 900×1600 seen.
    Image.new("RGB", (1600, 900), (90, 90, 90)).save(buffer, "JPEG", exif=exif)
    upload = SimpleUploadedFile("turned.jpg", buffer.getvalue(), content_type="image/jpeg")
    article = make_article(hero_image=upload, hero_alt="x")
    assert crop_sizes(article) == {"1x1": (900, 900), "4x3": (900, 675), "16x9": (900, 506)}
    crop = article.hero_picture.crop("4x3")
    assert stored_size(crop.name) == ("JPEG", (900, 675))


def test_make_rendition_crops_at_any_width_and_ratio():
    """make_rendition makes one copy at a width and aspect ratio, in the asked format."""
    article = make_article(hero_image=image_file(size=(1200, 800)), hero_alt="A field")
    rendition = renditions.make_rendition(
        article.hero_image.name, width=500, aspect=(2, 1), image_format="PNG"
    )
    assert (rendition.width, rendition.height) == (500, 250)
    assert stored_size(rendition.name) == ("PNG", (500, 250))
    assert rendition.url.endswith(".png")


def test_renditions_are_made_once_not_on_every_save():
    """Saving an article again does not make its renditions again; a new upload does."""
    article = make_article(hero_image=image_file(size=(800, 450)), hero_alt="A bridge")
    first = article.hero_renditions
    default_storage.delete(first["webp"][0][0])
    article.title = "A new headline"
    article.save()
    assert article.hero_renditions == first
    assert not default_storage.exists(first["webp"][0][0])
    article.hero_image = image_file(name="other.jpg", size=(800, 450), color=(200, 10, 10))
    article.save()
    assert article.hero_renditions["source"] != first["source"]
    assert default_storage.exists(article.hero_renditions["webp"][0][0])


def test_removing_the_hero_clears_its_renditions():
    """An article whose hero image is removed has no renditions left to show."""
    article = make_article(hero_image=image_file(), hero_alt="A square")
    article.hero_image = None
    article.hero_alt = ""
    article.save()
    assert article.hero_renditions == {}
    assert not article.hero_picture


def test_article_page_serves_srcset_sizes_width_and_height(client):
    """The hero is a <picture> with a WebP srcset, a JPEG fallback, sizes and its size."""
    article = make_article(hero_image=image_file(size=(1600, 900)), hero_alt="A lectern")
    hero = element(
        parse(client.get(article.get_absolute_url())), "//figure[@class='article__hero']"
    )
    webp = element(hero, "./picture/source[@type='image/webp']")
    assert [width for url, width in srcset(webp) if url.endswith("-480w.webp")] == ["480w"]
    assert [width for url, width in srcset(webp) if url.endswith("-1600w.webp")] == ["1600w"]
    img = element(hero, "./picture/img")
    assert [width for url, width in srcset(img) if url.endswith("-960w.jpg")] == ["960w"]
    assert webp.get("sizes")
    assert img.get("sizes") == webp.get("sizes")
    assert (img.get("width"), img.get("height")) == ("1600", "900")
    assert img.get("loading") == "eager"
    assert img.get("alt") == "A lectern"


def test_a_stored_file_that_cannot_be_decoded_still_saves_and_shows(client):
    """If renditions cannot be made, the article saves and its page shows the original."""
    # Uploads are checked, so the broken file is put straight into storage, as a disk fault would.
    broken = default_storage.save("articles/broken.jpg", ContentFile(b"not really a JPEG"))
    article = make_article(hero_image=broken, hero_alt="A broken file")
    assert article.hero_renditions == {}
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'src="{article.hero_image.url}" alt="A broken file"' in html
