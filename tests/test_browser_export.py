"""Downloads of a list in a real browser (Debian's chromium through Playwright), issue 14.4: a reader filters
the articles, clicks "CSV" and gets every article of the filter, not only the page shown.

Run with `pytest -m browser`. Reuses the browser fixtures of tests/test_browser.py. Every outlet, person and
article here is invented."""

import csv
import datetime
import io

import pytest

from tests.conftest import make_article, make_person, make_source
from tests.test_browser import browser, page, shoot  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def harbour_site(live_server):
    """Twenty-five articles of the Harbour Gazette (two pages of cards), one of the Valley Courier."""
    gazette, courier = make_source("Harbour Gazette"), make_source("Valley Courier")
    ines = make_person("Ines Varga", description="Harbour workers' union")
    for day in range(25):
        make_article(
            headline=f"Quay notes, day {day + 1}",
            source=gazette,
            published=datetime.date(2025, 3, 1) + datetime.timedelta(days=day),
            body_text=f"The cranes stood still on day {day + 1}.\n\nThe night shift, too.",
            quotes=[(ines, f"Day {day + 1} and we are still here")],
        )
    make_article(headline="Ferry fares rise", source=courier, published=datetime.date(2025, 3, 2))
    return {"url": live_server.url, "gazette": gazette}


def test_filtered_articles_download_as_csv_with_every_row(page, harbour_site):  # noqa: F811
    site = harbour_site["url"]
    page.goto(site + "/articles/")
    page.get_by_label("Outlet").select_option(label="Harbour Gazette")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/articles/?*source=harbour-gazette*")
    assert "25 articles" in page.locator(".result-count").inner_text()
    shoot(page, "articles-download")

    with page.expect_download() as started:
        page.locator(".downloads").get_by_role("link", name="CSV").click()
    download = started.value
    assert download.suggested_filename == "articles.csv"
    with open(download.path(), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    # Every article of the filter (the page showed 20), newest first, each with its id and its page.
    assert [r["headline"] for r in rows] == [f"Quay notes, day {day}" for day in range(25, 0, -1)]
    assert {r["source"] for r in rows} == {"Harbour Gazette"}
    assert rows[0]["body"] == "The cranes stood still on day 25.\n\nThe night shift, too."
    page.goto(rows[0]["archive_url"])
    assert page.locator("h1").inner_text() == "Quay notes, day 25"


def test_a_person_quotations_download_as_json_lines_from_their_page(page, harbour_site):  # noqa: F811
    import json

    page.goto(harbour_site["url"] + "/people/ines-varga/")
    with page.expect_download() as started:
        page.locator(".downloads").get_by_role("link", name="JSON Lines").click()
    download = started.value
    assert download.suggested_filename == "quotations.jsonl"
    with open(download.path(), encoding="utf-8") as f:
        rows = [json.loads(line) for line in io.StringIO(f.read())]
    assert len(rows) == 25 and rows[0]["text"] == "Day 25 and we are still here"
    assert {r["speaker"] for r in rows} == {"Ines Varga"} and all(r["id"] and r["archive_url"] for r in rows)
