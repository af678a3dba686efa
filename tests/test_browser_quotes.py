"""Quotation pages and quotation search in a real browser (Debian's chromium through Playwright), issue 14.1/14.2.

Run with `pytest -m browser`. Reuses the browser fixtures of tests/test_browser.py. Everyone and every
outlet here is invented; the quotations are our own writing.
"""

import datetime

import pytest

from tests.conftest import make_article, make_person, make_source
from tests.test_browser import browser, page, shoot  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = "We will not go back to the quay without a signed contract"


@pytest.fixture
def wire_site(live_server):
    """A union leader's words first printed by the Harbour Gazette (deep in a long article), carried two
    days later by the Valley Courier, and a quotation of hers about the mayor."""
    ines = make_person("Ines Varga", description="Harbour workers' union")
    selim = make_person("Selim Erdoğlu", description="Mayor of Port Ardent")
    gazette, courier = make_source("Harbour Gazette"), make_source("Valley Courier")
    filler = "\n\n".join(f"Paragraph {i} about tides, cranes and the night shift at the quay." for i in range(40))
    original = make_article(
        headline="Dockers vote to stay out",
        source=gazette,
        published=datetime.date(2025, 3, 3),
        body_text=f"{filler}\n\nVarga spoke after the vote. “{WORDS},” she said.\n\nThe meeting ended late.",
        quotes=[(ines, WORDS)],
    )
    make_article(
        headline="Union holds the line",
        source=courier,
        published=datetime.date(2025, 3, 5),
        body_text=f"“{WORDS.lower()}!” Varga told reporters.",
        quotes=[(ines, f"{WORDS.lower()}!")],
    )
    make_article(
        headline="Mayor misses the quay meeting",
        source=courier,
        published=datetime.date(2025, 3, 6),
        body_text="Erdoğlu stayed away. “The quay is not his to close,” Varga said.",
        quotes=[(ines, "The quay is not his to close")],
        people=[selim],
    )
    make_article(
        headline="Quay cleaning day",
        source=gazette,
        published=datetime.date(2025, 3, 7),
        body_text="“Bring gloves to the quay,” Varga said.",
        quotes=[(ines, "Bring gloves to the quay")],
    )
    return {"url": live_server.url, "original": original.quotes.get()}


def test_person_to_quotation_to_first_publication_scrolled_to_the_quote(page, wire_site):  # noqa: F811
    site = wire_site["url"]
    page.goto(site + "/people/ines-varga/")
    card = page.locator("figure.quote").filter(has_text="Union holds the line")
    assert "quoted in 2 outlets" in card.inner_text()
    card.get_by_role("link", name="Quotation page").click()
    page.wait_for_url("**/quotes/*/")
    assert page.locator(".quote-big blockquote").inner_text() == f"{WORDS.lower()}!"
    shoot(page, "quote-page")

    same = page.locator(".same-words")
    assert "1 other article carries these words, in 2 outlets" in same.inner_text()
    first = same.locator("li").first
    assert "first published" in first.inner_text()
    first.get_by_role("link", name="Dockers vote to stay out").click()

    original = wire_site["original"]
    page.wait_for_url(f"**/articles/{original.article_id}/*/#q-{original.pk}")
    target = page.locator("mark.quote-mark:target")
    assert target.inner_text() == WORDS
    # Scrolled to it (it is forty paragraphs down; smoothly, unless the reader asks for less motion) and
    # highlighted by the :target rule.
    page.wait_for_function(
        "() => { const r = document.querySelector('mark.quote-mark:target').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }"
    )
    assert page.evaluate("window.scrollY") > 1000
    assert target.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    shoot(page, "quote-in-article")


def test_quotation_search_by_speaker_and_mentioning(page, wire_site):  # noqa: F811
    site = wire_site["url"]
    page.goto(site + "/quotes/")
    page.get_by_label("Words said").fill("quay")
    page.get_by_label("Said by").fill("Ines Varga")
    page.get_by_label("Mentioning").fill("Selim Erdoğlu")
    page.get_by_role("button", name="Search quotations").click()
    page.wait_for_url("**/quotes/?q=quay**")
    assert page.locator(".result-count").inner_text() == "1 quotation"
    result = page.locator("figure.quote")
    assert result.locator("blockquote").inner_text() == "The quay is not his to close"
    assert result.locator("mark").inner_text() == "quay"
    filters = page.locator(".active-filters").inner_text()
    assert "Said by: Ines Varga" in filters and "Mentioning: Selim Erdoğlu" in filters
    shoot(page, "quote-search")

    # Without the mentioning filter, all three of her quotations about the quay, in the speaker facet too.
    page.locator(".active-filters li", has_text="Mentioning").get_by_role("link", name="Remove this filter").click()
    page.wait_for_url("**/quotes/?**")
    assert page.locator(".result-count").inner_text() == "4 quotations"
    facet = page.locator(".facets", has_text="Said by")
    assert facet.locator("li").first.inner_text().split() == ["Ines", "Varga", "4"]
