"""Search and social metadata every page starts from: the newsroom's name, logo, feeds, canonical.

Builds the `meta` dictionary that templates/includes/meta.html shows; articles
(articles/metadata.py) and listings (newsfeed/metadata.py) fill in their own.
"""

from django.conf import settings
from django.urls import reverse

from website import editions
from website.identity import absolute_url, logo, site_description
from website.pagination import is_page_number

RSS = "application/rss+xml"
ATOM = "application/atom+xml"
# Search engines show about this much of a description; shares show less.
DESCRIPTION_LENGTH = 200
# Left off the end of a cut description, before its ellipsis.
TRAILING_PUNCTUATION = " ,;:–—-"


def description_text(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """text on one line, cut after the last whole word that fits, with an ellipsis.

    The one rule for every description: meta, OpenGraph, Twitter, JSON-LD and feeds.
    """
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]  # room for the ellipsis
    if not text[length - 1].isspace():
        # The cut fell inside a word: leave that word out, unless it is the only one.
        cut = cut.rpartition(" ")[0] or cut
    return cut.rstrip(TRAILING_PUNCTUATION) + "…"


def feed_links(subject=None) -> list[dict]:
    """The newsroom's RSS and Atom feeds, then those of subject (a section, tag or author)."""
    links = [
        {"type": RSS, "title": f"{settings.SITE_NAME} (RSS)", "url": reverse("newsfeed:rss")},
        {"type": ATOM, "title": f"{settings.SITE_NAME} (Atom)", "url": reverse("newsfeed:atom")},
    ]
    if subject is not None:
        # Each section, tag and author has its feeds, named after its model.
        kind = subject._meta.model_name
        for feed_type, name, label in [(RSS, "rss", "RSS"), (ATOM, "atom", "Atom")]:
            url = reverse(f"newsfeed:{kind}_{name}", kwargs={"slug": subject.slug})
            title = f"{settings.SITE_NAME}: {subject} ({label})"
            links.append({"type": feed_type, "title": title, "url": url})
    return links


def site_meta(**values) -> dict:
    meta = {
        "site_name": settings.SITE_NAME,
        "locale": editions.og_locale(),
        "locale_alternates": [editions.og_locale(code) for code in editions.others()],
        "title": settings.SITE_NAME,
        "description": site_description(),
        "type": "website",
        "image": {**logo(), "alt": settings.SITE_NAME},
        "twitter_card": "summary",
        "twitter_site": settings.SITE_X_HANDLE,
        "twitter_creator": "",
        "feeds": feed_links(),
    }
    meta.update(values)
    meta["description"] = description_text(meta["description"])
    return meta


def canonical_for(request) -> str:
    """The page's address on the newsroom's site, keeping only a page number past the first."""
    if request is None:
        return absolute_url("/")
    url = absolute_url(request.path)
    page = request.GET.get("page", "")
    if is_page_number(page):
        url += f"?page={page}"
    return url
