"""An image chosen in a form survives the form's errors (images.pending), in every form."""

import json

from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from images import pending


def fills_from_photo(form, field: str, fills: dict) -> None:
    """Let the file input `field` fill the form's empty fields from the chosen photo's own
    IPTC/XMP data before saving (js/library-chooser.js; without JavaScript the library
    takes them on save). `fills` maps what the photo says (images.services.suggested_details)
    to the form's fields."""
    if field not in form.fields:
        return  # read only: nothing is chosen
    ids = {said: form[name].auto_id for said, name in fills.items() if name in form.fields}
    form.fields[field].widget.attrs.update(
        {
            "data-photo-details": reverse("admin:images_image_photo_details"),
            "data-fills": json.dumps(ids),
        }
    )


def is_new_upload(value) -> bool:
    """A file just sent (or taken back from images.pending), not one already stored."""
    return isinstance(value, File) and not isinstance(value, FieldFile)


class KeepsUpload:
    """For a ModelForm with one image upload: keep the chosen file when the form has errors.

    `kept_upload` names the file field and the hidden field that carries the signed token
    (declare it: `<field>_pending = forms.CharField(widget=forms.HiddenInput, required=False)`).
    The field's clean_<field> returns `self.kept_or_chosen()`; `user` is set by the admin.
    """

    kept_upload: tuple[str, str]
    user = None

    @property
    def user_id(self):
        return getattr(self.user, "pk", None)

    def kept_or_chosen(self):
        """A new file, a cleared one, or else the image kept from the last try, if any."""
        field, token_field = self.kept_upload
        image = self.cleaned_data.get(field)
        if isinstance(image, UploadedFile) or image is False or self.user_id is None:
            return image
        token = self.data.get(self.add_prefix(token_field), "")
        return pending.take(token, user_id=self.user_id) or image

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self._errors:
            self.keep_upload()

    def keep_upload(self):
        """Keep a chosen image on the server, so the re-rendered form still holds it."""
        if self.user_id is None:
            return
        field, token_field = self.kept_upload
        image = self.cleaned_data.get(field)
        key = self.add_prefix(token_field)
        if isinstance(image, UploadedFile):
            self.data = self.data.copy()
            self.data[key] = pending.keep(image, user_id=self.user_id)
        self.show_kept_upload(self.data.get(key, ""))

    def show_kept_upload(self, token: str) -> None:
        """Show the kept image above the file field, saying it will be saved."""
        field = self.kept_upload[0]
        kept = pending.url(token, user_id=self.user_id) if token and self.user_id else None
        if kept:
            # The bound field copied its help text when the form was cleaned: set both.
            self.fields[field].help_text = self[field].help_text = format_html(
                '<img src="{}" alt="" class="pending-image" width="160"> {}',
                kept,
                _(
                    "Kept from your last try: it is saved with the rest. "
                    "Choose a file only to replace it."
                ),
            )

    def discard_kept_upload(self):
        """Once saved, the kept copy is no longer needed."""
        if self.user_id is not None:
            token_field = self.kept_upload[1]
            pending.discard(self.data.get(self.add_prefix(token_field), ""), user_id=self.user_id)
