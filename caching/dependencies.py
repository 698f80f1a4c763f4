"""What a page shows, recorded while it is rendered, and when each thing it shows last changed.

A view, a piece or a list says what it shows with shows(tag, ...): tags are built
in caching/keys.py ("article-12", "author-3", "latest"...). The page cache
records them around each page (recording()) and stores them with it; a change
(caching/watched.py) stamps each changed tag with the time, so a stored page is
fresh while every tag it shows is older than the page.

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

from django.core.cache import cache
from django.utils import timezone

from caching import keys

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


def replay(tags: frozenset) -> None:
    """A stored piece's tags, as if it had been rendered here: the page decides how fresh."""
    shows(*tags)


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


def clock() -> int:
    """The change clock: it goes up by one with every change. A page is stamped with it
    when its render starts, and is fresh while nothing it shows has a later stamp.

    A counter, not the time: processes on several machines need no common clock. If
    it is lost it starts again from the time in microseconds, above any value it had.
    """
    value = cache.get(keys.SHOWN_CLOCK)
    if value is None:
        cache.add(keys.SHOWN_CLOCK, int(time.time() * 1_000_000), timeout=None)
        value = cache.get(keys.SHOWN_CLOCK)
    return value


def changed_at(tags: Iterable[str], *, missing_as: tuple[int, float] | None = None) -> dict:
    """When each tag last changed, as (clock, timestamp), in one round trip.

    A tag with no stamp (never changed, or evicted) is stamped now, so nothing is
    taken as fresh that might not be; or `missing_as`, for a page being stored (its
    render started after everything up to that clock).
    """
    tags = list(tags)
    found = cache.get_many([keys.shown_at(tag) for tag in tags])
    absent = [tag for tag in tags if keys.shown_at(tag) not in found]
    if absent:
        if missing_as is None:
            stamp(absent)
        else:
            for tag in absent:
                cache.add(keys.shown_at(tag), missing_as, timeout=None)
        found.update(cache.get_many([keys.shown_at(tag) for tag in absent]))
    return {tag: found.get(keys.shown_at(tag), missing_as or (0, 0.0)) for tag in tags}


def stamp(tags: Iterable[str]) -> None:
    """These tags changed now: every page and piece showing them is older than that."""
    try:
        ticked = cache.incr(keys.SHOWN_CLOCK)
    except ValueError:  # never set, or lost: start it again (clock()), then tick
        clock()
        ticked = cache.incr(keys.SHOWN_CLOCK)
    now = timezone.now().timestamp()
    cache.set_many({keys.shown_at(tag): (ticked, now) for tag in tags}, timeout=None)
