"""The one short form a reporter posts an entry with, on a phone as on a desktop."""

from django import forms
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from live.models import LiveEntry

# Markup a reporter may type; anything else goes through the sanitiser as well.
TAGGED = ("<p", "<ul", "<ol", "<blockquote", "<h2", "<h3", "<a ", "<strong", "<em", "<br")


class EntryForm(forms.ModelForm):
    """Headline, text, an image or an embed, and when. Plain text becomes paragraphs."""

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
            "image_alt",
            "image_caption",
            "image_credit",
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
        when = self.fields["published_at"]
        when.required = False
        when.help_text = _("Empty: now. A later time schedules the entry.")
        if self.instance.pk is None:
            self.initial["published_at"] = None  # now is when it is posted, not opened

    def clean_body(self):
        text = self.cleaned_data["body"].strip()
        if text and not any(tag in text.lower() for tag in TAGGED):
            text = linebreaks(text)
        return text
