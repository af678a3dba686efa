"""Wire copies in a real browser (Debian's chromium through Playwright), issue 14.3: one story carried by
three outlets is one search result, "also published by 2 outlets", and its page lists the other copies.

Run with `pytest -m browser`. Reuses the browser fixtures of tests/test_browser.py; the story and the
outlets are the fiction of tests/test_wire_copies.py.
"""

import pytest

from articles.ingest import pipeline
from tests.test_browser import browser, page, shoot  # noqa: F401 - fixtures
from tests.test_wire_copies import BEACON, COURIER, LEDGER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def wire_story(live_server):
    report = pipeline.run_items([COURIER, LEDGER, BEACON], workers=1)
    assert report.created == 3 and not report.rejected
    return live_server.url


def test_search_shows_a_wire_story_once_and_its_page_lists_the_copies(page, wire_story):  # noqa: F811
    page.goto(wire_story + "/search/?q=Sellholm+ferry")
    cards = page.locator("article.card")
    assert cards.count() == 1
    card = cards.first
    assert COURIER.headline in card.inner_text()
    assert "also published by 2 outlets" in card.locator(".copies").inner_text()
    shoot(page, "wire-search")

    card.get_by_role("link", name=COURIER.headline).click()
    page.wait_for_url("**/articles/*/*/")
    copies = page.get_by_role("region", name="The same story elsewhere")
    links = copies.get_by_role("link")
    assert sorted(links.all_inner_texts()) == sorted([LEDGER.headline, BEACON.headline])
    assert "Northfield Ledger" in copies.inner_text() and "Harrow Beacon" in copies.inner_text()

    # From a copy, the list shows the first publication and the other copy.
    copies.get_by_role("link", name=BEACON.headline).click()
    page.wait_for_url("**/articles/*/cracked-ramp-stops-island-ferry/")
    others = page.get_by_role("region", name="The same story elsewhere").get_by_role("link").all_inner_texts()
    assert others == [COURIER.headline, LEDGER.headline]  # first published first
    shoot(page, "wire-copy-page")
