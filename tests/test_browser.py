"""A reader in a real browser (Debian's chromium through Playwright), against live_server.

Run with `pytest -m browser`. If chromium is missing these tests FAIL: the site's keyboard
and layout promises are only checked here.
"""

import datetime
import os
import shutil
from pathlib import Path

import pytest

from articles.models import Alias
from tests.conftest import make_article, make_person, make_source, make_topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.fail(f"Browser tests need Debian's chromium at {CHROMIUM}: install it with `apt-get install chromium`.")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # live_server + Playwright's sync API
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def site(live_server):
    """A fictional archive with enough harbour articles for two pages of results."""
    gazette, courier = make_source("Harbour Gazette"), make_source("Valley Courier")
    ines = make_person("Ines Varga", description="Harbour workers' union")
    selim = make_person("Selim Erdoğlu", description="Mayor of Port Ardent")
    Alias.objects.create(person=selim, name="Mayor Erdoglu")
    transport = make_topic("Transport")
    day = datetime.date(2025, 3, 10)
    make_article(
        headline="Harbour strike enters second week",
        source=gazette,
        published=day,
        byline="Mara Quill",
        body_text="Dock workers kept the harbour closed.\n\nThe ferry timetable was cut again.",
        quotes=[(ines, "We will not go back without a contract"), (selim, "The port must reopen")],
        topics=[transport],
    )
    for i in range(24):
        make_article(
            headline=f"Harbour notes {i}",
            source=courier,
            published=day - datetime.timedelta(days=i + 1),
            body_text=f"Harbour traffic report number {i}.",
            people=[selim] if i % 2 else [],
        )
    return live_server.url


def shoot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
        # Nothing may stick out sideways at either width.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (name, width)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_reader_searches_filters_by_person_opens_article_and_follows_speaker(page, site):
    page.goto(site + "/")
    shoot(page, "home")
    page.get_by_label("Search articles, people and quotations").fill("harbour strike")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=harbour+strike")
    assert page.locator(".card").first.locator("h3").inner_text() == "Harbour strike enters second week"
    assert page.locator(".card mark").first.inner_text().lower() in ("harbour", "strike")
    shoot(page, "search")

    page.locator(".facets").get_by_role("link", name="Ines Varga").click()
    page.wait_for_url("**person=ines-varga**")
    assert page.locator(".active-filters").inner_text().startswith("Person: Ines Varga")

    page.get_by_role("link", name="Harbour strike enters second week").click()
    page.wait_for_url("**/articles/*/harbour-strike-enters-second-week/")
    assert page.get_by_role("heading", level=1).inner_text() == "Harbour strike enters second week"
    assert page.locator("mark.quote-mark").count() == 0 or page.locator("mark.quote-mark").first.is_visible()
    shoot(page, "article")

    page.locator(".quote figcaption").get_by_role("link", name="Selim Erdoğlu").click()
    page.wait_for_url("**/people/selim-erdoglu/")
    assert page.get_by_role("heading", level=1).inner_text() == "Selim Erdoğlu"
    assert page.locator(".chart svg rect").count() >= 1
    shoot(page, "person")


def test_reader_pages_through_results_keeping_the_query(page, site):
    page.goto(site + "/search/?q=harbour&sort=newest")
    assert page.locator(".result-count").inner_text() == "25 results · page 1 of 2"
    page.get_by_role("link", name="Next →").click()
    page.wait_for_url("**page=2")
    assert "q=harbour" in page.url and "sort=newest" in page.url
    assert page.locator(".card").count() == 5
    assert page.locator(".pagination [aria-current=page]").inner_text() == "2"


def test_keyboard_only_reader_reaches_content_through_the_skip_link(page, site):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # visible when focused
    page.keyboard.press("Enter")
    page.wait_for_url("**#main")  # (the fragment's navigation may land after press() returns: read it once it has)
    assert page.url.endswith("#main")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab lands inside the content, on the search box: the header is skipped.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    page.keyboard.type("ferry")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=ferry")
    # Focus is visible: the focused element gets an outline.
    page.keyboard.press("Tab")
    style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert style != "none"


def test_person_suggestions_appear_as_you_type(page, site):
    page.goto(site + "/people/")
    page.get_by_label("Find a person").press_sequentially("erdglu", delay=30)
    suggestion = page.locator("#person-suggestions a").first
    suggestion.wait_for()
    assert suggestion.inner_text().startswith("Selim Erdoğlu")
    shoot(page, "people")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/people/selim-erdoglu/")


def test_the_person_filter_offers_names_as_you_type_and_takes_the_name_chosen(page, site):
    page.goto(site + "/articles/")
    field = page.get_by_label("Person")
    field.press_sequentially("erdog", delay=30)
    option = page.locator("#person-names option").first
    option.wait_for(state="attached")
    assert option.get_attribute("value") == "Selim Erdoğlu"
    field.fill(option.get_attribute("value"))  # what choosing it from the browser's list does
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/articles/?*person=*")
    assert "Articles mentioning Selim Erdoğlu" in page.locator(".active-filter").inner_text()
    assert page.locator(".result-count").inner_text().startswith("13 articles")


def test_on_a_phone_the_article_list_comes_before_its_filters(browser, site):
    phone = browser.new_context(viewport={"width": 375, "height": 740})
    page = phone.new_page()
    page.goto(site + "/articles/")
    assert not page.locator(".filter-form").is_visible()
    assert page.locator(".card").first.is_visible()
    first_card_top = page.locator(".card").first.bounding_box()["y"]
    assert first_card_top < 740  # on the first screen
    page.locator(".filter-panel summary").click()
    page.locator("#id_source").select_option(label="Harbour Gazette")
    page.locator(".filter-form button[type=submit]").click()
    page.wait_for_url("**/articles/?*source=harbour-gazette*")
    assert page.locator(".card-title").all_inner_texts() == ["Harbour strike enters second week"]
    phone.close()


def test_on_a_phone_a_filter_to_correct_is_shown_open(browser, site):
    """Found by QA: on a phone, /quotes/?q=harbour&date_from=2017-13-45 said "From: Enter a valid date." above
    a folded filter panel, so the field to correct was out of sight until the reader found and opened it."""
    phone = browser.new_context(viewport={"width": 375, "height": 740})
    page = phone.new_page()
    for path in ("/quotes/?q=harbour&date_from=2017-13-45", "/articles/?year=twenty"):
        page.goto(site + path)
        assert page.locator(".errors").is_visible(), path
        assert page.locator(".filter-form [aria-invalid=true]").is_visible(), path
    page.goto(site + "/articles/?year=2025")  # valid: folded, the results first
    assert not page.locator(".filter-form").is_visible()
    phone.close()


def test_on_a_desktop_the_filters_are_open(page, site):
    page.goto(site + "/articles/")
    assert page.locator(".filter-form").is_visible()
