from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from images.views import editor_image_upload, media_file

admin.site.site_header = format_lazy(_("{site} newsroom"), site=settings.SITE_NAME)
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Newsroom")

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    # CKEditor's own upload address and name, served by our checked upload view.
    path(
        "ckeditor5/image_upload/",
        editor_image_upload,
        name="ck_editor_5_upload_file",
    ),
    # Email providers' event webhooks (bounces, complaints): newsletters/suppression.py.
    path("anymail/", include("anymail.urls")),
    path("", include("readership.urls")),
]
# Reader pages, once per edition: the default language at today's addresses, each other
# under its code (/uk/...); website/editions.py turns on the address's language.
urlpatterns += i18n_patterns(
    # Before the articles: a live story is an article with a page of its own (live/views.py).
    path("", include("live.urls")),
    path("", include("articles.urls")),
    path("", include("newsfeed.urls")),
    path("", include("newsletters.urls")),
    # Last: a site page takes any one-segment address the routes above leave free.
    path("", include("pages.urls")),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    # Uploaded images, served by Django when no web server or CDN sits in front.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            media_file,
        )
    ]

# Error pages in the language of their address, without the database (website/errors.py).
handler400 = "website.errors.bad_request"
handler403 = "website.errors.permission_denied"
handler500 = "website.errors.server_error"
