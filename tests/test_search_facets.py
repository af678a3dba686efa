"""The facets' links on /search/: built once per page (articles.search.facets.facet_links), they must be the
links {% querystring name=value page=None %} writes, which the page used before."""

import pytest
from django.http import QueryDict
from django.template import Context, Template
from django.utils.html import escape

from articles.search.facets import facet_links


@pytest.mark.parametrize(
    "query",
    [
        "q=ferry",
        "q=ferry&page=3&sort=newest",
        "page=2&q=%22cost+of+living%22+-strike&source=port-post",
        "q=K%C3%B6rber+%26+S%C3%B8n&year=2024&person=ana-vel&topic=harbours",
        "source=a&source=b&q=x&language=de",  # a parameter given twice becomes the one value
        "",
    ],
)
def test_facet_links_are_what_the_querystring_tag_writes(query):
    counts = {
        "source": [{"value": "valley-courier", "label": "Valley Courier", "n": 2}],
        "person": [{"value": "mira-holt", "label": "Mira Holt", "n": 1}],
        "topic": [{"value": "ports-&-harbours", "label": "Ports", "n": 1}],
        "year": [{"value": 2025, "n": 3}, {"value": 2019, "n": 1}],
    }
    facet_links(QueryDict(query), counts)
    for name, rows in counts.items():
        for row in rows:
            tag = Template("{% querystring q page=None " + name + "=value %}")
            written = tag.render(Context({"q": QueryDict(query), "value": row["value"]}))
            assert escape(row["url"]) == written
