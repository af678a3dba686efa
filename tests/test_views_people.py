"""/people/ (A–Z and forgiving name search), /people/suggest/ (JSON) and /people/<slug>/."""

import datetime
import json
import re

import pytest
from django.db import connection, transaction
from django.urls import reverse
from django.utils import translation

from articles.models import Alias, Person
from articles.page_queries import _PERSON_PAGE_SQL
from articles.views import month_chart
from tests.conftest import make_article, make_person

pytestmark = pytest.mark.django_db


def names(client, **params):
    response = client.get(reverse("person_list"), params)
    assert response.status_code == 200, response.content[:800]
    return [person.name for person in response.context["page"]]


def test_index_is_alphabetical_and_by_letter(client, archive):
    assert names(client) == ["Ines Varga", "Selim Erdoğlu", "Tomasz Brell"]
    assert names(client, letter="T") == ["Tomasz Brell"]


@pytest.mark.parametrize("typed", ["Erdoglu", "erdoğlu", "Erdglu", "selim erdolgu", "ERDOGLU"])
def test_name_search_forgives_accents_case_and_typos(client, archive, typed):
    assert names(client, q=typed)[0] == "Selim Erdoğlu"


def test_name_search_finds_aliases(client):
    person = make_person("Oriane Kasselbrook")
    Alias.objects.create(person=person, name="Rani Kassel-Brook")
    make_person("Ori Anders")
    assert names(client, q="Rani Kasselbrok") == ["Oriane Kasselbrook"]


def test_closest_name_comes_first():
    for name in ["Mara Quill", "Mara Quillon", "Maro Quell"]:
        make_person(name)
    assert [p.name for p in Person.objects.matching_name("Mara Quill")][:1] == ["Mara Quill"]


def test_name_search_with_nothing_close_says_so(client, archive):
    response = client.get(reverse("person_list"), {"q": "Zzyzx Qwv"})
    assert list(response.context["page"]) == []
    assert b"Nobody by that name" in response.content


def test_suggest_endpoint_returns_json_for_the_script(client, archive):
    response = client.get(reverse("person_suggest"), {"q": "varg"})
    assert response.json() == {
        "results": [{"name": "Ines Varga", "description": "Harbour workers' union", "url": "/people/ines-varga/"}]
    }
    assert client.get(reverse("person_suggest"), {"q": "v"}).json() == {"results": []}
    assert client.get(reverse("person_suggest"), {"q": "\x00<script>"}).status_code == 200


@pytest.mark.parametrize("params", [{"letter": "ab"}, {"letter": "<"}, {"q": "a\x00"}])
def test_bad_index_parameters_are_a_400_page(client, archive, params):
    response = client.get(reverse("person_list"), params)
    assert response.status_code == 400
    assert b"could not be used" in response.content


def test_person_page_shows_role_aliases_quotations_articles_and_companions(client, archive):
    selim = archive["people"]["selim"]
    response = client.get(selim.get_absolute_url())
    html = response.content.decode()
    assert "Mayor of Port Ardent" in html
    assert "Also written: Mayor Erdoglu" in html
    quotes = [q.text for q in response.context["page"]]
    assert quotes == ["The port must reopen", "Rents are the first problem of this city"]  # newest first
    assert (
        '<a href="/articles/1/harbour-strike-enters-second-week/">'
        in html.replace(str(archive["articles"]["strike"].pk), "1", 1)
        or archive["articles"]["strike"].get_absolute_url() in html
    )
    assert [a.headline for a in response.context["articles"]] == [
        "Harbour strike enters second week",
        "Council debates rent caps",
    ]
    assert {p.name: p.together for p in response.context["named_with"]} == {"Ines Varga": 1, "Tomasz Brell": 1}
    assert 'href="/people/selim-erdoglu/feed/"' in html and 'type="application/atom+xml"' in html


def test_person_page_chart_counts_articles_per_month(client, archive):
    response = client.get(archive["people"]["tomasz"].get_absolute_url())
    chart = response.context["chart"]
    assert len(chart["bars"]) == 12  # at least a year on the axis
    assert [(b["month"], b["count"]) for b in chart["bars"]][-3:] == [
        (datetime.date(2025, 1, 1), 1),
        (datetime.date(2025, 2, 1), 0),
        (datetime.date(2025, 3, 1), 1),
    ]
    assert chart["bars"][0]["month"] == datetime.date(2024, 4, 1)
    assert b"<svg" in response.content and b"<title>January 2025: 1</title>" in response.content


