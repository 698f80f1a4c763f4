"""{% picture %}: the markup of a picture, written without a template of its own."""

import pytest
from django.template import Context, Template
from django.test.signals import template_rendered

from images.renditions import Picture
from tests.factories import image_file, make_article

pytestmark = pytest.mark.django_db

TAG = Template('{% load images %}{% picture picture sizes="50vw" css_class="card" %}')


def rendered(picture) -> tuple[str, list[str]]:
    """The tag's HTML, and the templates rendered to make it."""
    names = []

    def note(sender, template, **_kwargs):
        names.append(template.name)

    template_rendered.connect(note)
    try:
        html = TAG.render(Context({"picture": picture}))
    finally:
        template_rendered.disconnect(note)
    return html, [name for name in names if name]


def test_a_picture_with_renditions():
    """WebP and fallback srcsets, the middle width as src, the largest size, lazy loading."""
    picture = make_article(
        hero_image=image_file(size=(1600, 900)), hero_alt='A "quote"'
    ).hero_picture
    html, templates = rendered(picture)
    assert templates == []
    assert html == (
        '<picture class="card">\n'
        f'  <source type="image/webp" srcset="{picture.webp_srcset}" sizes="50vw">\n'
        f'  <img src="{picture.src}" srcset="{picture.fallback_srcset}" sizes="50vw" '
        f'width="{picture.width}" height="{picture.height}" alt="A &quot;quote&quot;" '
        'loading="lazy" decoding="async">\n</picture>\n'
    )


def test_an_original_without_renditions_and_nothing():
    """Without renditions the original is shown without its size; without either, nothing."""
    article = make_article(hero_image=image_file(size=(320, 180)), hero_alt="<b>")
    original = Picture({}, original=article.hero_image, alt="<b>")
    assert rendered(original)[0] == (
        f'<img class="card" src="{article.hero_image.url}" alt="&lt;b&gt;" loading="lazy" '
        'decoding="async">\n'
    )
    assert rendered(Picture({}))[0] == "\n"
