"""Cached pieces of the site around the articles: its header and footer, the home page's head."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from articles.pieces import sections
from caching.pieces import piece
from pages.models import Page
from website.metadata import canonical_for


def site_chrome() -> dict[str, SafeString]:
    """The site header (name, navigation, search) and the footer's links."""

    def render():
        context = {
            "SITE_NAME": settings.SITE_NAME,
            "nav_sections": sections(),
            "site_pages": list(Page.objects.in_footer()),
        }
        return {
            "header": render_to_string("includes/site_header.html", context),
            "footer_links": render_to_string("includes/site_footer_links.html", context),
        }

    return {name: mark_safe(html) for name, html in piece("chrome", render).items()}  # noqa: S308


def home_head(request) -> SafeString:
    """The home page's meta tags and JSON-LD; they differ only by the canonical address."""
    html = piece(
        "home-head",
        lambda: render_to_string("newsfeed/home_head.html", request=request),
        canonical=canonical_for(request),
    )
    return mark_safe(html)  # noqa: S308
