"""Reads of articles for reader pages, each in a fixed number of queries."""

from functools import cache

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import (
    CharField,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.shortcuts import get_object_or_404
from django.utils import timezone

from articles import translations
from articles.models import Article, Byline, Correction, Section, SlugRedirect, Tag
from authors.models import Author
from website.prepared import (
    LANGUAGE,
    NOW,
    Param,
    any_of,
    one_or_404,
    prefetched,
    prepared,
    reading,
)

RELATED_ITEMS = 4

# Which article a prepared query is about (website/prepared.py), and its section.
ARTICLE = Param("article", IntegerField())
SECTION = Param("section", IntegerField())


# Columns no reader page shows: the search index's vectors and words, and what a
# translation was made from. Left out wherever articles are read for a page.
NOT_SHOWN = ("search_vector", "lemma_vector", "search_lemmas", "source_text")


@cache
def extensions() -> dict[str, tuple[str, ...]]:
    """What extends an article one-to-one by its primary key (a live story, for the LIVE
    label), by accessor, with the fields of it that a card or the article's address reads
    (the model's `card_fields`): read in the same query as the article."""
    return {
        relation.get_accessor_name(): tuple(
            getattr(relation.related_model, "card_fields", None)
            or (relation.related_model._meta.pk.name,)
        )
        for relation in Article._meta.related_objects
        if relation.one_to_one and relation.field.primary_key
    }


def with_extensions(articles: QuerySet[Article]) -> QuerySet[Article]:
    """Articles with their extensions (None where there is none), in the same query."""
    return articles.select_related(*extensions())


def extension_fields() -> list[str]:
    """The extensions' fields an article read with only() keeps."""
    return [f"{name}__{field}" for name, fields in extensions().items() for field in fields]


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

    Its extensions come in the same query: the live story app serves a live story's
    page at its article's address (live/views.py) without a query of its own. Its
    body, section, bylines, tags and corrections are read (article_whole) only when
    its pieces are rendered anew (articles/pieces.py).
    """
    return one_or_404(article_at_address(**reading(slug=slug)))


@prepared
def article_at_address() -> QuerySet[Article]:
    articles = with_extensions(Article.objects.published(NOW).in_edition(LANGUAGE))
    slug = Param("slug", CharField())
    # Its tags' ids, for Read more: given as values, the planner knows how common they are.
    tag_ids = ArraySubquery(
        Article.tags.through.objects.filter(article_id=OuterRef("pk")).values("tag_id")
    )
    articles = articles.only(*ARTICLE_PAGE_FIELDS, *extension_fields()).annotate(tag_ids=tag_ids)
    return articles.filter(slug=slug).order_by()[:1]


# What a card shows without its picture (articles/cards.py, Most Popular's
# items): read with the list that names the cards, so a card costs no query of its own.
CARD_FIELDS = ("pk", "version", "kind", "title", "slug", "language", "publish_at", "is_breaking")


# What a card with its picture shows besides (the home page, listings, the lead story): its
# standfirst, its picture and its section. The picture's size comes with its file: an image
# field reads its width and height as soon as the file is loaded.
PICTURE_CARD_FIELDS = (
    "standfirst",
    "hero_image",
    "hero_width",
    "hero_height",
    "hero_alt",
    "hero_renditions",
    "section__name",
    "section__slug",
    "section__language",
)


def cards(articles: QuerySet[Article], *also: str) -> QuerySet[Article]:
    """Articles with only the fields of their cards (and `also`), their extensions in the
    same query."""
    return with_extensions(articles).only(*CARD_FIELDS, *extension_fields(), *also)


@prepared
def edition_sections() -> QuerySet[Section]:
    """Every section of an edition (the Param `language`), in navigation order."""
    return Section.objects.in_edition(LANGUAGE)


def card_articles(pks: list[int], *, bylines: bool = False) -> dict[int, Article]:
    """The articles with these ids, with what a card shows (its text and picture, its
    section, its live story; with bylines=True its bylines too), by id."""
    return {article.pk: article for article in cards_by_id(bylines, pks=pks)}


@prepared
def cards_by_id(bylines: bool) -> QuerySet[Article]:
    articles = cards(Article.objects.all(), *PICTURE_CARD_FIELDS).select_related("section")
    if bylines:
        articles = articles.prefetch_related(bylines_prefetch())
    return articles.filter(any_of("pk", "pks")).order_by()


def read_more_parts(
    article, section, tagged, *, rows: bool = True, now=None, language=None
) -> tuple[QuerySet | None, QuerySet, QuerySet]:
    """Newest-first items sharing a tag with the article (its pk), sharing its section,
    and of the whole feed, each with its closeness (2 shares a tag, 1 the section): as
    (pk, version, closeness, publish_at) rows, or with rows=False as articles ready for
    their cards. `tagged`: a condition on an article's tag rows (tag_id among the
    article's tags), None when it has none: then there is no first part. Any of the
    inputs may be a Param.

    The tags are given as ids rather than read in a subquery: for the planner, an
    article's tags read in the query might be shared by a quarter of the archive, and it
    would walk the whole archive newest first looking for an item with a tag that few or
    none have (40 ms of 10,000 articles, against 0.2 ms for the other parts)."""
    candidates = (
        Article.objects.published(now)
        .in_edition(language)
        .exclude(pk=article)
        .order_by("-publish_at", "-id")
    )
    if not rows:
        candidates = cards(candidates)
    closest = None
    if tagged is not None:
        tags = Article.tags.through.objects.filter(tagged, article_id=OuterRef("pk"))
        closest = candidates.filter(Exists(tags)).annotate(closeness=Value(2))[:RELATED_ITEMS]
    parts = (
        closest,
        candidates.filter(section_id=section).annotate(closeness=Value(1))[: RELATED_ITEMS * 2],
        candidates.annotate(closeness=Value(0)),
    )
    if rows:
        return tuple(
            None if part is None else part.values_list("pk", "version", "closeness", "publish_at")
            for part in parts
        )
    return parts


def tag_ids_of(article: Article) -> list[int]:
    """The ids of the article's tags: read with it for its page (article_for_page)."""
    if hasattr(article, "tag_ids"):
        return article.tag_ids
    rows = Article.tags.through.objects.filter(article=article)
    return list(rows.values_list("tag_id", flat=True))


def closest_related(rows) -> list[tuple[int, int]]:
    """The closest few related items as (pk, version): tag matches above the section's."""
    ranked = sorted(rows, key=lambda row: (-row[2], -row[3].timestamp(), -row[0]))
    related = {}
    for pk, version, closeness, _time in ranked:
        if closeness and pk not in related:
            related[pk] = (pk, version)
    return list(related.values())[:RELATED_ITEMS]


def read_more_rows(*, article: Article, count: int) -> list[Article]:
    """The first `count` items of Read more, ready for their cards, in one query.

    The same items, in the same order, as read_more_items(article=article)[:count].
    """
    tags = tag_ids_of(article)
    values = reading(article=article.pk, section=article.section_id, tags=tags)
    found = read_more_union(count, bool(tags), **values)
    related = {}
    ranked = sorted(
        found, key=lambda item: (-item.closeness, -item.publish_at.timestamp(), -item.pk)
    )
    for item in ranked:
        if item.closeness and item.pk not in related and len(related) < RELATED_ITEMS:
            related[item.pk] = item
    rest = sorted(
        (item for item in found if item.closeness == 0 and item.pk not in related),
        key=lambda item: (-item.publish_at.timestamp(), -item.pk),
    )
    return [*related.values(), *rest][:count]


@prepared
def read_more_union(count: int, tagged: bool) -> QuerySet[Article]:
    """Read more's parts in one query; `tagged`: whether the article has tags (the Param
    `tags`, their ids)."""
    closest, same_section, latest = read_more_parts(
        ARTICLE,
        SECTION,
        any_of("tag_id", "tags") if tagged else None,
        rows=False,
        now=NOW,
        language=LANGUAGE,
    )
    parts = [part for part in (closest, same_section) if part is not None]
    return parts[0].union(*parts[1:], latest[: count + RELATED_ITEMS], all=True)


class ReadMoreStream:
    """The "Read more" stream as (pk, version) rows, sliced like a queryset.

    The related items are a short list found with one index-driven query; the
    rest is the plain news feed without them. Ordering the whole archive by
    relatedness instead would sort every published item on every article view.
    """

    def __init__(self, *, article: Article):
        tags = tag_ids_of(article)
        self.closest, self.same_section, self.latest = read_more_parts(
            article.pk, article.section_id, Q(tag_id__in=tags) if tags else None
        )

    def __getitem__(self, window: slice) -> list[tuple[int, int]]:
        start, stop = window.start or 0, window.stop
        related_rows = self.same_section
        if self.closest is not None:
            related_rows = self.closest.union(self.same_section, all=True)
        related = closest_related(related_rows)
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


def article_whole(*, pk: int) -> Article:
    """One article in any state with everything its page shows: for rendering it, and previews.

    Four queries: the article with its section, library image and translations, then its
    bylines with their authors, its tags and its corrections.
    """
    article = one_or_404(whole_article(now=timezone.now(), article=pk))
    prefetched(
        article,
        bylines=article_bylines(article=pk),
        tags=article_tags(article=pk),
        corrections=article_corrections(article=pk),
    )
    return article


@prepared
def whole_article() -> QuerySet[Article]:
    return (
        Article.objects.defer(*NOT_SHOWN)
        .select_related("section", "hero")
        .annotate(group_rows=translations.group_rows(Article, now=NOW))
        .filter(pk=ARTICLE)
    )


# What article_whole() would prefetch, as prepared queries (in the models' orders).
article_bylines = prepared(lambda: bylines_prefetch().queryset.filter(article_id=ARTICLE))
article_tags = prepared(lambda: Tag.objects.filter(articles=ARTICLE))
article_corrections = prepared(lambda: Correction.objects.filter(article_id=ARTICLE))


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
