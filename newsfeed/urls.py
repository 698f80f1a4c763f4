from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, re_path
from django.views.decorators.http import require_safe

from newsfeed import feeds, live_feeds, sitemaps, views
from website.views import web_manifest

app_name = "newsfeed"

# Every address here is for reading: GET and HEAD; TRACE, OPTIONS and writes get a 405.
urlpatterns = [
    path("", require_safe(views.home), name="home"),
    path("news-feed/", require_safe(views.stream), name="stream"),
    path("section/<slug:slug>/", require_safe(views.section), name="section"),
    path("tag/<slug:slug>/", require_safe(views.tag), name="tag"),
    path("author/<slug:slug>/", require_safe(views.author), name="author"),
    path("search/", require_safe(views.search), name="search"),
    path("corrections/", require_safe(views.corrections), name="corrections"),
]

# Distribution: feeds, sitemaps, robots.txt and the web manifest.
urlpatterns += [
    path("rss.xml", require_safe(feeds.NewsroomFeed("rss")), name="rss"),
    path("atom.xml", require_safe(feeds.NewsroomFeed("atom")), name="atom"),
    # A live story's entries (newsfeed/live_feeds.py).
    re_path(
        r"^news/(?P<slug>[-\w]+)/atom.xml$",
        require_safe(live_feeds.LiveEntriesFeed()),
        name="live_atom",
    ),
    path("section/<slug:slug>/rss.xml", require_safe(feeds.SectionFeed("rss")), name="section_rss"),
    path(
        "section/<slug:slug>/atom.xml", require_safe(feeds.SectionFeed("atom")), name="section_atom"
    ),
    path("tag/<slug:slug>/rss.xml", require_safe(feeds.TagFeed("rss")), name="tag_rss"),
    path("tag/<slug:slug>/atom.xml", require_safe(feeds.TagFeed("atom")), name="tag_atom"),
    path("author/<slug:slug>/rss.xml", require_safe(feeds.AuthorFeed("rss")), name="author_rss"),
    path("author/<slug:slug>/atom.xml", require_safe(feeds.AuthorFeed("atom")), name="author_atom"),
    path("sitemap.xml", require_safe(sitemaps.sitemap_index), name="sitemap_index"),
    path(
        "sitemap-<section>.xml",
        require_safe(sitemap_views.sitemap),
        {"sitemaps": sitemaps.SITEMAPS, "template_name": "newsfeed/sitemap.xml"},
        name="sitemap",
    ),
    path("news-sitemap.xml", require_safe(sitemaps.news_sitemap), name="news_sitemap"),
    path("robots.txt", require_safe(sitemaps.robots_txt), name="robots_txt"),
    path("manifest.webmanifest", require_safe(web_manifest), name="web_manifest"),
]
