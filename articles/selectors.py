"""Reads of articles for reader pages, each in a fixed number of queries."""

from itertools import groupby

from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
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


def read_more_items(*, article: Article) -> QuerySet[Article]:
    """The "Read more" stream: the closest related items first, then the news feed.

    Related means sharing a tag (closest) or the section, most recent first; the
    rest is the news feed, newest first. The article itself is never in it, and no
    item appears twice. The article's tags must be prefetched (article_for_page).
    """
    tag_ids = [tag.pk for tag in article.tags.all()]
    shares_tag = Exists(
        Article.tags.through.objects.filter(article_id=OuterRef("pk"), tag_id__in=tag_ids)
    )
    related = (
        Article.objects.published()
        .exclude(pk=article.pk)
        .filter(Q(shares_tag) | Q(section_id=article.section_id))
        .annotate(
            closeness=Case(When(shares_tag, then=Value(2)), default=Value(1)),
        )
        .order_by("-closeness", "-publish_at", "-id")
        .values("pk")[:RELATED_ITEMS]
    )
    return (
        published_items()
        .exclude(pk=article.pk)
        .annotate(
            relatedness=Case(
                When(Q(pk__in=related) & Q(shares_tag), then=Value(2)),
                When(pk__in=related, then=Value(1)),
                default=Value(0),
            )
        )
        .order_by("-relatedness", "-publish_at", "-id")
    )


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
    ranked = (
        Article.objects.published()
        .exclude(pk__in=story_ids)
        .select_related("section")
        .annotate(
            row=Window(
                RowNumber(),
                partition_by=F("section_id"),
                order_by=[F("publish_at").desc(), F("id").desc()],
                output_field=IntegerField(),
            )
        )
        .filter(row__lte=per_section)
        .order_by("section__position", "section__name", "section_id", "-publish_at", "-id")
    )
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
    }


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
