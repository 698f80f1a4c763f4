"""The old site's addresses, answered with a 301 to what their items became here.

Like django.contrib.redirects' fallback middleware, this only looks when the site
has no page of its own at the address (a 404), or when the home page is asked for
with WordPress's ?p=ID or ?page_id=ID. The target is always the object's own
address on this site, never an address stored from the export, so no request can
be sent elsewhere (no open redirect).
"""

from django.http import HttpResponsePermanentRedirect

from importers.models import OldAddress

WORDPRESS_QUERIES = ("p", "page_id")


def lookup_keys(request) -> list[str]:
    """The stored forms this request may match: "?p=42", or its path with and without
    its trailing slash."""
    if request.path == "/":
        for name in WORDPRESS_QUERIES:
            value = request.GET.get(name, "")
            if value.isdigit():
                return [f"?{name}={int(value)}"]
        return []
    path = request.path
    return [path, path.rstrip("/") if path.endswith("/") else f"{path}/"]


def redirect_for(request) -> HttpResponsePermanentRedirect | None:
    keys = lookup_keys(request)
    if not keys:
        return None
    found = OldAddress.objects.filter(path__in=keys).select_related("item__content_type").first()
    target = found.item.target if found else None
    if target is None or not is_public(target):
        return None
    url = target.get_absolute_url()
    if url == request.path:
        return None
    return HttpResponsePermanentRedirect(url)


def is_public(target) -> bool:
    """Drafts and unpublished pages are not revealed through their old address."""
    if hasattr(target, "is_published"):
        return bool(target.is_published)
    return True


class OldAddressFallbackMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        home_with_id = request.path == "/" and any(
            name in request.GET for name in WORDPRESS_QUERIES
        )
        if home_with_id and (response := redirect_for(request)):
            return response
        response = self.get_response(request)
        if response.status_code == 404 and request.method in {"GET", "HEAD"}:
            return redirect_for(request) or response
        return response
