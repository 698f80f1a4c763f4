import json

from tests.factories import make_article, make_tag

HOSTILE = "Tom & Jerry </script><script>alert(1)</script> <!-- say \"hi\" & 'bye'"


def test_hostile_headline_runs_nothing_in_a_real_browser(transactional_db, live_server, page):
    """Chromium runs no script from a typed headline and reads the JSON-LD back as typed."""
    article = make_article(title=HOSTILE, standfirst=HOSTILE, tags=[make_tag(name=HOSTILE)])
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert page.locator("h1").inner_text() == HOSTILE
    blocks = page.locator('script[type="application/ld+json"]').all_text_contents()
    assert len(blocks) == 1
    news = json.loads(blocks[0])["@graph"][0]
    assert news["headline"] == HOSTILE
    assert news["keywords"] == [HOSTILE]
    assert page.evaluate("document.title") == f"{HOSTILE} | The Kyiv Ledger"
    og_title = page.locator('meta[property="og:title"]').get_attribute("content")
    assert og_title == HOSTILE
    # Only the page's own scripts exist: the data block and our static files.
    scripts = page.locator("script").evaluate_all(
        "scripts => scripts.map(s => s.type === 'application/ld+json' ? 'data' : s.src)"
    )
    assert scripts.count("data") == 1
    assert all(
        source == "data" or source.startswith(f"{live_server.url}/static/js/") for source in scripts
    )
    assert dialogs == []
    assert errors == []


def test_feed_and_sitemap_links_resolve_from_the_page_head(transactional_db, live_server, page):
    """The feeds named in an article page's head and the sitemaps named in robots.txt answer."""
    article = make_article()
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    hrefs = page.locator('link[rel="alternate"]').evaluate_all("links => links.map(l => l.href)")
    assert len(hrefs) == 4
    for href in hrefs:
        response = page.request.get(href)
        assert response.ok, href
        assert response.headers["content-type"].startswith(
            ("application/rss+xml", "application/atom+xml")
        )
    robots = page.request.get(f"{live_server.url}/robots.txt").text()
    sitemaps = [
        line.split(": ", 1)[1] for line in robots.splitlines() if line.startswith("Sitemap:")
    ]
    assert len(sitemaps) == 3  # the sitemap index and each edition's news sitemap
    for url in sitemaps:
        # The configured SITE_URL may differ from the test server's address; the path is what counts.
        path = url.split("/", 3)[3]
        assert page.request.get(f"{live_server.url}/{path}").ok, url
