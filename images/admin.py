"""The media library in the admin: upload once, describe the rights, search, reuse."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from images import display, services
from images.forms import KeepsUpload, fills_from_photo, is_new_upload
from images.models import ALT_TEXT, Image
from images.uploads import open_checked_image

# The library image's fields as the form groups them: what it shows, and who owns it.
DESCRIBED_BY = ["title", "alt_text", "caption"]
RIGHTS = [
    "credit",
    "source",
    "copyright_notice",
    "licence",
    "licence_url",
    "usage_restrictions",
    "expires_on",
]
# What a photo's own IPTC/XMP data fills in (images.services.suggested_details).
SUGGESTED = ["title", "caption", "credit", "source", "copyright_notice", "licence_url"]


class ImageAdminForm(KeepsUpload, forms.ModelForm):
    file_pending = forms.CharField(widget=forms.HiddenInput, required=False)
    kept_upload = ("file", "file_pending")

    class Meta:
        model = Image
        fields = ["file", *DESCRIBED_BY, *RIGHTS]
        widgets = {
            name: forms.TextInput(attrs={"class": "vLargeTextField"})
            for name in ["title", "alt_text", "caption", "credit", "copyright_notice"]
        } | {"usage_restrictions": forms.Textarea(attrs={"rows": 3, "cols": 60})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.data.get(self.add_prefix("file_pending")):
            # The file kept from the last try stands in for a chosen one (clean_file).
            self.fields["file"].required = False
        fills_from_photo(self, "file", {name: name for name in SUGGESTED})
        if "alt_text" in self.fields:
            # One error for a missing alt text, the library's rule in words (Image.clean).
            self.fields["alt_text"].error_messages["required"] = ALT_TEXT.message

    def clean_file(self):
        upload = self.kept_or_chosen()
        if not upload and not self.instance.file:
            raise forms.ValidationError(self.fields["file"].error_messages["required"])
        if is_new_upload(upload):
            same = services.duplicate_of(upload)
            if same is not None and same.pk != self.instance.pk:
                raise forms.ValidationError(
                    format_html(
                        '{} <a href="{}">{}</a>',
                        _("This file is already in the library:"),
                        reverse("admin:images_image_change", args=[same.pk]),
                        _("use “%(image)s” instead") % {"image": same},
                    ),
                    code="duplicate",
                )
        return upload


class ExpiryFilter(admin.SimpleListFilter):
    title = _("licence expiry")
    parameter_name = "expiry"

    def lookups(self, request, model_admin):
        return [("expired", _("Expired")), ("expiring", _("Ends within 30 days"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "expired":
            return queryset.expired(today)
        if self.value() == "expiring":
            return queryset.filter(
                expires_on__gte=today, expires_on__lte=today + timezone.timedelta(days=30)
            )
        return queryset


class MineFilter(admin.SimpleListFilter):
    title = _("uploaded by")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", _("Me"))]

    def queryset(self, request, queryset):
        return queryset.filter(uploaded_by=request.user) if self.value() == "1" else queryset


class SourceFilter(admin.SimpleListFilter):
    title = _("source or agency")
    parameter_name = "source"
    MOST = 30

    def lookups(self, request, model_admin):
        sources = (
            Image.objects.exclude(source="")
            .order_by("source")
            .values_list("source", flat=True)
            .distinct()
        )
        return [(source, source) for source in sources[: self.MOST]]

    def queryset(self, request, queryset):
        return queryset.filter(source=self.value()) if self.value() else queryset


@admin.register(Image)
class ImageAdmin(display.ShowsWhereUsed, admin.ModelAdmin):
    form = ImageAdminForm
    view_on_site = False  # readers see an image only in what uses it
    list_display = ["preview", "described", "credit", "licence", "expiry", "created_at"]
    list_display_links = ["described"]
    list_filter = [MineFilter, ExpiryFilter, "licence", SourceFilter]
    search_fields = ["title", "alt_text", "caption", "credit", "source", "copyright_notice"]
    list_per_page = 50
    readonly_fields = [
        "preview_large",
        "size",
        "body_address",
        "uploaded_by",
        "created_at",
        "where_used",
    ]
    fieldsets = [
        (None, {"fields": ["file", "file_pending", "preview_large", "size"]}),
        (_("What it shows"), {"fields": DESCRIBED_BY}),
        (
            _("Rights"),
            {
                "fields": RIGHTS,
                "description": _(
                    "Left empty on upload, the credit, source, copyright and caption are "
                    "taken from the photo's own IPTC or XMP data, when it has them."
                ),
            },
        ),
        (_("Use"), {"fields": ["where_used", "body_address", "uploaded_by", "created_at"]}),
    ]

    class Media:
        js = ["js/library-chooser.js"]

    def get_fieldsets(self, request, obj=None):
        """A new image's page has nothing to preview or list yet: no empty rows for them (a
        file kept from a submit that came back shows above the file field)."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None:
            return fieldsets
        (name, first), *rest = fieldsets[:-1]
        return [(name, {**first, "fields": ["file", "file_pending"]}), *rest]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        return form

    def get_urls(self):
        details = self.admin_site.admin_view(self.photo_details_view)
        choose = self.admin_site.admin_view(self.body_choice_view)
        return [
            path("photo-details/", details, name="images_image_photo_details"),
            path("choose/", choose, name="images_image_body_choice"),
            *super().get_urls(),
        ]

    BODY_CHOICES = 12

    def body_choice_view(self, request):
        """Library images for the body editor: the search's results with their thumbnails and
        the figure each would insert. Images whose licence has expired are left out."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        term = request.GET.get("q", "").strip()
        queryset = self.get_queryset(request).exclude(expires_on__lt=timezone.localdate())
        queryset, _duplicates = super().get_search_results(request, queryset, term)
        return JsonResponse(
            {
                "results": [
                    {
                        "id": image.pk,
                        "text": str(image),
                        "credit": image.credit,
                        "thumbnail": image.thumbnail_url,
                        "figure": display.body_figure(image),
                    }
                    for image in queryset[: self.BODY_CHOICES]
                ]
            }
        )

    def photo_details_view(self, request):
        """What a chosen photo says about itself (IPTC/XMP), read and forgotten: nothing is
        stored. The forms fill their empty caption and credit fields from it at once."""
        if request.method != "POST":
            return JsonResponse({"error": "POST a file."}, status=405)
        if not self.has_add_permission(request):
            raise PermissionDenied
        upload = request.FILES.get("file")
        if upload is None:
            return JsonResponse({"error": str(_("Choose an image."))}, status=400)
        try:
            open_checked_image(upload).close()
        except ValidationError as error:
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        same = services.duplicate_of(upload)
        return JsonResponse(
            {
                "details": services.suggested_details(upload),
                "in_library": str(same) if same is not None else "",
            }
        )

    def get_search_results(self, request, queryset, search_term):
        """The article form's image search leaves out images whose licence has expired."""
        queryset, duplicates = super().get_search_results(request, queryset, search_term)
        if request.path == reverse("admin:autocomplete"):
            queryset = queryset.exclude(expires_on__lt=timezone.localdate())
        return queryset, duplicates

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("file")
        if is_new_upload(upload):
            obj.content_hash = services.content_hash(upload)
            obj.uploaded_by = obj.uploaded_by or request.user
            for name, value in services.suggested_details(upload).items():
                if not getattr(obj, name):
                    setattr(obj, name, value)
        super().save_model(request, obj, form, change)
        form.discard_kept_upload()

    def autocomplete_details(self, image) -> dict:
        """What an image search shows beside each result: its thumbnail and credit."""
        return {"thumbnail": image.thumbnail_url, "credit": image.credit}

    @admin.display(description=_("image"))
    def preview(self, image):
        return display.thumbnail(image)

    @admin.display(description=_("preview"))
    def preview_large(self, image):
        return display.thumbnail(image if image.pk else None, width=320)

    @admin.display(description=_("description"), ordering="title")
    def described(self, image):
        return image.title or image.alt_text

    @admin.display(description=_("size"))
    def size(self, image):
        return f"{image.width}×{image.height}" if image.width else "—"

    @admin.display(description=_("licence ends"), ordering="expires_on")
    def expiry(self, image):
        if image.expires_on is None:
            return "—"
        label = date_format(image.expires_on)
        if image.is_expired():
            return format_html(
                '<span class="state-label state-label--expired">{} {}</span>', _("expired"), label
            )
        return label

    @admin.display(description=_("in an article's body"))
    def body_address(self, image):
        """Where the image goes into a body: the body editor's "Insert an image from the
        library" button, or this address pasted in "Insert via URL"; no new upload."""
        if not image.pk:
            return "—"
        picture = image.picture
        address = picture.src if picture else image.file.url
        return format_html(
            '<input type="text" readonly value="{}" class="vLargeTextField" aria-label="{}">'
            '<div class="help">{}</div>',
            address,
            _("Address of the image for an article's body"),
            _(
                "In the body editor, choose “Insert an image from the library” under it and "
                "search for this image, or choose Insert image, then “Insert via URL”, and "
                "paste this address."
            ),
        )

    @admin.display(description=_("used in"))
    def where_used(self, image):
        used = display.where_used(image, user=display.viewer()) if image.pk else []
        if not used:
            return _("Nothing yet.")
        items = format_html_join(
            "", '<li><a href="{}">{}</a></li>', ((url, name) for name, url in used)
        )
        return format_html('<ul class="where-used">{}</ul>', items)
