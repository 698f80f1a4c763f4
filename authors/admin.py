from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from authors.models import Author, AuthorBio
from images.choosers import ChoosesLibraryImage, chooser_fields, chooser_form


class AuthorAdminForm(chooser_form("photo"), forms.ModelForm):
    """The author's photo is a library image, chosen or uploaded like an article's hero."""

    class Meta:
        model = Author
        # The admin names the fields by its fieldsets; these are the profile's own.
        fields = ["name", "slug", "role", "short_bio", "bio", "is_active", "photo", "user"]


class AuthorBioInline(admin.StackedInline):
    """The author's name, role, bio and details as the other editions show them."""

    model = AuthorBio
    extra = 0
    fields = ["language", "name", "role", "short_bio", "bio", "location", "languages", "photo_alt"]

    # Whoever may change the profile may change its bios (a reporter: their own only).
    def profile_changeable(self, request, obj) -> bool:
        return obj is None or self.admin_site.get_model_admin(Author).has_change_permission(
            request, obj
        )

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self.profile_changeable(request, obj)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and self.profile_changeable(request, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and self.profile_changeable(request, obj)


@admin.register(Author)
class AuthorAdmin(ChoosesLibraryImage, admin.ModelAdmin):
    form = AuthorAdminForm
    inlines = [AuthorBioInline]
    list_display = ["name", "role", "location", "user", "is_active"]
    list_filter = ["is_active", "role"]
    search_fields = ["name", "role", "short_bio"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "role", "short_bio", "bio", "is_active"]}),
        (_("Photo"), {"fields": ["photo", *chooser_fields(AuthorAdminForm)]}),
        (_("Details"), {"fields": ["location", "languages", "email", "website"]}),
        (
            _("Social accounts"),
            {"fields": ["x_handle", "facebook_url", "instagram_handle", "linkedin_url"]},
        ),
        (_("Login"), {"fields": ["user"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        name, photo = fieldsets[1]
        fields = self.chooser_fieldset_fields(request, obj, photo["fields"])
        fieldsets[1] = (name, {**photo, "fields": fields})
        return fieldsets

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
        fields = super().get_readonly_fields(request, obj)
        if self.manages_authors(request):
            return fields
        return [*fields, "slug", "user", "is_active"]

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if self.manages_authors(request) else {}
