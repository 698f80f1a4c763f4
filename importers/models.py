from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    WORDPRESS = "wordpress", _("WordPress")
    GHOST = "ghost", _("Ghost")


class ImportedItem(models.Model):
    """What one item of an export became here: the mapping that makes a second import an update.

    An item is known by its source, its kind and its id in the source system. The
    fingerprint is a digest of everything imported from it, so an unchanged item is
    skipped and a changed one updated. Images have no object, only the stored file name.
    """

    class Kind(models.TextChoices):
        AUTHOR = "author", _("author")
        SECTION = "section", _("section")
        TAG = "tag", _("tag")
        POST = "post", _("post")
        PAGE = "page", _("page")
        IMAGE = "image", _("image")

    source = models.CharField(_("source"), max_length=20, choices=Source)
    site = models.CharField(
        _("site"),
        max_length=200,
        blank=True,
        help_text=_("The old site's address: two WordPress sites number their posts alike."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    source_id = models.CharField(_("id in the source"), max_length=300)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    file_name = models.CharField(_("stored file"), max_length=300, blank=True)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    imported_at = models.DateTimeField(_("last imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        ordering = ["source", "kind", "source_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "site", "kind", "source_id"], name="imported_item_once"
            ),
        ]
        permissions = [("run_import", _("Can import an archive from WordPress or Ghost"))]

    def __str__(self):
        return f"{self.get_source_display()} {self.kind} {self.source_id}"


class OldAddress(models.Model):
    """An address the old site answered, sent on with a 301 to what its item became here.

    The target is looked up when a reader asks, so a later change of slug is followed.
    WordPress's ?p=ID and ?page_id=ID are stored as their query, e.g. "?p=42".
    """

    path = models.CharField(_("old address"), max_length=500, unique=True)
    item = models.ForeignKey(ImportedItem, on_delete=models.CASCADE, related_name="old_addresses")

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ["path"]

    def __str__(self):
        return self.path


class ImportRun(models.Model):
    """One upload in the admin: read without saving by the worker, confirmed, then imported.

    Large archives take minutes, longer than a web request may, so both steps run in
    the background worker (importers/tasks.py) and the page shows where they are.
    """

    class Status(models.TextChoices):
        CHECKING = "checking", _("Reading the file")
        CHECKED = "checked", _("Read: waiting for your confirmation")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Refused")

    source = models.CharField(_("source"), max_length=20, choices=Source)
    file_name = models.CharField(_("uploaded file"), max_length=300)
    token = models.CharField(max_length=32, unique=True, editable=False)
    options = models.JSONField(_("options"), default=dict)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.CHECKING)
    dry_run_report = models.JSONField(_("dry run's report"), default=dict, blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_source_display()}: {self.file_name}"

    @property
    def is_working(self) -> bool:
        return self.status in {self.Status.CHECKING, self.Status.IMPORTING}
