"""Live stories and entries for tests: only the rows a test needs."""

from datetime import timedelta
from itertools import count

from django.utils import timezone

from live.models import LiveEntry, LiveStory
from tests.factories import make_article

_numbers = count(1)


def make_live_story(*, article=None, state=LiveStory.State.LIVE, **fields) -> LiveStory:
    """A live story on a published article (made here unless given)."""
    if article is None:
        article = make_article(title=f"Live: the war, day {next(_numbers)}")
    fields.setdefault("coverage_start", article.publish_at)
    return LiveStory.objects.create(article=article, state=state, **fields)


def make_entry(story: LiveStory, *, minutes_ago: float = 1, authors=(), **fields) -> LiveEntry:
    """A published entry, `minutes_ago` before now (negative: scheduled)."""
    number = next(_numbers)
    fields.setdefault("headline", f"Update {number}")
    fields.setdefault("body", f"<p>What happened, part {number}.</p>")
    fields.setdefault("published_at", timezone.now() - timedelta(minutes=minutes_ago))
    entry = LiveEntry.objects.create(story=story, **fields)
    entry.authors.set(authors)
    return entry
