"""An image chosen in a form that came back with an error, kept on the server for the next try.

A browser never fills a file input again, so without this a reporter who forgot the alt
text would have to find and choose the photo once more. The upload is checked and
stored cleaned (images.uploads) under pending/, and the form carries a signed token
naming it and the person who uploaded it; the next submit of that form takes it back,
checked again, as if it had just been uploaded.
"""

import posixpath
from dataclasses import asdict
from datetime import timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from images import metadata
from images.hashing import content_hash
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
    # The kept copy is cleaned: its original's hash and own credit travel in the token.
    digest = content_hash(upload)
    found = asdict(metadata.read(upload))
    name = image_storage().save(posixpath.join(FOLDER, "upload"), upload)
    value = {"name": name, "user": user_id, "sha256": digest, "metadata": found}
    return signing.dumps(value, salt=SALT)


def _value(token: str, user_id: int) -> dict | None:
    try:
        value = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    name = value.get("name", "") if isinstance(value, dict) else ""
    if value.get("user") != user_id or posixpath.dirname(name) != FOLDER:
        return None
    return value


def _name(token: str, user_id: int) -> str | None:
    value = _value(token, user_id)
    return value["name"] if value else None


def url(token: str, *, user_id: int) -> str | None:
    name = _name(token, user_id) if token else None
    return image_storage().url(name) if name else None


def take(token: str, *, user_id: int) -> ContentFile | None:
    """The kept image as a new upload, checked again; None for a bad, stale or foreign token.

    It carries the content hash and the IPTC/XMP credit of the file first uploaded, for the
    library's duplicates and suggestions.
    """
    value = _value(token, user_id) if token else None
    storage = image_storage()
    if value is None or not storage.exists(value["name"]):
        return None
    with storage.open(value["name"]) as stored:
        upload = ContentFile(stored.read(), name=posixpath.basename(value["name"]))
    upload.content_hash = value.get("sha256", "")
    upload.photo_metadata = metadata.PhotoMetadata(**value.get("metadata", {}))
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
