"""The admin site: Django's, with NewsArchive's name, the data-quality page (issue 14.5) and its
counts on the index. Installed as the default site (articles.apps.NewsArchiveAdminConfig), so
`admin.site` and `@admin.register` are this site."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path

from articles import quality


@dataclass
class Section:
    check: quality.Check
    page: Page
    previous_url: str = ""
    next_url: str = ""


def section(request: HttpRequest, check: quality.Check) -> Section:
    """One check's page of rows, with links to its neighbours that keep the other checks' pages."""
    found = Section(check, check.page(request.GET.get(check.key)))

    def url(number: int) -> str:
        query = request.GET.copy()
        query[check.key] = str(number)
        return f"?{query.urlencode()}#{check.key}"

    if found.page.has_previous():
        found.previous_url = url(found.page.previous_page_number())
    if found.page.has_next():
        found.next_url = url(found.page.next_page_number())
    return found


def may_see_quality(request: HttpRequest) -> bool:
    """Whoever may read articles in the admin (viewers too): the rows link to forms the fixes need
    their own permissions for."""
    return request.user.has_perm("articles.view_article") or request.user.has_perm("articles.change_article")


class NewsArchiveAdminSite(admin.AdminSite):
    site_header = "NewsArchive admin"
    site_title = "NewsArchive admin"
    index_title = "The archive"
    # The sidebar repeats the breadcrumbs and the index, and took 290 of a 1280 px window's pixels from
    # every form and list: without it an article's quotations and a list's headlines have the room.
    enable_nav_sidebar = False

    def get_urls(self):
        return [
            path("data-quality/", self.admin_view(self.data_quality_view), name="data_quality"),
            *super().get_urls(),
        ]

    def index(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        if may_see_quality(request):  # one count per check
            counts = [(check, check.count()) for check in quality.checks()]
            extra_context = {**(extra_context or {}), "quality_counts": counts}
        return super().index(request, extra_context)

    def data_quality_view(self, request: HttpRequest) -> HttpResponse:
        """Each check with its count and one page of rows; ?<key>=N pages through one check."""
        if not may_see_quality(request):
            raise PermissionDenied
        sections = [section(request, check) for check in quality.checks()]
        context = {**self.each_context(request), "title": "Data quality", "sections": sections}
        return TemplateResponse(request, "admin/data_quality.html", context)
