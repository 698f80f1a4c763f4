"""Cached pieces of a live story's page: each entry, the story's header and its head.

An entry's piece is kept per entry version (caching/pieces.py), so a new entry
renders only itself; the story's own parts are kept per article version and key
points, the head (meta and JSON-LD, which list the newest entries) per those and
the entries it lists.
"""

import hashlib
from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from articles.pieces import dated
from articles.selectors import article_whole
from caching import memo
from caching.pieces import item_pieces, piece
from live import metadata, selectors
from live.models import LiveStory
from live.structured_data import story_json_ld
from website.structured_data import json_ld


def _story_stamp(story: LiveStory) -> str:
    return f"{story.article.version}.{story.updated_at.timestamp()}"


def _article_whole(story: LiveStory):
    """The story's article with all its page shows, read once a request: the header and
    the head both show it."""
    return memo.memoized(f"live-story-article:{story.pk}", lambda: article_whole(pk=story.pk))


def entry_pieces(story: LiveStory, rows: Sequence[tuple[int, int]]) -> list[SafeString]:
    """The rendered entry of each (pk, version) row, in order (templates/live/entry.html)."""

    def render(indexes):
        loaded = selectors.entries_whole([rows[index][0] for index in indexes])
        context = {"story": story, "slug": story.article.slug}
        return [
            render_to_string("live/entry.html", {"entry": entry, **context}) if entry else ""
            for entry in (loaded.get(rows[index][0]) for index in indexes)
        ]

    # The story's address is in every entry's links: its article's version is in the kind.
    kind = dated(f"live-entry:{story.article.version}")
    pieces = item_pieces(kind, list(rows), render, label="live.LiveEntry")
    return [mark_safe(html) for html in pieces]  # noqa: S308


def story_parts(story: LiveStory) -> dict[str, SafeString]:
    """The story's header (kicker, headline, standfirst, byline, state) and key points."""

    def render(_indexes):
        context = {"story": story, "article": _article_whole(story)}
        return [render_to_string("live/story_header.html", context)]

    html = item_pieces(
        dated(f"live-story:{story.updated_at.timestamp()}"),
        [(story.pk, story.article.version)],
        render,
    )[0]
    return mark_safe(html)  # noqa: S308


def story_head(story: LiveStory, rows: Sequence[tuple[int, int]], *, entry=None) -> SafeString:
    """Meta tags and JSON-LD (LiveBlogPosting with the listed entries); an entry's own share tags
    on its permalink."""

    def render():
        whole = LiveStory(pk=story.pk, **{
            name: getattr(story, name) for name in ("state", "coverage_start", "coverage_end",
                                                     "key_points", "updated_at")
        })  # fmt: skip
        whole.article = _article_whole(story)
        loaded = selectors.entries_whole([pk for pk, _version in rows])
        entries = [loaded[pk] for pk, _version in rows if pk in loaded]
        meta = (
            metadata.entry_meta(whole, entry) if entry is not None else metadata.story_meta(whole)
        )
        return render_to_string(
            "live/story_head.html",
            {"meta": meta, "json_ld": json_ld(*story_json_ld(whole, entries))},
        )

    digest = hashlib.blake2b(repr(list(rows)).encode(), digest_size=8).hexdigest()
    html = piece(
        "live-head",
        render,
        story=story.pk,
        stamp=_story_stamp(story),
        entries=digest,
        entry=entry.pk if entry is not None else "",
        entry_version=entry.version if entry is not None else "",
    )
    return mark_safe(html)  # noqa: S308
