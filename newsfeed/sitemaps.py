"""What crawlers are told: the sitemap index and its sitemaps, the Google News sitemap, robots.txt.

Every address is on settings.SITE_URL, whatever host the request came in on,
and every view runs a fixed number of queries however many items there are.
"""

from datetime import timedelta
from math import ceil

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.db.models import Count, Exists, F, Max, OuterRef, Q, Subquery
from django.db.models.functions import Greatest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation

from articles import translations
from articles.models import Article, Section, Tag
from authors.models import Author
from live import selectors as live_selectors
from newsfeed import alternates
from newsfeed.feeds import xml_text
from pages.models import Page
from website import editions
from website.identity import absolute_url, site_domain, site_protocol
from website.structured_data import iso_datetime

# Google News takes articles of the last two days, at most 1,000 in one sitemap.
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000
# Kept out of search engines besides the private addresses: search results, in every
# edition (/search, /uk/search), as addresses under each edition's home.
ROBOTS_DISALLOW = ["search"]


def robots_disallow() -> list[str]:
    """What robots.txt disallows: the private addresses but the admin's, and search results.

    Naming the admin's address would publish what DJANGO_ADMIN_URL hides; its pages
    keep themselves out of search engines (the admin's robots meta tag).
    """
    admin = f"/{settings.ADMIN_URL}"
    listings = [
        f"{editions.home(code)}{path}" for code in settings.EDITIONS for path in ROBOTS_DISALLOW
    ]
    return [path for path in settings.PRIVATE_PATHS if path != admin] + listings


def last_change():
    """When a reader last saw the article change: its last edit, or its publication if later."""
    return Greatest("updated_at", "publish_at")


def listed_articles(now=None, *, every_edition=False):
    """Published articles whose page here is the original (no canonical URL elsewhere), of
    the edition being rendered (each edition has its sitemaps: /uk/sitemap-articles.xml)."""
    listed = Article.objects.published(now).filter(canonical_url="")
    return listed if every_edition else listed.in_edition()


class NewsroomSitemap(Sitemap):
    """A sitemap of objects annotated with `lastmod`, on the newsroom's own address."""

    def get_protocol(self, protocol=None):
        return site_protocol()

    def get_domain(self, site=None):
        return site_domain()

    def lastmod(self, item):
        return item.lastmod.replace(microsecond=0)

    def get_urls(self, page=1, site=None, protocol=None):
        """Each URL with its counterparts in the other editions (xhtml:link, x-default)."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["alternates"] = alternates.hreflang_links(self.item_alternates(url["item"]))
        return urls

    def item_alternates(self, item) -> list[dict]:
        return []

    def summary(self) -> dict:
        """How many URLs this sitemap lists and when the newest of them changed, in one query."""
        return self.items().aggregate(urls=Count("pk"), latest=Max("lastmod"))


class ArticleSitemap(NewsroomSitemap):
    def items(self):
        return (
            listed_articles()
            .annotate(
                lastmod=last_change(),
                group_rows=translations.group_rows(Article, only=Q(canonical_url="")),
            )
            .only("slug", "language", "translation_of_id", "updated_at", "publish_at")
            .order_by("-publish_at", "-id")
        )

    def item_alternates(self, item):
        return translations.article_alternates(item)


class ListingSitemap(NewsroomSitemap):
    """Section, tag or author pages that list at least one published article."""

    model = None
    article_field = ""  # How an article points at one of these objects.

    def items(self):
        newest = (
            listed_articles()
            .filter(**{self.article_field: OuterRef("pk")})
            .annotate(changed=last_change())
            .order_by("-changed")
            .values("changed")[:1]
        )
        return (
            self.model.objects.in_edition()
            .annotate(lastmod=Subquery(newest), group_rows=self.listed_group())
            .filter(lastmod__isnull=False)
            .only("slug", "language")
            .order_by("pk")
        )

    def listed_group(self):
        """The other languages' members of the item's group that this edition's sitemaps
        list too: those with a published item of their own."""
        own = listed_articles(every_edition=True).filter(**{self.article_field: OuterRef("pk")})
        return translations.group_rows(self.model, only=Q(Exists(own)))

    def item_alternates(self, item):
        url_name = f"newsfeed:{self.model._meta.model_name}"
        return translations.alternates_from(
            item.language, item.get_absolute_url(), item.group_rows, url_name
        )


class SectionSitemap(ListingSitemap):
    model = Section
    article_field = "section"


class TagSitemap(ListingSitemap):
    model = Tag
    article_field = "tags"


class AuthorSitemap(ListingSitemap):
    """Authors with items in the edition; their page in each edition they have items in."""

    model = Author
    article_field = "bylines__author"

    def items(self):
        listed = listed_articles(every_edition=True)
        newest = (
            listed.in_edition()
            .filter(bylines__author=OuterRef("pk"))
            .annotate(changed=last_change())
            .order_by("-changed")
            .values("changed")[:1]
        )
        languages = (
            listed.filter(bylines__author=OuterRef("pk"))
            .order_by("language")
            .values("language")
            .distinct()
        )
        return (
            Author.objects.annotate(lastmod=Subquery(newest), editions=ArraySubquery(languages))
            .filter(lastmod__isnull=False)
            .only("slug")
            .order_by("pk")
        )

    def item_alternates(self, item):
        return alternates.author_alternates(item)


class PageSitemap(NewsroomSitemap):
    """The edition's published site pages (About, Contact), each with its translations."""

    def items(self):
        return (
            Page.objects.published()
            .in_edition()
            .annotate(lastmod=F("updated_at"), group_rows=translations.group_rows(Page))
            .only("slug", "language")
            .order_by("pk")
        )

    def item_alternates(self, item):
        return translations.alternates_from(
            item.language, item.get_absolute_url(), item.group_rows, "pages:page"
        )


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
    "pages": PageSitemap,
}


