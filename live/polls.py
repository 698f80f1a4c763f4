"""A live story's poll answered with 304 Not Modified in one round trip to the shared cache.

Every reader's open page asks for the newest entries every few seconds, nearly always
with the ETag of the answer it has. The poll view names its answer "live-<story>-<digest
of the body>" and keeps, under the poll's address (caching/keys.py), that ETag with the
change clock it was made at. While nothing the poll shows has changed since, the ETag is
current, in every process, with Redis or with PostgreSQL's cache table.

What the poll shows is stamped with its story's article tag (live/apps.py: an entry, its
story or the article), the latest items (an entry coming due, caching/schedule.py) and
everything. So the middleware below reads, in one get_many, the kept ETag, the schedule
and those three stamps, and answers a matching ETag with a 304 before the session, the
page cache or a template is touched. Anything else (another ETag, a change, a scheduled
change due, the cache unavailable) goes on to the page cache, which answers as for any page.
"""

import hashlib
import logging
import re

from django.core.cache import cache
from django.http import HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import quote_etag

from caching import dependencies, keys, versions
from caching.page_cache import ReaderPageCacheMiddleware, is_reader_request

logger = logging.getLogger(__name__)

# How a poll's ETag looks in If-None-Match (weak when the body was compressed).
POLL_ETAG = re.compile(r'(?:W/)?"live-(?P<story>[0-9]+)-[0-9a-f]+"')


def _key(request) -> str:
    return keys.poll(
        code=versions.code_stamp(), host=request.get_host(), path=request.get_full_path()
    )


def _shown(story_pk: int) -> list[str]:
    return [keys.shown_pk("articles.Article", story_pk), keys.LATEST]


def remember(request, *, story_pk: int, response) -> None:
    """Name the poll's answer and keep its ETag as the poll's current one."""
    digest = hashlib.blake2b(response.content, digest_size=12).hexdigest()
    etag = quote_etag(f"live-{story_pk}-{digest}")
    response["ETag"] = etag
    try:
        made = {"etag": etag, "story": story_pk, "clock": dependencies.clock()}
        made["made_at"] = timezone.now().timestamp()
        cache.set(_key(request), made, timeout=None)
    except Exception:
        logger.exception("live: could not keep the poll's ETag")


def _schedule_due(schedule, now) -> bool:
    if schedule is None or schedule.get("recheck"):
        return True
    due = schedule["next_change_at"]
    return due is not None and now >= due


def not_modified(request) -> HttpResponseNotModified | None:
    """A 304 when the request's If-None-Match holds the poll's current ETag, else None."""
    match = POLL_ETAG.search(request.headers.get("If-None-Match", ""))
    if match is None or not is_reader_request(request):
        return None
    story_pk = int(match["story"])
    tags = _shown(story_pk)
    key = _key(request)
    try:
        found = cache.get_many([key, keys.SCHEDULE, *(keys.shown_at(tag) for tag in tags),
                                keys.shown_at(keys.EVERYTHING)])  # fmt: skip
    except Exception:
        logger.exception("live: cache unavailable, the poll goes to the page cache")
        return None
    kept = found.get(key)
    sent = match[0].removeprefix("W/")
    if kept is None or kept["etag"] != sent or kept["story"] != story_pk:
        return None
    if _schedule_due(found.get(keys.SCHEDULE), timezone.now()):
        return None  # the page cache follows the schedule (and stamps what came due)
    stamps = {tag: found.get(keys.shown_at(tag)) for tag in [*tags, keys.EVERYTHING]}
    if not dependencies.is_fresh(tags, kept["clock"], stamps):
        return None
    response = HttpResponseNotModified()
    response["ETag"] = match[0]
    ReaderPageCacheMiddleware.add_reader_headers(response, last_modified=kept["made_at"])
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


class PollNotModifiedMiddleware:
    """Answers a live story's poll that has nothing new before anything else runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return not_modified(request) or self.get_response(request)
