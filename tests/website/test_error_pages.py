"""The error pages are in the language of their address, and never need the database or a
language worked out beforehand."""

import pytest
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.utils import translation

from tests.html import element, parse, text
from tests.newsfeed.test_catalogue import english_words
from website import errors
from website.outage import DatabaseOutageMiddleware

pytestmark = pytest.mark.django_db


def shown(response) -> tuple[str, str, str]:
    """The page's language, its heading and where its front-page link goes."""
    page = parse(response)
    return (
        element(page, "/html").get("lang"),
        text(element(page, "//h1")),
        element(page, "//main//a[last()]").get("href"),
    )


@pytest.fixture
def failing_site(settings):
    settings.ROOT_URLCONF = "tests.website.error_urls"
    return Client(raise_request_exception=False)


def test_a_500_under_uk_is_in_ukrainian(failing_site):
    """A view's bug under /uk/ shows the Ukrainian 500 page, linking the Ukrainian home."""
    response = failing_site.get("/uk/failing/")
    assert response.status_code == 500
    assert shown(response) == ("uk", "У нас щось пішло не так", "/uk/")
    assert english_words(response.content) == set()


def test_a_500_elsewhere_is_in_english(failing_site):
    response = failing_site.get("/failing/")
    assert response.status_code == 500
    assert shown(response) == ("en", "Something went wrong on our side", "/")


def test_a_400_under_uk_is_in_ukrainian(client):
    """A request the site refuses (a host it does not serve) gets a Ukrainian 400 page."""
    response = client.get("/uk/", HTTP_HOST="elsewhere.example")
    assert response.status_code == 400
    assert shown(response) == ("uk", "Ми не зрозуміли цього запиту", "/uk/")
    assert english_words(response.content) == set()


@pytest.mark.parametrize(
    ("path", "language"),
    [("/uk/", "uk"), ("/uk", "uk"), ("/UK/x/", "uk"), ("/xx/", "en"), ("/%FF/", "en"), ("", "en")],
)
def test_an_error_page_always_has_a_language(path, language):
    """Odd addresses and a language left active by something else: the page of the address's
    edition, or the default's, never a crash."""
    request = RequestFactory().get("/")
    request.path_info = path
    with translation.override("de"):
        for handler, status in [
            (errors.bad_request, 400),
            (errors.permission_denied, 403),
            (errors.server_error, 500),
        ]:
            response = handler(request)
            assert response.status_code == status
            assert element(parse(response), "/html").get("lang") == language


def test_the_outage_page_under_uk_is_in_ukrainian():
    """While PostgreSQL is down, a /uk/ reader gets the Ukrainian 503 page."""
    middleware = DatabaseOutageMiddleware(lambda request: None)
    response = middleware.process_exception(
        RequestFactory().get("/uk/news/x/"), OperationalError("the server closed the connection")
    )
    assert response.status_code == 503
    assert shown(response)[:2] == ("uk", "Ми повернемося за мить")
    assert english_words(response.content) == set()


def test_the_error_pages_pass_the_nu_checker(nu_check, failing_site, client, tmp_path):
    """400, 403, 500 and 503 in both editions: no error, no warning."""
    request = RequestFactory().get("/")
    pages = {}
    for prefix in ("", "/uk"):
        request.path_info = f"{prefix}/news/x/"
        pages[f"400{prefix}"] = errors.bad_request(request).content
        pages[f"403{prefix}"] = errors.permission_denied(request).content
        pages[f"500{prefix}"] = failing_site.get(f"{prefix}/failing/").content
        middleware = DatabaseOutageMiddleware(lambda request: None)
        pages[f"503{prefix}"] = middleware.process_exception(request, OperationalError()).content
    paths = []
    for name, content in pages.items():
        path = tmp_path / f"{name.replace('/', '-')}.html"
        path.write_bytes(content)
        paths.append(path)
    assert nu_check(paths) == []
