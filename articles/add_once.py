"""The article add page makes one article per form: a double click, a resubmitted POST or a
reload of the answer does not make a second one.

Every add form carries a one-time token. The first submit with it claims the token in the
shared cache (atomically: cache.add), so every app server sees the claim; once the article
is saved the token names it. Another submit with the same token makes nothing and is sent
to that article. A submit that came back with errors gives its token up, so the corrected
form saves. Should the cache be unreachable, the claim cannot be checked and the form saves
as before.
"""

import re
import time
import uuid

from django.core.cache import cache

from caching import keys

FIELD = "add_token"
DAY = 24 * 60 * 60
SAVING = 0  # claimed, the article not saved yet
WAIT_SECONDS = 10.0  # how long a second submit waits for the first one's article
WELL_FORMED = re.compile(r"^[0-9a-f]{32}$")


def new_token() -> str:
    return uuid.uuid4().hex


def claim(token: str) -> bool:
    """True when this submit is the first with the token (or the claim cannot be checked)."""
    if not WELL_FORMED.match(token or ""):
        return True  # a form from before tokens, or a tampered one: nothing to go by
    return cache.add(keys.add_once(token), SAVING, DAY) is not False


def saved_article(token: str, *, step: float = 0.2) -> int | None:
    """The article the first submit with the token saved; waits while it is still saving."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        value = cache.get(keys.add_once(token))
        if value or value is None or time.monotonic() >= deadline:
            return value or None
        time.sleep(step)


def finish(token: str, *, pk: int) -> None:
    if WELL_FORMED.match(token or ""):
        cache.set(keys.add_once(token), pk, DAY)


def give_up(token: str) -> None:
    if WELL_FORMED.match(token or ""):
        cache.delete(keys.add_once(token))
