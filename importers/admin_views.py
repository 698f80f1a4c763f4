"""The editors' import pages: upload an export, read the dry run's report, then confirm.

Both the dry run and the import run in the background worker; the run's page shows
where they are and refreshes itself until they are done.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from importers import runs
from importers.forms import ImportUploadForm
from importers.models import ImportRun

PERMISSION = "importers.run_import"


def check_permission(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def upload_view(request):
    check_permission(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        options = {
            "sections_from": form.cleaned_data["sections_from"],
            "default_section": form.cleaned_data["default_section"],
        }
        run = runs.start(
            upload=form.cleaned_data["export"],
            source=form.cleaned_data["source"],
            options=options,
            by=request.user,
        )
        return redirect("admin:importers_importrun_progress", run.pk)
    context = {
        **admin.site.each_context(request),
        "title": _("Import from WordPress or Ghost"),
        "form": form,
    }
    return TemplateResponse(request, "admin/importers/upload.html", context)


def progress_view(request, pk: int):
    check_permission(request)
    run = get_object_or_404(ImportRun, pk=pk)
    if request.method == "POST":
        try:
            runs.confirm(run=run)
        except runs.CannotConfirm as refusal:
            messages.error(
                request, _("This import cannot be started: %(state)s.") % {"state": str(refusal)}
            )
        return redirect("admin:importers_importrun_progress", run.pk)
    context = {
        **admin.site.each_context(request),
        "title": str(run),
        "run": run,
        "report": run.report or run.dry_run_report,
    }
    return TemplateResponse(request, "admin/importers/progress.html", context)
