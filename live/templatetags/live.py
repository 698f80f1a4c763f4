"""Template helpers for live stories: posts from X and Telegram as click-to-load cards."""

from django import template

from live import embeds

register = template.Library()


@register.filter
def social_post(url):
    """The X or Telegram post an address shows (live/embeds.py), or None."""
    return embeds.parse(url)
