"""{% picture %}: an image as <picture> with WebP and JPEG/PNG srcsets, width and height."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def picture(picture, *, sizes, eager=False, css_class="") -> SafeString:
    """`picture` is an images.renditions.Picture: article.hero_picture, author.photo_picture.

    Written here rather than in a template: a page shows one per card, and an inclusion
    tag's template cost more than all the rest of a card.
    """
    css = format_html(' class="{}"', css_class) if css_class else ""
    if picture:
        loading = 'loading="eager"' if eager else 'loading="lazy" decoding="async"'
        return format_html(
            '<picture{}>\n  <source type="image/webp" srcset="{}" sizes="{}">\n'
            '  <img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" {}>\n'
            "</picture>\n",
            css,
            picture.webp_srcset,
            sizes,
            picture.src,
            picture.fallback_srcset,
            sizes,
            picture.width,
            picture.height,
            picture.alt,
            mark_safe(loading),  # noqa: S308
        )
    # Only if renditions could not be made: the original, without its size.
    if original_url := picture.original_url:
        loading = 'loading="eager"' if eager else 'loading="lazy"'
        return format_html(
            '<img{} src="{}" alt="{}" {} decoding="async">\n',
            css,
            original_url,
            picture.alt,
            mark_safe(loading),  # noqa: S308
        )
    return mark_safe("\n")
