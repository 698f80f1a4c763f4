"""Readings for the demo, so Most Popular has something to show on a fresh site."""

import random
from datetime import timedelta

from django.utils import timezone

from articles.models import Article
from readership.counting import hour_of
from readership.models import HourlyViews

SEED_SLUG = "nato-plans-to-establish-new-post-in-kyiv-trump-proof-ukraine-aid-wsj-reports"


def load_view_counts() -> int:
    """A week of hourly counters for a dozen articles, once; the seed article leads the day."""
    if HourlyViews.objects.exists():
        return 0
    now = timezone.now()
    this_hour = hour_of(now)
    chance = random.Random(2024)
    articles = list(Article.objects.published(now).exclude(kind=Article.Kind.BRIEF)[:12])
    rows = []
    for rank, article in enumerate(articles):
        # Newer articles are read in the last day, older ones over the week.
        weight = 60 if article.slug == SEED_SLUG else 40 // (rank + 1) + 3
        for hours_ago in range(0, 7 * 24, 1 + rank % 3):
            hour = this_hour - timedelta(hours=hours_ago)
            if hour < hour_of(article.publish_at):
                break
            views = chance.randint(0, weight)
            if views:
                rows.append(HourlyViews(article=article, hour=hour, views=views))
    HourlyViews.objects.bulk_create(rows)
    return len(rows)
