"""Every cache key, built from named inputs: the only place key strings are written.

A key names everything its value depends on, so a value is never stale: it is
only ever replaced by a value under a new key.
"""

from urllib.parse import unquote_plus

from django.conf import settings
from django.utils import translation

# When the next scheduled change comes (a publish time, a pin's start or end): read with
# every page, so the latest items change on time (caching/schedule.py).
SCHEDULE = "schedule"

# What pages and pieces show, as tags (caching/dependencies.py): one model instance each
# ("article-12"), every instance of a model ("page-any": the footer's site pages), the
# latest items (lists, feeds, Read more) and everything at once.
LATEST = "latest"
EVERYTHING = "all"


def shown_pk(label: str, pk) -> str:
    """The tag of one instance of the model with this label, e.g. "article-12"."""
    return f"{label.rsplit('.', 1)[-1].lower()}-{pk}"


def shown(instance) -> str:
    """The tag of one model instance, e.g. "author-3"."""
    return shown_pk(instance._meta.label, instance.pk)


def shown_any(label: str) -> str:
    """The tag of a list of the model's instances, e.g. "pin-any" for the live pins: any
    change to one of them changes it."""
    return shown_pk(label, "any")


# The change clock: goes up by one with every change (caching/dependencies.py).
SHOWN_CLOCK = "shown-clock"


def shown_at(tag: str) -> str:
    """When what a tag names last changed: (change clock, timestamp)."""
    return f"shown-at:{tag}"


def rendering(page_key: str) -> str:
    """Held by the one process rendering a page again while the others serve the stale one."""
    return f"rendering:{page_key}"


def add_once(token: str) -> str:
    """An article add form's one-time token: claimed by its first submit, then the article
    it saved (articles/add_once.py)."""
    return f"articles:add-once:{token}"


# Query parameters that say where a reader came from, never what the page shows: a
# page's key (and the request its view sees) leaves them out, so a share on a social
# network with a new click id every time is still a hit.
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
     "ttclid", "igshid", "li_fat_id", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi",
     "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "s_cid", "ref_src", "cmpid"}
)  # fmt: skip


def is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def without_tracking(query_string: str) -> str:
    """The query string without its tracking parameters, the others in their order."""
    if not query_string:
        return query_string
    kept = [part for part in query_string.split("&") if part and not is_tracking(
        unquote_plus(part.split("=", 1)[0]))]  # fmt: skip
    return "&".join(kept)


def _joined(prefix: str, inputs: dict) -> str:
    named = ":".join(f"{name}={value}" for name, value in sorted(inputs.items()))
    return f"{prefix}:{named}" if named else prefix


def edition() -> str:
    """The language being rendered: pages, pieces and lists differ by edition (/uk/...)."""
    return translation.get_language() or settings.LANGUAGE_CODE


def page(*, code: str, host: str, path: str) -> str:
    """A whole page for anonymous readers (what it shows is stored with it)."""
    return f"page:{code}:{host}:{edition()}:{path}"


def poll(*, code: str, host: str, path: str) -> str:
    """A live story's poll at this address: its current ETag and the clock it was made at
    (live/polls.py). The path names the edition."""
    return f"poll:{code}:{host}:{path}"


def piece(*, code: str, name: str, **inputs) -> str:
    """A rendered piece that is not one item's, e.g. the site header (stored with what it
    shows and when it was made: caching/pieces.py)."""
    return _joined(f"piece:{code}:{edition()}:{name}", inputs)


def item_piece(*, code: str, kind: str, pk: int, version: int) -> str:
    """A rendered piece of one item at one version, e.g. its card."""
    return f"item:{code}:{edition()}:{kind}:{pk}:{version}"


def listing(*, code: str, name: str, **inputs) -> str:
    """Which items a page shows, e.g. the home page's rows."""
    return _joined(f"list:{code}:{edition()}:{name}", inputs)
