"""Reads of articles for reader pages, each in a fixed number of queries."""

from itertools import groupby

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Value, prefetch_related_objects
from django.shortcuts import get_object_or_404

from articles import search
from articles.models import Article, Byline, Correction, Section, SlugRedirect, Tag
from authors.models import Author

RELATED_ITEMS = 4


def bylines_prefetch() -> Prefetch:
    return Prefetch("bylines", queryset=Byline.objects.select_related("author"))


def published_items() -> QuerySet[Article]:
    """Published items with their section and bylines, newest first."""
    return (
        Article.objects.published()
        .select_related("section")
        .prefetch_related(bylines_prefetch())
        .order_by("-publish_at", "-id")
    )


def article_for_page(*, slug: str) -> Article:
    """One published article with everything its page shows, or a 404."""
    queryset = published_items().prefetch_related("tags", "corrections")
    return get_object_or_404(queryset, slug=slug)


class ReadMoreStream:
    """The "Read more" stream, sliced like a queryset: related items, then the news feed.

    The related items are a short list found with two index-driven queries; the
    rest is the plain news feed without them. Ordering the whole archive by
    relatedness instead would sort every published item on every article view.
    """

    def __init__(self, *, article: Article, related_ids: list[int]):
        self.related_ids = related_ids
        self.items = (
            Article.objects.published().select_related("section").order_by("-publish_at", "-id")
        )
        self.rest = self.items.exclude(pk__in=[article.pk, *related_ids])

    def __getitem__(self, window: slice) -> list[Article]:
        start, stop = window.start or 0, window.stop
        by_id = self.items.in_bulk(self.related_ids)
        related = [by_id[pk] for pk in self.related_ids if pk in by_id]
        rest_start = max(0, start - len(related))
        rest_stop = None if stop is None else max(rest_start, stop - len(related))
        shown = related[start:stop] + list(self.rest[rest_start:rest_stop])
        prefetch_related_objects(shown, bylines_prefetch())  # one query for every byline
        return shown

    def __iter__(self):
        return iter(self[0:None])


def read_more_items(*, article: Article) -> ReadMoreStream:
    """The "Read more" stream: the closest related items first, then the news feed.

    Related means sharing a tag (closest) or the section, most recent first; the
    rest is the news feed, newest first. The article itself is never in it, and no
    item appears twice. The article's tags must be prefetched (article_for_page).
    """
    tag_ids = [tag.pk for tag in article.tags.all()]
    candidates = Article.objects.published().exclude(pk=article.pk).order_by("-publish_at", "-id")
    shares_tag = Exists(
        Article.tags.through.objects.filter(article_id=OuterRef("pk"), tag_id__in=tag_ids)
    )
    fields = ("pk", "closeness", "publish_at")
    closest = candidates.filter(shares_tag).annotate(closeness=Value(2)).values_list(*fields)
    same_section = (
        candidates.filter(section_id=article.section_id)
        .annotate(closeness=Value(1))
        .values_list(*fields)
    )
    # One query for both newest-first slices; tag matches rank above the section's.
    found = list(closest[:RELATED_ITEMS].union(same_section[: RELATED_ITEMS * 2], all=True))
    found.sort(key=lambda row: (-row[1], -row[2].timestamp(), -row[0]))
    related_ids = list(dict.fromkeys(pk for pk, _closeness, _time in found))[:RELATED_ITEMS]
    return ReadMoreStream(article=article, related_ids=related_ids)


def section_items(*, slug: str) -> tuple[Section, QuerySet[Article]]:
    section = get_object_or_404(Section, slug=slug)
    return section, published_items().filter(section=section)


def tag_items(*, slug: str) -> tuple[Tag, QuerySet[Article]]:
    tag = get_object_or_404(Tag, slug=slug)
    return tag, published_items().filter(tags=tag)


def author_items(*, slug: str) -> tuple[Author, QuerySet[Article]]:
    author = get_object_or_404(Author, slug=slug)
    return author, published_items().filter(bylines__author=author)


def search_results(*, terms: str) -> QuerySet[Article]:
    return search.search_published(published_items(), terms=terms)


def home_page(*, top_stories: int, feed_items: int, per_section: int) -> dict:
    """Everything the home page shows, in a fixed number of queries.

    The lead and top stories are the latest items with a picture (briefs are too
    short to lead); the news feed column is the plain stream; the section blocks
    show each section's latest items that are not already a top story.
    """
    stories = list(
        published_items().exclude(kind=Article.Kind.BRIEF).exclude(hero_image="")[: top_stories + 1]
    )
    story_ids = [story.pk for story in stories]
    breaking = (
        Article.objects.published().filter(is_breaking=True).order_by("-publish_at", "-id").first()
    )
    feed = list(published_items()[: feed_items + 1])
    all_sections = list(Section.objects.all())
    ranked = latest_per_section(sections=all_sections, exclude=story_ids, per_section=per_section)
    sections = [
        (section, list(items)) for section, items in groupby(ranked, key=lambda item: item.section)
    ]
    return {
        "lead": stories[0] if stories else None,
        "top_stories": stories[1:],
        "breaking": breaking,
        "feed": feed[:feed_items],
        "feed_has_more": len(feed) > feed_items,
        "sections": sections,
        # The same list for the site navigation, so the page asks for sections once.
        "nav_sections": all_sections,
    }


def latest_per_section(
    *, sections: list[Section], exclude: list[int], per_section: int
) -> QuerySet[Article]:
    """Each section's latest published items, grouped by section in their order.

    One small newest-first slice per section, joined with UNION ALL, so each reads
    only the top of the published-order index, however large the archive.
    """
    slices = [
        Article.objects.published()
        .filter(section=section)
        .exclude(pk__in=exclude)
        .order_by("-publish_at", "-id")
        .values("pk")[:per_section]
        for section in sections
    ]
    if not slices:
        return Article.objects.none()
    return (
        Article.objects.filter(pk__in=slices[0].union(*slices[1:], all=True))
        .select_related("section")
        .order_by("section__position", "section__name", "section_id", "-publish_at", "-id")
    )


def article_for_preview(*, pk: int) -> Article:
    """One article in any state with everything its page shows, for previews only."""
    queryset = Article.objects.select_related("section").prefetch_related(
        bylines_prefetch(), "tags", "corrections"
    )
    return get_object_or_404(queryset, pk=pk)


def redirect_for_old_slug(*, slug: str) -> str | None:
    """The current URL of the published article that once had this slug, if any."""
    redirect = (
        SlugRedirect.objects.filter(old_slug=slug, article__in=Article.objects.published())
        .select_related("article")
        .first()
    )
    return redirect.article.get_absolute_url() if redirect else None


def published_corrections():
    """Corrections on published articles, newest first, with their article and section."""
    return (
        Correction.objects.filter(article__in=Article.objects.published())
        .select_related("article", "article__section")
        .order_by("-published_at", "-id")
    )
