from django.contrib import admin, messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from curation.models import Pin, Placement
from website import dates


def short_time(moment) -> str:
    """A pin's start or end in the newsroom's zone, short enough for a phone's list."""
    return date_format(timezone.localtime(moment), "j M, H:i") if moment else "—"


@admin.register(Pin)
class PinAdmin(admin.ModelAdmin):
    """Editors pin stories to the front page and section pages; reporters hold no permission."""

    # Short columns, so the whole row fits the list's box on a laptop and on a phone.
    list_display = ["article_title", "place", "starts", "ends", "shown"]
    list_display_links = ["article_title"]
    list_filter = ["placement", "section"]
    list_select_related = ["article", "section"]
    search_fields = ["article__title"]
    autocomplete_fields = ["article"]
    fields = ["placement", "section", "position", "article", "starts_at", "ends_at"]

    @admin.display(description=_("article"), ordering="article__title")
    def article_title(self, pin):
        return pin.article.title

    @admin.display(description=_("place"), ordering="placement")
    def place(self, pin):
        where = pin.section.name if pin.section_id else pin.get_placement_display()
        return f"{where} {pin.position}" if pin.placement != Placement.LEAD else where

    @admin.display(description=_("show from"), ordering="starts_at")
    def starts(self, pin):
        return short_time(pin.starts_at)

    @admin.display(description=_("show until"), ordering="ends_at")
    def ends(self, pin):
        return short_time(pin.ends_at)

    @admin.display(description=_("readers see it"))
    def shown(self, pin):
        return pin.state()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        now = timezone.now()
        article_state = obj.article.state(now)
        if article_state == Article.Status.SCHEDULED:
            when = dates.label(obj.article.publish_at, now=now)
            messages.warning(
                request,
                _("“%(title)s” is scheduled: the pin shows it from %(when)s.")
                % {"title": obj.article.title, "when": when},
            )
        elif article_state != Article.Status.PUBLISHED:
            messages.warning(
                request,
                _("“%(title)s” is not published (%(state)s): the pin shows nothing until it is.")
                % {"title": obj.article.title, "state": article_state.label.lower()},
            )
        if obj.ends_at and obj.ends_at <= now:
            messages.warning(request, _("This pin has already ended: readers do not see it."))
