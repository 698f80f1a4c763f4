"""Reads of live stories for reader pages, each in a fixed number of queries."""

from django.db.models import Max, OuterRef, Prefetch, QuerySet, Subquery
from django.http import Http404

from articles.models import Article
from authors.models import Author
from live.models import LiveEntry, LiveStory
from website import editions

ENTRIES_PER_PAGE = 20


def live_story_pk(*, slug: str) -> int | None:
    """The pk of the live story at this published article's address in the edition being
    rendered, or None: one row found through the article's slug index, for every article page."""
    published = Article.objects.published().in_edition().filter(slug=slug)
    return LiveStory.objects.filter(article__in=published).values_list("pk", flat=True).first()


def story_for_page(*, pk: int) -> LiveStory:
    """A live story with its article's fields its page reads on every request."""
    try:
        return LiveStory.objects.select_related("article").get(
            pk=pk, article__in=Article.objects.published()
        )
    except LiveStory.DoesNotExist as missing:
        raise Http404("No such live story.") from missing


def entry_rows(*, story: LiveStory, page: int = 1, now=None) -> dict:
    """(pk, version) of the pinned entry and of one page of the others, newest first.

    Fetches one entry more than a page shows instead of counting them all.
    """
    published = LiveEntry.objects.published(now).filter(story_id=story.pk)
    pinned = list(published.filter(is_pinned=True).values_list("pk", "version")[:1])
    start = (page - 1) * ENTRIES_PER_PAGE
    rows = list(
        published.filter(is_pinned=False)
        .order_by("-published_at", "-id")
        .values_list("pk", "version")[start : start + ENTRIES_PER_PAGE + 1]
    )
    if page > 1 and not rows:
        raise Http404("No such page.")
    return {
        "pinned": pinned if page == 1 else [],
        "entries": rows[:ENTRIES_PER_PAGE],
        "more": len(rows) > ENTRIES_PER_PAGE,
    }


def entries_whole(pks: list[int]) -> dict[int, LiveEntry]:
    """Entries with their authors, in two queries (three in an edition that reads the
    authors' bios for their names there), for rendering their pieces."""
    authors = Author.objects.order_by("name")
    if editions.current() != editions.default():
        authors = authors.prefetch_related("bios")  # Author.in_language()
    return (
        LiveEntry.objects.select_related("promoted_to", "image")
        .prefetch_related(Prefetch("authors", queryset=authors))
        .in_bulk(pks)
    )


def latest_entries(*, story: LiveStory, count: int, now=None) -> QuerySet[LiveEntry]:
    """The newest published entries with their authors, for the Atom feed and the JSON-LD."""
    return (
        LiveEntry.objects.published(now)
        .filter(story_id=story.pk)
        .select_related("image")
        .prefetch_related(Prefetch("authors", queryset=Author.objects.order_by("name")))
        .order_by("-published_at", "-id")[:count]
    )


def last_change(*, story: LiveStory, now=None):
    """When readers last saw something new in the story: an entry, its key points or its article."""
    latest = (
        LiveEntry.objects.published(now)
        .filter(story_id=story.pk)
        .aggregate(latest=Max("updated_at"))["latest"]
    )
    return max(value for value in [latest, story.updated_at, story.article.updated_at] if value)


def stories_with_entries_since(since, now=None) -> dict[int, object]:
    """The time of the newest entry of each published live story that has one since then."""
    newest = (
        LiveEntry.objects.published(now)
        .filter(story_id=OuterRef("pk"))
        .order_by("-published_at")
        .values("published_at")[:1]
    )
    stories = (
        LiveStory.objects.filter(article__in=Article.objects.published(now))
        .annotate(newest_entry_at=Subquery(newest))
        .filter(newest_entry_at__gte=since)
    )
    return dict(stories.values_list("pk", "newest_entry_at"))
