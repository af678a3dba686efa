"""axe-core on the public pages (issue 14, "no WCAG A/AA violation"), in Debian's chromium through Playwright.

axe-core comes with axe-playwright-python (requirements-dev.txt), which carries axe.min.js inside its wheel:
`make test` installs it with the rest, and nothing is fetched when the tests run. Each page is checked with
the WCAG 2.0 and 2.1 A and AA rules, at the desktop width and at a phone's (the layout changes: the filters
fold, the columns stack), and a failure lists every violation: rule, the elements it found, and what to fix.

Everyone and every outlet here is invented (the `site` fixture of tests/test_browser.py, and the article
dated only by its month below). Run with `pytest -m browser`.
"""

from __future__ import annotations

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from articles.models import Article, DatePrecision, Quote
from tests.conftest import make_article
from tests.test_browser import ARTIFACTS, browser, page, site  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_A_AA}, "resultTypes": ["violations"]}


@pytest.fixture
def pages(site):  # noqa: F811
    """The address of each page checked, in the `site` archive with an approximately dated article added."""
    article = Article.objects.get(headline="Harbour strike enters second week")
    make_article(
        headline="Harbour board looks back",
        source=article.source,
        published=datetime.date(2024, 4, 1),
        published_precision=DatePrecision.MONTH,
        body_text="“The cranes stay,” the board said in its yearly note.",
        quotes=[(None, "The cranes stay")],
    )
    quote = Quote.objects.get(article=article, person__slug="ines-varga")
    return {
        "home": "/",
        "article list": "/articles/?date_from=2024-04-15&sort=oldest",  # the month-only article first
        "search results": "/search/?q=harbour",
        "article": article.get_absolute_url(),
        "person": "/people/ines-varga/",
        "quotation": quote.get_absolute_url(),
        "quotation search": "/quotes/?q=contract&speaker=ines-varga",
        "source": article.source.get_absolute_url(),
        "topic": "/topics/transport/",
        # And the lists that lead to them, and a page with the filter form's errors.
        "people": "/people/",
        "outlets": "/sources/",
        "topics": "/topics/",
        "filter errors": "/articles/?date_from=2025-13-01&month=14",
    }


def violations(page) -> list[str]:  # noqa: F811
    """Each violation axe-core finds on the page, one line each: rule, where, what to do."""
    found = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {', '.join(' '.join(n['target']) for n in v['nodes'])} — {v['help']}"
        for v in found
    ]


@pytest.mark.parametrize("name", ["home", "article list", "search results", "article", "person", "quotation",
                                  "quotation search", "source", "topic", "people", "outlets", "topics",
                                  "filter errors"])  # fmt: skip
def test_page_has_no_wcag_a_or_aa_violation(page, site, pages, name):  # noqa: F811
    found = {}
    for width in (1280, 390):  # loaded at each width: site.js folds the filters on a phone as the page loads
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site + pages[name])
        found[width] = violations(page)
        ARTIFACTS.mkdir(exist_ok=True)  # to look at: the fixes must not change how the pages look
        page.screenshot(path=str(ARTIFACTS / f"axe-{name.replace(' ', '-')}-{width}.png"), full_page=True)
    assert found == {1280: [], 390: []}, "\n".join(f"{w}px: {line}" for w, lines in found.items() for line in lines)


def test_person_suggestions_open_have_no_wcag_a_or_aa_violation(page, site):  # noqa: F811
    # The as-you-type list on /people/ (static/js/site.js): a combobox and its listbox of options.
    page.goto(site + "/people/")
    page.locator("#person-q").press_sequentially("Varg")
    page.locator("#person-suggestions [role=option]").first.wait_for()
    assert page.locator("#person-q").get_attribute("aria-expanded") == "true"
    assert violations(page) == []


def test_page_not_found_has_no_wcag_a_or_aa_violation(page, site):  # noqa: F811
    page.goto(site + "/articles/999999/nothing-here/")
    assert page.get_by_role("heading", level=1).is_visible()
    assert violations(page) == []
