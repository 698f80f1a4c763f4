"""Cached pieces of the site around the articles: its header and footer, the home page's head."""

from django.conf import settings
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from articles.pieces import sections
from caching import keys
from caching.dependencies import exact, shows
from caching.pieces import piece
from pages.models import Page
from website import editions
from website.identity import social_accounts
from website.metadata import canonical_for
from website.prepared import LANGUAGE, prepared


@prepared
def footer_pages() -> QuerySet[Page]:
    """The site pages linked in the footer of an edition (the Param `language`)."""
    return Page.objects.in_footer(LANGUAGE)


def site_chrome(*, current: str = "", current_kind: str = "page") -> dict[str, SafeString]:
    """The site header (name, navigation, search link) and the footer.

    `current` names what the page is, or is in, for aria-current in the navigation: "home",
    "search" or a section's slug ("news-feed" for the News Feed), with `current_kind` "page"
    on that page itself and "true" on an article in that section.
    """

    def header():
        context = {
            "SITE_NAME": settings.SITE_NAME,
            "nav_sections": sections(),
            "current": current,
            "current_kind": current_kind,
        }
        return render_to_string("includes/site_header.html", context)

    def footer():
        with exact():  # fresh on the next request, like the navigation
            shows(keys.shown_any("pages.Page"))
        context = {
            "SITE_NAME": settings.SITE_NAME,
            "nav_sections": sections(),
            "site_pages": footer_pages(language=editions.current()),
            "social_accounts": social_accounts(),
        }
        return render_to_string("includes/site_footer_links.html", context)

    return {
        "header": mark_safe(piece("header", header, current=current, kind=current_kind)),  # noqa: S308
        "footer_links": mark_safe(piece("footer", footer)),  # noqa: S308
    }


def home_head(request) -> SafeString:
    """The home page's meta tags and JSON-LD; they differ only by the canonical address."""
    html = piece(
        "home-head",
        lambda: render_to_string("newsfeed/home_head.html", request=request),
        canonical=canonical_for(request),
    )
    return mark_safe(html)  # noqa: S308
