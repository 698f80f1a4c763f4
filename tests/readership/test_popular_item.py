"""A headline of Most Popular (readership/pieces.py): its markup, without a template."""

import pytest
from django.test.signals import template_rendered

from readership.pieces import popular_item
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def test_a_headline_with_its_section():
    """Address, escaped headline and section name, as one list item."""
    article = make_article(title="Drones & <defence>", section=make_section(name="Ukraine"))
    rendered = []

    def note(sender, template, **_kwargs):
        rendered.append(template.name)

    template_rendered.connect(note)
    try:
        html = popular_item(article)
    finally:
        template_rendered.disconnect(note)
    assert rendered == []
    assert html == (
        f'\n<li class="most-popular__item"><a href="{article.get_absolute_url()}">'
        'Drones &amp; &lt;defence&gt;</a> <span class="most-popular__section">Ukraine</span></li>\n'
    )
