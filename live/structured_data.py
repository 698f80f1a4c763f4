"""A live story as schema.org data: LiveBlogPosting with its entries as BlogPosting updates."""

from datetime import timedelta

from django.conf import settings

from articles.metadata import date_modified, description, hero_crops
from articles.structured_data import article_breadcrumbs, crop_size
from authors.structured_data import person
from live.models import LiveEntry, LiveStory
from website import editions
from website.identity import absolute_url, publisher
from website.richtext import plain_text
from website.structured_data import iso_datetime

# Google wants a coverage end; while none is set, the coverage is taken to run a day.
OPEN_COVERAGE = timedelta(days=1)


def coverage_end(story: LiveStory):
    return story.coverage_end or story.coverage_start + OPEN_COVERAGE


def blog_posting(entry: LiveEntry, *, story_url: str, fallback_authors: list[dict]) -> dict:
    """One entry: headline, times, text, authors and the address of its anchor on the page."""
    text = plain_text(entry.body)
    data = {
        "@type": "BlogPosting",
        "@id": f"{story_url}#{entry.anchor}",
        "url": f"{story_url}#{entry.anchor}",
        "headline": (entry.headline or text or str(entry))[:110],
        "datePublished": iso_datetime(entry.published_at),
        "dateModified": iso_datetime(entry.edited_at or entry.corrected_at or entry.published_at),
        "articleBody": text or entry.headline,
        "author": [person(author) for author in entry.authors.all()] or fallback_authors,
        "publisher": publisher(),
    }
    if entry.image_id:
        crop = entry.image.picture.crop("16x9")
        if crop:
            data["image"] = {
                "@type": "ImageObject",
                "url": absolute_url(crop.url),
                **crop_size(crop),
            }
    if entry.correction:
        data["correction"] = {
            "@type": "CorrectionComment",
            "text": entry.correction,
            "datePublished": iso_datetime(entry.corrected_at or entry.updated_at),
        }
    return data


def live_blog_posting(story: LiveStory, entries: list[LiveEntry]) -> dict:
    """The story with its newest entries (the ones its first page shows)."""
    article = story.article
    url = absolute_url(article.get_absolute_url())
    authors = [person(byline.author) for byline in article.bylines.all()] or [
        {"@type": "Organization", "name": settings.SITE_NAME}
    ]
    updated = [entry.edited_at or entry.published_at for entry in entries]
    data = {
        "@type": "LiveBlogPosting",
        "@id": f"{url}#live",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title,
        "description": description(article),
        "image": [
            {"@type": "ImageObject", "url": absolute_url(crop.url), **crop_size(crop)}
            for crop in hero_crops(article).values()
        ],
        "datePublished": iso_datetime(article.publish_at),
        "dateModified": iso_datetime(max([date_modified(article), story.updated_at, *updated])),
        "coverageStartTime": iso_datetime(story.coverage_start),
        "coverageEndTime": iso_datetime(coverage_end(story)),
        "author": authors,
        "publisher": publisher(),
        "articleSection": article.section.name,
        "inLanguage": editions.language_tag(article.language),
        "isAccessibleForFree": True,
        "liveBlogUpdate": [
            blog_posting(entry, story_url=url, fallback_authors=authors) for entry in entries
        ],
    }
    if not data["image"]:
        del data["image"]
    return data


def story_json_ld(story: LiveStory, entries: list[LiveEntry]) -> list[dict]:
    return [live_blog_posting(story, entries), article_breadcrumbs(story.article)]
