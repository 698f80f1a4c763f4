"""What search engines, social networks and feed readers are told about a live story."""

from django.conf import settings
from django.urls import reverse

from articles.metadata import article_meta
from live.models import LiveEntry, LiveStory
from website.identity import absolute_url
from website.metadata import ATOM, description_text
from website.richtext import plain_text


def entries_feed(story: LiveStory) -> dict:
    return {
        "type": ATOM,
        "title": f"{settings.SITE_NAME}: {story.article.title} (Atom)",
        "url": reverse("newsfeed:live_atom", kwargs={"slug": story.article.slug}),
    }


def story_meta(story: LiveStory) -> dict:
    """The article's metadata, with the feed of the story's entries first."""
    meta = article_meta(story.article)
    meta["feeds"] = [entries_feed(story), *meta["feeds"]]
    return meta


def entry_meta(story: LiveStory, entry: LiveEntry) -> dict:
    """An entry's permalink shares as itself: its headline (or the story's) and its text."""
    meta = story_meta(story)
    text = plain_text(entry.body)
    meta["title"] = entry.headline or story.article.title
    meta["description"] = description_text(text or meta["description"])
    meta["canonical"] = absolute_url(
        reverse("live:entry", kwargs={"slug": story.article.slug, "pk": entry.pk})
    )
    crop = entry.image.picture.crop("16x9") if entry.image_id else None
    if crop:
        meta["image"] = {
            "url": absolute_url(crop.url),
            "width": crop.width,
            "height": crop.height,
            "alt": entry.image.alt_text,
        }
        meta["twitter_card"] = "summary_large_image"
    return meta
