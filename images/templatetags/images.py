"""{% picture %}: an image as <picture> with WebP and JPEG/PNG srcsets, width and height."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(picture, *, sizes, eager=False, css_class=""):
    """`picture` is an images.renditions.Picture: article.hero_picture, author.photo_picture."""
    return {
        "picture": picture,
        # Only if renditions could not be made: the original, without its size.
        "original_url": picture.original_url if not picture else "",
        "alt": picture.alt,
        "sizes": sizes,
        "eager": eager,
        "css_class": css_class,
    }
