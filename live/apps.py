from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = _("Live coverage")

    def ready(self):
        from caching import keys
        from caching.watched import watch
        from images import body_uses, display
        from live import policy as live_policy
        from live.models import LiveEntry

        # A live story's primary key is its article's: both drop the article's page and,
        # when its state changes (the LIVE badge on cards), the lists that show it.
        watch(
            "live.LiveStory",
            drops=lambda story: [keys.shown_pk("articles.Article", story.pk)],
            listed_by=("state",),
        )
        # An entry drops itself and its story's page (and the polls of it); a new, deleted
        # or rescheduled one also the lists (the news sitemap and feeds show its time).
        watch(
            "live.LiveEntry",
            drops=lambda entry: [
                keys.shown(entry),
                keys.shown_pk("articles.Article", entry.story_id),
            ],
            listed_by=("published_at", "story_id"),
        )
        # "Where used" lists the entries showing a library image in their text, and names
        # an entry only to whoever may see it (live/policy.py).
        body_uses.watch(LiveEntry, "body")
        display.VIEW_RULES["live.LiveEntry"] = live_policy.can_see
        display.READ_WITH["live.LiveEntry"] = ("story__article",)
