from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ArticlesConfig(AppConfig):
    name = "articles"
    default_auto_field = "django.db.models.BigAutoField"


class NewsArchiveAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with our site (articles.admin_site) as `admin.site`. Named in
    INSTALLED_APPS in place of django.contrib.admin."""

    default = False  # not a config of the articles app, which stays ArticlesConfig
    default_site = "articles.admin_site.NewsArchiveAdminSite"
