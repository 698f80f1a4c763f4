"""The background steps of an import from the admin (run by `manage.py worker`)."""

from django_tasks import task


@task()
def check_import(run_id: int) -> None:
    """Read the uploaded export without saving anything, for the editor to confirm."""
    from importers import runs

    runs.check(run_id)


@task()
def run_import(run_id: int) -> None:
    """Import the export the editor confirmed."""
    from importers import runs

    runs.finish(run_id)
