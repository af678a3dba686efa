"""axe-core on the admin pages staff use (issue 14: "no WCAG A/AA violation"; 14.7: an admin that looks
finished), at 1280 px, in Debian's chromium through Playwright.

The archive, the signed-in browser and the axe options are the other browser tests' own
(tests/test_browser_admin_fit.py, tests/test_browser_accessibility.py): the same fictional newsroom,
its feed and its job. Screenshots go to test-artifacts/admin-axe/. Run with `pytest -m browser`.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles.models import Job
from tests.test_admin import PASTED, staff
from tests.test_browser import ARTIFACTS, browser  # noqa: F401 - fixture
from tests.test_browser_accessibility import violations
from tests.test_browser_admin_fit import newsroom, signed_in  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = ARTIFACTS / "admin-axe"


def admin_pages(newsroom) -> dict[str, str]:  # noqa: F811
    """{name: path} of each page checked: what staff open in a working day."""
    article = newsroom.article
    return {
        "index": reverse("admin:index"),
        "article-list": reverse("admin:articles_article_changelist"),
        "article-change": reverse("admin:articles_article_change", args=[article.pk]),  # with its quotations
        "paste": reverse("admin:articles_article_paste"),
        "article-history": reverse("admin:articles_article_history", args=[article.pk]),
        "data-quality": reverse("admin:data_quality"),
        "job-list": reverse("admin:articles_job_changelist"),
        "job": reverse("admin:articles_job_change", args=[Job.objects.get().pk]),
        "feed-list": reverse("admin:articles_feed_changelist"),
        "person-change": reverse("admin:articles_person_change", args=[newsroom.person.pk]),
    }


def checked(page, name: str, prefix: str = "") -> list[str]:
    """The page's violations, after a screenshot to look at. No rule is left out: what Django's own
    markup lacked (names for the table's boxes, the date and time boxes, select2's boxes; underlined
    links in text) is given by our forms (articles/forms.py), script (static/js/admin.js) and CSS."""
    page.screenshot(path=str(SHOTS / f"{prefix}{name}.png"), full_page=True)
    return violations(page)


def report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{name}: {line}" for name, lines in found.items() for line in lines)


def test_the_admin_pages_staff_use_have_no_wcag_a_or_aa_violation(browser, newsroom):  # noqa: F811
    # As a superuser, who sees every button, action and column. (Each page fitting 1280 px without
    # scrolling sideways is tests/test_browser_admin_fit.py's, for every role.)
    page = signed_in(browser, newsroom.url, User.objects.create_superuser("chief", password="pw"))
    SHOTS.mkdir(parents=True, exist_ok=True)
    found = {}
    for name, path in admin_pages(newsroom).items():
        response = page.goto(newsroom.url + path)
        assert response.ok, (name, path, response.status)
        found[name] = checked(page, name)
        if name == "paste":  # and the preview of what the pipeline found, with its form to correct
            page.fill("#id_text", PASTED)
            page.click("input[name=preview]")
            page.wait_for_selector("#review-form")
            found["paste-preview"] = checked(page, "paste-preview")
    found = {name: lines for name, lines in found.items() if lines}
    assert found == {}, report(found)


def test_a_viewers_read_only_forms_have_no_wcag_a_or_aa_violation(browser, newsroom):  # noqa: F811
    # A viewer's article page shows the rendered body and read-only quotations instead of inputs.
    page = signed_in(browser, newsroom.url, staff("Viewers"))
    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = admin_pages(newsroom)
    found = {}
    for name in ("article-change", "person-change"):
        response = page.goto(newsroom.url + pages[name])
        assert response.ok, (name, response.status)
        found[name] = checked(page, name, prefix="viewer-")
    found = {name: lines for name, lines in found.items() if lines}
    assert found == {}, report(found)


def test_autocomplete_boxes_are_named_by_their_field_then_their_choice(browser, newsroom):  # noqa: F811
    # select2 names a box by the choice it shows, so an empty one had no name (static/js/admin.js).
    page = signed_in(browser, newsroom.url, User.objects.create_superuser("chief", password="pw"))
    page.goto(newsroom.url + admin_pages(newsroom)["article-change"])
    assert page.get_by_role("combobox", name="Aggregator", exact=True).count() == 1  # none chosen
    # A chosen one: the field, select2's clear button (×), the choice.
    assert page.get_by_role("combobox", name=re.compile(r"^Outlet\b.*\bValley Courier$")).count() == 1
    quotations = page.locator("#quotes-group")  # in a table: named by the column
    assert quotations.get_by_role("combobox", name=re.compile(r"^Speaker\b.*\bInes Varga$")).count() == 1
    # A row added with "Add another quotation" is named as the others.
    empty = quotations.get_by_role("combobox", name="Speaker", exact=True).count()
    quotations.get_by_role("button", name="Add another quotation").click()
    assert quotations.get_by_role("combobox", name="Speaker", exact=True).count() == empty + 1
    assert violations(page) == []
