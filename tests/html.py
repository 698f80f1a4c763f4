"""Reading HTML in tests: parse the page into an lxml tree, find elements by XPath, never cut text.

The page is parsed by html5lib, as a browser parses it, into an lxml tree: libxml2's own
HTML parser predates HTML5 and puts what follows a <source> inside it, not beside it.
"""

import html5lib


def parse(page):
    """The root (<html>) of a test client response's page, or of a page given as text."""
    if hasattr(page, "content"):
        page = page.content.decode(page.charset or "utf-8")
    return html5lib.parse(page, treebuilder="lxml", namespaceHTMLElements=False).getroot()


def elements(tree, xpath: str) -> list:
    """Every element the XPath finds (relative to the given element when it starts with ".")."""
    return tree.xpath(xpath)


def element(tree, xpath: str):
    """The one element the XPath finds; fails the test when it finds none or several."""
    found = elements(tree, xpath)
    assert len(found) == 1, f"{xpath} found {len(found)} elements"
    return found[0]


def with_class(name: str) -> str:
    """An XPath condition: the element's class attribute holds this class, maybe among others."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def text(node) -> str:
    """The element's text as a reader sees it: entities decoded, whitespace collapsed."""
    return " ".join("".join(node.itertext()).split())


def srcset(node) -> list[tuple[str, str]]:
    """The (address, width or density) pairs of an <img>'s or a <source>'s srcset."""
    candidates = (candidate.split() for candidate in node.get("srcset", "").split(","))
    return [(parts[0], " ".join(parts[1:])) for parts in candidates if parts]
