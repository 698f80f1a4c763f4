"""A live story's reader pages: the story, an entry's permalink and the poll for new entries.

A live story is an article, at its article's address: the article page asks here
first (live/urls.py comes before articles/urls.py) and is served as before for any
other article. The poll is a small page of the newest entries that the page cache
keeps like any other; a conditional request gets a 304 while nothing changed, from
live/polls.py before anything else runs.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render

from articles import views as article_views
from caching import keys
from caching.dependencies import exact, shows_exactly
from caching.pieces import joined, remembered
from live import pieces, polls, selectors
from live.models import LiveEntry
from website.pagination import page_number, paged


def _story_pk(slug: str) -> int | None:
    """The pk of the live story at this published article's address, or None: the article
    comes with its live story in one query, kept as the article page keeps it."""
    try:
        article = article_views.article_at(slug)
    except Http404:
        return None
    return article.pk if getattr(article, "live_story", None) is not None else None


def _shown(pk: int) -> tuple[str, ...]:
    """What the story's remembered reads show: its article (a new entry, an edit, the key
    points drop its tag) and the latest items (an entry coming due)."""
    return (keys.LATEST, keys.shown_pk("articles.Article", pk))


def _story(pk: int):
    return remembered(
        "live-story", lambda: selectors.story_for_page(pk=pk), shows=_shown(pk), pk=pk
    )


def _rows(story, page: int) -> dict:
    return remembered(
        "live-entries",
        lambda: selectors.entry_rows(story=story, page=page),
        shows=_shown(story.pk),
        story=story.pk,
        page=page,
    )


def story_or_article(request, slug):
    """The live story at this address, or the article page for any other article.

    The article comes with its live story, if it has one, in one query (kept as the
    article page keeps it); an address with no published article is the article page's
    to answer (an old slug's redirect, or a 404)."""
    try:
        article = article_views.article_at(slug)
    except Http404:
        return article_views.article_detail(request, slug=slug)
    if getattr(article, "live_story", None) is None:
        return article_views.article_detail(request, slug=slug, article=article)
    return story_page(request, pk=article.pk)


def _context(request, story, *, page: int, linked: LiveEntry | None = None) -> dict:
    rows = dict(_rows(story, page))
    if linked is not None:  # on top, and not a second time below (one id per entry)
        for part in ("pinned", "entries"):
            rows[part] = [row for row in rows[part] if row[0] != linked.pk]
    listed = [*rows["pinned"], *rows["entries"]]
    with exact():  # the story and its entries: fresh on the next request after a change
        header = pieces.story_parts(story)
        pinned = joined(pieces.entry_pieces(story, rows["pinned"]))
        entries = joined(pieces.entry_pieces(story, rows["entries"]))
        linked_html = (
            joined(pieces.entry_pieces(story, [(linked.pk, linked.version)])) if linked else ""
        )
        head = pieces.story_head(story, listed, entry=linked)
    return {
        "story": story,
        "article": story.article,
        "head": head,
        "header": header,
        "pinned": pinned if not linked else "",
        "entries": entries,
        "linked": linked_html,
        "next_page": page + 1 if rows["more"] else None,
        "page": page,
        "poll_seconds": settings.LIVE_POLL_SECONDS,
    }


@paged()
def story_page(request, *, pk: int):
    page = page_number(request)
    story = _story(pk)
    return render(request, "live/story_detail.html", _context(request, story, page=page))


def entry_permalink(request, slug, pk):
    """One entry on top of its live story, with its own title and description for shares."""
    story_pk = _story_pk(slug)
    if story_pk is None:
        raise Http404("No such live story.")
    story = _story(story_pk)
    entry = (
        LiveEntry.objects.published()
        .filter(story_id=story.pk, pk=pk)
        .select_related("image")
        .only(
            "pk",
            "version",
            "headline",
            "body",
            "image__file",
            "image__renditions",
            "image__alt_text",
        )
        .first()
    )
    if entry is None:
        raise Http404("No such entry.")
    context = _context(request, story, page=1, linked=entry)
    return render(request, "live/story_detail.html", context)


def poll(request, slug):
    """The newest entries and the story's state, for static/js/live.js."""
    pk = _story_pk(slug)
    if pk is None:
        raise Http404("No such live story.")
    story = _story(pk)
    rows = _rows(story, 1)
    shows_exactly(story.article)  # a new entry drops its story's tag: the next poll has it
    with exact():
        html = joined(pieces.entry_pieces(story, [*rows["pinned"], *rows["entries"]]))
    context = {"story": story, "entries": html, "more": rows["more"]}
    response = render(request, "live/updates.html", context)
    response["X-Robots-Tag"] = "noindex"
    polls.remember(request, story_pk=story.pk, response=response)
    return response
