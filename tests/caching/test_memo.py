"""The per-request memo (the change clock, the stamps read) belongs to one request, under WSGI and ASGI alike."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from asgiref.sync import sync_to_async
from django.db import connections
from django.test import AsyncClient

from caching import dependencies, memo
from tests.factories import make_article


def run(coroutine):
    """Run a coroutine in an event loop of its own thread, as an ASGI server would.

    The browser tests' Playwright keeps an event loop running in the main thread.
    """
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


@pytest.mark.django_db
def test_outside_a_request_nothing_is_memoized():
    """A management command or a test reads the change clock afresh every time."""
    first = dependencies.clock()
    dependencies.stamp(["something"])
    assert dependencies.clock() > first


def test_a_change_during_a_request_is_seen_by_the_rest_of_it():
    """Within a request a value is read once, and read again after a change."""
    seen = []

    def make():
        seen.append(1)
        return len(seen)

    token = memo._memo.set({})
    try:
        assert memo.memoized("name", make) == 1
        assert memo.memoized("name", make) == 1
        memo.forget()
        assert memo.memoized("name", make) == 2
    finally:
        memo._memo.reset(token)


def test_concurrent_asgi_requests_do_not_share_a_memo():
    """Under ASGI requests interleave on one thread: each keeps its own memo."""

    async def view(request):
        memo.memoized("request", lambda: request)
        await asyncio.sleep(0)  # the other request runs here
        return memo.memoized("request", lambda: None)

    middleware = memo.RequestMemoMiddleware(view)
    first, second = object(), object()

    async def both():
        return await asyncio.gather(middleware(first), middleware(second))

    assert run(both()) == [first, second]


@pytest.mark.django_db(transaction=True)
def test_pages_are_served_under_asgi_and_show_an_edit_at_once():
    """The whole stack under ASGI: a page, then the same page after an edit."""
    article = make_article(title="Before the edit")

    async def get(url):
        response = await AsyncClient().get(url)
        # The request's connection lives in asgiref's worker thread: close it there.
        await sync_to_async(connections.close_all)()
        return response

    assert "Before the edit" in run(get(article.get_absolute_url())).content.decode()
    article.title = "After the edit"
    article.save()
    assert "After the edit" in run(get(article.get_absolute_url())).content.decode()
