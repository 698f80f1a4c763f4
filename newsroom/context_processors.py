from django.conf import settings

from articles.models import Section


def site(request):
    """The newsroom's name, language and sections, for every template."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_LANGUAGE": settings.SITE_LANGUAGE,
        "nav_sections": Section.objects.all(),
    }
