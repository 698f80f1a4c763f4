"""The admin as the newsroom's desk: its home page shows the queues, its navigation their counts."""

from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.urls import reverse
from django.utils import timezone

from articles import desk


class DeskAutocompleteView(AutocompleteJsonView):
    """Search results as the searched model's admin describes them (`autocomplete_details`),
    e.g. a library image with its thumbnail."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        details = getattr(self.model_admin, "autocomplete_details", None)
        return {**result, **details(obj)} if details else result


class NewsroomAdminSite(admin.AdminSite):
    def autocomplete_view(self, request):
        return DeskAutocompleteView.as_view(admin_site=self)(request)

    def each_context(self, request):
        context = super().each_context(request)
        if not hasattr(request, "desk_context"):
            request.desk_context = self.desk_context(request)
        return {**context, **request.desk_context}

    def desk_context(self, request):
        """The queues' counts for the navigation, read once per request."""
        context = {}
        queues = desk.queues_for(request.user)
        if queues:
            now = timezone.now()
            counts = desk.counts(request.user, now)
            changelist = reverse("admin:articles_article_changelist", current_app=self.name)
            context["desk_now"] = now
            context["desk_counts"] = counts
            context["desk_nav"] = [
                (queue, counts[queue.key], f"{changelist}?queue={queue.key}") for queue in queues
            ]
        return context

    def index(self, request, extra_context=None):
        context = self.each_context(request)
        queues = desk.desk(request.user, context.get("desk_now"), context.get("desk_counts", {}))
        changelist = reverse("admin:articles_article_changelist", current_app=self.name)
        for shown in queues:
            shown.url = f"{changelist}?queue={shown.queue.key}"
        return super().index(request, {**(extra_context or {}), "desk_queues": queues})
