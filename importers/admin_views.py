"""The editors' import page: upload an export, read the dry run's report, then confirm."""

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from importers.forms import ImportConfirmForm, ImportUploadForm
from importers.services import import_file

PERMISSION = "importers.run_import"


def upload_folder() -> Path:
    """Where uploaded exports wait between the dry run and the confirmation: never public."""
    folder = Path(settings.IMPORT_UPLOAD_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def import_export_view(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    context = {**admin.site.each_context(request), "title": _("Import from WordPress or Ghost")}
    if request.method == "POST" and "confirm" in request.POST:
        return confirm(request, context)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        token = uuid.uuid4().hex
        with (upload_folder() / token).open("wb") as stored:
            for chunk in form.cleaned_data["export"].chunks():
                stored.write(chunk)
        report = run(token, form.cleaned_data, dry_run=True)
        confirm_form = None
        if not report.error:
            request.session[f"import-{token}"] = True
            confirm_form = ImportConfirmForm(initial={**form.cleaned_data, "token": token})
        else:
            (upload_folder() / token).unlink(missing_ok=True)
        context.update(report=report, confirm_form=confirm_form)
    context["form"] = form
    return TemplateResponse(request, "admin/importers/import.html", context)


def confirm(request, context):
    form = ImportConfirmForm(request.POST)
    if not form.is_valid() or not request.session.pop(f"import-{form.cleaned_data['token']}", None):
        messages.error(request, _("That import has expired: upload the file again."))
        return redirect("admin:importers_importeditem_import")
    token = form.cleaned_data["token"]
    try:
        report = run(token, form.cleaned_data, dry_run=False)
    finally:
        (upload_folder() / token).unlink(missing_ok=True)
    context.update(report=report, done=True, form=ImportUploadForm())
    return TemplateResponse(request, "admin/importers/import.html", context)


def run(token: str, options: dict, *, dry_run: bool):
    return import_file(
        source=options["source"],
        path=upload_folder() / token,
        sections_from=options.get("sections_from") or None,
        default_section=options["default_section"],
        dry_run=dry_run,
    )
