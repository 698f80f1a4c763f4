from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles import fragments


def site(request):
    """The newsroom's name, language and sections, for every template."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_LANGUAGE": settings.SITE_LANGUAGE,
        # Read only by pages that show the navigation, from the cache when it can.
        "nav_sections": SimpleLazyObject(fragments.sections),
    }
