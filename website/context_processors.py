from django.conf import settings

from website import editions


def site(request):
    """The newsroom's name and the language of the edition being rendered, for every template."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_LANGUAGE": editions.language_tag(editions.current()),
    }
