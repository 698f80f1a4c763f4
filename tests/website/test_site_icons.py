"""The site's icons: /favicon.ico, the touch icon and the web manifest, linked from every page."""

import io
import json

import pytest
from PIL import Image

from tests.html import element, parse

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def head_link(page, rel: str) -> str:
    return element(page, f"//head/link[@rel='{rel}']").get("href")


def test_favicon_ico_answers_at_the_root_with_the_usual_sizes(client):
    """/favicon.ico, which browsers ask for on every site, is an icon in 16, 32 and 48 px."""
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    with Image.open(io.BytesIO(body(response))) as icon:
        assert icon.format == "ICO"
        assert {(16, 16), (32, 32), (48, 48)} <= icon.info["sizes"]


def test_pages_link_the_favicon_touch_icon_and_manifest_and_each_answers(client, settings):
    """The head links an icon, an opaque 180 px touch icon and a manifest naming the newsroom."""
    settings.WHITENOISE_USE_FINDERS = True  # static files from static/, as under make run
    page = parse(client.get("/"))
    assert client.get(head_link(page, "icon")).status_code == 200
    touch = client.get(head_link(page, "apple-touch-icon"))
    assert touch.status_code == 200
    with Image.open(io.BytesIO(body(touch))) as icon:
        assert (icon.format, icon.size, icon.mode) == ("PNG", (180, 180), "RGB")

    response = client.get(head_link(page, "manifest"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == settings.SITE_NAME
    assert manifest["lang"] == settings.SITE_LANGUAGE
    assert manifest["start_url"] == "/"
    sizes = set()
    for icon in manifest["icons"]:
        answer = client.get(icon["src"])
        assert answer.status_code == 200, icon["src"]
        with Image.open(io.BytesIO(body(answer))) as image:
            assert icon["sizes"] == "{}x{}".format(*image.size)
            assert icon["type"] == Image.MIME[image.format]
        sizes.add(icon["sizes"])
    assert {"192x192", "512x512"} <= sizes
