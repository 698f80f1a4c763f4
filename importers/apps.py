from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportersConfig(AppConfig):
    """Bringing an archive over from WordPress or Ghost, and answering its old addresses."""

    name = "importers"
    verbose_name = _("Imports")
