from django import template
from django.utils import translation

from caching import keys
from caching.pieces import remembered
from newsletters.models import Newsletter

register = template.Library()


@register.simple_tag
def signup_newsletters() -> list[dict]:
    """The newsletters readers may sign up for, kept until one changes (no query)."""
    return remembered(
        "newsletter-signup",
        lambda: list(
            Newsletter.objects.filter(is_public=True, language=translation.get_language()).values(
                "pk", "name", "description"
            )
        ),
        shows=(keys.shown_any("newsletters.Newsletter"),),
    )
