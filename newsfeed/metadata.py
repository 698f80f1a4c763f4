"""Search and social metadata for every reader page: title, description, canonical, cards, feeds.

Builds the `meta` dictionary that templates/includes/meta.html shows; the page
templates ask for it with {% page_meta %} from the seo template library.
"""

from django.conf import settings
from django.urls import reverse

from articles import metadata
from articles.models import Article, Section, Tag
from authors.models import Author
from newsroom.identity import absolute_url, logo
from newsroom.structured_data import iso_datetime

RSS = "application/rss+xml"
ATOM = "application/atom+xml"


def feed_links(subject=None) -> list[dict]:
    """The newsroom's RSS and Atom feeds, then those of subject (a section, tag or author)."""
    links = [
        {"type": RSS, "title": f"{settings.SITE_NAME} (RSS)", "url": reverse("newsfeed:rss")},
        {"type": ATOM, "title": f"{settings.SITE_NAME} (Atom)", "url": reverse("newsfeed:atom")},
    ]
    kind = {Section: "section", Tag: "tag", Author: "author"}.get(type(subject))
    if kind:
        for feed_type, name, label in [(RSS, "rss", "RSS"), (ATOM, "atom", "Atom")]:
            url = reverse(f"newsfeed:{kind}_{name}", kwargs={"slug": subject.slug})
            links.append(
                {
                    "type": feed_type,
                    "title": f"{settings.SITE_NAME}: {subject} ({label})",
                    "url": url,
                }
            )
    return links


def site_meta(**values) -> dict:
    meta = {
        "site_name": settings.SITE_NAME,
        "title": settings.SITE_NAME,
        "description": settings.SITE_DESCRIPTION,
        "type": "website",
        "image": {**logo(), "alt": settings.SITE_NAME},
        "twitter_card": "summary",
        "twitter_site": settings.SITE_X_HANDLE,
        "twitter_creator": "",
        "feeds": feed_links(),
    }
    meta.update(values)
    return meta


def article_meta(article: Article) -> dict:
    """OpenGraph article metadata; uses the bylines and tags the caller prefetched."""
    authors = [byline.author for byline in article.bylines.all()]
    values = {
        "title": metadata.seo_title(article),
        "description": metadata.description(article),
        "canonical": metadata.canonical_url(article),
        "type": "article",
        "twitter_creator": next((a.x_handle.lstrip("@") for a in authors if a.x_handle), ""),
        "published_time": iso_datetime(article.publish_at),
        "modified_time": iso_datetime(metadata.date_modified(article)),
        "section": article.section.name,
        "tags": [tag.name for tag in article.tags.all()],
        "authors": [absolute_url(author.get_absolute_url()) for author in authors],
        "feeds": feed_links(article.section),
    }
    if image := metadata.social_image(article):
        values["twitter_card"] = "summary_large_image"
        values["image"] = {
            "url": absolute_url(image.url),
            "width": image.width,
            "height": image.height,
            "alt": article.hero_alt,
        }
    return site_meta(**values)


def listing_meta(request, subject=None, title="") -> dict:
    """Metadata for a home, section, tag, author or other listing page."""
    values = {"canonical": canonical_for(request), "feeds": feed_links(subject)}
    if title:
        values["title"] = title
    if isinstance(subject, Section):
        values.update(title=subject.name, description=subject.description or subject.name)
    elif isinstance(subject, Tag):
        values.update(title=subject.name, description=f"Stories about {subject.name}.")
    elif isinstance(subject, Author):
        values.update(
            title=subject.name,
            description=subject.short_bio or subject.role or subject.name,
            type="profile",
        )
        if subject.photo:
            values["image"] = {
                "url": absolute_url(subject.photo.url),
                "width": subject.photo.width,
                "height": subject.photo.height,
                "alt": subject.photo_alt,
            }
    return site_meta(**values)


def canonical_for(request) -> str:
    """The page's address on the newsroom's site, keeping only a page number past the first."""
    if request is None:
        return absolute_url("/")
    url = absolute_url(request.path)
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        url += f"?page={int(page)}"
    return url
