"""Content hashes: the same file uploaded twice is found by its SHA-256, not by its name."""

import hashlib

CHUNK = 1024 * 1024


def _digest(file) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: file.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def content_hash(upload) -> str:
    """SHA-256 of the file as uploaded (the stored copy is re-encoded, so it is hashed first).

    An upload kept across a form error (images.pending) carries the hash of the original.
    """
    known = getattr(upload, "content_hash", None)
    if known:
        return known
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    digest = _digest(upload)
    upload.seek(position)
    return digest


def stored_hash(name: str, storage) -> str:
    """SHA-256 of a stored file (of its name, should the file be missing)."""
    try:
        with storage.open(name) as stored:
            return _digest(stored)
    except OSError:
        return hashlib.sha256(b"missing:" + name.encode()).hexdigest()
