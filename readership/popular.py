"""Most Popular: the articles read most in the last 24 hours and 7 days, from the counters."""

from datetime import timedelta

from django.db.models import DateTimeField, QuerySet, Sum, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from articles.selectors import cards
from caching import keys
from caching.dependencies import shows
from caching.pieces import remembered
from readership.counting import hour_of
from website.prepared import LANGUAGE, NOW, Param, prepared, reading

# Each window: its name, how many hours it covers (the current hour included), its title.
WINDOWS = (("day", 24, _("Last 24 hours")), ("week", 7 * 24, _("Last 7 days")))
POPULAR_ITEMS = 5
# Counts change all the time; the lists are read again after this long (or on a publish).
POPULAR_SECONDS = 5 * 60


def popular_rows(*, now=None, count: int = POPULAR_ITEMS) -> dict[str, list[Article]]:
    """For each window, the most read published articles, ready for their items (headline,
    address, section), in one query."""
    now = now or timezone.now()
    since = {
        f"{name}_since": hour_of(now) - timedelta(hours=hours - 1) for name, hours, _ in WINDOWS
    }
    found = {name: [] for name, _hours, _title in WINDOWS}
    for article in sorted(
        most_read(count, **reading(now=now, **since)),
        key=lambda article: (-article.total, -article.pk),
    ):
        found[article.window].append(article)
    return found


@prepared
def most_read(count: int) -> QuerySet[Article]:
    """Each window's `count` most read, as one union (website/prepared.py)."""
    published = cards(Article.objects.published(NOW).in_edition(LANGUAGE), "section__name")
    parts = [
        published.select_related("section")
        .filter(hourly_views__hour__gte=Param(f"{name}_since", DateTimeField()))
        .annotate(window=Value(name), total=Sum("hourly_views__views"))
        .order_by("-total", "-pk")[:count]
        for name, _hours, _title in WINDOWS
    ]
    return parts[0].union(*parts[1:], all=True)


def shown_rows() -> dict[str, list[Article]]:
    """popular_rows(), showing its articles: the lists carry their headlines, so an edit
    of one makes them anew."""
    found = popular_rows()
    shows(*(keys.shown(article) for articles in found.values() for article in articles))
    return found


def most_popular() -> dict[str, list[Article]]:
    """popular_rows(), kept for a few minutes, while no article is published or withdrawn
    and none of its articles changes (caching/pieces.py): counts change all the time, the
    lists only slowly."""
    return remembered("most-popular", shown_rows, timeout=POPULAR_SECONDS)
