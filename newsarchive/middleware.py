"""NewsArchive's own middleware, each listed in settings.MIDDLEWARE."""

import logging
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.template import loader
from django.urls import reverse


class ContentSecurityPolicyMiddleware:
    """settings.CONTENT_SECURITY_POLICY on every response: pages, admin, error pages, feeds.

    The policy is fixed: no nonces or per-view changes are needed, because no template of ours or
    of the admin has an inline script, event handler or style attribute.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        # DEBUG's technical 404/500 pages are inline scripts and styles; they never reach production.
        if self.policy and not (settings.DEBUG and response.status_code in (404, 500)):
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


# --- The database out of reach: 503 and Retry-After, not a 500 -------------------------------------
DATABASE_ERRORS = (OperationalError, InterfaceError)  # Django's wrappers: refused, dropped, closed
RETRY_AFTER_SECONDS = 30
UNAVAILABLE_TEXT = "The archive is unavailable for a moment. Please try again in a minute."
logger = logging.getLogger("newsarchive.database")


class DatabaseUnavailableMiddleware:
    """A page that needs the database while it is down (or drops the connection) answers 503 with
    Retry-After and templates/503.html, which needs nothing from the database.

    A view's error (templates rendered lazily included) arrives in process_exception. An error in a
    middleware further in (a session saved, a user loaded) was already turned into a 500 by Django's
    handler around that middleware, so got_request_exception notes it on the request and that 500 is
    replaced here. Recovery needs nothing: Django connects again on the next request, and
    CONN_HEALTH_CHECKS (settings) replaces a kept connection the server has since dropped.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        error = getattr(request, "_database_error", None)
        if response.status_code == 500 and error is not None:
            return database_unavailable(error)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            return database_unavailable(exception)
        return None


def _note_database_error(sender, request=None, **kwargs) -> None:
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, DATABASE_ERRORS):
        request._database_error = error


got_request_exception.connect(_note_database_error, dispatch_uid="newsarchive.middleware.database_error")


def database_unavailable(error: Exception) -> HttpResponse:
    lines = str(error).strip().splitlines()
    logger.warning("database unavailable, answered 503: %s", lines[0] if lines else type(error).__name__)
    try:
        # No request, so no context processors: nothing here reads a session, a user or a row.
        content = loader.render_to_string("503.html")
        content_type = "text/html; charset=utf-8"
    except Exception:  # noqa: BLE001 - the answer must not depend on anything else working
        content, content_type = UNAVAILABLE_TEXT, "text/plain; charset=utf-8"
    response = HttpResponse(content, status=503, content_type=content_type)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"  # a proxy must not keep serving it once the database is back
    return response


# --- NUL characters in the admin's parameters: 400, not 500 -----------------------------------------
class RejectNulInAdminMiddleware:
    """400 for an admin request with a NUL character in a query-string or form name or value.

    PostgreSQL cannot store or compare a string holding NUL (psycopg2 raises ValueError before the
    query is sent), and the admin passes parameters to querysets in places we don't own (changelist
    filters, autocomplete's term), so one check here covers all of them. No admin form has a use for
    NUL. The public views clean their own input (articles.search.clean_query, the filter forms) and
    tests/test_views_bad_params.py holds them to it, so they keep their answers.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        if self.prefix is None:
            self.prefix = reverse("admin:index")
        if request.path.startswith(self.prefix) and _has_nul(request):
            return HttpResponseBadRequest("A NUL character is not allowed in a parameter.", content_type="text/plain")
        return self.get_response(request)


def _has_nul(request) -> bool:
    if any("\x00" in part for part in _parts(request.GET)):
        return True
    if request.method == "POST" and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        return any("\x00" in part for part in _parts(request.POST))
    return False


def _parts(query_dict) -> list[str]:
    return [part for key, values in query_dict.lists() for part in (key, *values) if isinstance(part, str)]
