import re

import lxml.html

from tests.services import AppServer


def test_the_inline_stylesheet_points_at_collected_files_that_are_served(demo_newsroom, tmp_path):
    """With debug off, the page's inline stylesheet names the hashed fonts and images, and each loads."""
    env, _ = demo_newsroom
    server = AppServer(env, tmp_path)
    server.start()
    try:
        status, _headers, html = server.get("/")
        assert status == 200
        page = lxml.html.fromstring(html)
        assert page.xpath("//link[@rel='stylesheet']") == []
        (inline,) = page.xpath("//head/style")
        targets = re.findall(r'url\("([^"]+)"\)', inline.text)
        fonts = [target for target in targets if target.endswith(".woff2")]
        assert fonts, "the @font-face rules are in the page"
        for target in targets:
            assert re.fullmatch(r"/static/\S+\.[0-9a-f]{12}\.\w+", target), target
            assert server.request("HEAD", target)[0] == 200, target
    finally:
        server.stop()
