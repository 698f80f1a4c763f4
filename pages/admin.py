from django.contrib import admin

from pages.models import Page


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "is_published", "show_in_footer", "footer_position"]
    list_editable = ["footer_position"]
    list_filter = ["is_published", "show_in_footer"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "body", "is_published"]}),
        ("Footer", {"fields": ["show_in_footer", "footer_position"]}),
        ("Search and sharing", {"fields": ["seo_title", "seo_description"]}),
    ]
