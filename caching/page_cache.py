"""A page cache for anonymous readers, kept fresh by what each page shows.

Nearly all traffic is anonymous readers, so their pages are kept whole in the
shared cache (Redis when REDIS_URL is set, else PostgreSQL's cache table), with
their gzip and brotli bodies (caching/compression.py). While a page is rendered,
what it shows is recorded (caching/dependencies.py): the article, the items of
its lists, its author or section, the latest items. A change (caching/watched.py)
stamps the tags of what changed, so only the pages showing it are dropped:

- a tag the page shows exactly (its article, its author...) changed after the page
  was made: the next request renders it again;
- only lagging tags changed (the latest items in its lists): the page is served
  until it is as old as the shortest lag of what changed (PAGE_CACHE_LAG_SECONDS for
  listings, PAGE_CACHE_ASIDE_LAG_SECONDS for the lists beside an article); then one
  request renders it again while the others get the stale page (X-Page-Cache: stale).

Something scheduled going live stamps the latest items (caching/schedule.py).
The key carries the code stamp, so new code renders anew. The tags go out as
Surrogate-Key and Cache-Tag for a CDN (caching/purge.py). Last-Modified is the
time the newest thing the page shows changed: the same from every process.

If the cache fails (Redis down), pages are served from the database and the
error is logged, never shown.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.http import http_date

from caching import dependencies, keys, schedule, versions
from caching.compression import choose, compressed_bodies
from caching.local_copies import LocalCopies

logger = logging.getLogger(__name__)

CACHEABLE_STATUSES = {200, 404}
# At most this long one process renders a stale page again while the others serve it.
LAG_LOCK_SECONDS = 10
# Each process keeps copies of the latest pages it served; a copy is served only after
# the times of what it shows were read from the shared cache.
local_pages = LocalCopies(megabytes=settings.PAGE_CACHE_LOCAL_MEGABYTES)
# And, for many more pages, what each showed (its tags, a few hundred bytes): a page whose
# copy was dropped is read with the times of what it showed, in one round trip.
local_shown = LocalCopies(megabytes=settings.PAGE_CACHE_LOCAL_MEGABYTES / 8)


def is_reader_request(request) -> bool:
    """Anonymous GET or HEAD for a public page: no session, not the admin or a preview."""
    if not settings.PAGE_CACHE_ENABLED or request.method not in {"GET", "HEAD"}:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return not request.path.startswith(settings.PRIVATE_PATHS)


def drop_tracking(request) -> None:
    """The request as if it came without tracking parameters: one page, one key, clean links."""
    query = request.META.get("QUERY_STRING", "")
    clean = keys.without_tracking(query)
    if clean != query:
        request.META["QUERY_STRING"] = clean
        request.GET = QueryDict(clean, encoding=request.encoding)


class ReaderPageCacheMiddleware:
    """Serve anonymous readers from the cache; send CDN-ready and no-store headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_reader_request(request):
            response = self.get_response(request)
            if request.path.startswith(settings.PRIVATE_PATHS) or (
                settings.SESSION_COOKIE_NAME in request.COOKIES
            ):
                patch_cache_control(response, private=True, no_store=True)
            return response

        drop_tracking(request)
        now = timezone.now().timestamp()
        key = keys.page(
            code=versions.code_stamp(), host=request.get_host(), path=request.get_full_path()
        )
        encoding = request.headers.get("Accept-Encoding", "")
        try:
            entry, verdict = self.look_up(key, now)
            if verdict == "stale" and not cache.add(keys.rendering(key), 1, LAG_LOCK_SECONDS):
                return self.rebuild(entry, encoding, "stale")  # another process renders it
        except Exception:
            logger.exception("page cache: unavailable, serving from the database")
            # This process's recent copy, if any: with PostgreSQL down, its cache table is.
            copy = local_pages.get_many([key]).get(key)
            if copy is not None and now < copy["started"][1] + settings.PAGE_CACHE_STALE_SECONDS:
                return self.rebuild(copy, encoding, "stale")
            return self.get_response(request)
        if verdict == "fresh":
            return self.rebuild(entry, encoding, "hit")

        try:
            started = (dependencies.clock(), now)
        except Exception:
            logger.exception("page cache: unavailable, serving from the database")
            return self.get_response(request)
        with dependencies.recording() as shown:
            response = self.get_response(request)
        try:
            if not self.can_store(response):
                return response
            entry = self.store(key, response, shown, started=started)
        except Exception:
            logger.exception("page cache: could not store %s", request.path)
            return response
        finally:
            if verdict == "stale":
                cache.delete(keys.rendering(key))
        return self.rebuild(entry, encoding, "miss")

    def look_up(self, key, now: float):
        """The stored page and whether it is fresh, stale (lagging too long) or missing.

        A hit costs one round trip to the shared cache: the stamps of what the page
        shows, read with the schedule (caching/schedule.py) and the change clock, and
        with the page itself unless this process has a copy of it. That needs what the
        page shows, known from the copy or from when this process last had the page
        (local_shown); a page this process never had costs a second round trip for
        the stamps, as does a page that now shows more than it did. A copy that is not
        fresh is checked against the shared cache, where another process may have
        stored a newer one. Of a copy, only the tags that judge it now are read
        (to_read()): while its lagging tags are known to be unchanged, the exact ones
        and the latest items.
        """
        copy = local_pages.get_many([key]).get(key)
        if copy is not None:
            tags = self.to_read(copy, now)
            stamps, found = dependencies.read_with(tags, [keys.SCHEDULE, keys.SHOWN_CLOCK])
            entry = copy
        else:
            shown = local_shown.get_many([key]).get(key, ())
            stamps, found = dependencies.read_with(shown, [key, keys.SCHEDULE, keys.SHOWN_CLOCK])
            entry = found.get(key)
        dependencies.seen_clock(found.get(keys.SHOWN_CLOCK))
        if schedule.follow(found.get(keys.SCHEDULE), now=timezone.now()):
            stamps = None  # the latest items were stamped just now
        verdict = self.judge(entry, now, stamps)
        if copy is not None and verdict != "fresh":
            shared = cache.get(key)
            if shared is not None and shared["started"] > copy["started"]:
                entry, verdict = shared, self.judge(shared, now)
        if entry is not None and entry is not copy and verdict == "fresh":
            self.keep(key, entry)
        return entry, verdict

    @staticmethod
    def keep(key, entry) -> None:
        """This process's copy of a page, and what it shows for after the copy is dropped."""
        local_pages.set_many({key: entry})
        local_shown.set_many({key: tuple(entry["shown"])})

    @staticmethod
    def to_read(entry, now: float) -> dict:
        """The tags whose stamps judge a page now, with their lags: all it shows, or until
        `lagging_unread_until` only the exact ones and the latest items ("read_always").

        A lagging change only has to show within its lag, so while a process knows the
        lagging tags were unchanged at some moment, it reads them again a lag after that
        (or when the page would turn stale by a change it saw), not on every hit.
        """
        if now >= entry["lagging_unread_until"]:
            return entry["shown"]
        return entry["read_always"]

    @classmethod
    def judge(cls, entry, now: float, stamps: dict | None = None) -> str:
        """Fresh, stale (serve it while one process renders it again) or missing; and, when
        all it shows was read, until when its lagging tags need not be read again."""
        if entry is None or now >= entry["expires_at"]:
            return "missing"
        shown = cls.to_read(entry, now)
        unread = list(shown) if stamps is None else [tag for tag in shown if tag not in stamps]
        if unread:
            stamps = {**(stamps or {}), **dependencies.read_with(unread, [])[0]}
        clock, started_at = entry["started"]
        lag = dependencies.lag_allowed(shown, clock, stamps)
        if lag == 0:
            return "missing"
        if lag is not None and now >= started_at + lag:
            return "stale"
        if shown is entry["shown"]:
            next_read = now + entry["shortest_lag"]
            if lag is not None:  # a lagging change seen: stale from then
                next_read = min(next_read, started_at + lag)
            entry["lagging_unread_until"] = next_read
        return "fresh"

    def store(self, key, response, shown, *, started: tuple[int, float]) -> dict:
        """The page with what it shows, its reader headers and its compressed bodies."""
        # Every page depends on EVERYTHING, and on the latest items (by its own rule where
        # it lists them); a 404 exactly so (the address of an article about to be published).
        shown.add([keys.EVERYTHING], lag=0)
        if response.status_code == 404:
            shown.add([keys.LATEST], lag=0)
        lags = {keys.LATEST: dependencies.DEFAULT, **shown.frozen()}
        stamps = dependencies.changed_at(lags, missing_as=started)
        # A tag changed after the render started: stored all the same, it is not fresh.
        tags = sorted(lags)
        response["Surrogate-Key"] = " ".join(tags)
        response["Cache-Tag"] = ",".join(tags)
        times = [stamp[1] for stamp in stamps.values() if stamp is not None]
        self.add_reader_headers(response, last_modified=max(times, default=started[1]))
        if not response.has_header("ETag"):  # a view may name its answer (live/polls.py)
            set_response_etag(response)
        patch_vary_headers(response, ("Accept-Encoding",))
        resolved = {tag: dependencies.lag_of(lag) for tag, lag in lags.items()}
        shortest_lag = min(
            (lag for lag in resolved.values() if lag > 0), default=settings.PAGE_CACHE_SECONDS
        )
        entry = {
            "started": started,
            "expires_at": started[1] + settings.PAGE_CACHE_SECONDS,
            "shown": lags,
            # What every hit reads (to_read()): the exact tags, and the latest items, which
            # a scheduled publish stamps when it comes (on time: caching/schedule.py). A
            # change after the render started shows within its lag, so the other lagging
            # tags are first read again a lag after it.
            "read_always": {
                tag: lags[tag] for tag, lag in resolved.items() if lag == 0 or tag == keys.LATEST
            },
            "shortest_lag": shortest_lag,
            "lagging_unread_until": started[1] + shortest_lag,
            "status": response.status_code,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() != "content-length"
            ],
            "bodies": compressed_bodies(response.content, response.get("Content-Type", "")),
        }
        cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        self.keep(key, entry)
        return entry

    @staticmethod
    def rebuild(entry, accept_encoding: str, outcome: str) -> HttpResponse:
        """The stored page in a coding the reader accepts, as it was made: never compressed here."""
        coding = choose(entry["bodies"], accept_encoding)
        response = HttpResponse(entry["bodies"][coding], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        if coding != "identity":
            response["Content-Encoding"] = coding
            # Another body than the plain one: a weak ETag, as Django's GZipMiddleware gives.
            if response.get("ETag", "").startswith('"'):
                response["ETag"] = "W/" + response["ETag"]
        response["Content-Length"] = str(len(response.content))
        response["X-Page-Cache"] = outcome
        return response

    @staticmethod
    def can_store(response) -> bool:
        return (
            response.status_code in CACHEABLE_STATUSES
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
        )

    @staticmethod
    def add_reader_headers(response, *, last_modified: float) -> None:
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
            s_maxage=settings.PAGE_CACHE_SECONDS,
            stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
        )
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(last_modified)
