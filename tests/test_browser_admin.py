"""An editor at work in a real browser (Debian's chromium through Playwright), against live_server.

Run with `pytest -m browser`. Reuses the browser fixtures of tests/test_browser.py.
"""

import pytest

from articles.models import Article
from tests.conftest import make_person, make_source
from tests.test_admin import staff
from tests.test_browser import browser, page  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pick(tab, field: str, typed: str, choice: str) -> None:
    """Choose `choice` in the admin's autocomplete (select2) for the field whose row class is `field`."""
    tab.locator(f"{field} .select2-selection").first.click()
    tab.locator(".select2-search__field").last.fill(typed)
    tab.locator(".select2-results__option", has_text=choice).first.click()


def test_editor_enters_an_article_with_a_quotation_and_it_shows_with_the_speaker_linked(page, live_server):  # noqa: F811
    staff("Editors", "mara", password="harbour-desk-7")
    make_source("Valley Courier")
    ines = make_person("Ines Varga", description="Harbour workers' union")

    page.goto(live_server.url + "/admin/articles/article/add/")
    page.fill("#id_username", "mara")
    page.fill("#id_password", "harbour-desk-7")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/articles/article/add/")

    page.fill("#id_headline", "Ferry crews accept new rota")
    page.fill(
        "#id_body_html", "<p>The ferry crews voted on Friday.</p><p>“We can live with this rota,” said Ines Varga.</p>"
    )
    page.fill("#id_published", "2025-04-04")
    pick(page, ".field-source", "Valley", "Valley Courier")
    page.fill("#id_quotes-0-text", "We can live with this rota,")
    pick(page, "#quotes-0 .field-person", "Varga", "Ines Varga")
    page.fill("#id_quotes-0-speaker_as_written", "Ines Varga")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    article = Article.objects.get()
    assert article.source.name == "Valley Courier"
    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator("h1").inner_text() == "Ferry crews accept new rota"
    speaker = page.locator("figure.quote figcaption a", has_text="Ines Varga").first
    assert speaker.get_attribute("href") == ines.get_absolute_url()
    assert "We can live with this rota" in page.locator("figure.quote blockquote").first.inner_text()
