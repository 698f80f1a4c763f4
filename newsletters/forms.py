from django import forms
from django.utils.translation import gettext_lazy as _

from newsletters.models import Newsletter
from website import editions


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        # Our words, in our catalogue: Django's own Ukrainian says "email" in Latin letters.
        error_messages={"invalid": _("Enter a valid email address.")},
    )
    newsletters = forms.ModelMultipleChoiceField(
        label=_("Newsletters"),
        queryset=Newsletter.objects.filter(is_public=True),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one newsletter.")},
    )
    # A field people never see or fill in; bots that fill in every field give themselves away.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each edition offers its own newsletters, as its sign-up box does.
        public = self.fields["newsletters"].queryset.filter(language=editions.current())
        self.fields["newsletters"].queryset = public
        if len(public) == 1 and not self.is_bound:
            self.initial.setdefault("newsletters", list(public))

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class SubscriptionsForm(forms.Form):
    newsletters = forms.ModelMultipleChoiceField(
        label=_("Your newsletters"),
        queryset=Newsletter.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
