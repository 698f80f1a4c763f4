"""Template helpers for every page: page links that keep the query, times for <time>."""

from urllib.parse import urlencode

from django import template

from website.pagination import first_page_url
from website.structured_data import iso_datetime

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with ?page= set to `number`, e.g. for search results.

    Page 1 is the list's own address, without a number (website/pagination.py).
    """
    request = context["request"]
    if number == 1:
        return first_page_url(request)
    query = request.GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


@register.simple_tag
def query_url(base, name, value):
    """`base` with one query parameter, e.g. {% query_url article_url "more" 2 as url %}."""
    return f"{base}?{urlencode({name: value})}"


@register.filter
def isotime(value):
    """A datetime for <time datetime> or a sitemap: local time, whole seconds, with its offset.

    Templates use this, never |date:"c", which keeps microseconds HTML does not allow.
    """
    return iso_datetime(value) if value else ""
