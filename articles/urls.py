from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("news/<slug:slug>/", views.article_detail, name="detail"),
]
