"""Rendered pieces of reader pages, and lists of what pages show, kept while fresh.

The page cache keeps whole pages and drops those that show what changed. A
page rendered again after that is mostly made of pieces that did not change:
the cards of the other items, the article itself, the list of sections. Each
piece is kept under a key (caching/keys.py) made of its name or its item's id and
version, and the code stamp of the templates and code that render it, so a
deploy never serves what the old code made.

A piece is stored with what it shows (its item, and what it recorded while it was
rendered, caching/dependencies.py) and the change clock it was made at: it is used
while nothing it shows changed since, by the same rule as whole pages. Which
items a page lists (the home page's rows, Read more, the article found by its
address) is kept the same way (remembered()): such a list shows the latest items.

Nothing is deleted: pieces nobody asks for expire (FRAGMENT_CACHE_SECONDS). Each
process keeps the latest ones in memory too, checked like the shared ones. If the
cache fails, pieces are rendered from the database and the error is logged.
"""

import logging
import time
from collections.abc import Callable, Sequence
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from caching import dependencies, keys, memo, schedule, versions
from caching.local_copies import LocalCopies

logger = logging.getLogger(__name__)

# Pieces are named by their versions, so a copy in this process's memory is never stale.
local_pieces = LocalCopies(megabytes=settings.FRAGMENT_LOCAL_MEGABYTES)


class Stored(NamedTuple):
    """A piece as it is kept: what it shows, each tag with the lag its page may have behind
    a change (caching/dependencies.py; 0 for what its page must show fresh on the next
    request, e.g. the footer's site pages), the change clock it was made at, and when it
    expires (a copy in memory expires with the shared one)."""

    value: object
    lags: dict
    made_at: int
    expires_at: float


def _found(wanted: Sequence[str]) -> dict[str, Stored]:
    """The stored pieces under these keys that are still fresh and not past their time."""
    found = local_pieces.get_many(wanted)
    absent = [key for key in dict.fromkeys(wanted) if key not in found]
    if absent:
        shared = cache.get_many(absent)
        local_pieces.set_many(shared)
        found.update(shared)
    now = time.time()
    found = {key: stored for key, stored in found.items() if now < stored.expires_at}
    stamps = dependencies.changed_at(
        {keys.EVERYTHING, *(tag for stored in found.values() for tag in stored.lags)}
    )
    return {
        key: stored
        for key, stored in found.items()
        if dependencies.is_fresh(stored.lags, stored.made_at, stamps)
    }


def get_or_render(
    wanted: Sequence[str],
    render: Callable[[list[int]], list],
    *,
    shows: Sequence[Sequence[str]] | None = None,
    timeout: int | None = None,
) -> list:
    """The value under each key; `render(indexes)` makes the missing ones in one go.

    `shows[i]`: the tags value i shows by itself (its item). Looks in this process's
    memory, then in the shared cache, keeps what is fresh, renders the rest. What a
    value shows is stored with it and counts for the page it is used in, whether it
    was found or made.
    """
    shows = shows or [()] * len(wanted)
    for tags in shows:
        dependencies.shows(*tags)
    if not settings.FRAGMENT_CACHE_ENABLED:
        return render(list(range(len(wanted))))
    try:
        schedule.follow()
        made_at = dependencies.clock()
        found = _found(wanted)
    except Exception:
        logger.exception("pieces: cache unavailable, rendering from the database")
        made_at, found = None, {}
    for stored in found.values():
        dependencies.shows_lagging(stored.lags)
    missing = [index for index, key in enumerate(wanted) if key not in found]
    if missing:
        with dependencies.recording() as shown:
            values = render(missing)
        timeout = timeout or settings.FRAGMENT_CACHE_SECONDS
        expires_at = time.time() + timeout
        lags = shown.frozen()
        made = {
            wanted[index]: Stored(
                value,
                {**dict.fromkeys(shows[index], dependencies.DEFAULT), **lags},
                made_at,
                expires_at,
            )
            for index, value in zip(missing, values, strict=True)
        }
        if made_at is not None:
            store(made, made_at, timeout=timeout)
        found.update(made)
    return [found[key].value for key in wanted]


def store(made: dict[str, Stored], made_at: int, *, timeout: int) -> None:
    """Keep what was made; what it shows gets a stamp if it had none (dependencies.py)."""
    try:
        tags = {keys.EVERYTHING, *(tag for stored in made.values() for tag in stored.lags)}
        dependencies.changed_at(tags, missing_as=(made_at, time.time()))
        cache.set_many(made, timeout=timeout)
    except Exception:
        logger.exception("pieces: could not store %d pieces", len(made))
        return
    local_pieces.set_many(made)


def remembered(
    name: str, make: Callable[[], object], *, shows=(keys.LATEST,), timeout=None, **inputs
):
    """Which items a page shows, e.g. Read more: by default it shows the latest items; and
    whatever make() says it shows (dependencies.shows). `timeout`: kept at most this long."""
    key = keys.listing(code=versions.code_stamp(), name=name, **inputs)
    return get_or_render([key], lambda _indexes: [make()], shows=[shows], timeout=timeout)[0]


def piece(name: str, render: Callable[[], object], **inputs):
    """One piece that is not an item's, e.g. the site header; render() makes it.

    Read once per request: the sections, say, are in the header, the footer and the
    navigation's current section, all in one page.
    """
    key = keys.piece(code=versions.code_stamp(), name=name, **inputs)

    def make():
        with dependencies.recording() as shown:
            value = get_or_render([key], lambda _indexes: [render()])[0]
        return value, shown.frozen()

    value, lags = memo.memoized(key, make)
    dependencies.shows_lagging(lags)
    return value


def item_pieces(
    kind: str,
    rows: Sequence[tuple[int, int]],
    render: Callable[[list[int]], list],
    *,
    label: str = "articles.Article",
):
    """One piece of each item, given as (pk, version); render(indexes) makes the missing ones.

    The items are instances of the model with this label: the page shows each of them.
    """
    code = versions.code_stamp()
    item_keys = [
        keys.item_piece(code=code, kind=kind, pk=pk, version=version) for pk, version in rows
    ]
    shows = [(keys.shown_pk(label, pk),) for pk, _version in rows]
    return get_or_render(item_keys, render, shows=shows)


def joined(pieces: Sequence[SafeString]) -> SafeString:
    """Pieces as one piece of HTML, for a page that shows them one after another."""
    return mark_safe("".join(pieces))  # noqa: S308
