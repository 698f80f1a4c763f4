"""Things that appear or go away by themselves at a time: the latest items change then.

A scheduled article goes live at its publish time, a pin starts or ends, with no
save at that moment. The shared cache keeps the time of the next such change
(keys.SCHEDULE); every page read carries it along in the same round trip
(caching/page_cache.py), and the first request after that time stamps the latest
items (keys.LATEST) and reads the next time from the database, in one query over
every scheduled model (each queryset's upcoming_changes(now)).

A change to a scheduled time (caching/watched.py) asks for the next time to be read
again. If the stored time is lost (evicted, a cache emptied), nobody knows whether
something went live meanwhile: the latest items are stamped too, to be safe.
"""

from datetime import datetime

from django.core.cache import cache
from django.utils import timezone

from caching import dependencies, keys, memo, purge, watched

UNREAD = object()


def next_scheduled_change(now: datetime) -> datetime | None:
    """When the next scheduled item goes live (or a pin starts or ends), or None."""
    querysets = [
        upcoming
        for model in watched.scheduled_models()
        for upcoming in model._default_manager.all().upcoming_changes(now=now)
    ]
    if not querysets:
        return None
    first, *others = querysets
    times = [time for (time,) in first.union(*others, all=True) if time is not None]
    return min(times, default=None)


def _follow(state, now: datetime) -> bool:
    if state is UNREAD:
        state = cache.get(keys.SCHEDULE)
    if state is not None and not state.get("recheck"):
        due = state["next_change_at"]
        if due is None or now < due:
            return False
    cache.set(keys.SCHEDULE, {"next_change_at": next_scheduled_change(now)}, timeout=None)
    if state is not None and state.get("recheck"):
        return False  # the change that asked for it stamped what it moved
    dependencies.stamp([keys.LATEST])
    purge.purge([keys.LATEST])
    return True


def follow(state=UNREAD, *, now: datetime | None = None) -> bool:
    """Stamp the latest items if the next scheduled change has come; True if it had.

    Once per request: `state` is the stored schedule when the caller read it along with
    something else (the page cache does), else it is read here.
    """
    return memo.memoized("schedule", lambda: _follow(state, now or timezone.now()))
