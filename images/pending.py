"""An image chosen in a form that came back with an error, kept on the server for the next try.

A browser never fills a file input again, so without this a reporter who forgot the alt
text would have to find and choose the photo once more. The upload is checked and
stored cleaned (images.uploads) under pending/, and the form carries a signed token
naming it and the person who uploaded it; the next submit of that form takes it back,
checked again, as if it had just been uploaded.
"""

import posixpath
from datetime import timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from images.uploads import image_storage, validate_image_file

FOLDER = "pending"
SALT = "images.pending"
MAX_AGE_SECONDS = 24 * 60 * 60


def sweep(now=None) -> int:
    """Delete kept images older than a token lives: nobody can take them back any more."""
    storage = image_storage()
    if not storage.exists(FOLDER):
        return 0
    oldest = (now or timezone.now()) - timedelta(seconds=MAX_AGE_SECONDS)
    stale = [
        posixpath.join(FOLDER, name)
        for name in storage.listdir(FOLDER)[1]
        if storage.get_modified_time(posixpath.join(FOLDER, name)) < oldest
    ]
    for name in stale:
        storage.delete(name)
    return len(stale)


def keep(upload, *, user_id: int) -> str:
    """Store a checked upload under pending/; the signed token that names it."""
    sweep()
    name = image_storage().save(posixpath.join(FOLDER, "upload"), upload)
    return signing.dumps({"name": name, "user": user_id}, salt=SALT)


def _name(token: str, user_id: int) -> str | None:
    try:
        value = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    name = value.get("name", "") if isinstance(value, dict) else ""
    if value.get("user") != user_id or posixpath.dirname(name) != FOLDER:
        return None
    return name


def url(token: str, *, user_id: int) -> str | None:
    name = _name(token, user_id) if token else None
    return image_storage().url(name) if name else None


def take(token: str, *, user_id: int) -> ContentFile | None:
    """The kept image as a new upload, checked again; None for a bad, stale or foreign token."""
    name = _name(token, user_id) if token else None
    storage = image_storage()
    if name is None or not storage.exists(name):
        return None
    with storage.open(name) as stored:
        upload = ContentFile(stored.read(), name=posixpath.basename(name))
    try:
        validate_image_file(upload)
    except ValidationError:
        return None
    return upload


def discard(token: str, *, user_id: int) -> None:
    """Delete the kept file once the article holds its own copy."""
    name = _name(token, user_id) if token else None
    if name is not None:
        image_storage().delete(name)
