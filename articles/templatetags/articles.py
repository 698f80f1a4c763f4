"""Template helpers for the article page: its meta tags, its JSON-LD and its video player."""

from django import template

from articles import metadata, video
from articles.structured_data import article_breadcrumbs, news_article, video_object
from website.structured_data import json_ld

register = template.Library()


@register.inclusion_tag("includes/meta.html")
def article_meta(article):
    """Meta, OpenGraph, Twitter card and feed links of an article."""
    return {"meta": metadata.article_meta(article)}


@register.inclusion_tag("includes/structured_data.html")
def article_json_ld(article):
    """NewsArticle, its breadcrumbs and, for a video item, its VideoObject."""
    things = [news_article(article), article_breadcrumbs(article), video_object(article)]
    return {"json_ld": json_ld(*[thing for thing in things if thing])}


@register.filter
def video_embed_url(url):
    return video.embed_url(url)
