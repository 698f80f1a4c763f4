"""The one short form a reporter posts an entry with, on a phone as on a desktop."""

from contextlib import suppress

from django import forms
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from images.choosers import chooser_form
from live.autosaves import KEPT_IMAGE
from live.models import LiveEntry

# Markup a reporter may type; anything else goes through the sanitiser as well.
TAGGED = ("<p", "<ul", "<ol", "<blockquote", "<h2", "<h3", "<a ", "<strong", "<em", "<br")


class EntryForm(chooser_form("image"), forms.ModelForm):
    """Headline, text, an image or an embed, and when. Plain text becomes paragraphs.

    The image is a library image, chosen or uploaded into the library with the chooser
    (images/choosers.py), which keeps an upload across a form error; an autosave
    (live/autosaves.py) the admin sets as `restored` fills the form as it was left.
    """

    restored = None

    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "A blank line starts a new paragraph. Links and bold text may be typed as HTML."
        ),
    )

    class Meta:
        model = LiveEntry
        fields = [
            "story",
            "headline",
            "body",
            "image",
            "video_url",
            "post_url",
            "published_at",
            "authors",
            "is_pinned",
            "correction",
        ]
        widgets = {"headline": forms.TextInput(attrs={"autocomplete": "off"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        when = self.fields.get("published_at")  # none on an entry the person may only read
        if when is not None:
            when.required = False
            when.help_text = _("Empty: now. A later time schedules the entry.")
        if self.instance.pk is None:
            self.initial["published_at"] = None  # now is when it is posted, not opened
        if self.restored is not None and not self.is_bound:
            self.take_back(self.restored.data)

    def take_back(self, data: dict) -> None:
        """The autosaved text in the form, to be posted (or not) like anything typed."""
        for name in ("headline", "body", "image", "image_alt_text", "video_url", "post_url"):
            if name in self.fields and data.get(name):
                self.initial[name] = data[name]
        when = [data.get("published_at_0", ""), data.get("published_at_1", "")]
        if "published_at" in self.fields and all(when):
            with suppress(forms.ValidationError):  # not a time: the box stays as it was
                self.initial["published_at"] = self.fields["published_at"].clean(when)
        if "authors" in self.fields and data.get("authors"):
            self.initial["authors"] = data["authors"]
        if data.get(KEPT_IMAGE):
            self.initial[KEPT_IMAGE] = data[KEPT_IMAGE]
            self.show_kept_upload(data[KEPT_IMAGE])

    def clean_body(self):
        text = self.cleaned_data["body"].strip()
        if text and not any(tag in text.lower() for tag in TAGGED):
            text = linebreaks(text)
        return text
