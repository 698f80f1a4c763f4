from django.urls import path

from newsfeed import views

app_name = "newsfeed"

urlpatterns = [
    path("", views.home, name="home"),
    path("news-feed/", views.stream, name="stream"),
    path("section/<slug:slug>/", views.section, name="section"),
    path("tag/<slug:slug>/", views.tag, name="tag"),
    path("author/<slug:slug>/", views.author, name="author"),
    path("search/", views.search, name="search"),
]
