from django.conf import settings


def site(request):
    """The newsroom's name and language, for every template."""
    return {"SITE_NAME": settings.SITE_NAME, "SITE_LANGUAGE": settings.SITE_LANGUAGE}
