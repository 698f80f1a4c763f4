"""What a page shows, recorded while it is rendered, and when each thing it shows last changed.

A view, a piece or a list says what it shows with shows(tag, ...): tags are built
in caching/keys.py ("article-12", "author-3", "latest"...). The page cache
records them around each page (recording()) and stores them with it, and so do
pieces (caching/pieces.py); a change (caching/watched.py) stamps each changed tag
with the change clock, so a stored page or piece is fresh while every tag it shows
was stamped before it was made. This is the one rule of freshness: there is no
version of the whole site that a change resets.

Two kinds of dependency, by freshness rule (the README lists the rules per block):

- exact (inside exact()): the page is dropped on the next request after the change,
  e.g. an article's own text on its page;
- lagging (the default): blocks of the latest items (home rows, news feed, Read
  more, listings, feeds) may lag PAGE_CACHE_LAG_SECONDS behind a change; then one
  request renders the page again while the others get the stale one.
"""

import logging
import time
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.utils import timezone

from caching import keys, memo

logger = logging.getLogger(__name__)


@dataclass
class Shown:
    """The tags of what one render showed: exact and lagging ones."""

    exact: set[str] = field(default_factory=set)
    lagging: set[str] = field(default_factory=set)

    def add(self, tags: Iterable[str], *, exact: bool) -> None:
        (self.exact if exact else self.lagging).update(tags)

    def merge(self, other: "Shown") -> None:
        self.exact |= other.exact
        self.lagging |= other.lagging - self.exact

    def frozen(self) -> tuple[frozenset, frozenset]:
        return frozenset(self.exact), frozenset(self.lagging - self.exact)


_recording: ContextVar[Shown | None] = ContextVar("caching_shown", default=None)
_exact: ContextVar[bool] = ContextVar("caching_exact", default=False)


def shows(*tags: str) -> None:
    """What is being rendered shows these things (no-op outside a recording)."""
    shown = _recording.get()
    if shown is not None:
        shown.add(tags, exact=_exact.get())


def shows_exactly(*objects) -> None:
    """These model instances (others are ignored) must be fresh on the next request,
    e.g. the author of an author page: their name and bio."""
    with exact():
        shows(*(keys.shown(value) for value in objects if hasattr(value, "_meta")))


@contextmanager
def recording():
    """Collects what is shown inside; the tags also count for any recording around it."""
    outer = _recording.get()
    shown = Shown()
    token = _recording.set(shown)
    try:
        yield shown
    finally:
        _recording.reset(token)
        if outer is not None:
            outer.merge(shown)


@contextmanager
def exact():
    """What is shown inside must be fresh on the next request after it changes."""
    token = _exact.set(True)
    try:
        yield
    finally:
        _exact.reset(token)


# Without Redis, the change clock is this PostgreSQL sequence: the database cache's incr
# is a read and a write, which two processes stamping at once could interleave.
CLOCK_SEQUENCE = "caching_change_clock"


def _in_database() -> bool:
    return isinstance(caches["default"], DatabaseCache)


def _read_clock() -> int:
    if _in_database():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT last_value, is_called FROM {CLOCK_SEQUENCE}")  # noqa: S608
            value, called = cursor.fetchone()
        return value if called else value - 1  # the next tick is above it either way
    value = cache.get(keys.SHOWN_CLOCK)
    if value is None:
        cache.add(keys.SHOWN_CLOCK, int(time.time() * 1_000_000), timeout=None)
        value = cache.get(keys.SHOWN_CLOCK)
    return value


def _tick() -> int:
    if _in_database():
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(%s)", [CLOCK_SEQUENCE])
            return cursor.fetchone()[0]
    try:
        return cache.incr(keys.SHOWN_CLOCK)
    except ValueError:  # never set, or lost: start it again, then tick
        _read_clock()
        return cache.incr(keys.SHOWN_CLOCK)


def clock() -> int:
    """The change clock, read once per request, before anything it renders is read.

    It goes up by one with every change. What a request renders (a page, a piece) is
    stored with it, and is fresh while nothing it shows has a later stamp. A counter,
    not the time: processes on several machines need no common clock. If it is lost
    it starts again from the time in microseconds, above any value it had. Without
    Redis it is a PostgreSQL sequence, which never goes back.
    """
    return memo.memoized("clock", _read_clock)


def seen_clock(value) -> None:
    """The clock as the caller read it along with something else (the page cache reads it
    with the page): this request's clock, unless it read one already."""
    if value is not None:
        memo.memoized("clock", lambda: value)


def changed_at(tags: Iterable[str], *, missing_as: tuple[int, float] | None = None) -> dict:
    """When each tag last changed, as (clock, timestamp), or None if that is not known
    (never changed, or evicted: nothing showing it can be taken as fresh).

    One round trip, none for the tags this request read already. `missing_as`: the
    stamp given to unknown tags of something being stored (made after everything up
    to that clock); the first process to give one wins.
    """
    known = memo.memoized("stamps", dict)
    tags = list(dict.fromkeys(tags))
    wanted = [tag for tag in tags if known.get(tag) is None]
    if wanted:
        found = cache.get_many([keys.shown_at(tag) for tag in wanted])
        absent = [tag for tag in wanted if keys.shown_at(tag) not in found]
        if absent and missing_as is not None:
            for tag in absent:
                cache.add(keys.shown_at(tag), missing_as, timeout=None)
            found.update(cache.get_many([keys.shown_at(tag) for tag in absent]))
        known.update({tag: found.get(keys.shown_at(tag)) for tag in wanted})
    return {tag: known[tag] for tag in tags}


def read_with(tags: Iterable[str], other_keys: list[str]) -> tuple[dict, dict]:
    """changed_at(tags) and the values of other keys, in one round trip (not memoized)."""
    tags = list(tags)
    found = cache.get_many([*other_keys, *(keys.shown_at(tag) for tag in tags)])
    stamps = {tag: found.get(keys.shown_at(tag)) for tag in tags}
    return stamps, {key: found.get(key) for key in other_keys}


def is_fresh(tags: Iterable[str], made_at: int, stamps: dict) -> bool:
    """Made at this clock, showing these tags (and everything, always): nothing changed since."""
    return all(
        (stamp := stamps.get(tag)) is not None and stamp[0] <= made_at
        for tag in (*tags, keys.EVERYTHING)
    )


def stamp(tags: Iterable[str]) -> None:
    """These tags changed now: every page and piece showing them is older than that."""
    memo.forget()
    ticked = _tick()
    now = timezone.now().timestamp()
    cache.set_many({keys.shown_at(tag): (ticked, now) for tag in tags}, timeout=None)
