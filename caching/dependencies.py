"""What a page shows, recorded while it is rendered, and when each thing it shows last changed.

A view, a piece or a list says what it shows with shows(tag, ...): tags are built
in caching/keys.py ("article-12", "author-3", "latest"...). The page cache
records them around each page (recording()) and stores them with it, and so do
pieces (caching/pieces.py); a change (caching/watched.py) stamps each changed tag
with the change clock, so a stored page or piece is fresh while every tag it shows
was stamped before it was made. This is the one rule of freshness: there is no
version of the whole site that a change resets.

Each tag is shown with a lag: how long after a change to it the page may still be
served as it was (the README lists the rules per block):

- exact (inside exact(), a lag of 0): the page is dropped on the next request after
  the change, e.g. an article's own text on its page;
- the page's default (PAGE_CACHE_LAG_SECONDS): blocks of the latest items (home rows,
  news feed, listings, feeds) may lag a few seconds behind a change;
- longer inside lagging(seconds): the lists beside an article on its page (Read more,
  Most Popular) may lag PAGE_CACHE_ASIDE_LAG_SECONDS, as thousands of pages show them.

A page past its lag is served stale while one request renders it again. A piece
keeps the rules it set itself (DEFAULT where it set none); a page using it applies
them within its own rule there. Two blocks showing one tag: the stricter rule counts.
"""

import logging
import time
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.utils import timezone

from caching import keys, memo

logger = logging.getLogger(__name__)


# The lag of what is shown under no rule of its own: the page's default
# (PAGE_CACHE_LAG_SECONDS), or in a piece, the rule of the place the piece is used in.
DEFAULT = None


def lag_of(lag: float | None) -> float:
    """A rule's lag in seconds."""
    return settings.PAGE_CACHE_LAG_SECONDS if lag is DEFAULT else lag


def stricter(one: float | None, other: float | None) -> float | None:
    """Of two rules for one tag (two blocks of a page show it), the one that lags less."""
    return one if lag_of(one) <= lag_of(other) else other


def within(outer: float | None, inner: float | None) -> float | None:
    """A rule inside another: the inner one, lagging no more than the outer allows; DEFAULT
    on either side takes the other's."""
    if inner is DEFAULT:
        return outer
    if outer is DEFAULT:
        return inner
    return min(outer, inner)


@dataclass
class Shown:
    """The tags of what one render showed, each with its lag in seconds (0: exact)."""

    lags: dict[str, float | None] = field(default_factory=dict)

    def add(self, tags: Iterable[str], *, lag: float | None) -> None:
        for tag in tags:
            self.lags[tag] = stricter(self.lags[tag], lag) if tag in self.lags else lag

    def merge(self, lags: dict[str, float | None], *, around: float | None) -> None:
        """What another render showed, used under the rule `around`."""
        for tag, lag in lags.items():
            self.add([tag], lag=within(around, lag))

    def frozen(self) -> dict[str, float | None]:
        return dict(self.lags)


_recording: ContextVar[Shown | None] = ContextVar("caching_shown", default=None)
_lag: ContextVar[float | None] = ContextVar("caching_lag", default=DEFAULT)


def shows(*tags: str) -> None:
    """What is being rendered shows these things (no-op outside a recording)."""
    shown = _recording.get()
    if shown is not None:
        shown.add(tags, lag=_lag.get())


def shows_lagging(lags: dict[str, float | None]) -> None:
    """What is being rendered shows what another render recorded (a stored piece), under
    the rule here."""
    shown = _recording.get()
    if shown is not None:
        shown.merge(lags, around=_lag.get())


def shows_exactly(*objects) -> None:
    """These model instances (others are ignored) must be fresh on the next request,
    e.g. the author of an author page: their name and bio."""
    with exact():
        shows(*(keys.shown(value) for value in objects if hasattr(value, "_meta")))


@contextmanager
def recording():
    """Collects what is shown inside, by its own rules (DEFAULT where it sets none); the tags
    also count for any recording around it, under the rule there."""
    outer = _recording.get()
    shown = Shown()
    token, lag_token = _recording.set(shown), _lag.set(DEFAULT)
    try:
        yield shown
    finally:
        _recording.reset(token)
        _lag.reset(lag_token)
        if outer is not None:
            outer.merge(shown.lags, around=_lag.get())


@contextmanager
def lagging(seconds: float):
    """What is shown inside may be served up to `seconds` after it changes, or less if a
    rule around it says so."""
    token = _lag.set(within(_lag.get(), seconds))
    try:
        yield
    finally:
        _lag.reset(token)


def exact():
    """What is shown inside must be fresh on the next request after it changes."""
    return lagging(0)


def aside():
    """What is shown inside is a list beside the page's own subject (Read more, Most
    Popular): it may lag PAGE_CACHE_ASIDE_LAG_SECONDS behind a change."""
    return lagging(settings.PAGE_CACHE_ASIDE_LAG_SECONDS)


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


def lag_allowed(lags: dict[str, float], made_at: int, stamps: dict) -> float | None:
    """None while nothing shown changed since made_at; else how long after it was made a
    render showing these tags may still be served: the shortest lag of what changed (0: it
    may not be, and a change to everything is always that)."""
    if not is_fresh((), made_at, stamps):
        return 0
    changed = [
        lag_of(lag)
        for tag, lag in lags.items()
        if (stamp := stamps.get(tag)) is None or stamp[0] > made_at
    ]
    return min(changed, default=None)


def stamp(tags: Iterable[str]) -> None:
    """These tags changed now: every page and piece showing them is older than that."""
    memo.forget()
    ticked = _tick()
    now = timezone.now().timestamp()
    cache.set_many({keys.shown_at(tag): (ticked, now) for tag in tags}, timeout=None)
