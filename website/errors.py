"""The error pages (400, 403, 500 and the outage's 503) in the language of their address.

They are rendered without the database (it may be what failed) and without the language the
request had reached: an error raised before the editions' middleware ran, or by it, still
gets the page of its address's edition, and an address of no edition gets the default's.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from website import context_processors, editions


def plain_page(request, template_name: str, *, status: int) -> HttpResponse:
    """A page from the template alone: the site's name and the edition's language."""
    language = editions.language_of(request.path_info)
    with translation.override(language):
        page = render_to_string(template_name, context_processors.site(request))
    return HttpResponse(page, status=status)


def bad_request(request, exception=None):
    return plain_page(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return plain_page(request, "403.html", status=403)


def server_error(request):
    return plain_page(request, "500.html", status=500)
