"""Images kept across a form error: checked, personal, and swept once their token has expired."""

from datetime import timedelta

from django.utils import timezone
from PIL import Image

from images import pending
from images.uploads import image_storage
from tests.factories import image_file, photo_with_location


def test_kept_image_comes_back_clean_and_only_for_its_uploader():
    """A kept photo is stored without its GPS data and only its uploader's token brings it back."""
    token = pending.keep(photo_with_location(), user_id=7)
    upload = pending.take(token, user_id=7)
    assert upload is not None
    with Image.open(upload) as image:
        assert dict(image.getexif()) == {}  # re-encoded without EXIF, GPS included
    assert pending.take(token, user_id=8) is None
    assert pending.take("not-a-token", user_id=7) is None


def test_expired_kept_images_are_swept(time_machine):
    """A kept image older than a day is deleted when the next one is kept."""
    time_machine.move_to(timezone.now(), tick=False)
    old = pending.keep(image_file(), user_id=1)
    time_machine.shift(timedelta(days=1, minutes=1))
    fresh = pending.keep(image_file(), user_id=1)
    names = image_storage().listdir("pending")[1]
    assert len(names) == 1
    assert pending.take(old, user_id=1) is None
    assert pending.take(fresh, user_id=1) is not None
