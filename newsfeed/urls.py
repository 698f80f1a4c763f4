from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from newsfeed import feeds, sitemaps, views
from website.views import web_manifest

app_name = "newsfeed"

urlpatterns = [
    path("", views.home, name="home"),
    path("news-feed/", views.stream, name="stream"),
    path("section/<slug:slug>/", views.section, name="section"),
    path("tag/<slug:slug>/", views.tag, name="tag"),
    path("author/<slug:slug>/", views.author, name="author"),
    path("search/", views.search, name="search"),
    path("corrections/", views.corrections, name="corrections"),
]

# Distribution: feeds, sitemaps, robots.txt and the web manifest.
urlpatterns += [
    path("rss.xml", feeds.NewsroomFeed("rss"), name="rss"),
    path("atom.xml", feeds.NewsroomFeed("atom"), name="atom"),
    path("section/<slug:slug>/rss.xml", feeds.SectionFeed("rss"), name="section_rss"),
    path("section/<slug:slug>/atom.xml", feeds.SectionFeed("atom"), name="section_atom"),
    path("tag/<slug:slug>/rss.xml", feeds.TagFeed("rss"), name="tag_rss"),
    path("tag/<slug:slug>/atom.xml", feeds.TagFeed("atom"), name="tag_atom"),
    path("author/<slug:slug>/rss.xml", feeds.AuthorFeed("rss"), name="author_rss"),
    path("author/<slug:slug>/atom.xml", feeds.AuthorFeed("atom"), name="author_atom"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap_index"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps.SITEMAPS, "template_name": "newsfeed/sitemap.xml"},
        name="sitemap",
    ),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="news_sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("manifest.webmanifest", web_manifest, name="web_manifest"),
]
