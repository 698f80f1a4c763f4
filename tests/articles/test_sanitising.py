import pytest

from tests.factories import make_article, make_author
from website.richtext import sanitize_html

HOSTILE = (
    '<p onclick="steal()">Hello <script>alert(1)</script><b>world</b></p>'
    '<img src="x" onerror="alert(2)" alt="pic">'
    '<a href="javascript:alert(3)">click</a>'
    '<iframe src="https://evil.example/"></iframe>'
    '<p style="background:url(javascript:alert(4))">styled</p>'
    "<svg><script>alert(5)</script></svg>"
)


def test_sanitiser_removes_scripts_handlers_and_dangerous_urls():
    """Scripts, event handlers, javascript: URLs, iframes, styles and SVG are removed."""
    clean = sanitize_html(HOSTILE)
    lowered = clean.lower()
    for forbidden in ["<script", "onclick", "onerror", "javascript:", "<iframe", "style=", "<svg"]:
        assert forbidden not in lowered
    assert "<b>world</b>" in clean
    assert 'alt="pic"' in clean


def test_sanitiser_keeps_newsroom_markup():
    """Headings, lists, quotes, safe links, figures and tables survive."""
    html = (
        "<h2>Heading</h2><ul><li>one</li></ul><blockquote><p>quote</p></blockquote>"
        '<p><a href="https://example.com/">link</a></p>'
        '<figure class="image"><img src="/media/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>'
        "<table><tbody><tr><td>cell</td></tr></tbody></table>"
    )
    clean = sanitize_html(html)
    for kept in [
        "<h2>",
        "<li>one</li>",
        "<blockquote>",
        'href="https://example.com/"',
        '<figure class="image">',
        "<figcaption>Cap</figcaption>",
        "<td>cell</td>",
    ]:
        assert kept in clean
    assert 'rel="noopener noreferrer nofollow"' in clean


def test_embeds_are_kept_only_from_known_video_providers():
    """A YouTube embed stays; an embed from anywhere else loses its address."""
    clean = sanitize_html(
        '<figure class="media"><oembed url="https://www.youtube.com/watch?v=abc"></oembed></figure>'
        '<figure class="media"><oembed url="https://evil.example/x"></oembed></figure>'
    )
    assert 'url="https://www.youtube.com/watch?v=abc"' in clean
    assert "evil.example" not in clean


@pytest.mark.django_db
def test_hostile_body_is_sanitised_on_save_and_never_reaches_the_page(client):
    """A hostile body is cleaned when saved, so the article page carries none of it."""
    article = make_article(body=HOSTILE)
    article.refresh_from_db()
    assert "<script" not in article.body
    page = client.get(article.get_absolute_url()).content.decode()
    assert "alert(1)" not in page
    assert "onerror" not in page
    assert "javascript:alert" not in page


@pytest.mark.django_db
def test_author_bio_is_sanitised_on_save():
    """An author's bio is rich text and is cleaned the same way."""
    author = make_author(bio='<p>Bio<script>alert(1)</script><img src=x onerror="alert(2)"></p>')
    author.refresh_from_db()
    assert "<script" not in author.bio
    assert "onerror" not in author.bio
