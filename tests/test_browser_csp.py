"""The Content-Security-Policy in a real browser (Debian's chromium through Playwright), against live_server.

The admin must keep working under it (autocomplete, date shortcuts, inline rows, the add-related
popup, saving) without a single violation, and a script injected into a page must not run.
Run with `pytest -m browser`. Reuses the browser fixtures of tests/test_browser.py.
"""

import pytest
from django.contrib.auth.models import User

from articles.models import Article, Quote, Source
from tests.conftest import make_article, make_person, make_source
from tests.test_browser import browser  # noqa: F401 - fixture
from tests.test_browser_admin import pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs in every document of the context (popups too) before the page's own scripts.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (e) {
  window.cspViolation(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.documentURI);
});
"""


@pytest.fixture
def watched(browser):  # noqa: F811
    """A page whose CSP violations (events and console messages, in it and in its popups) are collected."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    violations: list[str] = []
    context.expose_function("cspViolation", lambda text: violations.append(text))
    context.add_init_script(REPORT_VIOLATIONS)

    def on_console(message):
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    context.on("page", lambda new_page: new_page.on("console", on_console))
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page, violations
    context.close()


def test_the_admin_works_under_the_policy_without_a_violation(watched, live_server):
    page, violations = watched
    User.objects.create_superuser("mara", password="harbour-desk-7")
    make_source("Valley Courier")
    make_person("Ines Varga", description="Harbour workers' union")
    article = make_article(
        headline="Ferry crews accept new rota",
        body_text="The ferry crews voted on Friday.\n\n“We can live with this rota,” said Ines Varga.",
    )

    page.goto(live_server.url + f"/admin/articles/article/{article.pk}/change/")
    page.fill("#id_username", "mara")
    page.fill("#id_password", "harbour-desk-7")
    page.click("input[type=submit]")
    page.wait_for_url(f"**/admin/articles/article/{article.pk}/change/")

    # The date widget's shortcut (DateTimeShortcuts.js) fills today's date.
    page.fill("#id_published", "")
    page.locator(".field-published .datetimeshortcuts a", has_text="Today").click()
    assert page.input_value("#id_published")

    # The add-related popup: a new outlet, its slug prepopulated by script, chosen back in the form.
    with page.expect_popup() as popup_info:
        page.click("#add_id_source")
    popup = popup_info.value
    popup.wait_for_load_state()
    popup.locator("#id_name").press_sequentially("Harbour Gazette")
    assert popup.input_value("#id_slug") == "harbour-gazette"
    # (listening before the click: the popup may close before a wait started after it would listen)
    with popup.expect_event("close"):
        popup.click("input[name=_save]")
    assert "Harbour Gazette" in page.locator("#id_source option:checked").inner_text()

    # An inline row added with "Add another", its speaker chosen by autocomplete (select2).
    rows = page.locator("#quotes-group tbody tr.form-row:not(.empty-form)").count()
    page.locator("#quotes-group .add-row a").click()
    assert page.locator("#quotes-group tbody tr.form-row:not(.empty-form)").count() == rows + 1
    new = f"#quotes-{rows}"
    page.fill(f"#id_quotes-{rows}-text", "We can live with this rota")
    pick(page, f"{new} .field-person", "Varga", "Ines Varga")
    page.fill(f"#id_quotes-{rows}-speaker_as_written", "Ines Varga")

    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    article.refresh_from_db()
    assert article.source.name == "Harbour Gazette" and Source.objects.filter(slug="harbour-gazette").exists()
    assert Quote.objects.filter(article=article, person__name="Ines Varga", text__contains="live with").exists()
    assert violations == []


def test_an_injected_inline_script_does_not_run(watched, live_server):
    page, violations = watched
    article = make_article(headline="Harbour strike enters second week")
    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator("h1").inner_text() == "Harbour strike enters second week"

    ran = page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.injectedRan = true";
          document.body.appendChild(script);
          const img = document.createElement("div");
          img.innerHTML = '<img src="data:," onerror="window.handlerRan = true">';
          document.body.appendChild(img);
          return new Promise(resolve => setTimeout(
            () => resolve({script: window.injectedRan === true, handler: window.handlerRan === true}), 200));
        }"""
    )
    assert ran == {"script": False, "handler": False}
    assert any("script-src" in v for v in violations), violations
    assert Article.objects.count() == 1
