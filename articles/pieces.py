"""Cached pieces of reader pages made of articles: cards, the article itself, the sections.

Each piece is kept per article version by caching/pieces.py; this module says
what each piece is and how it is rendered.
"""

import json
from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from articles.cards import feed_card
from articles.models import Article, Section
from articles.selectors import article_whole, card_articles, edition_sections
from articles.translations import article_alternates
from caching.pieces import item_pieces, piece
from website import editions


def pk_and_version(row) -> tuple[int, int]:
    """Rows are articles or (pk, version) pairs."""
    return (row.pk, row.version) if isinstance(row, Article) else (row[0], row[1])


def load_articles(rows: Sequence, indexes: list[int], *, bylines=False) -> list[Article | None]:
    """The articles of rows[i] for each index; pairs are loaded in one query (two with bylines)."""
    wanted = [pk_and_version(rows[index])[0] for index in indexes]
    loaded = {row.pk: row for row in rows if isinstance(row, Article)}
    absent = [pk for pk in wanted if pk not in loaded]
    if absent:
        loaded.update(card_articles(absent, bylines=bylines))
    # An item deleted since its row was read shows nothing rather than failing.
    return [loaded.get(pk) for pk in wanted]


def render_each(template: str, articles: list[Article | None], **context) -> list[str]:
    return [
        render_to_string(template, {"item": article, **context}) if article else ""
        for article in articles
    ]


def dated(kind: str) -> str:
    """A kind of piece that shows dates: they show the year unless it is this one, so a
    piece is made again in a new year (website/dates.py)."""
    return f"{kind}@{timezone.localdate().year}"


def feed_cards(rows: Sequence, *, show_images: bool = False) -> list[SafeString]:
    """The news feed card of each row, in order (articles/cards.py)."""
    kind = "card-image" if show_images else "card"

    def render(indexes):
        articles = load_articles(rows, indexes)
        return [feed_card(item, show_images=show_images) if item else "" for item in articles]

    cards = item_pieces(dated(kind), [pk_and_version(row) for row in rows], render)
    return [mark_safe(html) for html in cards]  # noqa: S308


def item_piece(template: str, row) -> SafeString:
    """One article rendered with `template` (as `item`, bylines too), e.g. the lead story."""

    def render(indexes):
        return render_each(template, load_articles([row], indexes, bylines=True))

    return mark_safe(item_pieces(dated(template), [pk_and_version(row)], render)[0])  # noqa: S308


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
                # The article's published translations, for hreflang and the switcher.
                "alternates": json.dumps(article_alternates(context["article"])),
            }
        ]

    parts = (
        item_pieces(dated("article"), [pk_and_version(article)], render) if cached else render([0])
    )
    return {name: mark_safe(html) for name, html in parts[0].items()}  # noqa: S308


def sections() -> list[Section]:
    """Every section in navigation order, for the site navigation and the home page."""
    return piece("sections", lambda: edition_sections(language=editions.current()))
