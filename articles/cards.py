"""The news feed card of an item: its label and time, its headline, and with show_images its
standfirst (a brief's text) and picture.

Written in Python rather than as a template: a listing shows dozens of cards, and a
template per card cost several times what the card's own values do.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from articles.models import Article
from images.templatetags.images import picture
from website.templatetags.website import when

PICTURE_SIZES = "(min-width: 960px) 280px, (min-width: 600px) 33vw, 112px"


def label(item: Article) -> SafeString:
    """The card's label, if any, and the space after it: live, video, breaking or its kind."""
    live_story = getattr(item, "live_story", None)  # None where it has none
    if live_story is not None and live_story.is_live:
        return format_html('<span class="label label--live">{}</span> ', gettext("Live"))
    if item.kind == Article.Kind.VIDEO:
        return format_html('<span class="label label--video">{}</span> ', gettext("Video"))
    if item.is_breaking:
        return format_html('<span class="label label--breaking">{}</span> ', gettext("Breaking"))
    if item.kind not in (Article.Kind.ARTICLE, Article.Kind.BRIEF):
        return format_html('<span class="label">{}</span> ', item.get_kind_display())
    return mark_safe("")


def feed_card(item: Article, *, show_images: bool = False, snippet: SafeString = "") -> SafeString:
    """The card's HTML; `snippet`: the search snippet's safe HTML, shown instead of the
    standfirst (a plain string is escaped)."""
    brief = item.kind == Article.Kind.BRIEF
    with_image = show_images and not brief
    if snippet:
        text = format_html('<p class="feed-item__snippet">{}</p>\n    ', snippet)
    elif show_images and item.standfirst:
        css = "brief" if brief else "standfirst"
        text = format_html('<p class="feed-item__{}">{}</p>', css, item.standfirst)
    else:
        text = ""
    image = ""
    if with_image:
        image = picture(item.hero_picture, sizes=PICTURE_SIZES, css_class="feed-item__image")
    return format_html(
        '\n<article class="feed-item feed-item--{}{}">\n'
        '  <div class="feed-item__text">\n'
        '    <p class="feed-item__meta">{}{}</p>\n'
        '    <h3 class="feed-item__title"><a href="{}">{}</a></h3>\n'
        "    {}\n"
        "  </div>\n"
        "  {}\n"
        "</article>\n",
        item.kind,
        mark_safe(" feed-item--with-image") if with_image and item.hero_renditions else "",
        label(item),
        when(item.publish_at, "relative"),
        item.get_absolute_url(),
        item.title,
        text,
        image,
    )
