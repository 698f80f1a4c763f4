"""The markup both importers produce: our figures, embeds and headings, before sanitising."""

import html
import re
from urllib.parse import urlsplit, urlunsplit

from django.utils.text import slugify

from website.richtext import EMBED_HOSTS, plain_text

HEADING_UP = re.compile(r"<(/?)h1\b", re.IGNORECASE)
HEADING_DOWN = re.compile(r"<(/?)h[56]\b", re.IGNORECASE)


def text(value) -> str:
    """Plain text of a title, name or excerpt: no tags, entities decoded, spaces squeezed."""
    return plain_text(str(value or ""))


# Ukrainian (the national standard of 2010) and Russian letters in Latin, for addresses that
# are routed as ASCII slugs (sections, tags, authors, site pages).
CYRILLIC = {
    **dict(zip("абвгґдезиіклмнопрстуфыэё", "abvhgdezyiklmnoprstufyee", strict=True)),
    **{"є": "ie", "ж": "zh", "ї": "i", "й": "i", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh"},
    **{"щ": "shch", "ю": "iu", "я": "ia", "ь": "", "ъ": ""},
}


def ascii_slug(value: str) -> str:
    """A slug of Latin letters, digits and hyphens: Cyrillic is transliterated, not dropped."""
    latin = "".join(CYRILLIC.get(char, char) for char in (value or "").lower())
    return slugify(latin)


def shorten(value: str, limit: int) -> str:
    """value cut to at most limit characters, at a word boundary where there is one."""
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
        return f'<figure class="media"><oembed url="{attribute(secure)}"></oembed></figure>'
    if parts.scheme in {"http", "https"}:
        return f'<p><a href="{attribute(url)}">{html.escape(url)}</a></p>'
    return ""


def headings(value: str) -> str:
    """Headings moved into the range the body allows (h2 to h4): h1 under the headline is h2."""
    return HEADING_DOWN.sub(r"<\1h4", HEADING_UP.sub(r"<\1h2", value))
