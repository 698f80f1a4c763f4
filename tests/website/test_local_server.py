"""What make run prints before the server starts: where the database lives and the addresses."""

from io import StringIO

from django.core.management import call_command


def test_local_server_names_the_database_and_the_admin_address(settings):
    """The admin's address and the database are printed, from the settings in use."""
    out = StringIO()
    call_command("local_server", address="http://127.0.0.1:8191", stdout=out)
    text = out.getvalue()
    assert f"Admin: http://127.0.0.1:8191/{settings.ADMIN_URL}" in text
    assert f"PostgreSQL database {settings.DATABASES['default']['NAME']}" in text
    assert "make demo-logins" in text


def test_local_server_with_the_embedded_database(settings, tmp_path):
    """With the embedded database it says where it lives and that make stop stops it."""
    settings.DATABASES = {**settings.DATABASES}
    settings.DATABASES["default"] = {
        **settings.DATABASES["default"],
        "DATA_DIR": str(tmp_path / "pgdata"),
    }
    out = StringIO()
    call_command("local_server", stdout=out)
    assert f"the embedded PostgreSQL in {tmp_path / 'pgdata'}" in out.getvalue()
    assert "make stop stops it" in out.getvalue()
    out = StringIO()
    call_command("local_server", stop=True, stdout=out)
    assert "is not running" in out.getvalue()
