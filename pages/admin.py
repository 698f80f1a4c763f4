from django.contrib import admin

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
        ("Footer", {"fields": ["show_in_footer", "footer_position"]}),
        ("Search and sharing", {"fields": ["seo_title", "seo_description"]}),
    ]
