import re
from pathlib import Path

import csp.middleware
import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize("page", ["home", "article"])
def test_reader_pages_send_a_strict_content_security_policy(client, page):
    """Reader pages allow scripts and styles from this site only, never inline or eval."""
    article = make_article()
    url = article.get_absolute_url() if page == "article" else reverse("newsfeed:home")
    response = client.get(url)
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.usefixtures("page_cache")
def test_a_page_from_the_page_cache_has_the_same_policy_built_once(client, monkeypatch):
    """A hit, a stale page and a miss send the same policy; answers from the page cache do
    not build it again (it was a fifth of a hit's work)."""
    built = []
    build = csp.middleware.build_policy
    monkeypatch.setattr(
        csp.middleware, "build_policy", lambda **parts: built.append(parts) or build(**parts)
    )
    url = make_article().get_absolute_url()
    miss = client.get(url)
    assert miss["X-Page-Cache"] == "miss"
    assert len(built) == 2  # the policy and the report-only one, as django-csp does
    for _ in range(3):
        hit = client.get(url)
        assert hit["X-Page-Cache"] == "hit"
        assert hit["Content-Security-Policy"] == miss["Content-Security-Policy"]
    assert len(built) == 2
    assert "Content-Security-Policy-Report-Only" not in hit


def test_reader_pages_send_the_other_security_headers(client):
    """nosniff, a referrer policy, a permissions policy and frame denial on every reader page."""
    response = client.get(make_article().get_absolute_url())
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_admin_allows_the_editors_inline_styles_but_no_inline_scripts(client):
    """The admin's policy lets CKEditor set styles, and still refuses inline scripts."""
    client.force_login(make_user(role="Editors"))
    response = client.get(reverse("admin:articles_article_add"))
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["script-src"] == ["'self'"]
    assert "blob:" in policy["img-src"]


def test_hsts_is_sent_only_over_https(client, settings):
    """Strict-Transport-Security goes out on HTTPS responses and never over plain HTTP."""
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    url = make_article().get_absolute_url()
    secure = client.get(url, secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Strict-Transport-Security" not in client.get(url)


def test_templates_have_no_inline_scripts_or_style_attributes():
    """No template carries inline script code or event handlers, nor a page template a style attribute."""
    offenders = []
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        for match in re.finditer(r"<script\b([^>]*)>(.*?)</script>", text, flags=re.S | re.I):
            attributes, code = match.groups()
            if "application/ld+json" not in attributes and code.strip():
                offenders.append(f"{template.name}: inline script")
        # Emails need inline styles (mail programs drop <style>); no page under the CSP uses them.
        is_email = "email" in template.relative_to(TEMPLATES).parts[:-1]
        if not is_email and re.search(r"\sstyle\s*=", text, flags=re.I):
            offenders.append(f"{template.name}: style attribute")
        if re.search(r"<[^>]+\son[a-z]+\s*=", text, flags=re.I):
            offenders.append(f"{template.name}: event handler attribute")
    assert offenders == []
