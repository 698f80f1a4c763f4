from django import template
from django.utils import translation

from caching import keys
from caching.dependencies import aside
from caching.pieces import remembered
from newsletters.models import Newsletter
from website.prepared import LANGUAGE, prepared

register = template.Library()


@register.simple_tag
def signup_newsletters() -> list[dict]:
    """The newsletters readers may sign up for, kept until one changes (no query). The box
    is beside the page's own subject: a new newsletter may take a minute to be offered."""
    with aside():
        return remembered(
            "newsletter-signup",
            lambda: public_newsletters(language=translation.get_language()),
            shows=(keys.shown_any("newsletters.Newsletter"),),
        )


@prepared
def public_newsletters():
    """What the sign-up form offers in an edition (the Param `language`)."""
    public = Newsletter.objects.filter(is_public=True, language=LANGUAGE)
    return public.values("pk", "name", "description")
