"""Template helpers for reader pages: pictures, search snippets, video embeds, page links."""

from urllib.parse import urlencode

from django import template
from django.utils.timezone import localtime

from articles import fragments, search, video

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def hero_picture(article, *, sizes, eager=False, css_class=""):
    """The article's hero as <picture>: WebP and JPEG/PNG srcsets, width and height."""
    picture = article.hero_picture
    return {
        "picture": picture,
        # Only if renditions could not be made: the original, without its size.
        "original_url": article.hero_image.url if article.hero_image and not picture else "",
        "alt": article.hero_alt,
        "sizes": sizes,
        "eager": eager,
        "css_class": css_class,
    }


@register.simple_tag
def site_chrome():
    """The site header and footer links, from the cache: {% site_chrome as chrome %}."""
    return fragments.site_chrome()


@register.filter
def highlighted(snippet):
    return search.snippet_html(snippet)


@register.filter
def video_embed_url(url):
    return video.embed_url(url)


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with ?page= set to `number`, e.g. for search results."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


@register.simple_tag
def query_url(base, name, value):
    """`base` with one query parameter, e.g. {% query_url article_url "more" 2 as url %}."""
    return f"{base}?{urlencode({name: value})}"


@register.filter
def isotime(value):
    """A datetime for <time datetime>: local time, whole seconds, with its UTC offset."""
    if not value:
        return ""
    return localtime(value).isoformat(timespec="seconds")
