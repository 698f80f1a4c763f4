"""RSS 2.0 and Atom feeds of the whole newsroom and of each section, tag and author.

Each feed lists the newest published items (settings.FEED_ITEMS), with their
authors, section and tags as categories, the hero image as an enclosure and,
when settings.FEEDS_FULL_CONTENT is on, the full body next to the summary.
Every feed runs the same few queries however many items it lists.
"""

import logging
import mimetypes
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles import metadata
from articles.models import Article, Section, Tag
from articles.selectors import published_items
from authors.models import Author
from website import editions
from website.identity import absolute_url, site_description

logger = logging.getLogger(__name__)

# Characters XML 1.0 cannot carry at all; a reporter may paste them from a word processor.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Site-relative addresses in the body, which a feed reader would resolve against its own host.
RELATIVE_ADDRESS = re.compile(r'\b(src|href)="/(?!/)')
MEDIA_NS = "http://search.yahoo.com/mrss/"


def xml_text(value: str) -> str:
    """value without the control characters that would make the XML malformed."""
    return NOT_XML.sub("", value or "")


class FeedExtras:
    """The hero image as Media RSS, which both generators add after Django's elements."""

    def add_media(self, handler, item):
        if image := item.get("image"):
            handler.startElement("media:content", {"url": image["url"], "medium": "image"})
            if image["alt"]:
                handler.addQuickElement("media:description", image["alt"])
            if image["credit"]:
                handler.addQuickElement("media:credit", image["credit"])
            handler.endElement("media:content")


class NewsroomRss(FeedExtras, Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:media": MEDIA_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.addQuickElement("dc:creator", author["name"])
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])
        self.add_media(handler, item)


class NewsroomAtom(FeedExtras, Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            handler.addQuickElement("uri", author["uri"])
            handler.endElement("author")
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})
        self.add_media(handler, item)


class NewsroomFeed(Feed):
    """The newest published items of the newsroom, as RSS ("rss") or Atom ("atom")."""

    generators = {"rss": NewsroomRss, "atom": NewsroomAtom}
    scope = ""  # The URL name's prefix: "" for the whole newsroom, else "section_" and so on.

    def __init__(self, format_name: str):
        self.format_name = format_name
        self.feed_type = self.generators[format_name]

    def get_object(self, request, slug=None):
        return None

    def scoped(self, items, obj):
        return items

    def items(self, obj):
        items = self.scoped(published_items().prefetch_related("tags"), obj)
        return items[: settings.FEED_ITEMS]

    def title(self, obj):
        return xml_text(f"{settings.SITE_NAME}: {obj}" if obj else settings.SITE_NAME)

    def link(self, obj):
        return absolute_url(obj.get_absolute_url() if obj else reverse("newsfeed:home"))

    def feed_url(self, obj):
        kwargs = {"slug": obj.slug} if obj else {}
        return absolute_url(reverse(f"newsfeed:{self.scope}{self.format_name}", kwargs=kwargs))

    def description(self, obj):
        return xml_text(site_description())

    @property
    def language(self):
        return editions.language_tag(editions.current())

    def author_name(self):
        return xml_text(settings.SITE_NAME)  # Atom: the author of entries without a byline.

    def feed_copyright(self):
        return f"© {settings.SITE_NAME}"

    def item_title(self, item: Article):
        return xml_text(item.title)

    def item_description(self, item: Article):
        # Feed readers treat the description as HTML, so the plain text is escaped once more.
        return escape(xml_text(metadata.description(item)))

    def item_link(self, item: Article):
        return metadata.canonical_url(item)

    def item_guid(self, item: Article):
        return absolute_url(item.get_absolute_url())

    item_guid_is_permalink = True

    def item_pubdate(self, item: Article):
        return item.publish_at

    def item_updateddate(self, item: Article):
        return max(item.updated_at, item.publish_at)

    def item_categories(self, item: Article):
        return [xml_text(item.section.name), *(xml_text(tag.name) for tag in item.tags.all())]

    def item_enclosures(self, item: Article):
        if not item.hero_image:
            return []
        mime_type = mimetypes.guess_type(item.hero_image.name)[0] or "image/jpeg"
        url = absolute_url(item.hero_image.url)
        try:
            length = item.hero_image.size
        except Exception:  # gone from the storage, or the storage is down: not the feed too
            logger.warning("feeds: no size for %s, sent without an enclosure", item.hero_image)
            return []
        return [Enclosure(url, str(length), mime_type)]

    def item_extra_kwargs(self, item: Article):
        extras = {
            "authors": [
                {
                    "name": xml_text(byline.author.name),
                    "uri": absolute_url(byline.author.get_absolute_url()),
                }
                for byline in item.bylines.all()
            ],
            "image": None,
        }
        if item.hero_image:
            extras["image"] = {
                "url": absolute_url(item.hero_image.url),
                "alt": xml_text(item.hero_alt),
                "credit": xml_text(item.hero_credit),
            }
        if settings.FEEDS_FULL_CONTENT and item.body:
            body = RELATIVE_ADDRESS.sub(rf'\1="{settings.SITE_URL}/', item.body)
            extras["content"] = xml_text(body)
        return extras


class SectionFeed(NewsroomFeed):
    scope = "section_"

    def get_object(self, request, slug=None):
        return Section.objects.in_edition().get(slug=slug)

    def scoped(self, items, obj):
        return items.filter(section=obj)

    def description(self, obj):
        return xml_text(obj.description or obj.name)


class TagFeed(NewsroomFeed):
    scope = "tag_"

    def get_object(self, request, slug=None):
        return Tag.objects.in_edition().get(slug=slug)

    def scoped(self, items, obj):
        return items.filter(tags=obj)

    def description(self, obj):
        return xml_text(_("Stories about %(name)s.") % {"name": obj.name})


class AuthorFeed(NewsroomFeed):
    scope = "author_"

    def get_object(self, request, slug=None):
        return Author.objects.get(slug=slug)

    def scoped(self, items, obj):
        return items.filter(bylines__author=obj)

    def description(self, obj):
        profile = obj.in_language()
        return xml_text(profile.short_bio or _("Stories by %(name)s.") % {"name": profile.name})
