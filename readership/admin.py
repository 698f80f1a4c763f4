from datetime import timedelta

from django.contrib import admin
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from readership.counting import hour_of
from readership.models import ArticleReadership


@admin.register(ArticleReadership)
class ArticleReadershipAdmin(admin.ModelAdmin):
    """How many read each article, for staff: figures only, nothing to edit."""

    list_display = ["title", "section", "publish_at", "views_day", "views_week", "views_total"]
    list_select_related = ["section"]
    list_filter = ["section", "kind"]
    search_fields = ["title"]
    fields = ["title", "section", "publish_at", "views_day", "views_week", "views_total"]
    readonly_fields = fields

    def get_queryset(self, request):
        this_hour = hour_of(timezone.now())
        counted = "hourly_views__views"
        # Not super(): it orders by get_ordering() before these annotations exist.
        return ArticleReadership.objects.published().annotate(
            views_day=Sum(
                counted,
                filter=Q(hourly_views__hour__gt=this_hour - timedelta(days=1)),
                default=0,
            ),
            views_week=Sum(
                counted,
                filter=Q(hourly_views__hour__gt=this_hour - timedelta(days=7)),
                default=0,
            ),
            views_total=Sum(counted, default=0),
        )

    def get_ordering(self, request):
        # Most read first: annotations, which the `ordering` attribute cannot name.
        return ["-views_week", "-publish_at"]

    @admin.display(description=_("last 24 hours"), ordering="views_day")
    def views_day(self, article):
        return article.views_day

    @admin.display(description=_("last 7 days"), ordering="views_week")
    def views_week(self, article):
        return article.views_week

    @admin.display(description=_("all time"), ordering="views_total")
    def views_total(self, article):
        return article.views_total

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
