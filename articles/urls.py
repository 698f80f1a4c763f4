from django.urls import path, re_path

from articles import preview_views, views

app_name = "articles"

# Slugs may be Unicode (a Ukrainian headline keeps its letters), so not <slug:slug>.
urlpatterns = [
    re_path(r"^news/(?P<slug>[-\w]+)/$", views.article_detail, name="detail"),
    re_path(r"^read-more/(?P<slug>[-\w]+)/$", views.read_more, name="read_more"),
    path("preview/<str:token>/", preview_views.shared_preview, name="shared_preview"),
]
