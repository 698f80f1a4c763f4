from django.urls import re_path
from django.views.decorators.http import require_safe

from live import views

app_name = "live"

# Before articles/urls.py: a live story is served at its article's address.
urlpatterns = [
    re_path(r"^news/(?P<slug>[-\w]+)/$", require_safe(views.story_or_article), name="story"),
    re_path(
        r"^news/(?P<slug>[-\w]+)/updates/(?P<pk>[0-9]+)/$",
        require_safe(views.entry_permalink),
        name="entry",
    ),
    re_path(r"^news/(?P<slug>[-\w]+)/live/$", require_safe(views.poll), name="poll"),
]
