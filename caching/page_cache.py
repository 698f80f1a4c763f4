"""A page cache for anonymous readers, kept fresh by a content version.

Nearly all traffic is anonymous readers of a few pages, so their pages are kept
whole in the cache (Redis when REDIS_URL is set). Every page is stored with the
content version it was made for (caching/versions.py); any change readers could
see (caching/watched.py) starts a new version, so every page is fresh at once.
No page outlives the next scheduled publish time, so a scheduled article
appears on time. The key carries the code stamp, so new code renders anew.

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

from caching import keys, versions
from caching.compression import choose, compressed_bodies
from caching.local_copies import LocalCopies

logger = logging.getLogger(__name__)

CACHEABLE_STATUSES = {200, 404}
# Pages of one content version never change: each process keeps copies of the
# latest it served, and asks the shared cache only for the current version.
local_pages = LocalCopies(megabytes=settings.PAGE_CACHE_LOCAL_MEGABYTES)


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
        now = timezone.now()
        key = keys.page(
            code=versions.code_stamp(), host=request.get_host(), path=request.get_full_path()
        )
        copy = local_pages.get_many([key]).get(key)
        try:
            # One round trip: the content state, and the page unless this process has a copy.
            found = cache.get_many([keys.CONTENT_STATE] if copy else [keys.CONTENT_STATE, key])
            state = versions.content_state(found.get(keys.CONTENT_STATE), now)
            if copy and not self.is_fresh(copy, state, now):
                found[key] = cache.get(key)
        except Exception:
            logger.exception("page cache: unavailable, serving from the database")
            return self.get_response(request)
        encoding = request.headers.get("Accept-Encoding", "")
        for entry in (copy, found.get(key)):
            if entry is not None and self.is_fresh(entry, state, now):
                if entry is not copy:
                    local_pages.set_many({key: entry})
                return self.rebuild(entry, encoding, "hit")

        response = self.get_response(request)
        if not self.can_store(response):
            return response
        self.add_reader_headers(response, state)
        set_response_etag(response)
        patch_vary_headers(response, ("Accept-Encoding",))
        timeout = settings.PAGE_CACHE_SECONDS
        if state["next_change_at"]:
            until_next = (state["next_change_at"] - now).total_seconds()
            timeout = max(1, min(timeout, int(until_next)))
        entry = {
            "version": state["version"],
            "expires_at": now.timestamp() + timeout,
            "status": response.status_code,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() != "content-length"
            ],
            "bodies": compressed_bodies(response.content, response.get("Content-Type", "")),
        }
        try:
            cache.set(key, entry, timeout=timeout)
        except Exception:
            logger.exception("page cache: could not store %s", request.path)
        local_pages.set_many({key: entry})
        return self.rebuild(entry, encoding, "miss")

    @staticmethod
    def is_fresh(entry, state, now) -> bool:
        """A stored page is served while its content version is current and until it expires."""
        return entry["version"] == state["version"] and now.timestamp() < entry["expires_at"]

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
    def add_reader_headers(response, state) -> None:
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
            s_maxage=settings.PAGE_CACHE_SECONDS,
            stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
        )
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(state["changed_at"].timestamp())
