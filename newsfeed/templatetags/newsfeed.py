"""Template tags of reader listings: page meta and JSON-LD, the site's header, search snippets."""

from django import template
from django.conf import settings
from django.urls import reverse

from articles import pieces as article_pieces
from articles.cards import feed_card
from articles.models import Article, Section, Tag
from authors.models import Author
from authors.structured_data import profile_page
from newsfeed import alternates, metadata, pieces, search
from website import editions
from website.identity import publisher
from website.structured_data import breadcrumb_list, json_ld

register = template.Library()

# Pages the header links to besides sections, by view name: what aria-current names them.
NAV_PAGES = {"newsfeed:home": "home", "newsfeed:stream": "news-feed", "newsfeed:search": "search"}


@register.inclusion_tag("includes/meta.html", takes_context=True)
def page_meta(context, subject=None, title=""):
    """Meta, OpenGraph, Twitter card and feed links for a listing page (home, section, ...)."""
    return {"meta": metadata.listing_meta(context.get("request"), subject, title)}


@register.inclusion_tag("includes/structured_data.html")
def page_json_ld(subject=None):
    """JSON-LD for an author, a section, a tag or the home page."""
    home = (settings.SITE_NAME, reverse("newsfeed:home"))
    if isinstance(subject, Author):
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
            "inLanguage": editions.language_tag(editions.current()),
            "publisher": {"@id": publisher()["@id"]},
        }
        things = [publisher(), website]
    return {"json_ld": json_ld(*things)}


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """The site header and footer, from the cache: {% site_chrome as chrome %}.

    The navigation marks the page's section (aria-current): on the News Feed, a section page
    or an article, whose section it marks as the current one of the set.
    """
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    view = match.view_name if match else ""
    if view == "newsfeed:section":
        return pieces.site_chrome(current=match.kwargs["slug"])
    if view in NAV_PAGES:
        return pieces.site_chrome(current=NAV_PAGES[view])
    article = context.get("article")
    if isinstance(article, Article):
        slugs = {section.pk: section.slug for section in article_pieces.sections()}
        return pieces.site_chrome(current=slugs.get(article.section_id, ""), current_kind="true")
    return pieces.site_chrome()


@register.simple_tag
def search_card(item):
    """A search result's card, with its snippet where the snippet shows a match."""
    snippet = search.snippet_html(item.snippet) if "<mark>" in (item.snippet or "") else ""
    return feed_card(item, show_images=True, snippet=snippet)


@register.simple_tag(takes_context=True)
def page_editions(context):
    """The page's hreflang links and the language switcher's links: {% page_editions as e %}."""
    found = alternates.for_page(context)
    return {"links": alternates.hreflang_links(found), "switcher": alternates.switcher(found)}
