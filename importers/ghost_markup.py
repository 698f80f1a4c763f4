"""Ghost's editor formats rendered as our HTML, for posts exported without their html.

Ghost 1 to 4 store posts as mobiledoc, Ghost 5 as lexical; both are JSON trees of
sections and cards. Only what a newsroom article uses is rendered: text with its
marks and links, headings, lists, quotes, images, galleries, embeds, rules, HTML
and code cards. A card we do not know is reported, never guessed at.
"""

import html
import json

from importers import markup

escape = html.escape
# Lexical's text format bits.
FORMATS = ((1, "strong"), (2, "em"), (4, "s"), (8, "u"), (32, "sub"), (64, "sup"))
CODE_FORMAT = 16


class Renderer:
    def __init__(self):
        self.notes: list[str] = []

    # --- cards, shared by both formats -----------------------------------------------

    def card(self, name: str, payload: dict) -> str:
        if name == "image":
            return markup.figure(
                payload.get("src", ""), payload.get("alt", ""), payload.get("caption", "")
            )
        if name == "gallery":
            return "".join(
                markup.figure(image.get("src", ""), image.get("alt", ""), image.get("caption", ""))
                for image in payload.get("images", [])
            )
        if name in {"embed", "video"} and payload.get("url"):
            return markup.embed(payload["url"])
        if name == "bookmark" and payload.get("url"):
            title = (payload.get("metadata") or {}).get("title") or payload["url"]
            url = markup.attribute(payload["url"])
            return f'<p><a href="{url}">{escape(title)}</a></p>'
        if name in {"html", "markdown"}:
            source = payload.get("html") or payload.get("markdown") or ""
            return source if name == "html" else text_paragraphs(source)
        if name in {"hr", "horizontalrule"}:
            return "<hr>"
        if name in {"code", "codeblock"}:
            return f"<p>{escape(payload.get('code', ''))}</p>"
        if name in {"callout", "aside"}:
            return f"<blockquote><p>{payload.get('calloutText', '')}</p></blockquote>"
        if name in {"paywall", "email", "email-cta", "signup", "button", "toggle", "product"}:
            return ""
        self.notes.append(f"its {name} card is not shown")
        return ""

    # --- mobiledoc --------------------------------------------------------------------

    def mobiledoc(self, source: str) -> str:
        document = json.loads(source)
        markups = document.get("markups", [])
        cards = document.get("cards", [])
        atoms = document.get("atoms", [])
        parts = []
        for section in document.get("sections", []):
            kind = section[0]
            if kind == 1:  # markup section: [1, tag, markers]
                tag = section[1].lower()
                tag = {"h1": "h2", "h5": "h4", "h6": "h4", "pull-quote": "blockquote"}.get(tag, tag)
                inner = self.markers(section[2], markups, atoms)
                if tag == "blockquote":
                    parts.append(f"<blockquote><p>{inner}</p></blockquote>")
                else:
                    parts.append(f"<{tag}>{inner}</{tag}>")
            elif kind == 2:  # image section: [2, src]
                parts.append(markup.figure(section[1]))
            elif kind == 3:  # list section: [3, tag, items]
                items = "".join(
                    f"<li>{self.markers(item, markups, atoms)}</li>" for item in section[2]
                )
                parts.append(f"<{section[1]}>{items}</{section[1]}>")
            elif kind == 10:  # card section: [10, index]
                name, payload = cards[section[1]]
                parts.append(self.card(name, payload))
        return "".join(parts)

    def markers(self, markers, markups, atoms) -> str:
        out, open_tags = [], []
        for marker in markers:
            kind, opened, closed, value = marker
            for index in opened:
                tag, *attributes = markups[index]
                attrs = attributes[0] if attributes else []
                pairs = dict(zip(attrs[::2], attrs[1::2], strict=False))
                href = f' href="{markup.attribute(pairs["href"])}"' if "href" in pairs else ""
                out.append(f"<{tag}{href if tag == 'a' else ''}>")
                open_tags.append(tag)
            if kind == 0:
                out.append(escape(value))
            else:  # an atom, e.g. a soft return
                name, text, _payload = atoms[value]
                out.append("<br>" if name == "soft-return" else escape(text))
            for _ in range(closed):
                out.append(f"</{open_tags.pop()}>")
        out.extend(f"</{tag}>" for tag in reversed(open_tags))
        return "".join(out)

    # --- lexical ----------------------------------------------------------------------

    def lexical(self, source: str) -> str:
        document = json.loads(source)
        return "".join(self.node(child) for child in document.get("root", {}).get("children", []))

    def children(self, node: dict) -> str:
        return "".join(self.node(child) for child in node.get("children", []))

    def node(self, node: dict) -> str:
        kind = node.get("type", "")
        if kind == "text" or kind == "extended-text":
            return self.text(node)
        if kind == "linebreak":
            return "<br>"
        if kind == "link" or kind == "autolink":
            return f'<a href="{markup.attribute(node.get("url", ""))}">{self.children(node)}</a>'
        if kind in {"paragraph", "extended-paragraph"}:
            return f"<p>{self.children(node)}</p>"
        if kind in {"heading", "extended-heading"}:
            tag = {"h1": "h2", "h5": "h4", "h6": "h4"}.get(node.get("tag", "h2"), node.get("tag"))
            return f"<{tag}>{self.children(node)}</{tag}>"
        if kind in {"quote", "extended-quote", "aside"}:
            return f"<blockquote><p>{self.children(node)}</p></blockquote>"
        if kind == "list":
            tag = "ol" if node.get("listType") == "number" else "ul"
            return f"<{tag}>{self.children(node)}</{tag}>"
        if kind == "listitem":
            return f"<li>{self.children(node)}</li>"
        return self.card(kind, node)

    def text(self, node: dict) -> str:
        value = escape(node.get("text", ""))
        style = node.get("format", 0) or 0
        if style & CODE_FORMAT:
            value = f"<code>{value}</code>"
        for bit, tag in FORMATS:
            if style & bit:
                value = f"<{tag}>{value}</{tag}>"
        return value


def text_paragraphs(source: str) -> str:
    """Markdown shown as its text, a paragraph each blank-line-separated block."""
    blocks = [block.strip() for block in source.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{escape(block)}</p>" for block in blocks if block)
