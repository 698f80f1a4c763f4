"""Brute-force protection for staff logins (django-axes)."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings


class LockoutBackend(AxesStandaloneBackend):
    """Refuses logins for a username and address that failed too often.

    Every login through the web (the admin's login form) carries its request and is
    counted. A login without one, from a script or a test, has no address to lock
    out, so it is left to the next backend instead of being an error.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_address(request) -> str | None:
    """The client's address behind PROXY_COUNT proxies that append to X-Forwarded-For.

    Only the entries the proxies appended can be trusted (a client may send the
    header itself), so the address is counted from the right.
    """
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if settings.PROXY_COUNT and len(hops) >= settings.PROXY_COUNT:
        return hops[-settings.PROXY_COUNT]
    return request.META.get("REMOTE_ADDR")
