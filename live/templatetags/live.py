"""Template helpers for live stories: posts from X and Telegram as click-to-load cards, and
the "N new updates" words in every plural form of the page's language."""

import json

from django import template
from django.utils.translation import ngettext

from live import embeds

register = template.Library()

# A number of each plural category (Unicode CLDR) in the editions' languages: English has
# one and other, Ukrainian one (1, 21), few (2-4, 22) and many (0, 5-20); its "other" is
# for fractions. static/js/live.js asks Intl.PluralRules which category its count is in.
PLURAL_SAMPLES = {"one": 1, "few": 3, "many": 5, "other": 10}


@register.simple_tag
def new_updates_words() -> str:
    """The words of the "N new updates" control per plural category, as JSON: "{count}"
    stands for the number."""
    return json.dumps(
        {
            category: ngettext("%(count)s new update", "%(count)s new updates", number)
            % {"count": "{count}"}
            for category, number in PLURAL_SAMPLES.items()
        },
        ensure_ascii=False,
    )


@register.filter
def social_post(url):
    """The X or Telegram post an address shows (live/embeds.py), or None."""
    return embeds.parse(url)
