"""The site's stylesheet, written into the head of every reader page.

A linked stylesheet blocks the first paint for a whole round trip on a phone's connection
(Lighthouse's "render-blocking resources"); 6 KB compressed inline does not. The policy
(website/headers.py) allows exactly this text by its hash, so no other inline style runs.
"""

import base64
import hashlib
import re
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

SITE_STYLESHEET = "css/site.css"
# url(...) targets relative to the stylesheet; absolute ones and data: stay as they are.
RELATIVE_URL = re.compile(r"""url\(\s*(["']?)(?![a-z]+:|/)([^"')]+)\1\s*\)""")


def text() -> str:
    """The stylesheet as it is served, its url()s resolved against its own address."""
    # In development the file changes under a running server (as templates do).
    return _read() if settings.CACHE_CODE_STAMP_PER_REQUEST else _text()


def policy_hash() -> str:
    """The CSP source that allows the inline stylesheet and nothing else: 'sha256-…'."""
    return _hash(text())


@cache
def _text() -> str:
    return _read()


@cache
def _hash(css: str) -> str:
    digest = hashlib.sha256(css.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def _read() -> str:
    # Collected and content-hashed in production (its url()s name the hashed files), straight
    # from static/ in development.
    if hasattr(staticfiles_storage, "stored_name"):
        path = staticfiles_storage.path(staticfiles_storage.stored_name(SITE_STYLESHEET))
    else:
        path = finders.find(SITE_STYLESHEET)
    css = Path(path).read_text(encoding="utf-8")
    served_at = staticfiles_storage.url(SITE_STYLESHEET)
    return RELATIVE_URL.sub(lambda m: f'url("{urljoin(served_at, m[2])}")', css)
