"""Brute-force protection for staff logins (django-axes)."""

from axes.backends import AxesStandaloneBackend


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
