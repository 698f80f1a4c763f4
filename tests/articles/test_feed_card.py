"""The news feed card (articles/cards.py): its markup, label by label, without a template."""

import pytest
from django.test.signals import template_rendered
from django.utils.safestring import mark_safe

from articles.cards import feed_card
from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def card(item, **options) -> str:
    rendered = []

    def note(sender, template, **_kwargs):
        rendered.append(template.name)

    template_rendered.connect(note)
    try:
        html = feed_card(item, **options)
    finally:
        template_rendered.disconnect(note)
    assert [name for name in rendered if name] == []
    return html


def test_a_plain_card():
    """Kind, time, headline and address; no label for an article, no standfirst without images."""
    item = make_article(title="Kyiv <talks>", standfirst="Why it matters")
    html = card(item)
    assert html.startswith('\n<article class="feed-item feed-item--article">\n')
    assert '<p class="feed-item__meta"><time datetime=' in html
    assert (
        f'<a href="{item.get_absolute_url()}">Kyiv &lt;talks&gt;</a></h3>\n    \n  </div>' in html
    )
    assert html.endswith("  </div>\n  \n</article>\n")
    assert "Why it matters" not in html


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"kind": Article.Kind.VIDEO}, '<span class="label label--video">Video</span> '),
        ({"is_breaking": True}, '<span class="label label--breaking">Breaking</span> '),
        ({"kind": Article.Kind.OPINION}, '<span class="label">Opinion</span> '),
        ({"kind": Article.Kind.BRIEF}, ""),
    ],
)
def test_labels(fields, label):
    """Video, breaking, and any kind but article and brief, are labelled before the time."""
    html = card(make_article(**fields))
    assert f'<p class="feed-item__meta">{label}<time ' in html


def test_a_brief_with_images_shows_its_text_and_no_picture():
    """A brief's standfirst is its text; briefs never show a picture."""
    html = card(make_article(kind=Article.Kind.BRIEF, standfirst="Short & sharp"), show_images=True)
    assert '    <p class="feed-item__brief">Short &amp; sharp</p>\n  </div>\n  \n</article>' in html


def test_a_search_snippet_replaces_the_standfirst():
    """The snippet's safe HTML is shown as given (search highlights its matches)."""
    html = card(
        make_article(standfirst="Standfirst"),
        show_images=True,
        snippet=mark_safe("<mark>Kyiv</mark>"),
    )
    assert '<p class="feed-item__snippet"><mark>Kyiv</mark></p>\n    \n  </div>' in html
    assert "Standfirst" not in html
