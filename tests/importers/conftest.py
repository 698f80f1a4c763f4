import pytest

from tests.newsletters.conftest import run_tasks  # noqa: F401  (the in-process task runner)


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    """Exports uploaded in the admin wait in a temporary folder."""
    settings.IMPORT_UPLOAD_DIR = tmp_path / "imports"
    return settings.IMPORT_UPLOAD_DIR
