import pytest

from demo.content import SEED_ARTICLE
from tests.services import AppServer

SEED_PATH = f"/news/{SEED_ARTICLE['slug']}/"


@pytest.fixture
def app(demo_newsroom, tmp_path):
    env, _ = demo_newsroom
    server = AppServer(env, tmp_path)
    server.start()
    yield server
    server.stop()


def test_readers_get_a_503_page_while_postgres_is_down_and_pages_return_with_it(
    app, private_postgres
):
    """With PostgreSQL stopped (and the cache table in it), the pages this process served
    in the last minute are served from its copies; the rest get the site's 503 page."""
    for path in ["/", SEED_PATH]:
        status, _, _ = app.get(path)
        assert status == 200

    private_postgres.stop()
    try:
        for path in ["/", SEED_PATH]:
            status, headers, _ = app.get(path)
            assert status == 200, path
            assert headers["X-Page-Cache"] == "stale"
        for path in ["/news-feed/", "/section/ukraine/"]:
            status, headers, page = app.get(path)
            assert status == 503, path
            assert "We'll be back in a moment" in page
            assert "The Kyiv Ledger" in page
            assert 'rel="stylesheet" href="/static/css/site.' in page  # the site's design
            assert "Traceback" not in page
            assert "OperationalError" not in page
            assert headers["Retry-After"] == "30"
            assert "script-src 'self'" in headers["Content-Security-Policy"]
    finally:
        private_postgres.start()

    # Back up: the pages that were a 503 render from the database again.
    status, _, page = app.get("/news-feed/")
    assert status == 200
    assert "We'll be back in a moment" not in page
    assert 'class="feed-item' in page
    status, _, page = app.get(SEED_PATH)
    assert status == 200
    assert SEED_ARTICLE["title"] in page.replace("&#x27;", "'")


def test_the_outage_is_logged_as_json_saying_what_failed(app, private_postgres):
    """Each 503 is logged as a JSON line naming the event, the path and the database error."""
    private_postgres.stop()
    try:
        assert app.get(SEED_PATH)[0] == 503
    finally:
        private_postgres.start()
    entries = [e for e in app.log_entries() if e.get("event") == "database_unavailable"]
    assert entries, app.log.read_text()[-2000:]
    assert entries[-1]["path"] == SEED_PATH
    assert entries[-1]["level"] == "ERROR"
    assert entries[-1]["error_type"] == "OperationalError"
    assert "connection" in entries[-1]["error"].lower()
