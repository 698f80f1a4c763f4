"""The newsroom's identity (name, language, address, logo, accounts), read from settings.

Pages, feeds, sitemaps and structured data all take the newsroom's public
address and publisher details from here, so they are configured once.
"""

from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.translation import gettext
from PIL import Image


def absolute_url(url: str) -> str:
    """url on the newsroom's public address; an address that is already absolute stays."""
    if urlsplit(url).scheme:
        return url
    return f"{settings.SITE_URL}/{url.lstrip('/')}"


def site_protocol() -> str:
    return urlsplit(settings.SITE_URL).scheme or "https"


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).netloc


@cache
def _logo_size(path: str) -> tuple[int, int]:
    found = finders.find(path)
    if not found:
        return (0, 0)
    with Image.open(found) as image:
        return image.size


def logo() -> dict:
    """The logo's absolute URL with its width and height in pixels."""
    width, height = _logo_size(settings.SITE_LOGO)
    return {"url": absolute_url(static(settings.SITE_LOGO)), "width": width, "height": height}


def site_description() -> str:
    """The newsroom's one line about itself, in the edition's language when the catalogue
    has it (the default line has its translations in locale/)."""
    return gettext(settings.SITE_DESCRIPTION)


def social_urls() -> list[str]:
    """The newsroom's own accounts elsewhere, for schema.org sameAs."""
    urls = list(settings.SITE_SOCIAL_URLS)
    if settings.SITE_X_HANDLE:
        urls.insert(0, f"https://x.com/{settings.SITE_X_HANDLE}")
    return urls


# The names readers know the usual networks by, from their addresses' hosts.
NETWORKS = {
    "x.com": "X",
    "twitter.com": "X",
    "facebook.com": "Facebook",
    "instagram.com": "Instagram",
    "youtube.com": "YouTube",
    "t.me": "Telegram",
    "linkedin.com": "LinkedIn",
    "tiktok.com": "TikTok",
    "bsky.app": "Bluesky",
    "threads.net": "Threads",
    "whatsapp.com": "WhatsApp",
}


def social_accounts() -> list[tuple[str, str]]:
    """The newsroom's accounts as (network name, address), for the site footer."""
    accounts = []
    for url in social_urls():
        host = urlsplit(url).netloc.lower().removeprefix("www.")
        accounts.append((NETWORKS.get(host, host), url))
    return accounts


def publisher() -> dict:
    """The newsroom as a schema.org NewsMediaOrganization."""
    site_logo = logo()
    organization = {
        "@type": "NewsMediaOrganization",
        "@id": f"{settings.SITE_URL}/#publisher",
        "name": settings.SITE_NAME,
        "url": f"{settings.SITE_URL}/",
        "logo": {
            "@type": "ImageObject",
            "url": site_logo["url"],
            "width": site_logo["width"],
            "height": site_logo["height"],
        },
    }
    if same_as := social_urls():
        organization["sameAs"] = same_as
    return organization
