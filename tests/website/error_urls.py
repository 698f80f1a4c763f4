"""The site's addresses and handlers, plus one that fails in every edition (for the 500 page)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from newsroom.urls import handler400, handler403, handler500, urlpatterns  # noqa: F401


def failing_view(request):
    raise RuntimeError("A bug in a view")


urlpatterns = [
    *i18n_patterns(path("failing/", failing_view), prefix_default_language=False),
    *urlpatterns,
]
