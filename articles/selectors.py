"""Reads of articles for reader pages, each in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from articles.models import Article, Byline


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


def read_more_items(*, article: Article, limit: int) -> list[Article]:
    """Items for the "Read more" block: the latest news feed items, never the article itself."""
    return list(published_items().exclude(pk=article.pk)[:limit])
