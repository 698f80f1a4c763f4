import json
import re
from urllib.parse import urlsplit

import html5lib
import pytest

from articles.models import Correction
from tests.factories import make_article, make_author
from tests.website.xss_vectors import ALL

pytestmark = pytest.mark.django_db

FORBIDDEN_IN_BODY = {
    "script",
    "style",
    "svg",
    "math",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "meta",
    "link",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "template",
    "noscript",
}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "srcset",
    "background",
    "cite",
    "xlink:href",
    "url",
    "to",
    "values",
}
EMBED_FRAME_HOSTS = {
    "www.youtube.com",
    "www.youtube-nocookie.com",
    "youtube.com",
    "player.vimeo.com",
}
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f-\xa0\u2028\u2029\ufeff]")


def local_name(tag) -> str:
    return str(tag).rsplit("}", 1)[-1].lower()


def namespace(tag) -> str:
    return str(tag)[1:].split("}", 1)[0] if str(tag).startswith("{") else ""


def url_scheme(value: str) -> str:
    squeezed = IGNORED_IN_SCHEME.sub("", value).lower()
    return squeezed.split(":", 1)[0] if ":" in squeezed else ""


def dangers_in_page(content: str) -> list[str]:
    """Everything in the page that could run code or pull in code, described in words."""
    document = html5lib.parse(content, namespaceHTMLElements=False)
    found = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        tag = local_name(element.tag)
        if namespace(element.tag):
            found.append(f"<{tag}> in the {namespace(element.tag)} namespace")
        if tag == "script":
            src = element.get("src", "")
            if element.get("type") == "application/ld+json":
                try:
                    json.loads(element.text or "")
                except ValueError:
                    found.append("a JSON-LD block that is not JSON (broken out of)")
            elif not (src.startswith("/static/") and not (element.text or "").strip()):
                found.append(f"<script src={src!r}> {(element.text or '')[:40]!r}")
        if tag == "meta" and element.get("http-equiv"):
            found.append("<meta http-equiv>")
        if tag == "base":
            found.append("<base>")
        for name, value in element.attrib.items():
            attribute = local_name(name)
            if attribute.startswith("on"):
                found.append(f"<{tag} {attribute}=...>")
            if attribute == "style":
                found.append(f"<{tag} style=...>")
            if attribute in URL_ATTRIBUTES or attribute == "srcdoc":
                if url_scheme(value) in {"javascript", "vbscript", "data", "livescript"}:
                    found.append(f"<{tag} {attribute}={value[:40]!r}>")
                if attribute == "srcdoc":
                    found.append(f"<{tag} srcdoc>")
    # Reporters' text is all inside <main>; the site's own header holds a search form.
    body = document.find(".//main")
    if body is None:
        body = document.find("body")
    for element in body.iter() if body is not None else []:
        if not isinstance(element.tag, str):
            continue
        tag = local_name(element.tag)
        if tag == "iframe" and urlsplit(element.get("src", "")).hostname in EMBED_FRAME_HOSTS:
            continue
        if tag in FORBIDDEN_IN_BODY:
            found.append(f"<{tag}> in the page body")
    return found


@pytest.mark.parametrize("vector", ALL)
def test_xss_vector_never_reaches_the_reader(client, vector):
    """A hostile body, bio, headline, standfirst or correction leaves nothing executable."""
    author = make_author(bio=vector)
    article = make_article(
        title=vector[:300],
        standfirst=vector,
        body=f"<p>Before.</p>{vector}<p>After.</p>",
        authors=[author],
    )
    Correction.objects.create(article=article, text=vector)
    for url in [article.get_absolute_url(), author.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 200
        assert dangers_in_page(response.content.decode()) == [], url


def test_corpus_is_large_and_the_checker_can_see_every_kind_of_danger():
    """The corpus has 100+ vectors, and the page checker flags each danger it looks for."""
    assert len(ALL) >= 100
    raw_pages = [
        "<p><script>alert(1)</script></p>",
        "<p><img src=x onerror=alert(1)></p>",
        '<p><a href=" JaVa\tScript:alert(1)">x</a></p>',
        '<p><img src="data:image/svg+xml;base64,AAAA"></p>',
        "<svg><circle/></svg>",
        "<math><mi>x</mi></math>",
        '<p style="color:red">x</p>',
        "<style>p{}</style>",
        '<iframe src="https://evil.example/"></iframe>',
        '<script type="application/ld+json">{"a": "</script><script>alert(1)</script>"}</script>',
    ]
    for page in raw_pages:
        assert dangers_in_page(f"<!DOCTYPE html><html><body>{page}</body></html>"), page
    safe = '<p><a href="https://example.com/">x</a><iframe src="https://www.youtube.com/embed/x"></iframe></p>'
    assert dangers_in_page(f"<html><body>{safe}</body></html>") == []
