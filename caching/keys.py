"""Every cache key, built from named inputs: the only place key strings are written.

A key names everything its value depends on, so a value is never stale: it is
only ever replaced by a value under a new key.
"""

# The content state of the page cache: its version and the next scheduled publish time.
CONTENT_STATE = "content-state"
# The version of what pieces show besides their own item (authors, sections, tags...).
RELATED_VERSION = "related-version"


def _joined(prefix: str, inputs: dict) -> str:
    named = ":".join(f"{name}={value}" for name, value in sorted(inputs.items()))
    return f"{prefix}:{named}" if named else prefix


def page(*, code: str, host: str, path: str) -> str:
    """A whole page for anonymous readers (its content version is stored with it)."""
    return f"page:{code}:{host}:{path}"


def piece(*, code: str, related: int, name: str, **inputs) -> str:
    """A rendered piece that is not one item's, e.g. the site header."""
    return _joined(f"piece:{code}:{related}:{name}", inputs)


def item_piece(*, code: str, related: int, kind: str, pk: int, version: int) -> str:
    """A rendered piece of one item at one version, e.g. its card."""
    return f"item:{code}:{related}:{kind}:{pk}:{version}"


def listing(*, code: str, content: int, name: str, **inputs) -> str:
    """Which items a page shows, for one content version, e.g. the home page's rows."""
    return _joined(f"list:{code}:{content}:{name}", inputs)
