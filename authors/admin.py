from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from authors.models import Author


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "location", "user", "is_active"]
    list_filter = ["is_active", "role"]
    search_fields = ["name", "role", "short_bio"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "role", "short_bio", "bio", "is_active"]}),
        (_("Photo"), {"fields": ["photo", "photo_alt"]}),
        (_("Details"), {"fields": ["location", "languages", "email", "website"]}),
        (
            _("Social accounts"),
            {"fields": ["x_handle", "facebook_url", "instagram_handle", "linkedin_url"]},
        ),
        (_("Login"), {"fields": ["user"]}),
    ]
