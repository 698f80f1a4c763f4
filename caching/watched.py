"""What readers see, listed once: the models whose changes drop cached pages and pieces.

Each watched model says what a change to one of its instances drops (`drops`:
the tags of the pages and pieces that show it, caching/dependencies.py) and which
of its fields move an item into or out of lists (`listed_by`: a change to one, a
new item or a deleted one also drops the latest items, keys.LATEST). A model
whose queryset has upcoming_changes(now) (a scheduled publish, a pin's start or
end) is also read by the schedule (caching/schedule.py).

The newsroom's own models are listed in WATCHED below; an app above can add its
own from its AppConfig.ready() with watch(). Models are named by label and
resolved through Django's app registry, so this package stays below the apps it
watches (nothing here imports them).
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from caching import dependencies, keys, memo, purge

logger = logging.getLogger(__name__)

# Above this many articles, a change to what they all show drops every page instead.
MOST_TAGS = 1000


def articles_of(instance) -> list[str]:
    """The tags of the articles that show an author or a tag (their `articles` relation)."""
    pks = list(instance.articles.values_list("pk", flat=True)[: MOST_TAGS + 1])
    if len(pks) > MOST_TAGS:
        return [keys.EVERYTHING]
    return [keys.shown_pk("articles.Article", pk) for pk in pks]


@dataclass(frozen=True)
class Watched:
    """What a change to one model drops: `drops(instance)` always, `lists` too when one of
    the `listed_by` fields changed or an instance came or went."""

    drops: Callable[[object], list[str]]
    listed_by: tuple[str, ...] = ()
    lists: tuple[str, ...] = (keys.LATEST,)


WATCHED: dict[str, Watched] = {
    "articles.Article": Watched(
        drops=lambda article: [keys.shown(article)],
        listed_by=(
            "status",
            "publish_at",
            "section_id",
            "kind",
            "hero_image",
            "is_breaking",
            "slug",
        ),
    ),
    "articles.Byline": Watched(
        drops=lambda byline: [
            keys.shown_pk("articles.Article", byline.article_id),
            keys.shown_pk("authors.Author", byline.author_id),
            keys.LATEST,  # the author's page lists the article
        ]
    ),
    "articles.Correction": Watched(
        drops=lambda correction: [
            keys.shown_pk("articles.Article", correction.article_id),
            keys.LATEST,  # the corrections page
        ]
    ),
    # Every page's navigation names the sections.
    "articles.Section": Watched(drops=lambda section: [keys.EVERYTHING]),
    "articles.Tag": Watched(drops=lambda tag: [keys.shown(tag), *articles_of(tag)]),
    "authors.Author": Watched(drops=lambda author: [keys.shown(author), *articles_of(author)]),
    # The home page's and section pages' pins (newsfeed/selectors.py shows "pin-any").
    "curation.Pin": Watched(drops=lambda pin: [keys.shown_any("curation.Pin")]),
    # A site page: its own page; the footer's links (every page), and a new address that
    # answers instead of a 404, when it comes, goes or changes its title or place.
    "pages.Page": Watched(
        # Its original's page too, which names it as a translation.
        drops=lambda page: [
            keys.shown_pk("pages.Page", pk) for pk in (page.pk, page.translation_of_id) if pk
        ],
        # translation_of: a page names its translations (hreflang, the language switcher).
        listed_by=(
            "title",
            "slug",
            "is_published",
            "show_in_footer",
            "footer_position",
            "translation_of_id",
        ),
        lists=(keys.shown_any("pages.Page"), keys.LATEST),
    ),
    # Its archive and issue pages; the sign-up form in the home and article pages.
    "newsletters.Newsletter": Watched(
        drops=lambda newsletter: [keys.shown(newsletter)],
        listed_by=("name", "slug", "description", "is_public"),
        lists=(keys.shown_any("newsletters.Newsletter"), keys.LATEST),
    ),
    "newsletters.Issue": Watched(
        drops=lambda issue: [
            keys.shown(issue),
            keys.shown_pk("newsletters.Newsletter", issue.newsletter_id),  # its archive
        ]
    ),
}
# Many-to-many links readers see, as "app_label.Model.field": both ends and the lists.
LINKS = ("articles.Article.tags",)


def watch(
    label: str, *, drops: Callable[[object], list[str]], listed_by=(), lists=(keys.LATEST,)
) -> None:
    """Watch one more model (from an app's AppConfig.ready()): `drops(instance)` gives the
    tags a change to it drops, `listed_by` the fields that move it in or out of `lists`."""
    WATCHED[label] = Watched(drops=drops, listed_by=tuple(listed_by), lists=tuple(lists))
    _connect(label)


def is_scheduled(model) -> bool:
    """Its items appear or go away by themselves at a time (caching/schedule.py)."""
    return hasattr(model._default_manager.all(), "upcoming_changes")


def scheduled_models() -> list:
    return [model for label in WATCHED if is_scheduled(model := apps.get_model(label))]


def _stamp(tags) -> None:
    try:
        dependencies.stamp(tags)
    except Exception:
        logger.exception("caching: could not mark %s as changed", " ".join(sorted(tags)))


def _recheck_schedule() -> None:
    try:
        cache.set(keys.SCHEDULE, {"next_change_at": None, "recheck": True}, timeout=None)
    except Exception:
        logger.exception("caching: could not ask for the schedule to be read again")


def shown_changed(tags, *, schedule_changed: bool = False) -> None:
    """What these tags name changed: drop the pages and pieces that show it.

    Stamped at once and again when the change is committed (a render in between read
    the rows as they were), then sent to the CDN (caching/purge.py). A change to a
    scheduled item's time has the next scheduled change read again (caching/schedule.py).
    """
    tags = set(tags)
    memo.forget()
    _stamp(tags)
    if schedule_changed:
        _recheck_schedule()

    def committed():
        _stamp(tags)
        if schedule_changed:
            _recheck_schedule()
        purge.purge(tags)

    transaction.on_commit(committed)


def _remember_listed(sender, instance, raw=False, **kwargs) -> None:
    fields = WATCHED[sender._meta.label].listed_by
    before = None
    if instance.pk is not None and not raw:
        before = sender._base_manager.filter(pk=instance.pk).values_list(*fields).first()
    instance._listed_before = before


def _saved(sender, instance, created=False, **kwargs) -> None:
    watched = WATCHED[sender._meta.label]
    tags = set(watched.drops(instance))
    listed = not watched.listed_by
    if watched.listed_by:
        after = tuple(getattr(instance, name) for name in watched.listed_by)
        if created or getattr(instance, "_listed_before", None) != after:
            tags.update(watched.lists)
            listed = True
    shown_changed(tags, schedule_changed=listed and is_scheduled(sender))


def _deleted(sender, instance, **kwargs) -> None:
    watched = WATCHED[sender._meta.label]
    tags = {*watched.drops(instance), *watched.lists}
    shown_changed(tags, schedule_changed=is_scheduled(sender))


def _linked(sender, instance, action, model, pk_set=None, **kwargs) -> None:
    """A many-to-many link changed (an article's tags): both ends, and the lists."""
    if action.startswith("post_"):
        others = (keys.shown_pk(model._meta.label, pk) for pk in pk_set or ())
        shown_changed({keys.shown(instance), *others, keys.LATEST})


def everything_changed() -> None:
    """For writes that send no signals (bulk inserts, a restored backup)."""
    shown_changed({keys.EVERYTHING}, schedule_changed=True)


def _connect(label: str) -> None:
    model = apps.get_model(label)
    post_save.connect(_saved, sender=model, dispatch_uid=f"shown-save-{label}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"shown-delete-{label}")
    if WATCHED[label].listed_by:
        pre_save.connect(_remember_listed, sender=model, dispatch_uid=f"listed-{label}")


def connect_signals() -> None:
    for label in WATCHED:
        _connect(label)
    for link in LINKS:
        label, field = link.rsplit(".", 1)
        through = getattr(apps.get_model(label), field).through
        m2m_changed.connect(_linked, sender=through, dispatch_uid=f"shown-{link}")
