"""Pages compressed once, when they are stored: gzip and brotli bodies beside the plain one.

A hit only picks the body the reader's Accept-Encoding allows (brotli first), so
serving a compressed page costs no more than serving a plain one.
"""

import gzip

import brotli

# Types worth compressing: pages, feeds, sitemaps, JSON. Images are compressed already.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
    "application/ld+json",
    "application/xhtml+xml",
)
# Below this size compression saves nothing worth a header.
MINIMUM_BYTES = 200
# Speed over the last few percent: bodies are made again after every change they show.
GZIP_LEVEL = 6
BROTLI_QUALITY = 5
# In order of preference.
ENCODINGS = ("br", "gzip")


def compressed_bodies(content: bytes, content_type: str) -> dict[str, bytes]:
    """The body as sent plain ("identity") and, when worth it, gzip and brotli."""
    bodies = {"identity": content}
    if len(content) >= MINIMUM_BYTES and content_type.startswith(COMPRESSIBLE_TYPES):
        bodies["gzip"] = gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0)
        bodies["br"] = brotli.compress(content, quality=BROTLI_QUALITY)
    return bodies


def accepted(accept_encoding: str) -> set[str]:
    """The codings an Accept-Encoding header allows (q=0 refuses one; * allows any)."""
    allowed, refused = set(), set()
    for part in accept_encoding.lower().split(","):
        name, _, params = part.strip().partition(";")
        quality = params.strip().removeprefix("q=")
        try:
            wanted = float(quality) > 0 if params else True
        except ValueError:
            wanted = True
        (allowed if wanted else refused).add(name.strip())
    if "*" in allowed:
        allowed |= set(ENCODINGS) - refused
    return allowed - refused


def choose(bodies: dict[str, bytes], accept_encoding: str) -> str:
    """The coding to send: the first of ENCODINGS the reader accepts, else plain."""
    allowed = accepted(accept_encoding)
    return next((name for name in ENCODINGS if name in bodies and name in allowed), "identity")
