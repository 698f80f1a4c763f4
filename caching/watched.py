"""What readers see, listed once: the models whose changes invalidate cached pages and pieces.

Models are named by label and resolved through Django's app registry, so this
package stays below the apps it watches (nothing here imports them).
"""

import logging
from datetime import datetime

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from caching import keys, memo

logger = logging.getLogger(__name__)

# A change to any of these is a change readers see: every page gets a new content version.
SHOWN_ON_PAGES = (
    "articles.Article",
    "curation.Pin",
    "articles.Byline",
    "articles.Correction",
    "articles.Section",
    "articles.Tag",
    "authors.Author",
    "pages.Page",
    "newsletters.Newsletter",  # the sign-up form in the home and article pages
)
# These are shown inside the pieces of items other than their own (a byline on a card,
# a section's name), and pieces carry only their item's version: every piece is renewed.
SHOWN_IN_PIECES = (
    "articles.Byline",
    "articles.Correction",
    "articles.Section",
    "articles.Tag",
    "authors.Author",
    "pages.Page",
)
# Many-to-many links readers see, as "app_label.Model.field".
SHOWN_LINKS = ("articles.Article.tags",)
# Items that appear or go away by themselves at a time (a scheduled publish, a pin's start
# or end): the content version ends then. Each model's queryset has upcoming_changes(now),
# one-column querysets of the next such times, read together in one query.
SCHEDULED = ("articles.Article", "curation.Pin")


def _delete(key: str) -> None:
    try:
        cache.delete(key)
    except Exception:
        logger.exception("caching: could not reset %s", key)


def _forget(key: str) -> None:
    """Drop a version, so the next request starts a new one (caching/versions.py).

    Dropped at once and again when the change is committed: another process that
    started a version in between read the rows as they were before the commit.
    """
    memo.forget()
    _delete(key)
    transaction.on_commit(lambda: _delete(key))


def content_changed(**kwargs) -> None:
    """Something readers see changed: every page gets a new content version."""
    _forget(keys.CONTENT_STATE)


def related_changed(**kwargs) -> None:
    """What pieces show besides their item changed: every piece is made anew."""
    _forget(keys.RELATED_VERSION)


def everything_changed() -> None:
    """For writes that send no signals (bulk inserts, a restored backup)."""
    content_changed()
    related_changed()


def next_scheduled_change(now: datetime) -> datetime | None:
    """When the next scheduled item goes live (or a pin starts or ends), or None."""
    first, *others = [
        upcoming
        for label in SCHEDULED
        for upcoming in apps.get_model(label).objects.upcoming_changes(now=now)
    ]
    times = [time for (time,) in first.union(*others, all=True) if time is not None]
    return min(times, default=None)


def connect_signals() -> None:
    for label in SHOWN_ON_PAGES:
        model = apps.get_model(label)
        post_save.connect(content_changed, sender=model, dispatch_uid=f"pages-save-{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"pages-delete-{label}")
    for label in SHOWN_IN_PIECES:
        model = apps.get_model(label)
        post_save.connect(related_changed, sender=model, dispatch_uid=f"pieces-save-{label}")
        post_delete.connect(related_changed, sender=model, dispatch_uid=f"pieces-delete-{label}")
    for link in SHOWN_LINKS:
        label, field = link.rsplit(".", 1)
        through = getattr(apps.get_model(label), field).through
        m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"pages-{link}")
        m2m_changed.connect(related_changed, sender=through, dispatch_uid=f"pieces-{link}")
