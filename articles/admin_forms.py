"""The article form of the admin: no lost edits, and the fields the workflow buttons use.

No lost edits: the form carries the version of the article it was opened on.
On save it locks the article's row (the admin saves the form, its inlines and
the workflow step in the same transaction) and compares versions; if someone
saved in between, the save is refused, the person's text stays in the form and
the form shows what the other person changed.
"""

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminSplitDateTime
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import add_once, revisions, services
from articles.models import CONTENT_FIELDS, Article
from articles.policy import Action
from images.choosers import chooser_form
from website import editions
from website.slugs import slug_from

WORKFLOW_BUTTON = "_workflow"


# The hero is a library image; a file uploaded here goes into the library (images.choosers).
HeroChooserForm = chooser_form(
    "hero",
    upload="hero_image",
    details={"alt_text": "hero_alt", "caption": "hero_caption"},
)


class ArticleAdminForm(HeroChooserForm, forms.ModelForm):
    edited_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    # The add form's one-time token: sent twice, it saves one article (articles.add_once).
    add_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)
    workflow_note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=_("Kept in the workflow log. Required when sending an article back."),
    )
    schedule_for = forms.SplitDateTimeField(
        label=_("Schedule for"),
        required=False,
        widget=AdminSplitDateTime,
    )
    new_tags = forms.CharField(
        label=_("New tags"),
        required=False,
        max_length=1000,
        widget=forms.TextInput(attrs={"class": "vLargeTextField"}),
        help_text=_("Tags not in the list yet, separated by commas; they are created on save."),
    )
    correction_text = forms.CharField(
        label=_("New correction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_(
            "Plain text: what was wrong and what is right now. Saving publishes it, "
            "dated today, under the article and on the corrections page."
        ),
    )

    class Meta:
        model = Article
        # Status and publish time are not content: they change only by workflow steps.
        fields = CONTENT_FIELDS
        # Headlines, slugs and captions are long: give them the admin's wide inputs.
        widgets = {
            name: forms.TextInput(attrs={"class": "vLargeTextField"})
            for name in ["title", "slug", "hero_alt", "hero_caption", "seo_title"]
        }

    # An autosave (articles.autosaves) whose text the form starts from, set by the admin.
    restored = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if "slug" in self.fields:
            self.fields["slug"].required = False  # made from the headline (clean_slug)
            self.fields["slug"].help_text = _(
                "The last part of the article's URL. Left empty, it is made from the headline."
            )
        user = getattr(self, "user", None)
        if "tags" in self.fields and user and user.has_perm("articles.add_tag"):
            # A name typed in the tags box that no tag has is offered as a new tag; the
            # page's script moves it into "New tags", which creates it on save.
            widget = self.fields["tags"].widget
            getattr(widget, "widget", widget).attrs["data-tags"] = "true"
        if "language" in self.fields:
            # Left out, an article stays in its language (a new one in the first edition's).
            self.fields["language"].required = False
        if not self.instance.pk and not self.is_bound:
            self.fields["add_token"].initial = add_once.new_token()
        if self.instance.pk:
            self.fields["edited_version"].required = True
            self.fields["edited_version"].initial = self.instance.version
        if self.restored is not None and not self.is_bound:
            self.initial.update(self.restored.data)
            # An image chosen before the autosave: shown, and saved with the article.
            self.show_kept_upload(self.restored.data.get("hero_image_pending", ""))
            if self.instance.pk and self.restored.base_version:
                # The version the text was written on: if the article moved on since,
                # saving it shows the other person's changes instead of losing them.
                self.fields["edited_version"].initial = self.restored.base_version
        date, time = self.fields["schedule_for"].widget.widgets
        date.attrs["aria-label"], time.attrs["aria-label"] = _("Schedule for: date"), _("time")
        self.fields["schedule_for"].help_text = _(
            'Used by "Save and schedule": readers see the article from this time. '
            "Newsroom time (%(zone)s), 24-hour."
        ) % {"zone": settings.TIME_ZONE}

    def clean_slug(self):
        """A slug left empty is made from the headline (without JavaScript nothing fills it
        in), one no other article has; it is shown in the form if the form has errors."""
        slug = self.cleaned_data.get("slug", "")
        if slug:
            return slug
        base = slug_from(self.cleaned_data.get("title", ""), max_length=290)
        if not base:
            raise forms.ValidationError(self.fields["slug"].error_messages["required"])
        taken = set(
            Article.objects.exclude(pk=self.instance.pk)
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        self.data = self.data.copy()
        self.data[self.add_prefix("slug")] = slug
        return slug

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language or editions.default()

    def clean_new_tags(self):
        """The typed names, cleaned; any not yet a tag needs the right to add tags."""
        names = services.tag_names(self.cleaned_data.get("new_tags", ""))
        language = self.cleaned_data.get("language") or self.instance.language
        missing = [name for name in names if services.tag_named(name, language) is None]
        if missing and not (self.user and self.user.has_perm("articles.add_tag")):
            raise forms.ValidationError(
                _("You may not create tags: ask an editor to add %(names)s."),
                params={"names": ", ".join(missing)},
            )
        return names

    def clean(self):
        cleaned_data = super().clean()
        action = self.data.get(WORKFLOW_BUTTON, "")
        if action == Action.SCHEDULE:
            when = cleaned_data.get("schedule_for")
            if not when or when <= timezone.now():
                self.add_error("schedule_for", _("Choose a publish time in the future."))
        if action == Action.SEND_BACK and not cleaned_data.get("workflow_note", "").strip():
            self.add_error("workflow_note", _("Say what the reporter should change."))
        if self.instance.pk and cleaned_data.get("edited_version"):
            self.check_version(cleaned_data["edited_version"])
        return cleaned_data

    def check_version(self, seen: int) -> None:
        """Refuse the save if the article moved on since this form was opened."""
        current = (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current is None or current == seen:
            return
        latest = Article.objects.get(pk=self.instance.pk)
        seen_version = revisions.version_for_number(latest, seen)
        history = revisions.versions_of(latest).first()
        if seen_version is not None:
            before, what = revisions.version_display(seen_version), "since you opened it"
        else:
            before = revisions.submitted_display(latest, self.cleaned_data)
            what = "compared with your text"
        self.conflict = {
            "seen": seen,
            "current": current,
            "by": history.revision.user if history else None,
            "at": latest.updated_at,
            "what": what,
            "changes": revisions.changes_between(before, revisions.article_display(latest)),
        }
        # The next save is a deliberate one, made after seeing the changes above.
        self.data = self.data.copy()
        self.data[self.add_prefix("edited_version")] = str(current)
        raise forms.ValidationError(
            _(
                "Someone else saved this article while you were editing it (you started "
                "from version %(seen)s, it is now version %(current)s). Nothing was saved "
                "and your text is still in the form: check their changes shown above, "
                "merge them into your text, and save again."
            ),
            code="edit_conflict",
            params={"seen": seen, "current": current},
        )
