"""Reads of articles for reader pages, each in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from articles.models import Article, Byline, Correction, SlugRedirect


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
