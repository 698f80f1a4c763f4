"""Counting a reading of an article: one counter per article and hour, nothing about the reader.

The page itself stays cacheable: a small script on it sends a beacon (a same-origin
POST) after it loads, so a page served from any cache is still counted once.
"""

import re
from datetime import UTC, datetime

from django.db import connection
from django.utils import timezone

from articles.models import Article
from readership.models import HourlyViews

# Crawlers, link previews, monitors, headless and scripted browsers, and page checkers.
BOT_AGENTS = re.compile(
    r"bot|crawl|spider|slurp|scrap|archiver|fetch|preview|monitor|check|scan|"
    r"headless|phantom|selenium|puppeteer|playwright|lighthouse|pagespeed|"
    r"python|curl|wget|httpclient|http-client|okhttp|java/|go-http|node|axios|libwww|"
    r"facebookexternalhit|embedly",
    re.IGNORECASE,
)


def is_bot(user_agent: str) -> bool:
    """A request with no browser name, or one of a known robot, is not a reader."""
    return not user_agent.startswith("Mozilla/") or bool(BOT_AGENTS.search(user_agent))


def asks_not_to_be_counted(headers) -> bool:
    """Global Privacy Control (Sec-GPC: 1) or Do Not Track (DNT: 1)."""
    return headers.get("Sec-GPC", "").strip() == "1" or headers.get("DNT", "").strip() == "1"


def hour_of(moment: datetime) -> datetime:
    """The start of the hour, in UTC, that a moment falls in."""
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def countable_article(pk: int, now=None) -> bool:
    """Only a published article is counted: the published queryset is the gate."""
    return Article.objects.published(now).filter(pk=pk).exists()


def count_view(*, article_id: int, now=None) -> None:
    """Add one to the article's counter for this hour, in one statement (an upsert)."""
    table = connection.ops.quote_name(HourlyViews._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (article_id, hour, views) VALUES (%s, %s, 1) "  # noqa: S608
            f"ON CONFLICT (article_id, hour) DO UPDATE SET views = {table}.views + 1",
            [article_id, hour_of(now or timezone.now())],
        )
