"""Development (DJANGO_DEBUG=1): make run and make test. Never for a public server."""

import os

from newsroom.settings.base import BASE_DIR, LOGGING, MEDIA_STORAGE

# A fixed key for local use only; production requires DJANGO_SECRET_KEY.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "django-insecure-local-development-only"

# Static files straight from static/, no collectstatic needed.
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# whitenoise looks for static files on each request (tests too, where Django turns DEBUG off).
WHITENOISE_AUTOREFRESH = True
# runserver reloads on code changes, not on template changes: cached pages and pieces
# carry a stamp of the files' modification times, read on every request, so an edited
# template shows on the next request.
CACHE_CODE_STAMP_PER_REQUEST = True

LOGGING["handlers"]["console"]["formatter"] = os.environ.get("DJANGO_LOG_FORMAT", "plain")

# Email that no SMTP server or provider is set for goes to files in var/mail/ (one per
# connection, every message in full), where make run says to look.
if not (os.environ.get("EMAIL_BACKEND") or os.environ.get("EMAIL_HOST")):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"
