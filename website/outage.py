"""A 503 page instead of a traceback while the database is unreachable.

When PostgreSQL is down or restarting, a view's query raises OperationalError or
InterfaceError. Readers get the site's "back soon" page with Retry-After, and the
failure is logged. Django drops the broken connection at the end of the request,
so the first request after the database returns is served normally again.
"""

import logging

from django.db import InterfaceError, OperationalError

from website.errors import plain_page

logger = logging.getLogger("website.outage")

RETRY_AFTER_SECONDS = 30


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error(
            "Database unavailable; served the 503 page",
            exc_info=exception,
            extra={"event": "database_unavailable", "path": request.path},
        )
        # Rendered without the database: a page of the template alone.
        response = plain_page(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
