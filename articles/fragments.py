"""Rendered pieces of reader pages, cached under keys that say what they show.

The page cache (newsroom/page_cache.py) keeps whole pages, and has to drop them
all whenever anything is published. A page rendered again after that is mostly
made of pieces that did not change: the cards of the other items, the article
itself, the list of sections. Each piece is kept here under a key made of

- the item's id and version (every save of an article is a new version, so an
  edit makes a new key and the old piece is never asked for again);
- the version of what pieces show besides their item (authors, bylines,
  corrections, sections, tags), which any change to those starts anew;
- a stamp of the templates and code that render pieces, so a deploy never
  serves pieces made by the code it replaced.

Nothing is ever deleted: pieces nobody asks for expire (FRAGMENT_CACHE_SECONDS).
If the cache fails, pieces are rendered from the database and the error is
logged. Staff see the same pieces readers do; previews are never cached.
"""

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Sequence
from functools import cache as once
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article, Section
from articles.selectors import bylines_prefetch

logger = logging.getLogger(__name__)

VERSION_KEY = "fragments:related-version"
# What renders pieces: templates and the code of the apps that fill them.
RENDERING_SOURCES = ("templates", "articles", "authors", "newsfeed", "newsroom")


@once
def code_stamp() -> str:
    """A digest of the templates and code that render pieces, taken once per process."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.blake2b(digest_size=6)
    for folder in RENDERING_SOURCES:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in {".html", ".py"} and "migrations" not in path.parts:
                digest.update(path.read_bytes())
    return digest.hexdigest()


# The key prefix is read from the cache once per request (see forget_prefix).
request_memo = threading.local()


def forget_prefix(**kwargs) -> None:
    """Read the related version again: at each request's start and end, and after a change."""
    request_memo.prefix = None


def related_changed(**kwargs) -> None:
    """An author, byline, correction, section or tag changed: every piece is made anew."""
    forget_prefix()
    try:
        cache.delete(VERSION_KEY)
    except Exception:
        logger.exception("fragments: could not reset the version")


def key_prefix() -> str:
    """The part of every key that is not the item: code stamp and related version."""
    if prefix := getattr(request_memo, "prefix", None):
        return prefix
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = time.time_ns()
            cache.set(VERSION_KEY, version, timeout=None)
    except Exception:
        logger.exception("fragments: cache unavailable, rendering from the database")
        version = time.time_ns()
    request_memo.prefix = f"fragment:{code_stamp()}:{version}"
    return request_memo.prefix


def get_or_render(keys: Sequence[str], render: Callable[[list[int]], list[str]]) -> list:
    """The value under each key; `render(indexes)` makes the missing ones in one go."""
    if not settings.FRAGMENT_CACHE_ENABLED:
        return render(list(range(len(keys))))
    try:
        found = cache.get_many(keys)
    except Exception:
        logger.exception("fragments: cache unavailable, rendering from the database")
        found = {}
    missing = [index for index, key in enumerate(keys) if key not in found]
    if missing:
        made = {keys[index]: value for index, value in zip(missing, render(missing), strict=True)}
        try:
            cache.set_many(made, timeout=settings.FRAGMENT_CACHE_SECONDS)
        except Exception:
            logger.exception("fragments: could not store %d pieces", len(made))
        found.update(made)
    return [found[key] for key in keys]


def item_keys(kind: str, rows: Sequence) -> list[str]:
    """Keys for pieces of articles; rows are articles or (pk, version) pairs."""
    prefix = key_prefix()
    return [f"{prefix}:{kind}:{pk}:{version}" for pk, version in map(pk_and_version, rows)]


def pk_and_version(row) -> tuple[int, int]:
    return (row.pk, row.version) if isinstance(row, Article) else (row[0], row[1])


def load_articles(rows: Sequence, indexes: list[int]) -> list[Article | None]:
    """The articles of rows[i] for each index; pairs are loaded in one query."""
    wanted = [pk_and_version(rows[index])[0] for index in indexes]
    loaded = {row.pk: row for row in rows if isinstance(row, Article)}
    absent = [pk for pk in wanted if pk not in loaded]
    if absent:
        loaded.update(Article.objects.select_related("section").in_bulk(absent))
    # An item deleted since its row was read shows nothing rather than failing.
    return [loaded.get(pk) for pk in wanted]


def render_each(template: str, articles: list[Article | None], **context) -> list[str]:
    return [
        render_to_string(template, {"item": article, **context}) if article else ""
        for article in articles
    ]


def feed_cards(rows: Sequence, *, show_images: bool = False) -> list[SafeString]:
    """The news feed card of each row, in order (templates/includes/feed_item.html)."""
    kind = "card-image" if show_images else "card"

    def render(indexes):
        articles = load_articles(rows, indexes)
        return render_each("includes/feed_item.html", articles, show_images=show_images)

    return [mark_safe(html) for html in get_or_render(item_keys(kind, rows), render)]  # noqa: S308


def item_piece(template: str, row) -> SafeString:
    """One article rendered with `template` (as `item`), e.g. the home page's lead story."""

    def render(indexes):
        return render_each(template, load_articles([row], indexes))

    return mark_safe(get_or_render(item_keys(template, [row]), render)[0])  # noqa: S308


def article_parts(article: Article, *, cached: bool = True) -> dict[str, SafeString]:
    """The article page's head (meta, JSON-LD) and its <article> element.

    Previews pass cached=False: they show unpublished versions to staff only.
    """

    def render(_indexes):
        prefetch_related_objects([article], bylines_prefetch(), "tags", "corrections")
        context = {"article": article}
        return [
            {
                "head": render_to_string("articles/article_head.html", context),
                "main": render_to_string("articles/article_main.html", context),
            }
        ]

    parts = get_or_render(item_keys("article", [article]), render) if cached else render([0])
    return {name: mark_safe(html) for name, html in parts[0].items()}  # noqa: S308


def sections() -> list[Section]:
    """Every section in navigation order, for the site navigation and the home page."""
    return get_or_render([f"{key_prefix()}:sections"], lambda _: [list(Section.objects.all())])[0]
