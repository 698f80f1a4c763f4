"""Template tags putting search and social metadata and JSON-LD into page heads."""

from django import template
from django.conf import settings
from django.urls import reverse

from articles.models import Article, Section, Tag
from articles.structured_data import article_breadcrumbs, news_article, video_object
from authors.models import Author
from authors.structured_data import profile_page
from newsfeed import metadata
from newsroom.identity import publisher
from newsroom.structured_data import breadcrumb_list, json_ld

register = template.Library()


@register.inclusion_tag("includes/meta.html", takes_context=True)
def page_meta(context, subject=None, title=""):
    """Meta, OpenGraph, Twitter card and feed links for an article or a listing page."""
    if isinstance(subject, Article):
        return {"meta": metadata.article_meta(subject)}
    return {"meta": metadata.listing_meta(context.get("request"), subject, title)}


@register.inclusion_tag("includes/structured_data.html")
def page_json_ld(subject=None):
    """JSON-LD for an article (with its video), an author, a section, a tag or the home page."""
    home = (settings.SITE_NAME, reverse("newsfeed:home"))
    if isinstance(subject, Article):
        things = [news_article(subject), article_breadcrumbs(subject), video_object(subject)]
    elif isinstance(subject, Author):
        things = [
            profile_page(subject),
            breadcrumb_list([home, (subject.name, subject.get_absolute_url())]),
        ]
    elif isinstance(subject, Section | Tag):
        things = [breadcrumb_list([home, (subject.name, subject.get_absolute_url())])]
    else:
        website = {
            "@type": "WebSite",
            "name": settings.SITE_NAME,
            "url": f"{settings.SITE_URL}/",
            "inLanguage": settings.SITE_LANGUAGE,
            "publisher": {"@id": publisher()["@id"]},
        }
        things = [publisher(), website]
    return {"json_ld": json_ld(*[thing for thing in things if thing])}
