"""What readers see, listed once: the models whose changes invalidate cached pages and pieces.

Models are named by label and resolved through Django's app registry, so this
package stays below the apps it watches (nothing here imports them).
"""

import logging
from datetime import datetime

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from caching import dependencies, keys, memo, purge

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
    "live.LiveStory",
    "live.LiveEntry",
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
SCHEDULED = ("articles.Article", "curation.Pin", "live.LiveEntry")

# What a change to each watched model drops (caching/dependencies.py): the tags of the
# pages and pieces that show it, made from the changed instance. A model of SHOWN_ON_PAGES
# without an entry drops every page (keys.EVERYTHING): correct, only slower. An app can
# add its own from its AppConfig.ready() with watch().
DROPS = {
    "articles.Article": lambda article: [keys.shown(article)],
    "articles.Byline": lambda byline: [
        keys.shown_pk("articles.Article", byline.article_id),
        keys.shown_pk("authors.Author", byline.author_id),
        keys.LATEST,  # the author's page lists the article
    ],
    "articles.Correction": lambda correction: [
        keys.shown_pk("articles.Article", correction.article_id),
        keys.LATEST,  # the corrections page
    ],
    # Every page's navigation names the sections.
    "articles.Section": lambda section: [keys.EVERYTHING],
    "articles.Tag": lambda tag: [keys.shown(tag), *articles_of(tag)],
    "authors.Author": lambda author: [keys.shown(author), *articles_of(author)],
}
# Fields whose change moves an item into or out of lists (home rows, feeds, listings, Read
# more, a 404 at its address): a change to one, a new item or a deleted one drops LATEST.
LISTED_BY = {
    "articles.Article": (
        "status", "publish_at", "section_id", "kind", "hero_image", "is_breaking", "slug"
    ),
}  # fmt: skip
# Above this many articles, a change to what they all show drops every page instead.
MOST_TAGS = 1000


def articles_of(instance) -> list[str]:
    """The tags of the articles that show an author or a tag (their `articles` relation)."""
    pks = list(instance.articles.values_list("pk", flat=True)[: MOST_TAGS + 1])
    if len(pks) > MOST_TAGS:
        return [keys.EVERYTHING]
    return [keys.shown_pk("articles.Article", pk) for pk in pks]


def watch(label: str, *, drops=None, listed_by=()) -> None:
    """Watch one more model: `drops(instance)` gives the tags a change to it drops."""
    if label not in SHOWN_ON_PAGES:
        raise ValueError(f"{label} is not in SHOWN_ON_PAGES")
    if drops is not None:
        DROPS[label] = drops
    if listed_by:
        LISTED_BY[label] = tuple(listed_by)


def _stamp(tags) -> None:
    try:
        dependencies.stamp(tags)
    except Exception:
        logger.exception("caching: could not mark %s as changed", " ".join(sorted(tags)))


def shown_changed(tags) -> None:
    """What these tags name changed: drop the pages and pieces that show it.

    Stamped at once and again when the change is committed (a render in between read
    the rows as they were), then sent to the CDN (caching/purge.py).
    """
    tags = set(tags)
    memo.forget()
    _stamp(tags)

    def committed():
        _stamp(tags)
        purge.purge(tags)

    transaction.on_commit(committed)


def _remember_listed(sender, instance, raw=False, **kwargs) -> None:
    fields = LISTED_BY[sender._meta.label]
    before = None
    if instance.pk is not None and not raw:
        before = sender._base_manager.filter(pk=instance.pk).values_list(*fields).first()
    instance._listed_before = before


def _saved(sender, instance, created=False, **kwargs) -> None:
    label = sender._meta.label
    drops = DROPS.get(label)
    tags = set(drops(instance)) if drops else {keys.EVERYTHING}
    if label in LISTED_BY:
        after = tuple(getattr(instance, name) for name in LISTED_BY[label])
        if created or getattr(instance, "_listed_before", None) != after:
            tags.add(keys.LATEST)
    shown_changed(tags)


def _deleted(sender, instance, **kwargs) -> None:
    drops = DROPS.get(sender._meta.label)
    shown_changed({*(drops(instance) if drops else [keys.EVERYTHING]), keys.LATEST})


def _linked(sender, instance, action, model, pk_set=None, **kwargs) -> None:
    """A many-to-many link changed (an article's tags): both ends, and the lists."""
    if action.startswith("post_"):
        others = (keys.shown_pk(model._meta.label, pk) for pk in pk_set or ())
        shown_changed({keys.shown(instance), *others, keys.LATEST})


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
    shown_changed({keys.EVERYTHING})


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
        post_save.connect(_saved, sender=model, dispatch_uid=f"shown-save-{label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"shown-delete-{label}")
        if label in LISTED_BY:
            pre_save.connect(_remember_listed, sender=model, dispatch_uid=f"listed-{label}")
    for label in SHOWN_IN_PIECES:
        model = apps.get_model(label)
        post_save.connect(related_changed, sender=model, dispatch_uid=f"pieces-save-{label}")
        post_delete.connect(related_changed, sender=model, dispatch_uid=f"pieces-delete-{label}")
    for link in SHOWN_LINKS:
        label, field = link.rsplit(".", 1)
        through = getattr(apps.get_model(label), field).through
        m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"pages-{link}")
        m2m_changed.connect(related_changed, sender=through, dispatch_uid=f"pieces-{link}")
        m2m_changed.connect(_linked, sender=through, dispatch_uid=f"shown-{link}")
