"""Settings every deployment shares, grouped by concern. See .env.example for the variables."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

from newsroom.settings.environment import env_bool, env_int, env_list, media_storage
from website.embedded_db import database_settings


def gettext_noop(message: str) -> str:
    """Marks a string for the catalogues (makemessages). Django's own reads the settings
    being defined here, which would build them half-made, without production.py's."""
    return message


BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DJANGO_DEBUG")

# --- Applications -----------------------------------------------------------------------

# The project's own apps, lowest first: each may import only the apps before it
# (tests/test_layering.py and the import-linter contract in pyproject.toml keep this).
PROJECT_APPS = [
    "caching",
    "website",
    "images",
    "pages",
    "authors",
    "articles",
    "curation",
    "readership",
    "live",
    "newsfeed",
    "newsletters",
    "importers",
    "staff",
    "demo",
]
INSTALLED_APPS = [
    # The admin, with the desk's queues on its home page (newsroom/admin_site.py).
    "newsroom.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    # For its translations only: "12 minutes ago" in every language (website/templatetags).
    "django.contrib.humanize",
    "django_ckeditor_5",
    "reversion",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    *PROJECT_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "caching.memo.RequestMemoMiddleware",
    # A live story's poll with nothing new: a 304 in one cache round trip, before the rest.
    "live.polls.PollNotModifiedMiddleware",
    # The edition's language from the address (/uk/...), before anything renders or caches.
    "website.editions.EditionMiddleware",
    "website.outage.DatabaseOutageMiddleware",
    "website.headers.PermissionsPolicyMiddleware",
    "website.headers.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "caching.page_cache.ReaderPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The old site's addresses, answered only where this site has no page (a 404).
    "importers.redirects.OldAddressFallbackMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "website.context_processors.site",
            ],
        },
    },
]

# --- The newsroom's identity ------------------------------------------------------------

# Used by pages, feeds, sitemaps and structured data (website/identity.py).
SITE_NAME = os.environ.get("SITE_NAME", "The Kyiv Ledger")
SITE_LANGUAGE = os.environ.get("SITE_LANGUAGE", "en")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_DESCRIPTION = os.environ.get(
    # Marked for the catalogues: each edition shows the default line in its language.
    "SITE_DESCRIPTION",
    gettext_noop("News from Kyiv: the war, politics, business and life in Ukraine."),
)
# A static file; search engines and social networks show it for the newsroom.
SITE_LOGO = "img/logo.png"
# The newsroom's own accounts: an X handle (without @) and profile addresses for "sameAs".
SITE_X_HANDLE = os.environ.get("SITE_X_HANDLE", "").lstrip("@")
SITE_SOCIAL_URLS = env_list("SITE_SOCIAL_URLS")
# Feeds carry the full body (True) or only the summary (False); 50 newest items each.
FEEDS_FULL_CONTENT = env_bool("FEEDS_FULL_CONTENT", True)
FEED_ITEMS = 50
# How often a live story's open page asks for new entries (live/views.py, static/js/live.js).
LIVE_POLL_SECONDS = env_int("LIVE_POLL_SECONDS", 10)

# The editions (website/editions.py): the first is the default one, at today's addresses
# (/news/...); each other one lives under its code (/uk/news/...). Content, sections, tags and
# author bios carry one of these languages; the interface is in locale/<code>/.
EDITIONS = env_list("SITE_EDITIONS") or ["en", "uk"]
LANGUAGE_CODE = EDITIONS[0]
LANGUAGES = [(code, LANG_INFO[code]["name_local"]) for code in EDITIONS]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates in the newsroom's style, a 24-hour clock in the admin too (website/dates.py).
FORMAT_MODULE_PATH = ["website.formats"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Kyiv")
USE_I18N = True
USE_TZ = True

# --- Database ---------------------------------------------------------------------------

# PostgreSQL only. With no DATABASE_URL, an embedded server under var/, started by its
# backend at the first connection (website/embedded_db.py).
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.config(conn_max_age=60, conn_health_checks=True)}
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL.")
else:
    DATABASES = {"default": database_settings(BASE_DIR)}

