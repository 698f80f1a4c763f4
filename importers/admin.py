from django.contrib import admin
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from importers.admin_views import PERMISSION, progress_view, upload_view
from importers.models import ImportedItem, ImportRun, OldAddress


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records the imports keep; nobody edits them by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    list_display = ["run_link", "source", "status", "by", "created_at", "finished_at"]
    list_filter = ["source", "status"]

    @admin.display(description=_("file"))
    def run_link(self, run):
        url = reverse("admin:importers_importrun_progress", args=[run.pk])
        return format_html('<a href="{}">{}</a>', url, run.file_name)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("upload/", wrap(upload_view), name="importers_importrun_upload"),
            path("<int:pk>/progress/", wrap(progress_view), name="importers_importrun_progress"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        can_import = request.user.has_perm(PERMISSION)
        return super().changelist_view(request, {**(extra_context or {}), "can_import": can_import})


class OldAddressInline(admin.TabularInline):
    model = OldAddress
    extra = 0
    can_delete = False
    readonly_fields = ["path"]


@admin.register(ImportedItem)
class ImportedItemAdmin(ReadOnlyAdmin):
    """What each imported item became."""

    list_display = ["source_id", "source", "site", "kind", "target", "imported_at"]
    list_filter = ["source", "kind"]
    search_fields = ["source_id", "old_addresses__path"]
    readonly_fields = ["source", "site", "kind", "source_id", "target", "file_name", "imported_at"]
    exclude = ["content_type", "object_id", "fingerprint"]
    inlines = [OldAddressInline]
