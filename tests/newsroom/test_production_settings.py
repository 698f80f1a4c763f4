import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]


def production_environment(**overrides) -> dict[str, str]:
    """The environment of a production server: debug off, a real secret key, HTTPS on."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="news.example.org",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://news.example.org",
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def run_manage(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*MANAGE, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=settings.BASE_DIR,
    )


def production_value(names: list[str], **overrides) -> dict:
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {names!r}}}, default=str))"
    )
    result = run_manage("shell", "-c", code, env=production_environment(**overrides))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_passes_with_the_production_environment():
    """`manage.py check --deploy --fail-level WARNING` passes with debug off and HTTPS on."""
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env=production_environment()
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_when_debug_is_on_in_production():
    """The same check fails when debug is turned on, so the test above can fail too."""
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=production_environment(DJANGO_DEBUG="1"),
    )
    assert result.returncode != 0
    assert "security.W018" in result.stderr + result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    """With debug off and no DJANGO_SECRET_KEY, no command starts."""
    result = run_manage("check", env=production_environment(DJANGO_SECRET_KEY=None))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_debug_is_off_unless_asked_for():
    """With DJANGO_DEBUG unset, debug (and so Django's debug pages) is off."""
    assert production_value(["DEBUG"]) == {"DEBUG": False}


def test_production_cookies_are_secure_and_http_only():
    """In production the session and CSRF cookies are Secure; the session cookie is HttpOnly."""
    values = production_value(
        [
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "SESSION_COOKIE_HTTPONLY",
            "SECURE_SSL_REDIRECT",
            "SECURE_HSTS_SECONDS",
        ]
    )
    assert values == {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
    }


def test_admin_address_comes_from_the_environment():
    """DJANGO_ADMIN_URL moves the admin; /admin/ then finds nothing."""
    code = (
        "from django.urls import reverse, resolve, Resolver404\n"
        "print(reverse('admin:index'))\n"
        "try:\n    match = resolve('/admin/')\n"
        "except Resolver404:\n    match = None\n"
        "print('admin still at /admin/' if match and match.namespace == 'admin'"
        " else 'nothing at /admin/')\n"
    )
    result = run_manage(
        "shell", "-c", code, env=production_environment(DJANGO_ADMIN_URL="desk-7f3a")
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-4:] == ["/desk-7f3a/", "nothing", "at", "/admin/"]


@pytest.mark.django_db
def test_default_admin_address_is_admin(client):
    """Without DJANGO_ADMIN_URL the admin stays at /admin/."""
    assert settings.ADMIN_URL == "admin/"
    assert client.get("/admin/").status_code == 302
