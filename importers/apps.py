from django.apps import AppConfig


class ImportersConfig(AppConfig):
    """Bringing an archive over from WordPress or Ghost, and answering its old addresses."""

    name = "importers"
    verbose_name = "Imports"
