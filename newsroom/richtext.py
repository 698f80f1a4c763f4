"""Sanitising rich text and measuring it.

Every rich-text field is cleaned with an allowlist before it is stored, so what
readers get is only the markup a newsroom needs: headings, lists, links with
safe schemes, quotes, figures with captions, tables and embeds from known
video providers. Anything else (scripts, event handlers, styles) is dropped.
"""

import html
import math
import re
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "oembed",
    "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "figure": {"class"},
    "oembed": {"url"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "reversed"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Embeds are only kept when they point at one of these video providers.
EMBED_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "youtu.be",
    "m.youtube.com",
    "vimeo.com",
    "player.vimeo.com",
}
FIGURE_CLASSES = {"image", "table", "media", "image-style-side", "image_resized"}

HAS_LETTER_OR_DIGIT = re.compile(r"\w")
WORDS_PER_MINUTE = 238


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "oembed" and attribute == "url":
        parts = urlsplit(value)
        return value if parts.scheme == "https" and parts.hostname in EMBED_HOSTS else None
    if tag == "img" and attribute == "src":
        parts = urlsplit(value)
        # Images come from our own media storage or from https addresses.
        return value if parts.scheme in {"", "https"} and not value.startswith("//") else None
    if tag == "figure" and attribute == "class":
        kept = [name for name in value.split() if name in FIGURE_CLASSES]
        return " ".join(kept) or None
    return value


def sanitize_html(value: str) -> str:
    """Return value with every tag, attribute and URL outside the allowlist removed."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()


def plain_text(value: str) -> str:
    """The readable text of an HTML fragment, block elements separated by spaces."""
    spaced = re.sub(r"<(/?)(p|h\d|li|blockquote|figcaption|td|th|br)\b", r" <\1\2", value or "")
    return " ".join(html.unescape(nh3.clean(spaced, tags=set())).split())


def count_words(text: str) -> int:
    """Words in text, as a reader counts them.

    A word is a run of characters between spaces with at least one letter or
    digit in it, so an apostrophe (п'ять, п’ять, don't), a hyphen (July 9-11) or
    a full stop (U.S.) inside a word does not split it, and a lone dash is no word.
    """
    return sum(1 for token in text.split() if HAS_LETTER_OR_DIGIT.search(token))


def image_seconds(images: int) -> int:
    """Time spent on images: 12 s for the first, 11 s for the second, down to 3 s each."""
    return sum(max(12 - index, 3) for index in range(images))


def reading_minutes(words: int, images: int) -> int:
    """Whole minutes to read words and look at images, rounded up, at least one."""
    seconds = words * 60 / WORDS_PER_MINUTE + image_seconds(images)
    return max(1, math.ceil(seconds / 60))


def count_images(value: str) -> int:
    return len(re.findall(r"<img\b", value or "", flags=re.IGNORECASE))