# The few queries every reader page makes run as statements prepared on each connection,
# planned once (website/prepared.py). Off behind a pooler that cannot keep them.
PREPARED_STATEMENTS = env_bool("PREPARED_STATEMENTS", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Addresses: the editors' side and what is never cached or indexed --------------------

# The admin lives at a configurable address, so bots guessing /admin/ find nothing.
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"
# Where editors work: the admin and CKEditor's upload address (the editors' CSP).
EDITOR_PATHS = (f"/{ADMIN_URL}", "/ckeditor5/")
# Never served from the page cache, sent as private, no-store, and kept out of robots.txt.
# A subscriber's own pages (newsletters) show their address: never cached, never indexed.
# Reader addresses exist in every edition (/uk/preview/…), and so do these.
PRIVATE_PATHS = (
    *EDITOR_PATHS,
    *(
        f"/{prefix}{path}"
        for prefix in ["", *(f"{code}/" for code in EDITIONS[1:])]
        for path in ("preview/", "newsletters/subscriber/")
    ),
)

# --- Caching ----------------------------------------------------------------------------

REDIS_URL = os.environ.get("REDIS_URL", "")
# The PostgreSQL table of the shared cache when there is no Redis (caching/migrations).
CACHE_TABLE = "caching_cache"
if REDIS_URL:
    # A cache that is down must not take the site down: errors are logged, not raised,
    # and reads miss. Short timeouts so a dead Redis costs a request milliseconds.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "newsroom.cache"
    # Sessions read from the cache first and fall back to the database when it is down.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Without Redis, a cache shared through PostgreSQL (its table is made by caching's
    # migration): every app process sees the same pages, versions and keys, so an edit
    # shows on the next request whichever process answers. Never one process's memory.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            # Django culls a third of the table when it holds more than MAX_ENTRIES
            # (default 300): room for every page and piece of a large site instead.
            "OPTIONS": {"MAX_ENTRIES": 200_000, "CULL_FREQUENCY": 10},
        }
    }

# Whole pages for anonymous readers (caching/page_cache.py).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_BROWSER_SECONDS = 60
PAGE_CACHE_STALE_SECONDS = 60
# How far blocks of the latest items (home rows, news feed, listings, feeds) may lag behind
# a change; an article's own page never lags (caching/dependencies.py).
PAGE_CACHE_LAG_SECONDS = env_int("PAGE_CACHE_LAG_SECONDS", 5)
# And the lists beside an article on its page (Read more, Most Popular), which thousands of
# pages show: each edit of a newest headline would otherwise have every page made again.
PAGE_CACHE_ASIDE_LAG_SECONDS = env_int("PAGE_CACHE_ASIDE_LAG_SECONDS", 60)
# Where changed tags go, for a CDN in front: a URL (POSTed as JSON) or a dotted path to a
# callable taking the tags; empty for none (caching/purge.py).
CACHE_PURGE = os.environ.get("CACHE_PURGE", "")
CACHE_PURGE_TIMEOUT = 2
# How much of the latest pages each app process also keeps in its own memory.
PAGE_CACHE_LOCAL_MEGABYTES = env_int("PAGE_CACHE_LOCAL_MEGABYTES", 32)
# Rendered pieces of pages (cards, articles), kept per item version (caching/pieces.py).
FRAGMENT_CACHE_ENABLED = env_bool("FRAGMENT_CACHE_ENABLED", True)
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 24 * 60 * 60)
# How much of the latest pieces each app process also keeps in its own memory.
FRAGMENT_LOCAL_MEGABYTES = env_int("FRAGMENT_LOCAL_MEGABYTES", 32)
# What renders pages and pieces; its digest is in every key (caching/versions.py).
RENDERING_SOURCES = [BASE_DIR / "templates", *(BASE_DIR / app for app in PROJECT_APPS)]
# Development reads the stamp from modification times on every request.
CACHE_CODE_STAMP_PER_REQUEST = False

# --- Static files and uploads -----------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the site's root (/favicon.ico), served there by whitenoise.
WHITENOISE_ROOT = BASE_DIR / "public"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads (the media library, its renditions, CKEditor's images) go to MEDIA_ROOT, or, with
# MEDIA_S3_BUCKET set, to S3-compatible object storage that every app server shares
# (django-storages; MEDIA_S3_ENDPOINT_URL for a server other than Amazon's).
MEDIA_STORAGE = media_storage()
# Off when a web server or CDN serves MEDIA_ROOT itself.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", True)
# The demo logins' passwords, kept for later runs of load_demo (demo/logins.py).
DEMO_LOGINS_FILE = Path(os.environ.get("DEMO_LOGINS_FILE", BASE_DIR / "var" / "demo-logins.json"))

# Uploaded images (images/uploads.py): one size limit for every upload, and a pixel
# limit against decompression bombs.
MAX_IMAGE_UPLOAD_MEGABYTES = 15
MAX_IMAGE_UPLOAD_BYTES = MAX_IMAGE_UPLOAD_MEGABYTES * 1024 * 1024
MAX_IMAGE_PIXELS = 50_000_000

# Imports from WordPress and Ghost (importers/): the largest export file accepted. WordPress
# files are read as a stream; a Ghost file is JSON and is read whole.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_MEGABYTES", 512) * 1024 * 1024
# Where an export uploaded in the admin waits between its dry run and the confirmation.
IMPORT_UPLOAD_DIR = Path(os.environ.get("IMPORT_UPLOAD_DIR", BASE_DIR / "var" / "imports"))

# --- Rich text: CKEditor 5 in the admin -------------------------------------------------

# Uploads are for staff only, checked and stored like every other image.
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpg", "jpeg", "png", "gif", "webp"]
CKEDITOR_5_MAX_FILE_SIZE = MAX_IMAGE_UPLOAD_MEGABYTES
CKEDITOR_5_FILE_STORAGE = "images.uploads.EditorImageStorage"
CKEDITOR_5_CONFIGS = {
    "default": {
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "link",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "|",
                "insertImage",
                "mediaEmbed",
                "insertTable",
                "|",
                "undo",
                "redo",
            ],
        },
        "image": {
            "toolbar": [
                "imageTextAlternative",
                "toggleImageCaption",
                "|",
                "imageStyle:inline",
                "imageStyle:block",
                "imageStyle:side",
            ],
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Paragraph", "class": "ck-heading_paragraph"},
                {
                    "model": "heading2",
                    "view": "h2",
                    "title": "Heading 2",
                    "class": "ck-heading_heading2",
                },
                {
                    "model": "heading3",
                    "view": "h3",
                    "title": "Heading 3",
                    "class": "ck-heading_heading3",
                },
            ],
        },
        "mediaEmbed": {"previewsInData": True},
    },
}

