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

Which items a page lists (the home page's rows, Read more, the article found
by its address) is kept for the page cache's content version instead, which
any change and the next scheduled publish time renew (remembered()).

Nothing is ever deleted: pieces nobody asks for expire (FRAGMENT_CACHE_SECONDS).
As a key names a value that never changes, each process also keeps the latest
ones in memory and reads only the versions from the shared cache. If the cache
fails, pieces are rendered from the database and the error is logged. Staff see
the same pieces readers do; previews are never cached.
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
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article, Section
from articles.selectors import article_whole
from newsroom import page_cache
from newsroom.local_copies import LocalCopies

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


# The versions are read from the cache once per request (see forget_versions).
request_memo = threading.local()


def forget_versions(**kwargs) -> None:
    """Read the versions again: at each request's start and end, and after a change."""
    request_memo.versions = None


def related_changed(**kwargs) -> None:
    """An author, byline, correction, section or tag changed: every piece is made anew."""
    forget_versions()
    try:
        cache.delete(VERSION_KEY)
    except Exception:
        logger.exception("fragments: could not reset the version")


def versions() -> tuple[int, int]:
    """The related version, and the page cache's content version, in one round trip."""
    if not settings.FRAGMENT_CACHE_ENABLED:
        return (0, 0)  # keys are not used: everything is rendered
    if found := getattr(request_memo, "versions", None):
        return found
    now = timezone.now()
    try:
        found = cache.get_many([VERSION_KEY, page_cache.STATE_KEY])
        related = found.get(VERSION_KEY)
        if related is None:
            related = time.time_ns()
            cache.set(VERSION_KEY, related, timeout=None)
        content = page_cache.current_state(found.get(page_cache.STATE_KEY), now)["version"]
    except Exception:
        logger.exception("fragments: cache unavailable, rendering from the database")
        related = content = time.time_ns()
    request_memo.versions = (related, content)
    return request_memo.versions


def key_prefix() -> str:
    """The part of every piece's key that is not the item: code stamp and related version."""
    return f"fragment:{code_stamp()}:{versions()[0]}"


def remembered(name: str, make: Callable[[], object]):
    """A list that changes only with the content (which items a page shows), e.g. Read more.

    It is kept for the current content version: any change to what readers see,
    or the next scheduled publish time coming, starts a new one.
    """
    key = f"list:{code_stamp()}:{versions()[1]}:{name}"
    return get_or_render([key], lambda _indexes: [make()])[0]


# Pieces are named by their versions, so a copy in this process's memory is never stale.
local_pieces = LocalCopies(megabytes=settings.FRAGMENT_LOCAL_MEGABYTES)


def get_or_render(keys: Sequence[str], render: Callable[[list[int]], list]) -> list:
    """The value under each key; `render(indexes)` makes the missing ones in one go.

    Looks in this process's memory, then in the shared cache, then renders.
    """
    if not settings.FRAGMENT_CACHE_ENABLED:
        return render(list(range(len(keys))))
    found = local_pieces.get_many(keys)
    if len(found) < len(set(keys)):
        try:
            shared = cache.get_many([key for key in keys if key not in found])
        except Exception:
            logger.exception("fragments: cache unavailable, rendering from the database")
            shared = {}
        local_pieces.set_many(shared)
        found.update(shared)
    missing = [index for index, key in enumerate(keys) if key not in found]
    if missing:
        made = {keys[index]: value for index, value in zip(missing, render(missing), strict=True)}
        try:
            cache.set_many(made, timeout=settings.FRAGMENT_CACHE_SECONDS)
        except Exception:
            logger.exception("fragments: could not store %d pieces", len(made))
        local_pieces.set_many(made)
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


def joined(cards: Sequence[SafeString]) -> SafeString:
    """Cards as one piece of HTML, for a page that shows them one after another."""
    return mark_safe("".join(cards))  # noqa: S308


def item_piece(template: str, row) -> SafeString:
    """One article rendered with `template` (as `item`), e.g. the home page's lead story."""

    def render(indexes):
        return render_each(template, load_articles([row], indexes))

    return mark_safe(get_or_render(item_keys(template, [row]), render)[0])  # noqa: S308


def article_parts(article: Article, *, cached: bool = True) -> dict[str, SafeString]:
    """The article page's head (meta, JSON-LD) and its <article> element.

    Previews pass cached=False and the article whole: they show unpublished
    versions to staff only.
    """

    def render(_indexes):
        context = {"article": article if not cached else article_whole(pk=article.pk)}
        return [
            {
                "head": render_to_string("articles/article_head.html", context),
                "main": render_to_string("articles/article_main.html", context),
            }
        ]

    parts = get_or_render(item_keys("article", [article]), render) if cached else render([0])
    return {name: mark_safe(html) for name, html in parts[0].items()}  # noqa: S308


def piece(name: str, render: Callable[[], object]):
    """One piece that is not an article's, e.g. the site header; render() makes it."""
    return get_or_render([f"{key_prefix()}:{name}"], lambda _indexes: [render()])[0]


def sections() -> list[Section]:
    """Every section in navigation order, for the site navigation and the home page."""
    return piece("sections", lambda: list(Section.objects.all()))


def site_chrome() -> dict[str, SafeString]:
    """The site header (name, navigation, search) and the footer's links."""

    def render():
        context = {"SITE_NAME": settings.SITE_NAME, "nav_sections": sections()}
        return {
            "header": render_to_string("includes/site_header.html", context),
            "footer_links": render_to_string("includes/site_footer_links.html", context),
        }

    return {name: mark_safe(html) for name, html in piece("chrome", render).items()}  # noqa: S308


def home_head(request) -> SafeString:
    """The home page's meta tags and JSON-LD: the same for every visit."""
    html = piece("home-head", lambda: render_to_string("newsfeed/home_head.html", request=request))
    return mark_safe(html)  # noqa: S308
