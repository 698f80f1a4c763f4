from django.http import HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns

PAYLOADS: dict[int, bytes] = {}


def floor(request):
    """The framework's floor: the same number of bytes as a page, from memory."""
    size = min(int(request.GET.get("bytes", 40_000)), 2_000_000)
    payload = PAYLOADS.setdefault(size, b"x" * size)
    return HttpResponse(payload, content_type="text/html; charset=utf-8")


urlpatterns = [path("_bench/floor/", floor), *site_urlpatterns]
