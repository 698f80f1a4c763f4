"""The web manifest: how a browser names and shows the newsroom when a reader pins it."""

from django.conf import settings
from django.http import JsonResponse
from django.templatetags.static import static

from website.identity import logo

# The logo's own colour, behind the icon and the browser's toolbar.
BRAND_COLOUR = "#141414"
TOUCH_ICON = "img/icon-192.png"


def web_manifest(request):
    site_logo = logo()
    icons = [
        {"src": static(TOUCH_ICON), "sizes": "192x192", "type": "image/png"},
        {
            "src": static(settings.SITE_LOGO),
            "sizes": f"{site_logo['width']}x{site_logo['height']}",
            "type": "image/png",
        },
    ]
    manifest = {
        "name": settings.SITE_NAME,
        "short_name": settings.SITE_NAME,
        "description": settings.SITE_DESCRIPTION,
        "lang": settings.SITE_LANGUAGE,
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": BRAND_COLOUR,
        "theme_color": BRAND_COLOUR,
        "icons": icons,
    }
    return JsonResponse(manifest, content_type="application/manifest+json")
