"""Reads of articles for reader pages, each in a fixed number of queries."""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Value
from django.db.models.functions import JSONObject
from django.shortcuts import get_object_or_404
from django.utils.dateparse import parse_datetime

from articles import translations
from articles.models import Article, Byline, Correction, Section, SlugRedirect, Tag
from authors.models import Author

RELATED_ITEMS = 4


# Columns no reader page shows: the search index's vectors and words, and what a
# translation was made from. Left out wherever articles are read for a page.
NOT_SHOWN = ("search_vector", "lemma_vector", "search_lemmas", "source_text")


def bylines_prefetch() -> Prefetch:
    return Prefetch("bylines", queryset=Byline.objects.select_related("author__photo"))


def published_items() -> QuerySet[Article]:
    """Published items with their section and bylines, newest first."""
    return (
        Article.objects.published()
        .in_edition()
        .select_related("section")
        .prefetch_related(bylines_prefetch())
        .order_by("-publish_at", "-id")
    )


# What the article page reads on every request; the rest is in its cached pieces.
ARTICLE_PAGE_FIELDS = ("pk", "version", "slug", "language", "title", "seo_title", "section_id")


def article_for_page(*, slug: str) -> Article:
    """One published article with what its page needs besides its pieces, or a 404.

    Its body, section, bylines, tags and corrections are read (article_whole) only
    when its pieces are rendered anew (articles/pieces.py).
    """
    articles = Article.objects.published().in_edition().only(*ARTICLE_PAGE_FIELDS)
    return get_object_or_404(articles, slug=slug)


# Read more rows: (pk, version, closeness, publish_at); closeness 2 shares a tag, 1 the section.
READ_MORE_FIELDS = ("pk", "version", "closeness", "publish_at")


def read_more_parts(article: Article) -> tuple[QuerySet, QuerySet, QuerySet]:
    """Newest-first rows of items sharing a tag, sharing the section, and of the whole feed."""
    candidates = (
        Article.objects.published()
        .in_edition()
        .exclude(pk=article.pk)
        .order_by("-publish_at", "-id")
    )
    tag_ids = Article.tags.through.objects.filter(article_id=article.pk).values("tag_id")
    shares_tag = Exists(
        Article.tags.through.objects.filter(article_id=OuterRef("pk"), tag_id__in=tag_ids)
    )
    closest = candidates.filter(shares_tag).annotate(closeness=Value(2))
    same_section = candidates.filter(section_id=article.section_id).annotate(closeness=Value(1))
    return (
        closest.values_list(*READ_MORE_FIELDS)[:RELATED_ITEMS],
        same_section.values_list(*READ_MORE_FIELDS)[: RELATED_ITEMS * 2],
        candidates.annotate(closeness=Value(0)).values_list(*READ_MORE_FIELDS),
    )


def closest_related(rows) -> list[tuple[int, int]]:
    """The closest few related items as (pk, version): tag matches above the section's."""
    ranked = sorted(rows, key=lambda row: (-row[2], -row[3].timestamp(), -row[0]))
    related = {}
    for pk, version, closeness, _time in ranked:
        if closeness and pk not in related:
            related[pk] = (pk, version)
    return list(related.values())[:RELATED_ITEMS]


def read_more_rows(*, article: Article, count: int) -> list[tuple[int, int]]:
    """The first `count` items of Read more as (pk, version), in one query.

    The same items, in the same order, as read_more_items(article=article)[:count].
    """
    closest, same_section, latest = read_more_parts(article)
    rows = list(closest.union(same_section, latest[: count + RELATED_ITEMS], all=True))
    related = closest_related(rows)
    shown = {pk for pk, _version in related}
    rest = sorted(
        (row for row in rows if row[2] == 0 and row[0] not in shown),
        key=lambda row: (-row[3].timestamp(), -row[0]),
    )
    return [*related, *((pk, version) for pk, version, _c, _t in rest)][:count]


