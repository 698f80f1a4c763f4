"""Production (DJANGO_DEBUG off): every setting `manage.py check --deploy` asks for is on."""

import os

from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

from newsroom.settings.base import LOGGING, MEDIA_STORAGE
from newsroom.settings.environment import env_bool, env_int

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")

# Collected, compressed and content-hashed static files (make serve collects them).
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Source maps (CKEditor's is 8.6 MB, twice) are read by developer tools only: compressing them
# at Brotli's best took most of collectstatic's minute and a half.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")
# Code changes only with a deploy, which restarts every process.
CACHE_CODE_STAMP_PER_REQUEST = False

# HTTPS. Behind a proxy that ends TLS, DJANGO_SECURE_PROXY_SSL_HEADER=1 (base.py) trusts its
# X-Forwarded-Proto; DJANGO_SECURE_SSL_REDIRECT=0 when the proxy redirects itself.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Browsers only take HSTS from HTTPS responses; SecurityMiddleware sends it only there.
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

# One JSON object a line, for log collectors.
LOGGING["handlers"]["console"]["formatter"] = os.environ.get("DJANGO_LOG_FORMAT", "json")
