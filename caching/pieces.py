"""Rendered pieces of reader pages, and lists of what pages show, kept per version.

The page cache keeps whole pages and drops those that show what changed. A
page rendered again after that is mostly made of pieces that did not change:
the cards of the other items, the article itself, the list of sections. Each
piece is kept under a key (caching/keys.py) made of

- the item's id and version (every save of an article is a new version, so an
  edit makes a new key and the old piece is never asked for again);
- the related version: what pieces show besides their item;
- the code stamp of the templates and code that render pieces.

Which items a page lists (the home page's rows, Read more, the article found by
its address) is kept for the content version instead (remembered()).

Nothing is ever deleted: pieces nobody asks for expire (FRAGMENT_CACHE_SECONDS).
As a key names a value that never changes, each process also keeps the latest
ones in memory and reads only the versions from the shared cache. If the cache
fails, pieces are rendered from the database and the error is logged.
"""

import logging
from collections.abc import Callable, Sequence

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from caching import dependencies, keys, versions
from caching.local_copies import LocalCopies

logger = logging.getLogger(__name__)

# Pieces are named by their versions, so a copy in this process's memory is never stale.
local_pieces = LocalCopies(megabytes=settings.FRAGMENT_LOCAL_MEGABYTES)


def get_or_render(wanted: Sequence[str], render: Callable[[list[int]], list]) -> list:
    """The value under each key; `render(indexes)` makes the missing ones in one go.

    Looks in this process's memory, then in the shared cache, then renders. What a
    value shows (caching/dependencies.py) is stored with it and counts for the page
    it is used in, whether it was found or made.
    """
    if not settings.FRAGMENT_CACHE_ENABLED:
        return render(list(range(len(wanted))))
    found = local_pieces.get_many(wanted)
    if len(found) < len(set(wanted)):
        try:
            shared = cache.get_many([key for key in wanted if key not in found])
        except Exception:
            logger.exception("pieces: cache unavailable, rendering from the database")
            shared = {}
        local_pieces.set_many(shared)
        found.update(shared)
    for key in set(found):
        dependencies.replay(found[key][1])
    missing = [index for index, key in enumerate(wanted) if key not in found]
    if missing:
        with dependencies.recording() as shown:
            values = render(missing)
        tags = frozenset(shown.exact | shown.lagging)
        made = {wanted[index]: (value, tags) for index, value in zip(missing, values, strict=True)}
        try:
            cache.set_many(made, timeout=settings.FRAGMENT_CACHE_SECONDS)
        except Exception:
            logger.exception("pieces: could not store %d pieces", len(made))
        local_pieces.set_many(made)
        found.update(made)
    return [found[key][0] for key in wanted]


def remembered(name: str, make: Callable[[], object], **inputs):
    """A list that changes only with the content (which items a page shows), e.g. Read more.

    Kept for the current content version: any change to what readers see, or the
    next scheduled publish time coming, starts a new one.
    """
    key = keys.listing(
        code=versions.code_stamp(), content=versions.current().content, name=name, **inputs
    )
    return get_or_render([key], lambda _indexes: [make()])[0]


def piece(name: str, render: Callable[[], object], **inputs):
    """One piece that is not an item's, e.g. the site header; render() makes it."""
    key = keys.piece(
        code=versions.code_stamp(), related=versions.current().related, name=name, **inputs
    )
    return get_or_render([key], lambda _indexes: [render()])[0]


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
    dependencies.shows(*(keys.shown_pk(label, pk) for pk, _version in rows))
    code, related = versions.code_stamp(), versions.current().related
    item_keys = [
        keys.item_piece(code=code, related=related, kind=kind, pk=pk, version=version)
        for pk, version in rows
    ]
    return get_or_render(item_keys, render)


def joined(pieces: Sequence[SafeString]) -> SafeString:
    """Pieces as one piece of HTML, for a page that shows them one after another."""
    return mark_safe("".join(pieces))  # noqa: S308
