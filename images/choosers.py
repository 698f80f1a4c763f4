"""A library image chosen in any admin form: picked from the library, or uploaded into it.

A model points at images.Image with a ForeignKey (an article's hero, an author's photo).
Its admin form is made from `chooser_form(...)` and its ModelAdmin takes `ChoosesLibraryImage`;
together they give every such field the same behaviour:

- the library image is searched with thumbnails (the admin's autocomplete);
- a file uploaded in the form goes into the library, or finds the same file already there
  (by content hash), and the form says it reused it;
- an image whose licence has expired is refused unless the "use it although" box is ticked;
- a file chosen before a form error is kept on the server and saved with the next submit
  (images.pending), so nobody chooses it twice;
- the photo's own IPTC/XMP caption and credit fill the form's empty fields as soon as the
  file is chosen (with JavaScript; without it the library takes them on save).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from images import display
from images import services as library
from images.forms import KeepsUpload, fills_from_photo, is_new_upload
from images.models import Image
from images.uploads import CheckedImageFormField


class LibraryImageSelect(AutocompleteSelect):
    """The admin's autocomplete for a library image, showing a thumbnail beside each result."""

    @property
    def media(self):
        # After the admin's autocomplete, whose start it extends.
        return super().media + forms.Media(js=["admin/js/autocomplete.js", "js/library-chooser.js"])

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs["class"] += " library-chooser"
        return attrs


class LibraryImageForm(KeepsUpload):
    """The form side of a library image field (made with chooser_form, which names the fields)."""

    # The ForeignKey to images.Image, and the file field that uploads a new image.
    library_image: str
    library_upload: str
    # Library field -> form field giving it for a new upload, e.g. {"alt_text": "hero_alt"}.
    library_details: dict = {}
    # The library image a new upload turned out to be (the same file uploaded before).
    reused_image = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fills = {said: self.library_details.get(said) for said in ("caption", "credit")}
        fills_from_photo(self, self.library_upload, {k: v for k, v in fills.items() if v})

    @property
    def kept_upload(self):
        return (self.library_upload, f"{self.library_upload}_pending")

    @property
    def expired_tick(self) -> str:
        return f"use_expired_{self.library_image}"

    def clean(self):
        cleaned_data = super().clean()
        if self.library_upload in cleaned_data or not self.has_error(self.library_upload):
            cleaned_data[self.library_upload] = self.kept_or_chosen()
        self.check_library_image()
        return cleaned_data

    def check_library_image(self) -> None:
        """The library image the form will use: a cleared one, a duplicate, an expired one."""
        field, upload = self.library_image, self.cleaned_data.get(self.library_upload)
        if upload is False:
            # "Clear" on the file: no image, whatever the library field held.
            self.cleaned_data[field] = None
            return
        if is_new_upload(upload):
            same = library.duplicate_of(upload)
            if same is not None:
                # The same file is in the library already: the form reuses it.
                self.cleaned_data[field], self.reused_image = same, same
                # A model's own copy of the file (an article's hero) names the library's.
                self.cleaned_data[self.library_upload] = (
                    same.file if self.upload_is_model_field else None
                )
                # Shown as the chosen library image if the form has errors, not dropped.
                self.data = self.data.copy()
                self.data[self.add_prefix(field)] = str(same.pk)
                return
            alt_field = self.library_details["alt_text"]
            if alt_field in self.declared_fields and not self.cleaned_data.get(alt_field):
                # The model's own alt text has its model rule; the chooser's own needs this.
                self.add_error(alt_field, _("Describe the new image in its alt text."))
        image = self.cleaned_data.get(field)
        newly_chosen = image is not None and image.pk != getattr(self.instance, f"{field}_id")
        if newly_chosen and image.is_expired() and not self.cleaned_data.get(self.expired_tick):
            self.add_error(
                field,
                _(
                    "The licence of this image expired on %(date)s: choose another image, "
                    "or tick “Use it although its licence has expired”."
                )
                % {"date": date_format(image.expires_on)},
            )

    @property
    def upload_is_model_field(self) -> bool:
        return self.library_upload not in self.declared_fields

    def save(self, commit=True):
        self.add_upload_to_library()
        return super().save(commit)

    def add_upload_to_library(self) -> None:
        """A new upload becomes a library image (or finds its twin there); the field uses it."""
        upload = self.cleaned_data.get(self.library_upload)
        if not is_new_upload(upload):
            return
        details = self.library_details.items()
        given = {name: self.cleaned_data.get(source, "") for name, source in details}
        image, _created = library.add_image(upload, user=self.user, **given)
        setattr(self.instance, self.library_image, image)
        if self.upload_is_model_field:
            # A model's own copy of the file (an article's hero): the library's file now.
            setattr(self.instance, self.library_upload, image.file.name)