def test_person_page_chart_numbers_are_never_localised(client, archive):
    """The bars' coordinates stay as SVG reads them in any language: "48.0", never "48,0"."""
    with translation.override("de"):
        html = client.get(archive["people"]["tomasz"].get_absolute_url()).content.decode()
    rects = re.findall(r'<rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"><title>([^<]+)</title>', html)
    assert len(rects) == 12
    assert all(re.fullmatch(r"\d+\.\d", number) for rect in rects for number in rect[:4]), rects
    assert rects[-3][4] == "Januar 2025: 1"  # the month in the reader's language


def test_month_chart_scales_to_the_busiest_month_and_keeps_the_last_months():
    series = [(datetime.date(2020 + m // 12, m % 12 + 1, 1), m) for m in range(1, 50)]
    chart = month_chart(series, months=12, height=100)
    assert len(chart["bars"]) == 12
    assert chart["bars"][-1]["height"] == 100 and chart["bars"][-1]["count"] == 49
    assert chart["bars"][0]["month"] == datetime.date(2023, 3, 1)
    assert chart["bars"][0]["label"] == "March 2023"
    assert month_chart([]) is None


def test_unknown_person_is_404(client, archive):
    assert client.get("/people/nobody-at-all/").status_code == 404


@pytest.mark.parametrize("size", [3, 30])
def test_person_pages_query_budget(client, grow_archive, django_assert_max_num_queries, size):
    person = grow_archive(size)[0].quotes.get().person
    # person with aliases, articles and quote count, quotes with their outlet counts, named with, topics quoted on,
    # chart = 5
    with django_assert_max_num_queries(5):
        assert client.get(person.get_absolute_url()).status_code == 200
    # count, rows, aliases = 3
    with django_assert_max_num_queries(3):
        assert client.get(reverse("person_list"), {"q": person.name}).status_code == 200
    with django_assert_max_num_queries(1):
        client.get(reverse("person_suggest"), {"q": person.name})


def test_quotation_pages(client):
    speaker = make_person("Oriane Kasselbrook")
    for i in range(23):
        make_article(
            headline=f"Item {i}",
            published=datetime.date(2024, 1, 1) + datetime.timedelta(days=i),
            quotes=[(speaker, f"Saying {i}")],
        )
    response = client.get(speaker.get_absolute_url(), {"page": "2"})
    assert [q.text for q in response.context["page"]] == ["Saying 2", "Saying 1", "Saying 0"]
    assert client.get(speaker.get_absolute_url(), {"page": "x"}).context["page"].number == 1


def _scans(plan: dict) -> set[tuple[str, str]]:
    """(node type, index) of every index scan in an EXPLAIN (FORMAT JSON) plan."""
    found = {(plan["Node Type"], plan["Index Name"])} if "Index Name" in plan else set()
    for child in plan.get("Plans", []):
        found |= _scans(child)
    return found


@pytest.mark.django_db(transaction=True)
def test_person_page_walks_read_the_index_alone():
    # The walks skip repeated rows (a wire copy's); with `repeated` in the indexes they need no heap page a row,
    # which was most of a first visit at 1M articles (migration 0042).
    person = make_person("Oriane Kasselbrook")
    for day in range(1, 4):
        make_article(published=datetime.date(2024, 5, day), quotes=[(person, f"Words number {day} of hers.")])
    # Vacuumed, as a served archive's tables are: an index-only scan is costed by the share of the table's pages
    # marked all-visible, which inside a test's transaction was whatever autovacuum had last left in pg_class
    # (once an Index Scan was chosen). VACUUM needs a connection outside a transaction, hence transaction=True.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE articles_mention, articles_quote, articles_person")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a few rows: the planner would read the tables whole
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN (FORMAT JSON) {_PERSON_PAGE_SQL}", {"slug": person.slug, "latest": 10, "cap": 1000})
        plan = cursor.fetchone()[0]
    scans = _scans((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"])
    assert ("Index Only Scan", "mention_person_published_idx") in scans
    assert ("Index Only Scan", "quote_person_published_idx") in scans