def _index_entries() -> list[SitemapIndexItem]:
    """The sitemaps of the edition being rendered, a page of 50,000 URLs each."""
    entries = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        summary = sitemap.summary()
        if not summary["urls"]:
            continue
        url = absolute_url(reverse("newsfeed:sitemap", kwargs={"section": section}))
        lastmod = summary["latest"].replace(microsecond=0)
        entries.append(SitemapIndexItem(url, lastmod))
        for page in range(2, ceil(summary["urls"] / sitemap.limit) + 1):
            entries.append(SitemapIndexItem(f"{url}?p={page}", lastmod))
    return entries


@x_robots_tag
def sitemap_index(request):
    """The sitemap index: one entry per sitemap page (50,000 URLs each) of every edition,
    with its lastmod."""
    entries = []
    for language in settings.EDITIONS:
        with translation.override(language):
            entries += _index_entries()
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


@x_robots_tag
def news_sitemap(request):
    """The Google News sitemap: articles published in the last 48 hours, newest first, and
    live stories with an entry in that time, with the time of their newest entry."""
    now = timezone.now()
    live = live_selectors.stories_with_entries_since(now - NEWS_WINDOW, now)
    articles = (
        listed_articles(now)
        .filter(Q(publish_at__gte=now - NEWS_WINDOW) | Q(pk__in=list(live)))
        .only("slug", "language", "title", "publish_at")
        .order_by("-publish_at", "-id")[:NEWS_LIMIT]
    )
    entries = [
        {
            "location": absolute_url(article.get_absolute_url()),
            "title": xml_text(article.title),
            "published": iso_datetime(article.publish_at),
            "lastmod": iso_datetime(live[article.pk]) if article.pk in live else "",
        }
        for article in articles
    ]
    context = {
        "entries": entries,
        "publication_name": xml_text(settings.SITE_NAME),
        # Google News wants an ISO 639 code; the edition's own.
        "language": editions.current(),
    }
    return TemplateResponse(
        request, "newsfeed/news_sitemap.xml", context, content_type="application/xml"
    )


def news_sitemap_url(language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse("newsfeed:news_sitemap"))


def robots_txt(request):
    context = {
        "disallow": robots_disallow(),
        "sitemaps": [absolute_url(reverse("newsfeed:sitemap_index"))]
        + [news_sitemap_url(language) for language in settings.EDITIONS],
    }
    return TemplateResponse(
        request, "newsfeed/robots.txt", context, content_type="text/plain; charset=utf-8"
    )
