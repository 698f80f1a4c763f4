"""Most Popular: the articles read most in the last 24 hours and 7 days, from the counters."""

from datetime import timedelta

from django.db.models import Sum, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from caching.pieces import remembered
from readership.counting import hour_of
from readership.models import HourlyViews

# Each window: its name, how many hours it covers (the current hour included), its title.
WINDOWS = (("day", 24, _("Last 24 hours")), ("week", 7 * 24, _("Last 7 days")))
POPULAR_ITEMS = 5
# Counts change all the time; the lists are read again after this long (or on a publish).
POPULAR_SECONDS = 5 * 60


def popular_rows(*, now=None, count: int = POPULAR_ITEMS) -> dict[str, list[tuple[int, int]]]:
    """For each window, the most read published articles as (pk, version), in one query."""
    now = now or timezone.now()
    published = Article.objects.published(now).in_edition()
    parts = [
        HourlyViews.objects.filter(
            hour__gte=hour_of(now) - timedelta(hours=hours - 1), article__in=published
        )
        .values("article_id", "article__version")
        .annotate(window=Value(name), total=Sum("views"))
        .order_by("-total", "-article_id")
        .values_list("window", "article_id", "article__version", "total")[:count]
        for name, hours, _title in WINDOWS
    ]
    found = {name: [] for name, _hours, _title in WINDOWS}
    rows = sorted(parts[0].union(*parts[1:], all=True), key=lambda row: (-row[3], -row[1]))
    for window, pk, version, _total in rows:
        found[window].append((pk, version))
    return found


def most_popular() -> dict[str, list[tuple[int, int]]]:
    """popular_rows(), kept for a few minutes, and while no article is published or
    withdrawn (caching/pieces.py): counts change all the time, the lists only slowly."""
    return remembered("most-popular", popular_rows, timeout=POPULAR_SECONDS)
