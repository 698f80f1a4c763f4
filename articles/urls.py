from django.urls import path

from articles import preview_views, views

app_name = "articles"

urlpatterns = [
    path("news/<slug:slug>/", views.article_detail, name="detail"),
    path("preview/<str:token>/", preview_views.shared_preview, name="shared_preview"),
]
