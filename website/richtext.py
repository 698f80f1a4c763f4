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
# Elements dropped together with everything inside them: their content is code, markup
# for another parser (SVG, MathML, templates) or raw text nobody meant to publish.
DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "frame",
    "frameset",
    "noframes",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "textarea",
    "select",
    "title",
    "xmp",
    "noembed",
    "plaintext",
    "head",
    "meta",
    "link",
    "base",
}
# Characters browsers ignore inside a URL scheme ("java\tscript:"), removed before checking it.
URL_IGNORED_CHARACTERS = re.compile(
    r"[\x00-\x20\x7f-\xa0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]"
)

HAS_LETTER_OR_DIGIT = re.compile(r"\w")
WORDS_PER_MINUTE = 238


def _url_scheme(value: str) -> str:
    """The scheme of a URL as a browser reads it, lower-cased; "" for a relative URL."""
    squeezed = URL_IGNORED_CHARACTERS.sub("", html.unescape(value))
    scheme, colon, _ = squeezed.partition(":")
    if not colon or "/" in scheme or "?" in scheme or "#" in scheme:
        return ""
    return scheme.lower()


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute in {"href", "src", "url"}:
        scheme = _url_scheme(value)
        if scheme and scheme not in URL_SCHEMES:
            return None
    if tag == "oembed" and attribute == "url":
        parts = urlsplit(value.strip())
        return value if parts.scheme == "https" and parts.hostname in EMBED_HOSTS else None
    if tag == "img" and attribute == "src":
        parts = urlsplit(value.strip())
        # Images come from our own media storage or from https addresses.
        # Browsers read a backslash as a slash, so "/\\host" is another site too.
        relative = not parts.scheme and not value.strip().replace("\\", "/").startswith("//")
        return value if relative or parts.scheme == "https" else None
    if tag == "figure" and attribute == "class":
        kept = [name for name in value.split() if name in FIGURE_CLASSES]
        return " ".join(kept) or None
    return value


class SanitizedHtml(str):
    """Rich text that has been through the allowlist, so it is not cleaned again."""


def sanitize_html(value: str) -> SanitizedHtml:
    """Return value with every tag, attribute and URL outside the allowlist removed.

    Called through website.fields (RichTextField and sanitized()), the one path.
    """
    if not value:
        return SanitizedHtml("")
    cleaned = nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter_attribute,
        clean_content_tags=DROPPED_WITH_CONTENT,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()
    return SanitizedHtml(cleaned)


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
