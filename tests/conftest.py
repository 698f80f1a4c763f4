import fcntl
import os
import re
import shutil

import pytest
from django.core.cache import cache
from django.test import override_settings

from caching import local_copies
from tests import nu_checker
from tests.services import PrivatePostgres, PrivateRedis, manage, production_environment


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never to the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def demo_logins_file(settings, tmp_path):
    """The demo logins' passwords are kept in a temporary file, never in the project's var/."""
    settings.DEMO_LOGINS_FILE = tmp_path / "demo-logins.json"


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Views are tested as they render; the page cache is switched on by its own tests."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def page_cache(settings):
    """The reader page cache switched on, as in production."""
    settings.PAGE_CACHE_ENABLED = True


LOCAL_MEMORY_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def one_process_cache():
    """The suite runs in one process: a local-memory cache, whatever the environment says.

    Deployments share Redis or PostgreSQL's cache table (settings.CACHES); tests of the
    shared cache switch to it themselves (tests/caching/test_shared_cache.py).
    """
    with override_settings(CACHES=LOCAL_MEMORY_CACHE):
        yield


@pytest.fixture(autouse=True)
def empty_cache(one_process_cache):
    """Each test starts with an empty cache: rolled-back data must not linger in pages."""
    cache.clear()
    local_copies.clear_all()
    yield
    # The local-memory cache, whatever the test switched to (a database cache's rows go
    # with the test's transaction; an unreachable Redis has nothing to clear).
    with override_settings(CACHES=LOCAL_MEMORY_CACHE):
        cache.clear()
    local_copies.clear_all()


FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests log in hundreds of users; a fast hasher keeps them quick (never in production)."""
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS


def lasting_test_settings(folder):
    """What the fixtures above set for each test, for a fixture that outlasts one test."""
    return override_settings(
        MEDIA_ROOT=folder / "media",
        DEMO_LOGINS_FILE=folder / "demo-logins.json",
        PAGE_CACHE_ENABLED=False,
        CACHES=LOCAL_MEMORY_CACHE,
        PASSWORD_HASHERS=FAST_PASSWORD_HASHERS,
    )


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory, worker_id):
    """Static files collected as a production deploy does, for gunicorn with debug off.

    Collected once a run (Brotli at its best takes most of a minute): the test processes
    share one folder; the first to need it collects while the others wait on its lock.
    """
    run_folder = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        run_folder = run_folder.parent  # the run's folder, above each process's own
    root = run_folder / "staticfiles"
    with (run_folder / "staticfiles.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        # The manifest is written last: without it an earlier collection did not finish.
        if not (root / "staticfiles.json").exists():
            env = production_environment(DJANGO_STATIC_ROOT=str(root))
            manage("collectstatic", "--noinput", env=env)
    return root


@pytest.fixture(scope="session")
def private_postgres():
    """A PostgreSQL server of the test's own on a free port, that the test may stop."""
    server = PrivatePostgres()
    server.start()
    yield server
    server.destroy()


@pytest.fixture
def private_redis():
    """A Redis server of the test's own on a free port, that the test may stop."""
    server = PrivateRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def demo_newsroom(private_postgres, collected_static, tmp_path_factory):
    """The demo site in the private PostgreSQL: its production environment and demo logins."""
    media = tmp_path_factory.mktemp("media")
    env = production_environment(
        DEMO_LOGINS_FILE=str(media.parent / "demo-logins.json"),
        DATABASE_URL=private_postgres.url,
        DJANGO_STATIC_ROOT=str(collected_static),
        MEDIA_ROOT=str(media),
    )
    manage("migrate", "--noinput", env=env)
    output = manage("load_demo", env=env)
    logins = dict(re.findall(r"Demo login \(local use only\): (\w+) / (\S+)", output))
    return env, logins


@pytest.fixture
def nu_check():
    """nu_checker.problems, when Java and the checker are installed (under CI they must be)."""
    missing = [
        what
        for what, there in [
            ("Java", shutil.which("java")),
            ("vnu.jar", nu_checker.VNU_JAR.exists()),
        ]
        if not there
    ]
    if missing:
        reason = f"the Nu HTML Checker needs {' and '.join(missing)} (npm ci installs vnu.jar)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return nu_checker.problems
