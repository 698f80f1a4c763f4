"""Template helpers for every page: page links that keep the query, dates and times."""

from urllib.parse import urlencode

from django import template
from django.utils.html import format_html, json_script
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from website import dates, slugs
from website.pagination import first_page_url
from website.plurals import plural_forms_json
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


@register.filter
def when(value, style="exact"):
    """A moment as <time>, in the one date style of every page (website/dates.py).

    |when: "December 1, 14:32"; |when:"date": "December 1"; |when:"relative": the same,
    which the browser shows as "12 minutes ago" while it is recent (static/js/times.js).
    """
    if not value:
        return ""
    text = dates.label(value, with_time=style != "date")
    relative = mark_safe(" data-relative") if style == "relative" else ""
    return format_html('<time datetime="{}"{}>{}</time>', iso_datetime(value), relative, text)


@register.simple_tag
def slug_transliteration():
    """The transliteration of slugs (website/slugs.py) for the admin's slug fields."""
    return json_script(slugs.table(), "slug-transliteration")


@register.simple_tag
def show_more_words() -> str:
    """Show More's announcements in every plural form of the page's language, as JSON
    (static/js/show-more.js): after a page of items, and after the last one."""
    return plural_forms_json(
        more=lambda n: ngettext("%(count)s more item loaded.", "%(count)s more items loaded.", n),
        end=lambda n: ngettext(
            "%(count)s more item loaded. That is everything.",
            "%(count)s more items loaded. That is everything.",
            n,
        ),
    )


@register.simple_tag
def relative_time_words() -> str:
    """ "12 minutes ago" and "3 hours ago" in every plural form of the page's language, as JSON
    (static/js/times.js). Django's own translations (django.contrib.humanize) give the words:
    building Intl.RelativeTimeFormat in the browser costs a long task on every page load."""
    return plural_forms_json(
        minutes=lambda n: ngettext("a minute ago", "%(count)s minutes ago", n),
        hours=lambda n: ngettext("an hour ago", "%(count)s hours ago", n),
    )
