import pytest
from django.urls import reverse

from articles.models import Article, Section
from authors.models import Author
from tests.factories import make_article, make_author, make_section, make_user
from tests.website.xss_vectors import ALL
from website.richtext import sanitize_html

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="x()">Kept text<script>alert(1)</script></p><a href="javascript:alert(2)">a</a>'
)


def assert_clean(html):
    lowered = html.lower()
    assert "kept text" in lowered
    for forbidden in ["<script", "onclick", "javascript:", "alert(1)"]:
        assert forbidden not in lowered


def test_queryset_update_sanitises_body_and_bio():
    """QuerySet.update(), which skips save(), still stores sanitised rich text."""
    article, author = make_article(), make_author()
    Article.objects.filter(pk=article.pk).update(body=HOSTILE)
    Author.objects.filter(pk=author.pk).update(bio=HOSTILE)
    article.refresh_from_db()
    author.refresh_from_db()
    assert_clean(article.body)
    assert_clean(author.bio)


def test_bulk_create_and_bulk_update_sanitise_body():
    """bulk_create() and bulk_update() store sanitised rich text too."""
    section = make_section()
    created = Article.objects.bulk_create(
        [Article(title="Bulk", slug="bulk", section=section, body=HOSTILE)]
    )
    assert_clean(Article.objects.get(pk=created[0].pk).body)
    article = Article.objects.get(pk=created[0].pk)
    article.body = HOSTILE
    Article.objects.bulk_update([article], ["body"])
    assert_clean(Article.objects.get(pk=article.pk).body)
    assert Section.objects.count() == 1


def test_admin_form_stores_sanitised_body(client):
    """An article body pasted into the admin is stored without its scripts and handlers."""
    client.force_login(make_user(role="Editors"))
    section = make_section()
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "kind": "article",
            "title": "Pasted",
            "slug": "pasted",
            "body": HOSTILE,
            "section": section.pk,
            "status": "draft",
            "bylines-TOTAL_FORMS": "0",
            "bylines-INITIAL_FORMS": "0",
            "corrections-TOTAL_FORMS": "0",
            "corrections-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert_clean(Article.objects.get(slug="pasted").body)


def test_sanitising_twice_changes_nothing():
    """Sanitised output is stable: cleaning it again gives the same markup."""
    for vector in ALL:
        once = sanitize_html(vector)
        assert sanitize_html(once) == once, vector


def test_ckeditor_output_survives_unchanged():
    """What CKEditor 5 writes for headings, images, tables, quotes and embeds is kept."""
    html = (
        "<h2>Heading</h2><h3>Sub</h3><p>Text <strong>bold</strong> <i>it</i> "
        '<a href="mailto:desk@example.com">mail</a></p>'
        '<figure class="image image-style-side"><img src="/media/body/a.jpg" alt="A">'
        "<figcaption>Caption</figcaption></figure>"
        '<figure class="table"><table><thead><tr><th scope="col">H</th></tr></thead>'
        "<tbody><tr><td>1</td></tr></tbody></table></figure>"
        "<blockquote><p>Quote</p></blockquote><ol><li>one</li></ol>"
        '<figure class="media"><oembed url="https://youtu.be/abc"></oembed></figure>'
    )
    clean = sanitize_html(html)
    assert clean.replace(' rel="noopener noreferrer nofollow"', "") == html
