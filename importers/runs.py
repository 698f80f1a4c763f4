"""An import from the admin, step by step: upload, dry run, confirmation, import."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from importers.models import ImportRun
from importers.records import Report
from importers.services import import_file


class CannotConfirm(Exception):
    """The run is not waiting for a confirmation (already confirmed, refused or done)."""


def upload_folder() -> Path:
    """Where uploaded exports wait for the worker: never a public folder."""
    folder = Path(settings.IMPORT_UPLOAD_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def start(*, upload, source: str, options: dict, by) -> ImportRun:
    """Keep the uploaded file and have the worker read it."""
    from importers import tasks

    token = uuid.uuid4().hex
    with (upload_folder() / token).open("wb") as stored:
        for chunk in upload.chunks():
            stored.write(chunk)
    run = ImportRun.objects.create(
        source=source, file_name=upload.name[:300], token=token, options=options, by=by
    )
    transaction.on_commit(lambda: tasks.check_import.enqueue(run.pk))
    return run


def confirm(*, run: ImportRun) -> None:
    """The editor read the dry run: import it (once, however often the button is pressed)."""
    from importers import tasks

    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if run.status != ImportRun.Status.CHECKED:
            raise CannotConfirm(run.get_status_display())
        run.status = ImportRun.Status.IMPORTING
        run.save(update_fields=["status"])
        transaction.on_commit(lambda: tasks.run_import.enqueue(run.pk))


def as_record(report: Report) -> dict:
    return {"summary": report.summary(), "lines": report.lines, "error": report.error}


def _import(run: ImportRun, *, dry_run: bool) -> Report:
    return import_file(
        source=run.source,
        path=upload_folder() / run.token,
        sections_from=run.options.get("sections_from") or None,
        default_section=run.options.get("default_section") or "News",
        dry_run=dry_run,
    )


def check(run_id: int) -> None:
    run = ImportRun.objects.get(pk=run_id)
    if run.status != ImportRun.Status.CHECKING:
        return
    report = _import(run, dry_run=True)
    run.dry_run_report = as_record(report)
    run.status = ImportRun.Status.FAILED if report.error else ImportRun.Status.CHECKED
    if report.error:
        forget_file(run)
    run.save(update_fields=["dry_run_report", "status", "finished_at"])


def finish(run_id: int) -> None:
    run = ImportRun.objects.get(pk=run_id)
    if run.status != ImportRun.Status.IMPORTING:
        return
    report = _import(run, dry_run=False)
    run.report = as_record(report)
    run.status = ImportRun.Status.FAILED if report.error else ImportRun.Status.DONE
    forget_file(run)
    run.save(update_fields=["report", "status", "finished_at"])


def forget_file(run: ImportRun) -> None:
    (upload_folder() / run.token).unlink(missing_ok=True)
    run.finished_at = timezone.now()
