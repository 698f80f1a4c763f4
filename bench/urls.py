import os

from django.http import HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns

PAYLOADS: dict[int, bytes] = {}


def floor(request):
    """The framework's floor: the same number of bytes as a page, from memory."""
    size = min(int(request.GET.get("bytes", 40_000)), 2_000_000)
    payload = PAYLOADS.setdefault(size, b"x" * size)
    return HttpResponse(payload, content_type="text/html; charset=utf-8")


class WorkerHeaderMiddleware:
    """Names the process that answered in X-Worker (the benchmark's settings only)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.worker = str(os.getpid())

    def __call__(self, request):
        response = self.get_response(request)
        response["X-Worker"] = self.worker
        return response


urlpatterns = [path("_bench/floor/", floor), *site_urlpatterns]
