"""The reported stored XSS (issue 11.1), in a real browser: a crafted link from ingested JSON and
from an editor's body reaches the public article page with no event handler on any element.

The page's Content-Security-Policy would also stop an inline handler, so the test looks at the DOM
the browser built (what the sanitiser let through), not only at whether script ran.
"""

import json

import pytest

from articles.ingest import pipeline
from articles.ingest.formats import Options
from articles.models import Article
from tests.test_browser import browser, page  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAYLOAD = (
    '<p>Tide tables <a href="https://port.example/" title="rel=&quot;x&quot; >" '
    'onmouseover="window.pwned=1">here</a>.</p>'
)

HANDLERS = """() => [...document.querySelectorAll('*')].flatMap(
    el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))"""


def _check(page, url):  # noqa: F811
    page.goto(url)
    page.hover("article a[title]")
    assert page.evaluate(HANDLERS) == []
    assert page.evaluate("() => window.pwned === undefined")
    link = page.locator("article a[title]")
    assert link.get_attribute("rel") == "nofollow noopener"
    assert link.get_attribute("title") == 'rel="x" >'


def test_a_crafted_link_from_ingested_json_carries_no_handler_on_the_page(live_server, page, tmp_path):  # noqa: F811
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"headline": "Tide tables changed", "body_html": PAYLOAD}) + "\n")
    assert pipeline.run([str(path)], Options(), workers=1).rejected == []
    _check(page, live_server.url + Article.objects.get().get_absolute_url())


def test_a_crafted_link_in_an_editors_body_carries_no_handler_on_the_page(live_server, page, admin_user):  # noqa: F811
    from django.test import Client

    from articles.models import Source

    client = Client()
    client.force_login(admin_user)
    outlet = Source.objects.create(name="Valley Courier", slug="valley-courier")
    response = client.post(
        "/admin/articles/article/add/",
        {
            "headline": "Tide tables changed",
            "source": outlet.pk,
            "published": "2025-03-01",
            "body_html": PAYLOAD,
            "quotes-TOTAL_FORMS": "0",
            "quotes-INITIAL_FORMS": "0",
            "mentions-TOTAL_FORMS": "0",
            "mentions-INITIAL_FORMS": "0",
            "topic_links-TOTAL_FORMS": "0",
            "topic_links-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    _check(page, live_server.url + Article.objects.get().get_absolute_url())
