"""What one request has read already (the versions), kept for that request only.

A context variable set by the middleware for each request: under WSGI each
request has its thread, under ASGI its task, and a view run in a worker thread
sees the request's memo through the context asgiref copies. Outside a request
(a management command, a test calling a function) nothing is memoized.
"""

from collections.abc import Callable
from contextvars import ContextVar

from asgiref.sync import iscoroutinefunction, markcoroutinefunction

_memo: ContextVar[dict | None] = ContextVar("caching_request_memo", default=None)


def memoized(name: str, make: Callable[[], object]):
    """make()'s value, made once per request."""
    memo = _memo.get()
    if memo is None:
        return make()
    if name not in memo:
        memo[name] = make()
    return memo[name]


def forget() -> None:
    """Read everything again: after a change made during the request."""
    memo = _memo.get()
    if memo is not None:
        memo.clear()


class RequestMemoMiddleware:
    """Gives each request an empty memo, and drops it when the response is made."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        if iscoroutinefunction(self):
            return self._async_call(request)
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)

    async def _async_call(self, request):
        token = _memo.set({})
        try:
            return await self.get_response(request)
        finally:
            _memo.reset(token)
