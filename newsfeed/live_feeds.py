"""The Atom feed of a live story's entries, newest first, at /news/<slug>/atom.xml."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from live import selectors as live_selectors
from live.models import LiveEntry, LiveStory
from newsfeed.feeds import RELATIVE_ADDRESS, NewsroomAtom, xml_text
from website.identity import absolute_url
from website.metadata import description_text
from website.richtext import plain_text
from website.structured_data import iso_datetime


class LiveEntriesFeed(Feed):
    feed_type = NewsroomAtom

    def get_object(self, request, slug=None):
        pk = live_selectors.live_story_pk(slug=slug)
        if pk is None:
            raise Http404("No such live story.")
        return live_selectors.story_for_page(pk=pk)

    def items(self, story: LiveStory):
        return live_selectors.latest_entries(story=story, count=settings.FEED_ITEMS)

    def title(self, story: LiveStory):
        return xml_text(f"{settings.SITE_NAME}: {story.article.title}")

    def link(self, story: LiveStory):
        return absolute_url(story.article.get_absolute_url())

    def feed_url(self, story: LiveStory):
        return absolute_url(reverse("newsfeed:live_atom", kwargs={"slug": story.article.slug}))

    def description(self, story: LiveStory):
        return xml_text(story.article.standfirst or story.article.title)

    def author_name(self):
        return xml_text(settings.SITE_NAME)

    def feed_copyright(self):
        return f"© {settings.SITE_NAME}"

    def get_feed(self, obj, request):
        self._slug = obj.article.slug
        return super().get_feed(obj, request)

    def item_title(self, entry: LiveEntry):
        text = entry.headline or description_text(plain_text(entry.body), 80)
        return xml_text(text or iso_datetime(entry.published_at))

    def item_description(self, entry: LiveEntry):
        return escape(xml_text(description_text(plain_text(entry.body) or entry.headline)))

    def item_link(self, entry: LiveEntry):
        return absolute_url(reverse("live:entry", kwargs={"slug": self._slug, "pk": entry.pk}))

    def item_guid(self, entry: LiveEntry):
        return self.item_link(entry)

    item_guid_is_permalink = True

    def item_pubdate(self, entry: LiveEntry):
        return entry.published_at

    def item_updateddate(self, entry: LiveEntry):
        return max(d for d in [entry.published_at, entry.edited_at, entry.corrected_at] if d)

    def item_extra_kwargs(self, entry: LiveEntry):
        extras = {
            "authors": [
                {"name": xml_text(author.name), "uri": absolute_url(author.get_absolute_url())}
                for author in entry.authors.all()
            ],
            "image": None,
        }
        if entry.image_id:
            extras["image"] = {
                "url": absolute_url(entry.image.file.url),
                "alt": xml_text(entry.image.alt_text),
                "credit": xml_text(entry.image.credit),
            }
        body = entry.body
        if entry.correction:
            label = escape(gettext("Correction:"))
            body += f"<p><strong>{label}</strong> {escape(entry.correction)}</p>"
        if settings.FEEDS_FULL_CONTENT and body:
            extras["content"] = xml_text(RELATIVE_ADDRESS.sub(rf'\1="{settings.SITE_URL}/', body))
        return extras
