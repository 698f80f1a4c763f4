"""The markup both importers produce: our figures, embeds and headings, before sanitising."""

import html
import re
from urllib.parse import urlsplit, urlunsplit

from website.richtext import EMBED_HOSTS, plain_text
from website.slugs import slug_from

HEADING_UP = re.compile(r"<(/?)h1\b", re.IGNORECASE)
HEADING_DOWN = re.compile(r"<(/?)h[56]\b", re.IGNORECASE)
IFRAME = r"<iframe\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)[\"'][^>]*>.*?</iframe>"
# An embed's iframe, alone or in the figure an editor wrapped it in (Ghost's embed card).
EMBED_FIGURE = re.compile(
    rf"<figure\b[^>]*>\s*{IFRAME}\s*(?:<figcaption\b.*?</figcaption>)?\s*</figure>",
    re.IGNORECASE | re.DOTALL,
)
BARE_IFRAME = re.compile(IFRAME, re.IGNORECASE | re.DOTALL)
PRE = re.compile(r"<pre\b[^>]*>(.*?)</pre>", re.IGNORECASE | re.DOTALL)
CODE_TAG = re.compile(r"</?code\b[^>]*>", re.IGNORECASE)


def text(value) -> str:
    """Plain text of a title, name or excerpt: no tags, entities decoded, spaces squeezed."""
    return plain_text(str(value or ""))


# Cyrillic in Latin letters (website/slugs.py), for addresses that are routed as ASCII slugs
# (sections, tags, authors, site pages).
def ascii_slug(value: str) -> str:
    """A slug of Latin letters, digits and hyphens: Cyrillic is transliterated, not dropped."""
    return slug_from(value or "", max_length=300)


def shorten(value: str, limit: int) -> str:
    """value cut to at most limit characters, at a word boundary where there is one."""
    value = value or ""
    if len(value) <= limit:
        return value
    cut = value[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


def attribute(value: str) -> str:
    return html.escape(value or "", quote=True)


def figure(src: str, alt: str = "", caption: str = "", link: str = "") -> str:
    image = f'<img src="{attribute(src)}" alt="{attribute(alt)}">'
    if link:
        image = f'<a href="{attribute(link)}">{image}</a>'
    caption_html = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure class="image">{image}{caption_html}</figure>'


def embed(url: str) -> str:
    """A YouTube or Vimeo address as CKEditor's media embed; any other address as a link."""
    url = html.unescape((url or "").strip())
    parts = urlsplit(url)
    if parts.hostname in EMBED_HOSTS:
        secure = urlunsplit(("https", parts.netloc, parts.path, parts.query, ""))
        # The link inside shows wherever <oembed> is not made into a player.
        link = f'<a href="{attribute(secure)}">{html.escape(secure)}</a>'
        return f'<figure class="media"><oembed url="{attribute(secure)}">{link}</oembed></figure>'
    if parts.scheme in {"http", "https"}:
        return f'<p><a href="{attribute(url)}">{html.escape(url)}</a></p>'
    return ""


def headings(value: str) -> str:
    """Headings moved into the range the body allows (h2 to h4): h1 under the headline is h2."""
    return HEADING_DOWN.sub(r"<\1h4", HEADING_UP.sub(r"<\1h2", value))


def ours(value: str) -> str:
    """What the body allows made of what other editors write: headings in range, video
    iframes as media embeds (the sanitiser drops iframes), code blocks as paragraphs."""

    def iframe(match: re.Match) -> str:
        src = html.unescape(match[1]).strip()
        return embed(f"https:{src}" if src.startswith("//") else src)

    def code(match: re.Match) -> str:
        lines = CODE_TAG.sub("", match[1]).strip("\n").split("\n")
        return "<p>" + "<br>".join(lines) + "</p>"

    value = BARE_IFRAME.sub(iframe, EMBED_FIGURE.sub(iframe, value))
    return headings(PRE.sub(code, value))
