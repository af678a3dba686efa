"""/search/ and search(SearchRequest): websearch syntax, bounded ranking, escaped snippets, facets, the
person card, suggestions, the time limit, and the same answer whichever pass the estimates choose.

Everything goes through the entry point, search(SearchRequest), or through the page. Tests that need
a particular pass set the planner's thresholds (module constants) and tell which pass ran from the
statements PostgreSQL received (sent_passes()).
"""

import contextlib
import datetime
import re

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import NEWEST_FIRST, OLDEST_FIRST, Article, Mention, Person
from articles.search import SearchRequest, api, clean_query, estimates, planner, search
from tests.conftest import make_article, make_person, make_source, make_topic

UNDATED_LAST = (F("published").asc(nulls_last=True), F("id").asc())  # sort=oldest (issue 14.6)

pytestmark = pytest.mark.django_db


def results(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200, response.content[:500]
    return response, [hit.article.headline for hit in response.context["results"].hits]


def headlines(result) -> list[str]:
    return [hit.article.headline for hit in result.hits]


# The passes that fetch the first matches (articles/search/plans.py), by what their SQL holds.
PASSES = {
    "index": "WITH matches (id, published, source_id, copy_outlets, tid) AS MATERIALIZED",
    "topic in date order": "WITH facet AS MATERIALIZED",
    "mentions": "FROM articles_mention w",
    "topic links": "FROM articles_article_topics w",
    "walk": 'SELECT "articles_article"."id" AS "pk", "articles_article"."published" AS "published", "articles_source"',
}


def sent_passes(queries) -> list[str]:
    """The passes the database was sent, in order, from CaptureQueriesContext's statements."""
    return [name for query in queries for name, marker in PASSES.items() if marker in query["sql"]]


def searched(**fields):
    """search(SearchRequest(**fields)), and the passes it sent."""
    with CaptureQueriesContext(connection) as sent:
        result = search(SearchRequest(**fields))
    return result, sent_passes(sent.captured_queries)


def analyze():
    """Real planner statistics for what the test stored (ANALYZE sees the test's own rows), read
    afresh by the planner's date windows."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article, articles_mention, articles_article_topics")


@pytest.fixture(autouse=True)
def fresh_statistics(monkeypatch):
    monkeypatch.setattr(estimates, "STATS_TTL", 0)  # no statistics kept from another test


@contextlib.contextmanager
def out_of_time(times: int):
    """The next `times` searches run out of time: after the search sets its statement timeout, its
    next statement is preceded by one that sleeps past it, which PostgreSQL cancels (SQLSTATE 57014)."""
    left = [times]
    armed = [False]

    def wrapper(execute, sql, params, many, context):
        if "set_config('statement_timeout'" in sql:
            armed[0], left[0] = left[0] > 0, left[0] - 1
        elif armed[0]:
            armed[0] = False
            execute("SELECT pg_sleep(2)", None, many, context)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield


# --- search(), without HTTP ----------------------------------------------------------------


def test_snippets_escape_the_text_before_marking_matches():
    make_article(headline="Notes", body_text="fares < 5 & > 2 at the harbour")
    (hit,) = search(SearchRequest(text="harbour")).hits
    assert hit.snippet == "fares &lt; 5 &amp; &gt; 2 at the <mark>harbour</mark>"


def test_snippets_cannot_inject_markup_that_ts_headline_lets_through():
    # ts_headline keeps "<img …>" after a stray "<b and c>", unescaped.
    make_article(body_text="Harbour notes: a<b and c>d <img src=x onerror=alert(1)> end.")
    (hit,) = search(SearchRequest(text="harbour")).hits
    assert "<img" not in hit.snippet
    assert "&lt;img src=x onerror=alert" in hit.snippet
    assert "<mark>Harbour</mark>" in hit.snippet


def test_snippets_are_computed_for_the_page_shown_only():
    articles = [make_article(body_text=f"harbour {i}") for i in range(23)]
    with CaptureQueriesContext(connection) as sent:
        result = search(SearchRequest(text="harbour", page=2))
    assert [len(hit.snippet) > 0 for hit in result.hits] == [True] * 3
    (headline_query,) = [q["sql"] for q in sent.captured_queries if "ts_headline" in q["sql"]]
    ids = {int(pk) for pk in re.search(r"\.id = ANY\(ARRAY\[([^]]*)\]", headline_query).group(1).split(",")}
    assert ids == {hit.article.pk for hit in result.hits}
    assert len(articles) == 23


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  harbour\x00 strike\n", ("harbour strike", False)),
        ("\x00", ("", False)),
        ("word " * 2000, (("word " * 40).strip(), True)),
    ],
)
def test_clean_query_drops_control_characters_and_cuts_long_queries(raw, expected):
    assert clean_query(raw) == expected


@pytest.mark.parametrize("junk", ["&&&", '"""', "-", "the", "!!"])
def test_queries_without_search_words_are_recognised(junk):
    make_article(headline="The harbour", body_text="the - !! &&&")
    result = search(SearchRequest(text=junk))
    assert result.hits == [] and not result.searchable


def test_a_request_with_an_unknown_order_is_refused():
    with pytest.raises(ValueError, match="sort"):
        SearchRequest(text="harbour", sort="random")


def test_search_ranks_headline_matches_first():
    in_body = make_article(headline="Council news", body_text="Something about lighthouses.")
    in_headline = make_article(headline="Lighthouses reopen", body_text="The council voted.")
    found = search(SearchRequest(text="lighthouse"))
    assert [hit.article.pk for hit in found.hits] == [in_headline.pk, in_body.pk]
    assert [article.pk for article in found.page] == [in_headline.pk, in_body.pk]


def test_search_counts_and_ranks_a_bounded_set(monkeypatch):
    monkeypatch.setattr(api, "CAP", 5)
    for i in range(7):
        make_article(headline=f"Ferry {i}", body_text="ferry")
    found = search(SearchRequest(text="ferry"))
    assert found.capped
    assert found.total == 5
    assert sum(row["n"] for row in found.facets["source"]) == 5


# --- the page -----------------------------------------------------------------------------


def test_websearch_syntax_phrases_and_exclusions(client, archive):
    _, headlines = results(client, q='"ferry timetable" -strike')
    assert headlines == ["New ferry timetable published"]
    _, headlines = results(client, q="rents or strike", sort="newest")
    assert headlines == ["Harbour strike enters second week", "Council debates rent caps"]


def test_accents_and_stems_are_forgiven(client, archive):
    _, headlines = results(client, q="erdoglu")
    assert "Council debates rent caps" in headlines
    _, headlines = results(client, q="strikes")
    assert headlines == ["Harbour strike enters second week"]


def test_snippet_marks_the_matched_words(client, archive):
    response, _ = results(client, q="timetable", sort="newest")
    assert b"<mark>timetable</mark>" in response.content


def test_article_with_script_text_cannot_inject_it(client):
    make_article(headline="Notes", body_text="harbour <script>alert('x')</script> a<b c>d <script src=//evil.example>")
    response, headlines = results(client, q="harbour")
    assert headlines == ["Notes"]
    assert b"<script>alert" not in response.content
    assert b"evil.example>" not in response.content.replace(b"&gt;", b"")


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_each_order_is_offered_and_applied(client, archive, sort):
    _, headlines = results(client, q="ferry or harbour or rents", sort=sort)
    dated = [h for h in headlines if h != "Letters to the editor"]
    newest = ["Harbour strike enters second week", "Council debates rent caps", "New ferry timetable published"]
    if sort == "newest":
        assert dated == newest
    elif sort == "oldest":
        assert dated == newest[::-1]
    else:
        assert set(dated) == set(newest)


def test_filters_without_words_offer_newest_and_oldest_first(client, archive):
    """Found by QA: /search/ with an outlet and no words listed its articles with no "Order:" line, so they could be
    re-sorted only by editing the URL; without words there is nothing to rank, so newest and oldest first are
    offered, the one shown marked (also for a kept sort=relevance), and oldest first is applied."""
    response, headlines = results(client, source="valley-courier", sort="relevance")
    html = response.content.decode()
    assert '<strong aria-current="true">Newest first</strong>' in html
    assert "sort=oldest" in html and "Best match" not in html
    _, oldest = results(client, source="valley-courier", sort="oldest")
    dated = [h for h in headlines if h != "Letters to the editor"]
    assert [h for h in oldest if h != "Letters to the editor"] == dated[::-1] and len(dated) > 1


def test_facets_count_and_combine(client, archive):
    response, _ = results(client, q="ferry")
    facets = response.context["results"].facets
    assert {row["label"]: row["n"] for row in facets["source"]} == {"Valley Courier": 2, "Harbour Gazette": 1}
    _, headlines = results(client, q="ferry", source="valley-courier", year=2025)
    assert headlines == ["New ferry timetable published"]
    _, headlines = results(client, q="ferry", source="valley-courier", topic="transport", person="tomasz-brell")
    assert headlines == ["New ferry timetable published"]


def test_facet_links_keep_the_query_and_other_filters(client, archive):
    response, _ = results(client, q="ferry", year=2025)
    assert b'href="?q=ferry&amp;year=2025&amp;source=valley-courier"' in response.content


def test_query_naming_a_person_shows_their_card_with_latest_quotation(client, archive):
    response, _ = results(client, q="selim erdoglu")
    card = response.context["results"]
    assert card.person == archive["people"]["selim"]
    assert card.person_quote.text == "The port must reopen"
    assert b'href="/search/?person=selim-erdoglu"' in response.content


def test_alias_also_finds_the_person_card(client, archive):
    response, _ = results(client, q="Mayor Erdoglu")
    assert response.context["results"].person == archive["people"]["selim"]


def test_a_surname_alone_shows_the_card_of_the_only_person_of_that_name(client, archive):
    response, _ = results(client, q="Brell")
    assert response.context["results"].person == archive["people"]["tomasz"]
    response, _ = results(client, q="erdoglu")  # Erdoğlu, accent left out
    assert response.context["results"].person == archive["people"]["selim"]
    make_person("Agata Brell")
    response, _ = results(client, q="brell")
    assert response.context["results"].person is None  # two Brells: no guessing


def test_everything_about_a_person_lists_articles_mentioning_them(client, archive):
    _, headlines = results(client, person="tomasz-brell")
    assert headlines == ["Harbour strike enters second week", "New ferry timetable published"]


def test_no_result_suggests_a_close_person_and_dropping_a_filter(client, archive):
    response, headlines = results(client, q="Ines Vargaa", source="valley-courier")
    assert headlines == []
    assert response.context["results"].suggestions == [archive["people"]["ines"]]
    assert b"Try without the source filter" in response.content
    assert b'href="?q=Ines+Vargaa"' in response.content


@pytest.mark.parametrize(
    "q",
    [
        "",
        "&&&",
        '"""',
        "-",
        "北京 上海",
        "Москва",
        "x" * 10000,
        "word " * 2000,
        "a\x00b",
        "'; DROP TABLE articles_article; --",
        "<script>alert(1)</script>",
        "!(&|:*)",
    ],
)
def test_odd_queries_get_a_friendly_page(client, archive, q):
    response = client.get(reverse("search"), {"q": q})
    assert response.status_code in (200, 400)
    assert b"Search" in response.content
    assert Article.objects.count() == 4


def test_junk_query_explains_there_is_nothing_to_search(client, archive):
    response, _ = results(client, q="&&&")
    assert b"no words we can look for" in response.content


def test_very_long_query_is_shortened_and_said_so(client, archive):
    response, _ = results(client, q="harbour " * 1000)
    assert b"first 200 characters" in response.content


def test_more_than_the_cap_shows_a_plus(client, monkeypatch):
    monkeypatch.setattr(api, "CAP", 3)
    for i in range(5):
        make_article(headline=f"Ferry {i}", body_text="ferry")
    response, headlines = results(client, q="ferry")
    assert len(headlines) == 3
    assert b"3+ results" in response.content


def test_pages_keep_the_query_and_filters(client):
    source = make_source("Port Post")
    for i in range(25):
        make_article(headline=f"Ferry {i}", body_text="ferry", source=source)
    response, headlines = results(client, q="ferry", source="port-post", sort="newest", page=2)
    assert len(headlines) == 5
    assert b'href="?q=ferry&amp;source=port-post&amp;sort=newest&amp;page=1"' in response.content


@pytest.mark.parametrize("size", [3, 30])
def test_search_page_query_budget(client, grow_archive, django_assert_max_num_queries, size):
    articles = grow_archive(size)
    person = articles[0].quotes.get().person
    # filter validation (source, person) 2; savepoint, time limit and release 3; the person's name
    # has words 1; estimate 1; ids 1; page rows with snippets 1; facets 1; person card 1 = 11.
    with django_assert_max_num_queries(11):
        response = client.get(
            reverse("search"), {"q": f"harbour {person.name}", "source": articles[0].source.slug, "person": person.slug}
        )
    assert response.status_code == 200
    assert response.context["results"].total >= 1


def test_no_results_page_query_budget(client, grow_archive, django_assert_max_num_queries):
    grow_archive(3)
    with django_assert_max_num_queries(10):
        client.get(reverse("search"), {"q": "zzzzqqq"})


def test_fictional_person_name_typo_suggests_them(client):
    make_person("Oriane Kasselbrook")
    make_article(headline="Budget", body_text="nothing")
    response, _ = results(client, q="Oriane Kaselbrok")
    assert [p.name for p in response.context["results"].suggestions] == ["Oriane Kasselbrook"]


# --- the time limit: a cheaper pass, or nothing, and the reader told ------------------------


def test_search_that_runs_out_of_time_shows_partial_newest_results(client, monkeypatch):
    # The full plan is cancelled by PostgreSQL; the fallback answers with the newest FALLBACK_CAP
    # matches, unranked: the best match ("Ferry ferry ferry", the oldest) is not among them.
    monkeypatch.setattr(api, "FALLBACK_CAP", 2)
    day = datetime.date(2024, 5, 1)
    make_article(headline="Ferry ferry ferry", body_text="ferry ferry", published=day)
    for i in range(1, 4):
        make_article(headline=f"Ferry news {i}", body_text="ferry", published=day + datetime.timedelta(days=i))
    with out_of_time(1):
        response, headlines = results(client, q="ferry")
    found = response.context["results"]
    assert found.partial and found.capped and found.total == 2
    assert headlines == ["Ferry news 3", "Ferry news 2"]
    assert b"only some of the matches" in response.content
    assert results(client, q="ferry")[1][0] == "Ferry ferry ferry"  # in time: ranked, best first


def test_search_whose_fallback_also_times_out_still_answers(client):
    make_article(headline="Ferry news", body_text="ferry")
    with out_of_time(2):
        response, headlines = results(client, q="ferry")
    assert response.context["results"].partial
    assert headlines == []
    assert b"only some of the matches" in response.content
    # Out of time is not "nothing matches": the reader is told so, and how to narrow.
    assert b"No article matches" not in response.content
    assert b"this does not mean there are none" in response.content


# --- plan choice: the same answer whichever pass the estimate picks -------------------------


@pytest.mark.parametrize(("threshold", "expected"), [(0, "walk"), (10**9, "index")])
@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_both_plans_give_the_same_results(client, monkeypatch, threshold, expected, sort):
    person = make_person("Ada Quayle")
    for i in range(30):
        make_article(
            headline=f"Ferry {i}" if i % 3 else f"Ferry ferry {i}",
            body_text="ferry crossing",
            published=datetime.date(2020, 1, 1) + datetime.timedelta(days=i * 7 % 50),
            people=[person] if i % 2 else [],
        )
    make_article(headline="Harbour", body_text="no crossing here", people=[person])
    monkeypatch.setattr(planner, "BITMAP_MAX_ESTIMATE", threshold)  # always walk by date / always collect
    monkeypatch.setattr(
        planner, "_walk_links_pays", lambda *args, **kwargs: False
    )  # never their mentions (tested below)
    everything, sent = searched(text="ferry", sort=sort)
    assert sent == [expected]
    with_person, sent = searched(text="ferry", person=person, sort=sort)
    assert sent == [expected]
    everything, with_person = headlines(everything), headlines(with_person)
    expected = sorted(Article.objects.search("ferry"), key=lambda a: (a.published, a.pk), reverse=sort != "oldest")
    if sort != "relevance":
        assert everything == [a.headline for a in expected][:20]  # one page
        assert with_person == [a.headline for a in expected if a.mentions.filter(person=person).exists()]
    else:  # double "ferry" in the headline ranks first, then newest
        assert everything[:10] == [a.headline for a in expected if a.headline.startswith("Ferry ferry")]
    assert len(with_person) == 15


@pytest.mark.parametrize("name", ["Ada Quayle", "The Who"])  # the second is all stop words
def test_person_filter_finds_exactly_the_articles_mentioning_them(client, name):
    person, namesake = make_person(name), make_person(f"{name} Junior")
    named = make_article(headline="Ferry one", body_text="ferry", people=[person])
    make_article(headline="Ferry two", body_text=f"ferry, says {name} in passing")  # named, not mentioned
    make_article(headline="Ferry three", body_text="ferry", people=[namesake])
    _, headlines = results(client, q="ferry", person=person.slug)
    assert headlines == [named.headline]


@pytest.mark.parametrize(
    ("threshold", "year", "expected"),
    [  # 33 "ferry", 3 in the topic; the topic alone walks its links (fewer than the matches), with a year its
        # articles are sorted
        (0, None, "topic links"),
        (10, None, "topic links"),
        (10**9, None, "topic links"),
        (0, 2024, "walk"),
        (10, 2024, "topic in date order"),
        (10**9, 2024, "index"),
    ],
)
@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_topic_filter_intersects_the_words_matches(monkeypatch, threshold, year, expected, sort):
    topic = make_topic("Shipping")
    day = datetime.date(2024, 1, 1)
    inside = [
        make_article(headline=f"Ferry {i}", body_text="ferry", topics=[topic], published=day.replace(day=i + 1))
        for i in range(3)
    ]
    for i in range(30):
        make_article(headline=f"Ferry elsewhere {i}", body_text="ferry crossing", published=day)
    make_article(headline="Shipping news", body_text="no crossing", topics=[topic])
    analyze()
    monkeypatch.setattr(planner, "BITMAP_MAX_ESTIMATE", threshold)
    found, sent = searched(text="ferry", topic=topic, year=year, sort=sort)
    assert sent == [expected]
    assert headlines(found) == [a.headline for a in reversed(inside)]


def test_a_less_common_word_in_a_topic_alone_walks_its_links_when_that_reads_less(monkeypatch):
    # "ferry" in a third of the 90 articles, a fifth of them in the topic: collecting reads all 30 matches, walking
    # the topic's 18 links newest first stops at the first CAP + 1 (the whole topic, here). A rare word stays
    # collected. (A 4.7% word in the 14,698-article topic at 1M: collected, 285-383 ms, cut at the time limit.)
    monkeypatch.setattr(api, "CAP", 5)
    topic = make_topic("Shipping")
    for i in range(90):
        make_article(
            headline=f"Report {i}",
            body_text="ferry crossing" if i % 3 == 0 else ("a harbour strike" if i == 1 else "council budget"),
            published=datetime.date(2020, 1, 1) + datetime.timedelta(days=i),
            topics=[topic] if i % 5 == 0 or i == 1 else [],
        )
    analyze()
    found, sent = searched(text="ferry", topic=topic, sort="newest")
    assert sent == ["topic links"]
    assert headlines(found) == [f"Report {i}" for i in (75, 60, 45, 30, 15)]
    found, sent = searched(text="harbour", topic=topic)
    assert (sent, headlines(found)) == (["index"], ["Report 1"])


@pytest.mark.parametrize("sort", ["relevance", "oldest"])
def test_a_rare_word_in_a_topic_alone_is_collected_against_the_topics_links_only(sort):
    # The collected matches (wire copies left out on their rows) are kept when the topic links them: its links
    # alone are probed, not each match's article again through the facet's query (half the time of a name's
    # 16,961 matches in a topic at 1M articles).
    topic = make_topic("Shipping")
    day = datetime.date(2024, 1, 1)
    inside = [
        make_article(headline=f"Ferry {i}", body_text="ferry", topics=[topic], published=day.replace(day=i + 1))
        for i in range(3)
    ]
    undated = make_article(headline="Ferry undated", body_text="ferry", topics=[topic])  # the last of the oldest
    make_article(headline="Ferry copy", body_text="ferry", topics=[topic], copy_of=inside[0], published=day)
    make_article(headline="Ferry elsewhere", body_text="ferry", published=day)
    for i in range(30):
        make_article(headline=f"Shipping news {i}", body_text="cargo", topics=[topic], published=day)
    analyze()
    with CaptureQueriesContext(connection) as sent:
        found = search(SearchRequest(text="ferry", topic=topic, sort=sort))
    expected = [*inside, undated] if sort == "oldest" else [*reversed(inside), undated]
    assert headlines(found) == [a.headline for a in expected]
    collecting = [q["sql"] for q in sent.captured_queries if PASSES["index"] in q["sql"]][0]
    within = collecting.split("WHERE id IN (")[1].split(" ORDER BY")[0]
    assert '"articles_article_topics"' in within
    assert '"articles_article"' not in within.replace('"articles_article_topics"', "")


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_a_topic_alone_walks_its_links_by_date(monkeypatch, sort):
    # Each link carries its article's date (the database fills it, and follows a changed date), so a topic's
    # articles come newest (oldest) first from its links, not each read and sorted.
    topic = make_topic("Shipping")
    day = datetime.date(2024, 1, 1)
    ours = [
        make_article(
            headline=f"Ship {i}",
            body_text="a ship",
            topics=[topic],
            published=day + datetime.timedelta(days=i * 5 % 7) if i % 4 else None,
        )
        for i in range(9)
    ]
    make_article(headline="Elsewhere", body_text="a ship", published=day + datetime.timedelta(days=30))
    Article.objects.filter(pk=ours[1].pk).update(published=datetime.date(2030, 1, 1))
    Article.objects.filter(pk=ours[2].pk).update(published=datetime.date(2000, 1, 1))
    monkeypatch.setattr(api, "CAP", 5)
    found, sent = searched(topic=topic, sort=sort)
    assert set(sent) == {"topic links"}
    order = UNDATED_LAST if sort == "oldest" else NEWEST_FIRST
    assert headlines(found) == list(
        Article.objects.filter(topics=topic).order_by(*order).values_list("headline", flat=True)[:5]
    )


@pytest.mark.parametrize(("threshold", "expected"), [(10, "walk"), (100, "index")])
def test_a_word_common_in_the_archive_is_walked_by_date_within_an_outlet(monkeypatch, threshold, expected):
    # 2 of the 32 "ferry" articles are in the outlet: over 10, the word alone is common and the outlet's
    # matches are walked by date (the planner's joint estimate would have called them few).
    source = make_source("Port Post")
    day = datetime.date(2024, 1, 1)
    ours = [make_article(headline=f"Ferry {i}", body_text="ferry", source=source, published=day) for i in range(2)]
    for i in range(30):
        make_article(headline=f"Ferry elsewhere {i}", body_text="ferry crossing", published=day)
    analyze()
    monkeypatch.setattr(planner, "BITMAP_MAX_ESTIMATE", threshold)
    found, sent = searched(text="ferry", source=source, sort="newest")
    assert sent == [expected]
    assert headlines(found) == [a.headline for a in reversed(ours)]


# --- the date window: many matches are first looked for among the newest (oldest) articles --------


def _dated_ferries(n=30, person=None):
    return [
        make_article(
            headline=f"Ferry {i}" if i % 3 else f"Ferry ferry {i}",
            body_text="ferry crossing",
            published=datetime.date(2020, 1, 1) + datetime.timedelta(days=i * 7 % 50) if i % 10 else None,
            people=[person] if person and i % 2 else [],
        )
        for i in range(n)
    ]


def _windowed(queries) -> list[bool]:
    """For each collecting pass sent, whether it looked within a date window."""
    return [
        '"articles_article"."published" >=' in q["sql"] or '"articles_article"."published" <=' in q["sql"]
        for q in queries
        if PASSES["index"] in q["sql"]
    ]


@pytest.mark.parametrize("margin", [0.2, 1.0, 2.0])  # windows too narrow (run again), tight, loose
@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_date_window_gives_the_same_results(client, monkeypatch, margin, sort):
    person = make_person("Ada Quayle")
    _dated_ferries(person=person)
    analyze()
    monkeypatch.setattr(api, "CAP", 6)
    _, everything = results(client, q="ferry", sort=sort)
    _, with_person = results(client, q="ferry", person="ada-quayle", sort=sort)
    monkeypatch.setattr(planner, "WINDOW_MIN_ESTIMATE", 0)  # as if there were many
    monkeypatch.setattr(planner, "WINDOW_MAX_SHARE", 1.0)
    monkeypatch.setattr(planner, "WINDOW_MARGIN", margin)
    with CaptureQueriesContext(connection) as sent:
        assert results(client, q="ferry", sort=sort)[1] == everything
    windowed = _windowed(sent.captured_queries)
    assert windowed[0]  # a window was tried
    assert windowed == ([True, False] if margin < 1 else [True])  # too narrow: run again without it
    assert results(client, q="ferry", person="ada-quayle", sort=sort)[1] == with_person


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_a_persons_name_as_words_is_estimated_from_their_mentions(client, monkeypatch, sort):
    # The planner takes "Ada" and "Quayle" for independent words (estimated in a quarter of the ferries'
    # articles, as each is in half); every article naming her holds both: her mentions size the date window.
    make_person("Ada Quayle")
    _dated_ferries(person=Person.objects.get(slug="ada-quayle"))
    analyze()
    monkeypatch.setattr(api, "CAP", 6)
    monkeypatch.setattr(planner, "WINDOW_MAX_SHARE", 1.0)
    _, everything = results(client, q="Ada Quayle", sort=sort)
    assert len(everything) == 6
    named = estimates.estimated_matches(Mention.objects.filter(person=Person.objects.get(slug="ada-quayle")))
    monkeypatch.setattr(planner, "WINDOW_MIN_ESTIMATE", named)  # above the words' own estimate, not the mentions'
    with CaptureQueriesContext(connection) as sent:
        response, found = results(client, q="Ada Quayle", sort=sort)
    assert _windowed(sent.captured_queries)[0]
    assert found == everything
    assert response.context["results"].person.slug == "ada-quayle"


@pytest.mark.parametrize(("cost", "expected"), [(0.0, "walk"), (1e9, "index")])
def test_a_name_in_many_articles_is_walked_when_postgresql_would_walk(monkeypatch, cost, expected):
    # Over BITMAP_MAX_ESTIMATE by her mentions, a name's words are walked by date when the planner's own estimate
    # is one PostgreSQL walks for (PLANNER_WALK_COST), else collected within a window.
    person = make_person("Ada Quayle")
    _dated_ferries(person=person)
    analyze()
    monkeypatch.setattr(api, "CAP", 6)
    expected_rows = headlines(search(SearchRequest(text="Ada Quayle", sort="newest")))
    named = estimates.estimated_matches(Mention.objects.filter(person=person))
    monkeypatch.setattr(planner, "BITMAP_MAX_ESTIMATE", named - 1)  # above the words' own estimate
    monkeypatch.setattr(planner, "PLANNER_WALK_COST", cost)
    found, sent = searched(text="Ada Quayle", sort="newest")
    assert sent[0] == expected
    assert headlines(found) == expected_rows


@pytest.mark.parametrize(
    ("estimate", "total", "limit", "walks"),
    [
        (20_000, 1_000_000, 1001, True),  # PostgreSQL walked 2.0% and collected 1.7% (1M bench, EXPLAIN)
        (17_000, 1_000_000, 1001, False),
        (16_000, 1_000_000, 10_001, False),  # a tenth of the limit, or ten times the archive: from ~5.8%
        (60_000, 1_000_000, 10_001, True),
        (3_000, 100_000, 1001, False),  # 3% of 100,000 articles: collected (a fixed 2% called it walked)
        (7_000, 100_000, 1001, True),
    ],
)
def test_the_share_postgresql_walks_from_falls_with_the_archives_square_root(estimate, total, limit, walks):
    assert planner._planner_walks(estimate, total, limit=limit) is walks
    # A small archive's names (the tests') are never walked: none is over BITMAP_MAX_ESTIMATE.
    assert planner._name_walked(40, 50, 40, limit=11) is False


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_date_window_holds_the_articles_needed_and_not_many_more(monkeypatch, sort):
    # 100 articles, one a day: 6 wanted (cap 5, + 1) of 100 matches, with a margin of 2, is 12%
    # of the archive: the newest (or oldest) 12, never fewer, a day or two more at most.
    day = datetime.date(2020, 1, 1)
    for i in range(100):
        make_article(headline=f"Ferry {i}", body_text="ferry", published=day + datetime.timedelta(days=i))
    analyze()
    monkeypatch.setattr(api, "CAP", 5)
    monkeypatch.setattr(planner, "WINDOW_MIN_ESTIMATE", 0)
    monkeypatch.setattr(planner, "WINDOW_MAX_SHARE", 0.15)
    monkeypatch.setattr(planner, "WINDOW_MARGIN", 2.0)
    with CaptureQueriesContext(connection) as sent:
        found = search(SearchRequest(text="ferry", sort=sort))
    order = OLDEST_FIRST if sort == "oldest" else NEWEST_FIRST
    assert headlines(found) == list(Article.objects.order_by(*order).values_list("headline", flat=True)[:5])
    (collecting,) = [q["sql"] for q in sent.captured_queries if PASSES["index"] in q["sql"]]
    bound = datetime.date.fromisoformat(re.search(r"published\" [<>]= '?(\d{4}-\d\d-\d\d)", collecting).group(1))
    inside = (
        Article.objects.filter(published__lte=bound)
        if sort == "oldest"
        else Article.objects.filter(published__gte=bound)
    )
    assert 12 <= inside.count() <= 15


def test_a_date_window_is_not_tried_for_few_matches_or_too_much_of_the_archive(monkeypatch):
    _dated_ferries()
    analyze()
    monkeypatch.setattr(api, "CAP", 6)
    monkeypatch.setattr(planner, "WINDOW_MAX_SHARE", 1.0)
    with CaptureQueriesContext(connection) as sent:  # fewer than WINDOW_MIN_ESTIMATE
        search(SearchRequest(text="ferry"))
    assert _windowed(sent.captured_queries) == [False]
    monkeypatch.setattr(planner, "WINDOW_MIN_ESTIMATE", 0)
    monkeypatch.setattr(planner, "WINDOW_MAX_SHARE", 0.1)  # 7 of ~30 is more than a tenth
    with CaptureQueriesContext(connection) as sent:
        search(SearchRequest(text="ferry"))
    assert _windowed(sent.captured_queries) == [False]


@pytest.mark.parametrize("windows", [(0.01,), (0.01, 0.6), (0.6,)])  # too narrow; the second; the first
@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_fallback_looks_in_date_windows_instead_of_walking(monkeypatch, windows, sort):
    _dated_ferries()
    analyze()
    monkeypatch.setattr(api, "FALLBACK_CAP", 5)
    monkeypatch.setattr(planner, "FALLBACK_WINDOWS", windows)
    with out_of_time(1), CaptureQueriesContext(connection) as sent:
        found = search(SearchRequest(text="ferry", sort=sort))
    order = UNDATED_LAST if sort == "oldest" else NEWEST_FIRST
    expected = list(Article.objects.search("ferry").order_by(*order).values_list("headline", flat=True)[:5])
    assert found.partial
    assert _windowed(sent.captured_queries) == [True] * len(windows)  # each window in turn, no walk
    assert "walk" not in sent_passes(sent.captured_queries)
    if windows == (0.01,):  # the window holds fewer: the first of those, and no walk past them
        assert len(headlines(found)) < 5
        assert headlines(found) == expected[: len(headlines(found))]
    else:
        assert headlines(found) == expected
        assert found.capped


def test_fallback_walks_by_date_for_common_words(monkeypatch):
    _dated_ferries()
    monkeypatch.setattr(api, "FALLBACK_CAP", 5)
    monkeypatch.setattr(planner, "BITMAP_MAX_ESTIMATE", 0)
    with out_of_time(1), CaptureQueriesContext(connection) as sent:
        found = search(SearchRequest(text="ferry"))
    assert found.partial and sent_passes(sent.captured_queries)[-1] == "walk"
    assert headlines(found) == list(
        Article.objects.search("ferry").order_by(*NEWEST_FIRST).values_list("headline", flat=True)[:5]
    )


# --- a person filter with a word in most of their articles: their mentions walked by date --------


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_walking_a_persons_mentions_gives_the_same_results(client, monkeypatch, sort):
    person = make_person("Ada Quayle")
    _dated_ferries(person=person)
    make_article(headline="Harbour", body_text="no crossing here", people=[person])
    monkeypatch.setattr(api, "CAP", 6)
    monkeypatch.setattr(planner, "_walk_links_pays", lambda *args, **kwargs: False)  # never
    expected, sent = searched(text="ferry", person=person, sort=sort)
    assert "mentions" not in sent
    monkeypatch.setattr(planner, "_walk_links_pays", lambda *args, **kwargs: True)  # always
    found, sent = searched(text="ferry", person=person, sort=sort)
    assert sent == ["mentions"]
    assert headlines(found) == headlines(expected)
    assert found.capped  # 15 matches, CAP 6
    if sort != "relevance":
        order = OLDEST_FIRST if sort == "oldest" else NEWEST_FIRST
        everything = Article.objects.search("ferry").filter(mentions__person=person).order_by(*order)
        assert headlines(found) == [a.headline for a in everything[:6]]


def test_a_persons_mentions_are_walked_only_for_words_in_most_articles(monkeypatch):
    person = make_person("Ada Quayle")
    _dated_ferries(person=person)  # "ferry" in all 30, 15 of them naming Ada Quayle
    make_article(headline="Harbour", body_text="no crossing here", people=[person])
    analyze()
    assert searched(text="ferry", person=person)[1] == ["mentions"]
    assert searched(text="harbour", person=person)[1] == ["index"]


def test_a_persons_mentions_are_walked_for_a_less_common_word_when_that_reads_less(monkeypatch):
    # "ferry" in a third of the articles, all of them naming Ada Quayle: collecting reads every match (her name's
    # words come with her), walking her mentions newest first stops at the first CAP + 1 (~3 times as many
    # articles). A rare word stays collected.
    monkeypatch.setattr(api, "CAP", 5)
    person = make_person("Ada Quayle")
    for i in range(90):
        make_article(
            headline=f"Report {i}",
            body_text="ferry crossing" if i % 3 == 0 else ("a harbour strike" if i == 1 else "council budget"),
            published=datetime.date(2020, 1, 1) + datetime.timedelta(days=i),
            people=[person],
        )
    analyze()
    found, sent = searched(text="ferry", person=person, sort="newest")
    assert sent == ["mentions"]
    assert headlines(found) == [f"Report {i}" for i in (87, 84, 81, 78, 75)]
    assert searched(text="harbour", person=person)[1] == ["index"]