# --- Email and background tasks ---------------------------------------------------------

# Any SMTP server from the environment, or a provider through django-anymail: set
# EMAIL_BACKEND=anymail.backends.postmark.EmailBackend (or amazon_ses, mailgun, sendgrid,
# brevo...) and its ANYMAIL_* values, e.g. ANYMAIL_POSTMARK_SERVER_TOKEN.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value
    for name, value in os.environ.items()
    if name.startswith("ANYMAIL_")
}

# Newsletters (newsletters/): the sender and reply address a newsletter uses unless it names
# its own, and the address that takes List-Unsubscribe emails.
NEWSLETTER_FROM_EMAIL = os.environ.get("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
NEWSLETTER_REPLY_TO = os.environ.get("NEWSLETTER_REPLY_TO", "")
NEWSLETTER_UNSUBSCRIBE_MAILTO = os.environ.get(
    "NEWSLETTER_UNSUBSCRIBE_MAILTO", NEWSLETTER_FROM_EMAIL
)
# Sending: emails per second at most (0: as fast as the server takes them), emails per
# SMTP connection, and attempts on temporary (4xx) failures before one counts as failed.
NEWSLETTER_EMAILS_PER_SECOND = float(os.environ.get("NEWSLETTER_EMAILS_PER_SECOND", "50"))
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 200)
NEWSLETTER_MAX_ATTEMPTS = env_int("NEWSLETTER_MAX_ATTEMPTS", 5)
# Sign-ups: how many one address (IP) may make per hour, and one email address per day.
NEWSLETTER_SIGNUPS_PER_IP_HOUR = env_int("NEWSLETTER_SIGNUPS_PER_IP_HOUR", 10)
NEWSLETTER_SIGNUPS_PER_EMAIL_DAY = env_int("NEWSLETTER_SIGNUPS_PER_EMAIL_DAY", 3)

# Background tasks: the Django Tasks API with its database backend (django-tasks-db), run
# by `manage.py worker` (make worker).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# --- Logins and sessions ----------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-axes: after AXES_FAILURE_LIMIT failed logins for one user from one address, that
# pair is locked out for the cool-off time (HTTP 429), whatever the password.
AUTHENTICATION_BACKENDS = [
    "website.logins.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_LOGIN_COOLOFF_MINUTES", 30))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"

# Sessions end after 12 hours, and when the browser closes.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Behind a proxy ---------------------------------------------------------------------

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# Proxies in front that append the client's address to X-Forwarded-For.
PROXY_COUNT = 0
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER"):
    # Trust the proxy's X-Forwarded-Proto (only when the proxy sets that header itself).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Behind the proxy every login comes from its address: the lockout counts failures per
    # client address as the proxy passes it on, or one attacker would lock out everyone.
    PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 1)
    AXES_CLIENT_IP_CALLABLE = "website.logins.client_address"

# --- Security headers -------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# Permissions-Policy: reader pages need none of these browser features.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
# Content Security Policy (django-csp). Reader pages: scripts and styles only from this site,
# never inline. The admin and CKEditor 5 get EDITOR_CONTENT_SECURITY_POLICY instead: the
# editor writes style attributes as it works and previews embedded videos.
_VIDEO_FRAMES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
# Posts from X and Telegram in live entries, framed only after the reader asks (live/embeds.py).
_POST_FRAMES = ["https://platform.twitter.com", "https://t.me"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "https:", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "https:"],
        "frame-src": [*_VIDEO_FRAMES, *_POST_FRAMES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
EDITOR_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "https:", "data:", "blob:"],
}

# --- Logs -------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "website.jsonlog.JsonFormatter"},
    },
    "handlers": {
        # The format is set by development.py (plain) and production.py (JSON lines).
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Not the banner django-axes logs as each process starts, pymorphy3's dictionary as it
    # loads, nor the autoreloader's line that runserver prints itself.
    "loggers": {
        "pgserver": {"level": "WARNING"},
        "axes.apps": {"level": "WARNING"},
        "pymorphy3": {"level": "WARNING"},
        "django.utils.autoreload": {"level": "WARNING"},
    },
}
