import re

import pytest

from tests.services import PrivatePostgres, PrivateRedis, manage, production_environment


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """Static files collected as a production deploy does, for gunicorn with debug off."""
    root = tmp_path_factory.mktemp("staticfiles")
    manage("collectstatic", "--noinput", env=production_environment(DJANGO_STATIC_ROOT=str(root)))
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
        DATABASE_URL=private_postgres.url,
        DJANGO_STATIC_ROOT=str(collected_static),
        MEDIA_ROOT=str(media),
    )
    manage("migrate", "--noinput", env=env)
    output = manage("load_demo", env=env)
    logins = dict(re.findall(r"Demo login \(local use only\): (\w+) / (\S+)", output))
    return env, logins
