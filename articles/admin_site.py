"""The admin site: Django's, with NewsArchive's name. Installed as the default site
(articles.apps.NewsArchiveAdminConfig), so `admin.site` and `@admin.register` are this site."""

from __future__ import annotations

from django.contrib import admin


class NewsArchiveAdminSite(admin.AdminSite):
    site_header = "NewsArchive admin"
    site_title = "NewsArchive admin"
    index_title = "The archive"
    # The sidebar repeats the breadcrumbs and the index, and took 290 of a 1280 px window's pixels from
    # every form and list: without it an article's quotations and a list's headlines have the room.
    enable_nav_sidebar = False
