"""Development (DJANGO_DEBUG=1): make run and make test. Never for a public server."""

import os

from newsroom.settings.base import LOGGING

# A fixed key for local use only; production requires DJANGO_SECRET_KEY.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "django-insecure-local-development-only"

# Static files straight from static/, no collectstatic needed.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# whitenoise looks for static files on each request (tests too, where Django turns DEBUG off).
WHITENOISE_AUTOREFRESH = True
# runserver reloads on code changes, not on template changes: cached pages and pieces
# carry a stamp of the files' modification times, read on every request, so an edited
# template shows on the next request.
CACHE_CODE_STAMP_PER_REQUEST = True

LOGGING["handlers"]["console"]["formatter"] = os.environ.get("DJANGO_LOG_FORMAT", "plain")
