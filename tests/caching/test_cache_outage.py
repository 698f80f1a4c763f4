import re
from urllib.parse import urlencode

import pytest

from demo.content import SEED_ARTICLE
from tests.services import AppServer

SEED_PATH = f"/news/{SEED_ARTICLE['slug']}/"


@pytest.fixture
def app(demo_newsroom, private_redis, tmp_path):
    env, _ = demo_newsroom
    server = AppServer({**env, "REDIS_URL": private_redis.url}, tmp_path)
    server.start()
    yield server
    server.stop()


def cookies_from(headers) -> dict[str, str]:
    return dict(
        cookie.split(";", 1)[0].split("=", 1) for cookie in headers.get_all("Set-Cookie") or []
    )


def admin_login(app, username, password) -> str:
    """Log in through the admin's login form; returns the Cookie header of the session."""
    status, headers, page = app.get("/admin/login/")
    assert status == 200
    cookies = cookies_from(headers)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    status, headers, _ = app.request(
        "POST",
        "/admin/login/?next=/admin/",
        body=urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token}),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
            "Referer": "https://127.0.0.1/admin/login/",
        },
    )
    assert status == 302, "login failed"
    cookies.update(cookies_from(headers))
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def test_pages_and_logins_keep_working_with_redis_stopped(app, private_redis, demo_newsroom):
    """With Redis stopped, reader pages serve and editors stay logged in and can log in."""
    _, logins = demo_newsroom
    cookie = admin_login(app, "editor", logins["editor"])
    assert private_redis.key_count() >= 1  # the session is cached in Redis while it is up
    assert app.get("/admin/", headers={"Cookie": cookie})[0] == 200

    private_redis.stop()
    for path in ["/", SEED_PATH, "/news-feed/"]:
        assert app.get(path)[0] == 200, path
    status, _, page = app.get("/admin/", headers={"Cookie": cookie})
    assert status == 200  # the session is read from the database instead
    assert "logout-form" in page  # shown to a logged-in user only
    assert (
        app.get("/admin/", headers={"Cookie": admin_login(app, "reporter", logins["reporter"])})[0]
        == 200
    )

    errors = [e for e in app.log_entries() if e.get("logger") == "newsroom.cache"]
    assert errors, app.log.read_text()[-2000:]
    assert errors[-1]["error_type"] == "ConnectionInterrupted"
    assert "Connection refused" in errors[-1]["error"] or "connect" in errors[-1]["traceback"]

    private_redis.start()
    cookie = admin_login(app, "editor", logins["editor"])
    assert private_redis.key_count() >= 1  # back in use as soon as it returns
