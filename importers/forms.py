from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from importers.models import Source
from importers.services import SectionsFrom

SECTION_CHOICES = [
    ("", _("As the source has them")),
    (SectionsFrom.CATEGORIES, _("Categories (WordPress)")),
    (SectionsFrom.PRIMARY_TAG, _("A post's first tag")),
    (SectionsFrom.NONE, _("None: every post goes to the default section")),
]
SUFFIXES = {Source.WORDPRESS: ".xml", Source.GHOST: ".json"}


class ImportOptionsForm(forms.Form):
    source = forms.ChoiceField(label=_("Exported from"), choices=Source.choices)
    sections_from = forms.ChoiceField(
        label=_("Sections from"),
        choices=SECTION_CHOICES,
        required=False,
        help_text=_("As the source has them: WordPress's categories, a Ghost post's first tag."),
    )
    default_section = forms.CharField(
        label=_("Default section"),
        initial="News",
        max_length=100,
        help_text=_("For posts that have no section of their own."),
    )


class ImportUploadForm(ImportOptionsForm):
    export = forms.FileField(
        label=_("Export file"),
        help_text=_(
            "WordPress: the .xml file of Tools → Export. Ghost: the .json file of "
            "Settings → Labs → Export. Images are not in these files: import them with "
            "manage.py import_wordpress/import_ghost --media."
        ),
    )

    field_order = ["source", "export", "sections_from", "default_section"]

    def clean(self):
        data = super().clean()
        upload, source = data.get("export"), data.get("source")
        if upload and upload.size > settings.IMPORT_MAX_BYTES:
            self.add_error(
                "export",
                _("The file is larger than %(limit)s.")
                % {"limit": filesizeformat(settings.IMPORT_MAX_BYTES)},
            )
        elif upload and source and not upload.name.lower().endswith(SUFFIXES[source]):
            self.add_error(
                "export",
                _("A %(source)s export is a %(suffix)s file.")
                % {"source": Source(source).label, "suffix": SUFFIXES[source]},
            )
        return data


class ImportConfirmForm(ImportOptionsForm):
    token = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
