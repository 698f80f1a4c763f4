"""The versions every cache key carries.

- The content version: any change readers could see starts a new one, and so
  does the next scheduled publish time coming; whole pages and remembered lists
  carry it.
- The related version: a change to what pieces show besides their own item (an
  author's name on a card, a section's name) starts a new one; pieces carry it.
- The code stamp: a digest of the templates and code that render, so a deploy
  never serves what the old code made. In development (CACHE_CODE_STAMP_PER_REQUEST)
  it is taken from the files' modification times on every request, so an edited
  template shows on the next request.
"""

import hashlib
import logging
import secrets
from datetime import datetime
from functools import cache as once
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from caching import dependencies, keys, memo, purge, watched

logger = logging.getLogger(__name__)


def new_version() -> int:
    """A version no earlier one had: random, so two processes (or a frozen clock) never agree."""
    return secrets.randbits(62)


class Versions(NamedTuple):
    related: int
    content: int


def content_state(state: dict | None, now: datetime) -> dict:
    """The content version, when it began and the next scheduled publish time.

    A new version starts when the state was reset by a change, or when the next
    scheduled publish time has come.
    """
    if state is None or (state["next_change_at"] and state["next_change_at"] <= now):
        ended = state
        state = {
            "version": new_version(),
            "changed_at": now,
            "next_change_at": watched.next_scheduled_change(now),
        }
        # Several processes may start one at once: the first stored is everyone's, so
        # they all agree on the version and its time (one ETag and Last-Modified).
        if ended is None:
            if not cache.add(keys.CONTENT_STATE, state, timeout=None):
                state = cache.get(keys.CONTENT_STATE) or state
        else:
            # Something scheduled went live (or away): the lists and 404s that show it.
            cache.set(keys.CONTENT_STATE, state, timeout=None)
            dependencies.stamp([keys.LATEST])
            purge.purge([keys.LATEST])
    return state


def _read() -> Versions:
    now = timezone.now()
    try:
        found = cache.get_many([keys.RELATED_VERSION, keys.CONTENT_STATE])
        related = found.get(keys.RELATED_VERSION)
        if related is None:
            related = new_version()
            if not cache.add(keys.RELATED_VERSION, related, timeout=None):
                related = cache.get(keys.RELATED_VERSION, related)
        content = content_state(found.get(keys.CONTENT_STATE), now)["version"]
    except Exception:
        logger.exception("caching: cache unavailable, rendering from the database")
        related = content = new_version()
    return Versions(related=related, content=content)


def current() -> Versions:
    """The related and content versions, read in one round trip once per request."""
    if not settings.FRAGMENT_CACHE_ENABLED:
        return Versions(0, 0)  # keys are not used: everything is rendered
    return memo.memoized("versions", _read)


def follow_schedule() -> None:
    """Start a new content state if the next scheduled change has come (it stamps LATEST)."""
    if settings.FRAGMENT_CACHE_ENABLED:
        current()
    else:
        content_state(cache.get(keys.CONTENT_STATE), timezone.now())


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
