from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from curation.models import Pin
from website import dates


@admin.register(Pin)
class PinAdmin(admin.ModelAdmin):
    """Editors pin stories to the front page and section pages; reporters hold no permission."""

    list_display = ["article", "placement", "section", "position", "starts_at", "ends_at", "shown"]
    list_filter = ["placement", "section"]
    list_select_related = ["article", "section"]
    search_fields = ["article__title"]
    autocomplete_fields = ["article"]
    fields = ["placement", "section", "position", "article", "starts_at", "ends_at"]

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
