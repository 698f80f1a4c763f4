"""{% most_popular as blocks %}: the Most Popular lists (templates/includes/most_popular.html)."""

from django import template

from readership.pieces import popular_blocks

register = template.Library()


@register.simple_tag
def most_popular():
    return popular_blocks()
