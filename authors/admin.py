from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from authors.models import Author, AuthorBio


class AuthorBioInline(admin.StackedInline):
    """The author's name, role and bio as the other editions show them."""

    model = AuthorBio
    extra = 0
    fields = ["language", "name", "role", "short_bio", "bio"]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    inlines = [AuthorBioInline]
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

    # People who may add authors (editors) manage every profile; anyone else with
    # change rights (reporters) edits only their own, and not its login or slug.
    def manages_authors(self, request):
        return request.user.has_perm("authors.add_author")

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or self.manages_authors(request):
            return allowed
        return allowed and obj.user_id == request.user.pk

    def get_readonly_fields(self, request, obj=None):
        if self.manages_authors(request):
            return self.readonly_fields
        return [*self.readonly_fields, "slug", "user", "is_active"]

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if self.manages_authors(request) else {}
