"""Demo logins are made once and kept: a second run prints the same working passwords."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

LOGIN = re.compile(r"Demo login \(local use only\): (\w+) / (\S+)")


def run(*args) -> dict:
    out = StringIO()
    call_command(*args, stdout=out)
    return dict(LOGIN.findall(out.getvalue())), out.getvalue()


def test_second_run_keeps_and_prints_the_same_passwords(demo_loaded, client):
    """load_demo twice: the passwords of the first run still work and are printed again."""
    first = dict(LOGIN.findall(demo_loaded))
    second, _ = run("load_demo")
    assert set(first) == {"editor", "reporter"}
    assert second == first
    for username, password in first.items():
        assert client.login(username=username, password=password)


def test_reset_gives_new_passwords(demo_loaded, client):
    """demo_logins --reset sets new passwords; the old ones stop working, the new ones work."""
    first = dict(LOGIN.findall(demo_loaded))
    reset, _ = run("demo_logins", "--reset")
    assert set(reset) == {"editor", "reporter"}
    for username in first:
        assert reset[username] != first[username]
        assert not client.login(username=username, password=first[username])
        assert client.login(username=username, password=reset[username])
    assert run("demo_logins")[0] == reset


def test_a_changed_password_is_not_overwritten(demo_loaded, client):
    """Someone who changed a demo password keeps it; the run says how to get a new one."""
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username="editor")
    editor.set_password("my own editor password 77")
    editor.save()
    logins, output = run("load_demo")
    assert "editor" not in logins
    assert "editor (its password was changed; make demo-logins" in output
    assert client.login(username="editor", password="my own editor password 77")