def chooser_form(field: str, *, upload: str | None = None, details: dict | None = None, label=None):
    """A form base for the library image `field`: its upload, kept-file and expired-tick fields.

    `upload` names a file field of the model that uploads (the article's hero_image);
    without one the form gets `<field>_upload`. `details` maps library fields to the form
    fields that give them for a new upload; without an alt-text field one is added.
    """
    attrs = {"library_image": field, "library_details": dict(details or {})}
    if upload is None:
        upload = f"{field}_upload"
        attrs[upload] = CheckedImageFormField(
            label=_("Or upload a new one"),
            required=False,
            help_text=_("It goes into the media library; the same file already there is reused."),
        )
    if "alt_text" not in attrs["library_details"]:
        attrs[f"{field}_alt_text"] = forms.CharField(
            label=_("Alt text of the new image"),
            required=False,
            max_length=300,
            widget=forms.TextInput(attrs={"class": "vLargeTextField"}),
            help_text=_("Describes the uploaded image for readers who cannot see it."),
        )
        attrs["library_details"]["alt_text"] = f"{field}_alt_text"
    attrs["library_upload"] = upload
    # The signed name of a file kept from a submit that came back with an error.
    attrs[f"{upload}_pending"] = forms.CharField(widget=forms.HiddenInput, required=False)
    attrs[f"use_expired_{field}"] = forms.BooleanField(
        label=_("Use it although its licence has expired"),
        required=False,
        help_text=_("Only when the rights holder agreed to this use."),
    )
    return type(f"{field.title()}ChooserForm", (LibraryImageForm, forms.Form), attrs)


def chooser_fields(form_class) -> list[str]:
    """The form-only fields chooser_form added, in the order the form shows them."""
    upload, field = form_class.library_upload, form_class.library_image
    names = [upload, f"{field}_alt_text", f"{upload}_pending"]
    return [name for name in names if name in form_class.declared_fields]


def chosen_is_expired(chosen: str) -> bool:
    """Whether the library image a submitted form names has an expired licence."""
    if not chosen.isdigit():
        return False
    image = Image.objects.filter(pk=chosen).first()
    return image is not None and image.is_expired()


class ChoosesLibraryImage(display.ShowsWhereUsed):
    """For a ModelAdmin whose form is made with chooser_form: search, rights, messages."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.form.library_image:
            kwargs["widget"] = LibraryImageSelect(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        return form

    def chooser_fieldset_fields(self, request, obj, fields) -> list[str]:
        """`fields` with the image's rights under it, and on a submit the expired-licence tick."""
        fields, field = list(fields), self.form.library_image
        after = fields.index(field) + 1
        if request.method == "POST" and chosen_is_expired(request.POST.get(field, "")):
            # Only a submit can choose an expired image, and then the form asks for this.
            fields.insert(after, f"use_expired_{field}")
        if obj is not None and getattr(obj, f"{field}_id"):
            fields.insert(after, "library_image_rights")
        return fields

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "library_image_rights"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self.image_saved(request, form)

    def image_saved(self, request, form) -> None:
        """After a save with the form's image: the kept upload is not needed any more, and a
        file that was in the library already is named (for a save_model of its own too)."""
        form.discard_kept_upload()
        if form.reused_image is not None:
            messages.info(
                request,
                _("This image file was in the library already; it is used from there: %(image)s.")
                % {"image": form.reused_image},
            )

    @admin.display(description=_("rights"))
    def library_image_rights(self, obj):
        """The library image's credit, licence, restrictions and expiry, where it is used."""
        image = getattr(obj, self.form.library_image) if obj.pk else None
        return display.rights_panel(image, user=display.viewer())
