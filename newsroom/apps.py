"""The admin app with the newsroom's own site (newsroom/admin_site.py), read once apps are ready."""

from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    default_site = "newsroom.admin_site.NewsroomAdminSite"
