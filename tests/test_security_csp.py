"""Every kind of response carries the Content-Security-Policy (issue 11, point 2).

The browser side (the admin working under it, an injected inline script not running) is in
tests/test_browser_csp.py.
"""

import re
from pathlib import Path

import pytest
from django.http import HttpRequest
from django.urls import path, reverse

from newsarchive.urls import urlpatterns as site_urlpatterns
from tests.test_admin import staff

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def broken_view(request: HttpRequest):
    raise RuntimeError("a bug in a view")


# This module is also the URLconf of test_a_server_error_page_has_it: the site plus a failing view.
urlpatterns = [path("test-broken/", broken_view), *site_urlpatterns]


def directives(response) -> dict[str, str]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.status_code} {response.get('Content-Type')}"
    return {name: value.strip() for name, _, value in (part.strip().partition(" ") for part in header.split(";"))}


def assert_policy(response) -> None:
    found = directives(response)
    for name, value in REQUIRED.items():
        assert found.get(name) == value, (name, found)
    for value in found.values():
        assert "'unsafe-inline'" not in value and "'unsafe-eval'" not in value, found


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind",
    [
        "home",
        "search",
        "article list",
        "article",
        "person",
        "people",
        "topic",
        "outlet",
        "feed",
        "person feed",
        "sitemap",
        "admin login",
        "404",
    ],
)
def test_every_kind_of_page_carries_the_policy(client, archive, kind):
    strike = archive["articles"]["strike"]
    selim = archive["people"]["selim"]
    url = {
        "home": reverse("home"),
        "search": reverse("search") + "?q=harbour",
        "article list": reverse("article_list"),
        "article": strike.get_absolute_url(),
        "person": selim.get_absolute_url(),
        "people": reverse("person_list"),
        "topic": archive["topics"]["transport"].get_absolute_url(),
        "outlet": archive["sources"]["courier"].get_absolute_url(),
        "feed": reverse("latest_feed"),
        "person feed": reverse("person_feed", args=[selim.slug]),
        "sitemap": reverse("sitemap_index"),
        "admin login": reverse("admin:login"),
        "404": "/no-such-page/",
    }[kind]
    response = client.get(url)
    assert response.status_code == (404 if kind == "404" else 200), url
    assert_policy(response)


@pytest.mark.django_db
def test_admin_pages_carry_the_policy(client, archive):
    client.force_login(staff("Editors"))
    strike = archive["articles"]["strike"]
    for url in (
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[strike.pk]),
        reverse("admin:articles_article_add") + "?_popup=1",
        reverse("admin:autocomplete") + "?app_label=articles&model_name=quote&field_name=person&term=Ine",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_policy(response)


@pytest.mark.django_db
@pytest.mark.urls("tests.test_security_csp")
def test_a_server_error_page_has_it(client):
    client.raise_request_exception = False
    response = client.get("/test-broken/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert_policy(response)


def test_our_templates_have_no_inline_script_handler_or_style():
    """What the policy forbids would silently stop working in a browser, so it is never written."""
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        for pattern in (
            r"<script(?![^>]*\bsrc=)[^>]*>",
            r"\son[a-z]+\s*=",
            r"\sstyle\s*=",
            r"<style\b",
            r"javascript:",
        ):
            offenders += [f"{template.relative_to(ROOT)}: {m.group(0)}" for m in re.finditer(pattern, text, re.I)]
    assert not offenders, offenders
