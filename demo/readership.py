"""Readings for the demo, so Most Popular has something to show on a fresh site."""

import random
from datetime import timedelta

from django.utils import timezone

from articles.models import Article
from readership.counting import hour_of
from readership.models import HourlyViews

SEED_SLUG = "nato-plans-to-establish-new-post-in-kyiv-trump-proof-ukraine-aid-wsj-reports"


def load_view_counts() -> int:
    """A week of hourly counters for a dozen articles, once: most readings in the last day."""
    if HourlyViews.objects.exists():
        return 0
    now = timezone.now()
    this_hour = hour_of(now)
    chance = random.Random(2024)
    # Every third item, so older stories (read over more hours) are among them.
    articles = list(Article.objects.published(now).exclude(kind=Article.Kind.BRIEF)[:36:3])
    rows = []
    for rank, article in enumerate(articles):
        # An hour's readings: today's stories are read in the last day, every other one
        # steadily over the week, so the two lists differ.
        usual = 60 if article.slug == SEED_SLUG else max(4, 30 - 3 * rank)
        steady = rank % 2 == 1
        first_hour = max(hour_of(article.publish_at), this_hour - timedelta(days=7, hours=-1))
        hour = this_hour
        while hour >= first_hour:
            recent = hour > this_hour - timedelta(days=1)
            if steady:
                views = chance.randint(usual // 4, usual // 2)
            else:
                views = chance.randint(usual // 2, usual) if recent else 0
            if views:
                rows.append(HourlyViews(article=article, hour=hour, views=views))
            hour -= timedelta(hours=1)
    HourlyViews.objects.bulk_create(rows)
    return len(rows)
