from django import template

from caching import keys
from caching.pieces import remembered
from newsletters.models import Newsletter

register = template.Library()


@register.simple_tag
def signup_newsletters() -> list[dict]:
    """The newsletters readers may sign up for, kept until one changes (no query)."""
    return remembered(
        "newsletter-signup",
        lambda: list(Newsletter.objects.filter(is_public=True).values("pk", "name", "description")),
        shows=(keys.shown_any("newsletters.Newsletter"),),
    )
