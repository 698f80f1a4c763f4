"""The desk's queues: what a reporter or an editor has to look at next, on the admin's home.

Each queue is a filter on articles (written once, here) used three ways: its newest few
items on the home page, its count in the admin's navigation, and the article list
filtered to it. The home page and the counts run a fixed number of queries.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import policy
from articles.models import Article, ArticleTransition, Byline, Status

ITEMS_SHOWN = 8
RECENT = timedelta(days=2)


def _latest_step(field: str) -> Subquery:
    steps = ArticleTransition.objects.filter(article=OuterRef("pk")).order_by("-at", "-id")
    return Subquery(steps.values(field)[:1])


def _submitted(field: str) -> Subquery:
    steps = ArticleTransition.objects.filter(
        article=OuterRef("pk"), action=ArticleTransition.Action.SUBMITTED
    ).order_by("-at", "-id")
    return Subquery(steps.values(field)[:1])


def with_desk_fields(queryset: QuerySet[Article]) -> QuerySet[Article]:
    """The latest workflow step and the time it was last submitted, for the queues' rules."""
    return queryset.annotate(
        latest_action=_latest_step("action"),
        submitted_at=_submitted("at"),
        submitted_by=_submitted("by__username"),
    )


def end_of_today(now: datetime) -> datetime:
    local = timezone.localtime(now)
    return (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class Queue:
    key: str
    title: str
    # Q() of the articles in the queue, given now; "mine" queues add the user's bylines.
    rule: object
    order: tuple[str, ...]
    mine: bool
    empty: str

    def condition(self, now: datetime) -> Q:
        return self.rule(now)


def _published(now):
    return Q(status=Status.PUBLISHED, publish_at__lte=now)


QUEUES = {
    queue.key: queue
    for queue in [
        Queue(
            "my_drafts",
            _("My drafts"),
            lambda now: (
                Q(status=Status.DRAFT)
                & (Q(latest_action__isnull=True) | ~Q(latest_action="sent_back"))
            ),
            ("-updated_at",),
            True,
            _("No drafts."),
        ),
        Queue(
            "sent_back",
            _("Sent back to me"),
            lambda now: Q(status=Status.DRAFT, latest_action="sent_back"),
            ("-updated_at",),
            True,
            _("Nothing sent back."),
        ),
        Queue(
            "my_review",
            _("My articles in review"),
            lambda now: Q(status=Status.IN_REVIEW),
            ("submitted_at",),
            True,
            _("Nothing in review."),
        ),
        Queue(
            "my_scheduled",
            _("My scheduled"),
            lambda now: Q(status=Status.PUBLISHED, publish_at__gt=now),
            ("publish_at",),
            True,
            _("Nothing scheduled."),
        ),
        Queue(
            "my_published",
            _("My recently published"),
            lambda now: _published(now) & Q(publish_at__gte=now - RECENT),
            ("-publish_at",),
            True,
            _("Nothing published in the last two days."),
        ),
        Queue(
            "awaiting_review",
            _("Awaiting review"),
            lambda now: Q(status=Status.IN_REVIEW),
            ("submitted_at", "updated_at"),
            False,
            _("Nothing is waiting for review."),
        ),
        Queue(
            "scheduled_today",
            _("Scheduled today"),
            lambda now: Q(
                status=Status.PUBLISHED, publish_at__gt=now, publish_at__lt=end_of_today(now)
            ),
            ("publish_at",),
            False,
            _("Nothing else is scheduled today."),
        ),
        Queue(
            "recently_published",
            _("Recently published"),
            lambda now: _published(now) & Q(publish_at__gte=now - RECENT),
            ("-publish_at",),
            False,
            _("Nothing published in the last two days."),
        ),
        Queue(
            "breaking",
            _("Breaking"),
            lambda now: _published(now) & Q(is_breaking=True, publish_at__gte=now - RECENT),
            ("-publish_at",),
            False,
            _("No breaking news in the last two days."),
        ),
    ]
}
REPORTER_QUEUES = ["my_drafts", "sent_back", "my_review", "my_scheduled", "my_published"]
EDITOR_QUEUES = ["awaiting_review", "scheduled_today", "recently_published", "breaking"]


def queues_for(user) -> list[Queue]:
    if not policy.is_staff(user):
        return []
    keys = EDITOR_QUEUES if policy.is_editor(user) else REPORTER_QUEUES
    return [QUEUES[key] for key in keys]


def _base(user, queue: Queue) -> QuerySet[Article]:
    queryset = with_desk_fields(Article.objects.all())
    if queue.mine:
        own = Byline.objects.filter(author__user=user).values("article")
        queryset = queryset.filter(pk__in=own)
    return queryset


def filtered(queryset: QuerySet[Article], user, key: str, now=None) -> QuerySet[Article]:
    """The article list narrowed to one of the user's queues (the list's queue filter)."""
    queue = QUEUES[key]
    now = now or timezone.now()
    if queue.mine:
        queryset = queryset.filter(
            pk__in=Byline.objects.filter(author__user=user).values("article")
        )
    return with_desk_fields(queryset).filter(queue.condition(now)).order_by(*queue.order)


def counts(user, now=None) -> dict[str, int]:
    """How many articles each of the user's queues holds: one query."""
    queues = queues_for(user)
    if not queues:
        return {}
    now = now or timezone.now()
    queryset = with_desk_fields(Article.objects.all())
    if all(queue.mine for queue in queues):
        own = Byline.objects.filter(author__user=user).values("article")
        queryset = queryset.filter(pk__in=own)
    return queryset.aggregate(
        **{queue.key: Count("pk", filter=queue.condition(now)) for queue in queues}
    )


@dataclass
class DeskQueue:
    queue: Queue
    items: list[Article]
    count: int


def desk(user, now=None, queue_counts=None) -> list[DeskQueue]:
    """The user's queues with their newest few items: one query per queue (plus the counts)."""
    now = now or timezone.now()
    queue_counts = counts(user, now) if queue_counts is None else queue_counts
    shown = []
    for queue in queues_for(user):
        items = list(
            _base(user, queue)
            .filter(queue.condition(now))
            .select_related("section")
            .only(
                "pk", "title", "status", "publish_at", "updated_at", "is_breaking", "section__name"
            )
            .order_by(*queue.order)[:ITEMS_SHOWN]
        )
        shown.append(DeskQueue(queue=queue, items=items, count=queue_counts.get(queue.key, 0)))
    return shown
