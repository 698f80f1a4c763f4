"""Template helpers for live stories: posts from X and Telegram as click-to-load cards, and
the "N new updates" words in every plural form of the page's language."""

import json

from django import template
from django.utils.translation import ngettext

from live import embeds
from website.plurals import plural_forms

register = template.Library()


@register.simple_tag
def new_updates_words() -> str:
    """The words of the "N new updates" control per plural category, as JSON: "{count}"
    stands for the number."""
    return json.dumps(
        plural_forms(lambda n: ngettext("%(count)s new update", "%(count)s new updates", n)),
        ensure_ascii=False,
    )


@register.filter
def social_post(url):
    """The X or Telegram post an address shows (live/embeds.py), or None."""
    return embeds.parse(url)
