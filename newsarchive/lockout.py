"""The page an admin sign-in gets once django-axes has locked it out (settings.AXES_LOCKOUT_CALLABLE).

Axes' own page says only "try again later"; this one says what is locked, for how long and whom to
ask, in the admin's look.
"""

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils import timezone


def locked_out(request, original_response=None, credentials=None):
    # Axes calls this on the refused attempt itself, which has just restarted the wait: it ends a
    # cool-off from now.
    now = timezone.now()
    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "title": "Sign-in locked",
        "username": get_client_username(request, credentials) or "",
        "failure_limit": get_failure_limit(request, credentials),
        "locked_at": now,
        "until": now + cool_off if cool_off else None,
    }
    return render(request, "admin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
