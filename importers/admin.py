from django.contrib import admin
from django.urls import path

from importers.admin_views import PERMISSION, import_export_view
from importers.models import ImportedItem, OldAddress


class OldAddressInline(admin.TabularInline):
    model = OldAddress
    extra = 0
    can_delete = False
    readonly_fields = ["path"]


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    """What each imported item became; read only, the imports keep it."""

    list_display = ["source_id", "source", "kind", "target", "imported_at"]
    list_filter = ["source", "kind"]
    search_fields = ["source_id", "old_addresses__path"]
    readonly_fields = ["source", "kind", "source_id", "target", "file_name", "imported_at"]
    exclude = ["content_type", "object_id", "fingerprint"]
    inlines = [OldAddressInline]

    def get_urls(self):
        view = self.admin_site.admin_view(import_export_view)
        return [path("import/", view, name="importers_importeditem_import"), *super().get_urls()]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        can_import = request.user.has_perm(PERMISSION)
        return super().changelist_view(request, {**(extra_context or {}), "can_import": can_import})
