from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Byline, Correction, Section, Tag


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "role", "position"]


class CorrectionInline(admin.StackedInline):
    model = Correction
    extra = 0
    fields = ["published_at", "text"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "section", "status", "byline_names", "publish_at"]
    list_filter = ["status", "kind", "section", "is_breaking", "authors"]
    list_select_related = ["section"]
    search_fields = ["title", "standfirst", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["tags"]
    date_hierarchy = "publish_at"
    inlines = [BylineInline, CorrectionInline]
    readonly_fields = ["word_count", "reading_time", "first_published_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "standfirst", "body"]}),
        (_("Placement"), {"fields": ["section", "tags", "is_breaking"]}),
        (
            _("Hero image"),
            {"fields": ["hero_image", "hero_alt", "hero_caption", "hero_credit", "video_url"]},
        ),
        (_("Publishing"), {"fields": ["status", "publish_at", "first_published_at", "updated_at"]}),
        (
            _("Search and sharing"),
            {
                "classes": ["collapse"],
                "fields": ["seo_title", "seo_description", "canonical_url"],
            },
        ),
        (_("Measured"), {"fields": ["word_count", "reading_time"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("bylines__author")

    @admin.display(description=_("authors"))
    def byline_names(self, article):
        return ", ".join(byline.author.name for byline in article.bylines.all())