class ReadMoreStream:
    """The "Read more" stream as (pk, version) rows, sliced like a queryset.

    The related items are a short list found with one index-driven query; the
    rest is the plain news feed without them. Ordering the whole archive by
    relatedness instead would sort every published item on every article view.
    """

    def __init__(self, *, article: Article):
        self.closest, self.same_section, self.latest = read_more_parts(article)

    def __getitem__(self, window: slice) -> list[tuple[int, int]]:
        start, stop = window.start or 0, window.stop
        related = closest_related(self.closest.union(self.same_section, all=True))
        rest_start = max(0, start - len(related))
        rest_stop = None if stop is None else max(rest_start, stop - len(related))
        rest = self.latest.exclude(pk__in=[pk for pk, _version in related])
        return related[start:stop] + [row[:2] for row in rest[rest_start:rest_stop]]

    def __iter__(self):
        return iter(self[0:None])


def read_more_items(*, article: Article) -> ReadMoreStream:
    """The "Read more" stream: the closest related items first, then the news feed.

    Related means sharing a tag (closest) or the section, most recent first; the
    rest is the news feed, newest first. The article itself is never in it, and no
    item appears twice.
    """
    return ReadMoreStream(article=article)


def published_rows() -> QuerySet:
    """Published items as (pk, version) rows, newest first: what feed cards are made from."""
    published = Article.objects.published().in_edition()
    return published.order_by("-publish_at", "-id").values_list("pk", "version")


def section_items(*, slug: str) -> tuple[Section, QuerySet]:
    section = get_object_or_404(Section.objects.in_edition(), slug=slug)
    return section, published_rows().filter(section=section)


def tag_items(*, slug: str) -> tuple[Tag, QuerySet]:
    tags = Tag.objects.in_edition().annotate(group_rows=translations.group_rows(Tag))
    tag = get_object_or_404(tags, slug=slug)
    return tag, published_rows().filter(tags=tag)


def author_items(*, slug: str) -> tuple[Author, QuerySet]:
    authors = Author.objects.select_related("photo").annotate(
        editions=translations.editions_of_author()
    )
    author = get_object_or_404(authors, slug=slug)
    return author, published_rows().filter(bylines__author=author)


def related_rows(related: QuerySet, **fields: str) -> ArraySubquery:
    """An article's related rows, in their own order, as JSON objects in the article's row."""
    return ArraySubquery(related.values(row=JSONObject(**fields)))


def as_prefetched(article: Article, name: str, objects: list) -> None:
    """article.<name>.all() gives these objects without a query, as after prefetch_related()."""
    queryset = getattr(article, name).all()
    queryset._result_cache, queryset._prefetch_done = objects, True
    article.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


def article_whole(*, pk: int) -> Article:
    """One article in any state with everything its page shows: for rendering it, and previews.

    Two queries: the article with its section, library image, translations, tags and
    corrections (the last three as JSON in its row), then its bylines with their authors.
    """
    queryset = (
        Article.objects.defer(*NOT_SHOWN)
        .select_related("section", "hero")
        .prefetch_related(bylines_prefetch())
        .annotate(
            group_rows=translations.group_rows(Article),
            tag_rows=related_rows(
                Tag.objects.filter(articles=OuterRef("pk")),
                id="id",
                name="name",
                slug="slug",
                language="language",
            ),
            correction_rows=related_rows(
                Correction.objects.filter(article=OuterRef("pk")),
                id="id",
                published_at="published_at",
                text="text",
            ),
        )
    )
    article = get_object_or_404(queryset, pk=pk)
    as_prefetched(article, "tags", [Tag(**row) for row in article.tag_rows])
    corrections = [
        Correction(article=article, **{**row, "published_at": parse_datetime(row["published_at"])})
        for row in article.correction_rows
    ]
    as_prefetched(article, "corrections", corrections)
    return article


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
        Correction.objects.filter(article__in=Article.objects.published().in_edition())
        .select_related("article", "article__section")
        .order_by("-published_at", "-id")
    )
