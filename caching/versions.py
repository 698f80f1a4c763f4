"""The code stamp every cache key carries.

A digest of the templates and code that render, so a deploy never serves what the
old code made. In development (CACHE_CODE_STAMP_PER_REQUEST) it is taken from the
files' modification times on every request, so an edited template shows on the
next request.

What a change drops is not a version: caching/dependencies.py.
"""

import hashlib
from functools import cache as once
from pathlib import Path

from django.conf import settings

from caching import memo


def _source_files():
    for folder in settings.RENDERING_SOURCES:
        for path in sorted(Path(folder).rglob("*")):
            if path.suffix in {".html", ".py", ".txt", ".xml"} and "migrations" not in path.parts:
                yield path


@once
def _stamp_of_contents() -> str:
    digest = hashlib.blake2b(digest_size=6)
    for path in _source_files():
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _stamp_of_times() -> str:
    digest = hashlib.blake2b(digest_size=6)
    for path in _source_files():
        stat = path.stat()
        digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()


def code_stamp() -> str:
    """The digest of the templates and code that render pages and pieces."""
    if settings.CACHE_CODE_STAMP_PER_REQUEST:
        return memo.memoized("code-stamp", _stamp_of_times)
    return _stamp_of_contents()
