"""A WordPress post's content in our markup: no block comments, shortcodes made into
figures and embeds, paragraphs from line breaks (what WordPress's wpautop does on display)."""

import re
from dataclasses import dataclass, field

from importers import markup
from importers.records import Picture

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
SHORTCODE = re.compile(
    r"\[(?P<name>caption|wp_caption|embed|gallery|video|audio)\b(?P<attrs>[^\]]*?)/?\]"
    r"(?:(?P<inner>.*?)\[/(?P=name)\])?",
    re.DOTALL | re.IGNORECASE,
)
SHORTCODE_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
# The block editor's embed: the address alone inside its wrapper.
EMBED_BLOCK = re.compile(
    r"<figure\b[^>]*wp-block-embed[^>]*>\s*<div\b[^>]*wp-block-embed__wrapper[^>]*>\s*"
    r"(?P<url>https?://[^\s<]+)\s*</div>\s*(?P<caption><figcaption\b.*?</figcaption>)?\s*</figure>",
    re.DOTALL | re.IGNORECASE,
)
# The classic editor's auto-embed: an address alone on its line.
URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
CAPTION_IMAGE = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL)
IMAGE_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
IMAGE_ALT = re.compile(r"""<img\b[^>]*?\balt\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
LINK_HREF = re.compile(r"""^\s*<a\b[^>]*?\bhref\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
# Elements that stand as paragraphs of their own, as wpautop's list of blocks has them.
OWN_PARAGRAPH = (
    r"(?:table|thead|tfoot|caption|ul|ol|dl|pre|form|blockquote|address|p|h[1-6]|hr|figure"
    r"|div|section|oembed)"
)
BLOCK_OPEN = re.compile(rf"(<{OWN_PARAGRAPH}[\s/>])", re.IGNORECASE)
BLOCK_CLOSE = re.compile(rf"(</{OWN_PARAGRAPH}>)", re.IGNORECASE)
BLOCK_START = re.compile(
    r"^</?(?:p|h[1-6]|ul|ol|li|dl|blockquote|figure|table|thead|tbody|tfoot|tr|td|th|div|pre|hr"
    r"|section|address|form|oembed|iframe|script|style|!--)\b",
    re.IGNORECASE,
)
PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL | re.IGNORECASE)
VIDEO_SOURCES = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mp3", "ogg", "wav", "m4a")


@dataclass
class Attachments:
    """The export's media items: their address, alt text and caption, by id and by parent."""

    by_id: dict[str, Picture] = field(default_factory=dict)
    by_parent: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, parent: str, picture: Picture) -> None:
        self.by_id[key] = picture
        if parent and parent != "0":
            self.by_parent.setdefault(parent, []).append(key)


def shortcode_attributes(text: str) -> dict[str, str]:
    return {
        match[1].lower(): next(value for value in match.groups()[1:] if value is not None)
        for match in SHORTCODE_ATTR.finditer(text or "")
    }


class Converter:
    """Converts the content of one post; notes say what could not come across as it was."""

    def __init__(self, attachments: Attachments, post_key: str):
        self.attachments = attachments
        self.post_key = post_key
        self.notes: list[str] = []

    def convert(self, content: str) -> str:
        content = (content or "").replace("\r\n", "\n").replace("\r", "\n")
        # The block editor's content is HTML already; WordPress runs wpautop only on the rest.
        has_blocks = bool(BLOCK_COMMENT.search(content))
        content = BLOCK_COMMENT.sub("", content)
        content = EMBED_BLOCK.sub(lambda match: markup.embed(match["url"]), content)
        content = SHORTCODE.sub(self.shortcode, content)
        content = URL_LINE.sub(lambda match: markup.embed(match[1]) or match[0], content)
        return markup.ours(content if has_blocks else paragraphs(content))

    def shortcode(self, match: re.Match) -> str:
        name = match["name"].lower()
        attrs = shortcode_attributes(match["attrs"])
        inner = match["inner"] or ""
        if name in {"caption", "wp_caption"}:
            return self.caption(attrs, inner)
        if name == "embed":
            return markup.embed(inner or attrs.get("url", "")) or inner
        if name == "gallery":
            return self.gallery(attrs)
        return self.video(name, attrs, inner)

    def caption(self, attrs: dict, inner: str) -> str:
        found = CAPTION_IMAGE.match(inner)
        if not found:
            return inner
        image, caption = found[1], (attrs.get("caption") or found[2]).strip()
        src = IMAGE_SRC.search(image)
        alt = IMAGE_ALT.search(image)
        link = LINK_HREF.search(image)
        if not src:
            return inner
        return markup.figure(src[1], alt[1] if alt else "", caption, link=link[1] if link else "")

    def gallery(self, attrs: dict) -> str:
        if attrs.get("ids"):
            keys = [key.strip() for key in attrs["ids"].split(",") if key.strip()]
        else:
            keys = self.attachments.by_parent.get(self.post_key, [])
        figures = []
        for key in keys:
            picture = self.attachments.by_id.get(key)
            if picture is None:
                self.notes.append(f"gallery image {key} is not in the export")
                continue
            figures.append(markup.figure(picture.url, picture.alt, markup.text(picture.caption)))
        return "".join(figures)

    def video(self, name: str, attrs: dict, inner: str) -> str:
        url = next((attrs[key] for key in VIDEO_SOURCES if attrs.get(key)), inner.strip())
        result = markup.embed(url)
        if result and "<oembed" not in result:
            self.notes.append(f"the {name} file {url} is kept as a link: the site plays no files")
        return result


def paragraphs(content: str) -> str:
    """Blank lines make paragraphs and single line breaks <br>, as WordPress shows them;
    chunks that already start with a block element are left as they are, <pre> untouched."""
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match[0])
        return f"\n\n<pre>{len(kept) - 1}</pre>\n\n"

    content = PRE.sub(keep, content)
    content = BLOCK_CLOSE.sub("\\1\n\n", BLOCK_OPEN.sub("\n\n\\1", content))
    chunks = []
    for chunk in re.split(r"\n\s*\n", content):
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_START.match(chunk):
            chunks.append(chunk)
        else:
            chunks.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", chunk) + "</p>")
    joined = "\n".join(chunks)
    return re.sub(r"<pre>(\d+)</pre>", lambda match: kept[int(match[1])], joined)
