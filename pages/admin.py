from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from pages.models import Page


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "slug",
        "language",
        "translation_of",
        "is_published",
        "show_in_footer",
        "footer_position",
    ]
    list_editable = ["footer_position"]
    list_filter = ["language", "is_published", "show_in_footer"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "language":
            field.required = False  # left out: the first edition's, as the model says
        return field

    fieldsets = [
        (None, {"fields": ["title", "slug", "language", "translation_of", "body", "is_published"]}),
        (_("Footer"), {"fields": ["show_in_footer", "footer_position"]}),
        (_("Search and sharing"), {"fields": ["seo_title", "seo_description"]}),
    ]
