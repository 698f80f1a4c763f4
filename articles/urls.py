from django.urls import path, re_path
from django.views.decorators.http import require_safe

from articles import preview_views, views

app_name = "articles"

# Reading only: GET and HEAD; TRACE, OPTIONS and writes get a 405.
# Slugs may be Unicode (a Ukrainian headline keeps its letters), so not <slug:slug>.
urlpatterns = [
    re_path(r"^news/(?P<slug>[-\w]+)/$", require_safe(views.article_detail), name="detail"),
    re_path(r"^read-more/(?P<slug>[-\w]+)/$", require_safe(views.read_more), name="read_more"),
    path("preview/<str:token>/", require_safe(preview_views.shared_preview), name="shared_preview"),
]
