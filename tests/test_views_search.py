"""/search/: websearch syntax, bounded ranking, escaped snippets, facets, person card, suggestions."""

import pytest
from django.urls import reverse

from articles import search
from articles.models import Article
from tests.conftest import make_article, make_person, make_source

pytestmark = pytest.mark.django_db


def results(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200, response.content[:500]
    return response, [article.headline for article, _ in response.context["results"].rows]


# --- search.py, without HTTP -------------------------------------------------------------


def test_highlight_escapes_html_before_marking_matches():
    html = search.highlight(f"a <script>alert(1)</script> {search.START_SEL}harbour{search.STOP_SEL} b")
    assert html == "a &lt;script&gt;alert(1)&lt;/script&gt; <mark>harbour</mark> b"


def test_snippets_cannot_inject_markup_that_ts_headline_lets_through():
    # ts_headline keeps "<img …>" after a stray "<b and c>", unescaped.
    article = make_article(body_text="Harbour notes: a<b and c>d <img src=x onerror=alert(1)> end.")
    snippet = search.snippets([article.pk], "harbour")[article.pk]
    assert "<img" not in snippet
    assert "&lt;img src=x onerror=alert" in snippet
    assert "<mark>Harbour</mark>" in snippet


def test_snippets_are_computed_only_for_the_ids_given():
    shown, hidden = make_article(body_text="harbour one"), make_article(body_text="harbour two")
    assert set(search.snippets([shown.pk], "harbour")) == {shown.pk}
    assert hidden.pk


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  harbour\x00 strike\n", ("harbour strike", False)),
        ("\x00", ("", False)),
        ("word " * 2000, (("word " * 40).strip(), True)),
    ],
)
def test_clean_query_drops_control_characters_and_cuts_long_queries(raw, expected):
    assert search.clean_query(raw) == expected


@pytest.mark.parametrize("junk", ["&&&", '"""', "-", "the", "!!"])
def test_queries_without_search_words_are_recognised(junk):
    assert not search.has_search_words(junk)


def test_run_search_ranks_headline_matches_first():
    in_body = make_article(headline="Council news", body_text="Something about lighthouses.")
    in_headline = make_article(headline="Lighthouses reopen", body_text="The council voted.")
    found = search.run_search(Article.objects.search("lighthouse"), "lighthouse")
    assert [a.pk for a in found.page] == [in_headline.pk, in_body.pk]


def test_run_search_counts_and_ranks_a_bounded_set(monkeypatch):
    monkeypatch.setattr(search, "CAP", 5)
    for i in range(7):
        make_article(headline=f"Ferry {i}", body_text="ferry")
    found = search.run_search(Article.objects.search("ferry"), "ferry")
    assert found.capped
    assert found.page.paginator.count == 5
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
    monkeypatch.setattr(search, "CAP", 3)
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
    # 2 savepoints? no: filter validation (source, person) 2; ids 1; page rows 1; snippets 1;
    # facets 4; person card 2 = 11.
    with django_assert_max_num_queries(11):
        response = client.get(
            reverse("search"), {"q": f"harbour {person.name}", "source": articles[0].source.slug, "person": person.slug}
        )
    assert response.status_code == 200
    assert response.context["results"].page.paginator.count >= 1


def test_no_results_page_query_budget(client, grow_archive, django_assert_max_num_queries):
    grow_archive(3)
    with django_assert_max_num_queries(10):
        client.get(reverse("search"), {"q": "zzzzqqq"})


def test_fictional_person_name_typo_suggests_them(client):
    make_person("Oriane Kasselbrook")
    make_article(headline="Budget", body_text="nothing")
    response, _ = results(client, q="Oriane Kaselbrok")
    assert [p.name for p in response.context["results"].suggestions] == ["Oriane Kasselbrook"]


def test_search_that_runs_out_of_time_shows_partial_newest_results(client, monkeypatch):
    # The full plan is cancelled by PostgreSQL (a 1 ms statement timeout); the fallback answers.
    make_article(headline="Ferry news", body_text="ferry")
    calls = []
    real = search._bounded_search

    def slow_first(*args, **kwargs):
        calls.append(kwargs["cap"])
        if len(calls) == 1:  # the full plan: make PostgreSQL cancel it
            with search.transaction.atomic(), search.connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = '1ms'")
                cursor.execute("SELECT pg_sleep(0.05)")
        return real(*args, **kwargs)

    monkeypatch.setattr(search, "_bounded_search", slow_first)
    response, headlines = results(client, q="ferry")
    assert response.status_code == 200
    assert calls == [search.CAP, search.FALLBACK_CAP]
    assert response.context["results"].partial
    assert headlines == ["Ferry news"]
    assert b"only some of the matches" in response.content


def test_search_whose_fallback_also_times_out_still_answers(client, monkeypatch):
    make_article(headline="Ferry news", body_text="ferry")

    def always_cancelled(*args, **kwargs):
        with search.transaction.atomic(), search.connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = '1ms'")
            cursor.execute("SELECT pg_sleep(0.05)")

    monkeypatch.setattr(search, "_bounded_search", always_cancelled)
    response, headlines = results(client, q="ferry")
    assert response.status_code == 200
    assert headlines == []
    assert b"only some of the matches" in response.content
    # Out of time is not "nothing matches": the reader is told so, and how to narrow.
    assert b"No article matches" not in response.content
    assert b"this does not mean there are none" in response.content


# --- plan choice: the same answer whichever pass the estimate picks -------------------------


@pytest.mark.parametrize("threshold", [0, 10**9])  # always walk by date / always collect from the index
@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_both_plans_give_the_same_results(client, monkeypatch, threshold, sort):
    import datetime

    person = make_person("Ada Quayle")
    for i in range(30):
        make_article(
            headline=f"Ferry {i}" if i % 3 else f"Ferry ferry {i}",
            body_text="ferry crossing",
            published=datetime.date(2020, 1, 1) + datetime.timedelta(days=i * 7 % 50),
            people=[person] if i % 2 else [],
        )
    make_article(headline="Harbour", body_text="no crossing here", people=[person])
    monkeypatch.setattr(search, "BITMAP_MAX_ESTIMATE", threshold)
    _, everything = results(client, q="ferry", sort=sort)
    _, with_person = results(client, q="ferry", person="ada-quayle", sort=sort)
    expected = sorted(Article.objects.search("ferry"), key=lambda a: (a.published, a.pk), reverse=sort != "oldest")
    if sort != "relevance":
        assert everything == [a.headline for a in expected][:20]  # one page
        assert with_person == [a.headline for a in expected if a.mentions.filter(person=person).exists()]
    else:  # double "ferry" in the headline ranks first, then newest
        assert everything[:10] == [a.headline for a in expected if a.headline.startswith("Ferry ferry")]
    assert len(with_person) == 15


def test_plan_follows_the_estimate(monkeypatch):
    calls = []
    monkeypatch.setattr(search, "_collect_then_sort", lambda *a, **k: calls.append("bitmap") or [])
    monkeypatch.setattr(search, "_sort_then_test", lambda *a, **k: calls.append("facet first") or [])
    make_article(headline="Ferry")
    for estimate, expected in [(10, "bitmap"), (10**7, None)]:
        monkeypatch.setattr(search, "estimated_matches", lambda qs, e=estimate: e)
        calls.clear()
        search.run_search(Article.objects.search("ferry"), "ferry")
        assert calls == ([expected] if expected else [])
    # A common word inside a small facet: the facet's articles by date, documents tested in turn.
    estimates = iter([10**7, 10])
    monkeypatch.setattr(search, "estimated_matches", lambda qs: next(estimates))
    calls.clear()
    search.run_search(Article.objects.search("ferry"), "ferry", filtered=Article.objects.filter(pk__gt=0))
    assert calls == ["facet first"]


def test_estimate_reads_the_planner_rows():
    make_article(headline="Ferry")
    assert search.estimated_matches(Article.objects.search("ferry")) >= 1


@pytest.mark.parametrize("name", ["Ada Quayle", "The Who"])  # the second is all stop words
def test_person_filter_finds_exactly_the_articles_mentioning_them(client, name):
    person, namesake = make_person(name), make_person(f"{name} Junior")
    named = make_article(headline="Ferry one", body_text="ferry", people=[person])
    make_article(headline="Ferry two", body_text=f"ferry, says {name} in passing")  # named, not mentioned
    make_article(headline="Ferry three", body_text="ferry", people=[namesake])
    _, headlines = results(client, q="ferry", person=person.slug)
    assert headlines == [named.headline]


def test_topic_filter_intersects_the_words_matches(client, monkeypatch):
    from tests.conftest import make_topic

    topic = make_topic("Shipping")
    inside = [make_article(headline=f"Ferry {i}", body_text="ferry", topics=[topic]) for i in range(3)]
    make_article(headline="Ferry elsewhere", body_text="ferry")
    for threshold in (0, 10**9):
        monkeypatch.setattr(search, "BITMAP_MAX_ESTIMATE", threshold)
        _, headlines = results(client, q="ferry", topic="shipping", sort="newest")
        assert sorted(headlines) == sorted(a.headline for a in inside)


# --- the date window: many matches are first looked for among the newest (oldest) articles --------


def _dated_ferries(n=30, person=None):
    import datetime

    return [
        make_article(
            headline=f"Ferry {i}" if i % 3 else f"Ferry ferry {i}",
            body_text="ferry crossing",
            published=datetime.date(2020, 1, 1) + datetime.timedelta(days=i * 7 % 50) if i % 10 else None,
            people=[person] if person and i % 2 else [],
        )
        for i in range(n)
    ]


def _distribution_of_the_articles():
    """The cumulative shares published_distribution() would read from exact statistics."""
    dates = sorted(d for d in Article.objects.values_list("published", flat=True) if d)
    total, undated = Article.objects.count(), Article.objects.filter(published__isnull=True).count()
    return total, [(d, (undated + dates.index(d) + dates.count(d)) / total) for d in dict.fromkeys(dates)]


@pytest.mark.parametrize("margin", [0.2, 1.0, 2.0])  # windows too narrow (run again), tight, loose
@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_date_window_gives_the_same_results(client, monkeypatch, margin, sort):
    person = make_person("Ada Quayle")
    _dated_ferries(person=person)
    monkeypatch.setattr(search, "CAP", 6)
    _, everything = results(client, q="ferry", sort=sort)
    _, with_person = results(client, q="ferry", person="ada-quayle", sort=sort)
    windows = []
    real_window = search._date_window
    monkeypatch.setattr(search, "_date_window", lambda *a, **k: windows.append(real_window(*a, **k)) or windows[-1])
    monkeypatch.setattr(search, "published_distribution", _distribution_of_the_articles)
    monkeypatch.setattr(search, "estimated_matches", lambda qs: 100)  # as if there were many
    monkeypatch.setattr(search, "WINDOW_MIN_ESTIMATE", 0)
    monkeypatch.setattr(search, "WINDOW_MARGIN", margin)
    assert results(client, q="ferry", sort=sort)[1] == everything
    assert results(client, q="ferry", person="ada-quayle", sort=sort)[1] == with_person
    assert any(windows)  # a window was tried


def test_a_too_narrow_window_runs_again_without_it(monkeypatch):
    _dated_ferries()
    monkeypatch.setattr(search, "published_distribution", _distribution_of_the_articles)
    monkeypatch.setattr(search, "WINDOW_MIN_ESTIMATE", 0)
    monkeypatch.setattr(search, "WINDOW_MARGIN", 0.01)
    calls = []
    real = search._collect
    monkeypatch.setattr(search, "_collect", lambda qs, *a, **k: calls.append(qs) or real(qs, *a, **k))
    rows = search._collect_then_sort(Article.objects.search("ferry"), "", oldest=False, limit=20, estimate=30)
    assert len(calls) == 2  # the window, then everything
    assert len(rows) == 20
    expected = Article.objects.search("ferry").order_by(*search.NEWEST_FIRST).values_list("pk", flat=True)[:20]
    assert [row[0] for row in rows] == list(expected)


def test_date_window_is_drawn_from_the_distribution(monkeypatch):
    import datetime

    day = datetime.date(2020, 1, 1)
    points = [(day + datetime.timedelta(days=i), (i + 1) / 100) for i in range(100)]  # 1% a day
    monkeypatch.setattr(search, "published_distribution", lambda: (1_000_000.0, points))
    monkeypatch.setattr(search, "WINDOW_MARGIN", 2.0)
    monkeypatch.setattr(search, "WINDOW_MAX_SHARE", 0.15)
    # 1,001 wanted of an estimated 100,000 matches: 2% of the articles, the newest or the oldest
    # (and undated), never less, a day or two more at most.
    ((lookup, newest),) = search._date_window(100_000, 1001, oldest=False).children
    assert lookup == "published__gte"
    assert 0.02 <= 1 - points[(newest - day).days - 1][1] <= 0.05
    oldest = dict(search._date_window(100_000, 1001, oldest=True).children)
    assert oldest["published__isnull"] is True
    assert 0.02 <= points[(oldest["published__lte"] - day).days][1] <= 0.05
    assert search._date_window(10_000, 1001, oldest=False) is None  # 20% of the archive: no window
    monkeypatch.setattr(search, "published_distribution", lambda: None)
    assert search._date_window(100_000, 1001, oldest=False) is None


def test_published_distribution_reads_the_planner_statistics():
    from django.db import connection

    _dated_ferries()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    search._stats_cache.clear()
    total, points = search.published_distribution()
    assert total == 30
    assert [d for d, _ in points] == sorted(d for d, _ in points)
    shares = [share for _, share in points]
    assert shares == sorted(shares) and 0 < shares[0] and abs(shares[-1] - 1) < 1e-6
    search._stats_cache.clear()


@pytest.mark.parametrize("windows", [(0.01,), (0.01, 0.6), (0.6,), None])  # too narrow; the second; the first; no stats
@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_fallback_looks_in_date_windows_instead_of_walking(monkeypatch, windows, sort):
    _dated_ferries()
    monkeypatch.setattr(search, "published_distribution", _distribution_of_the_articles if windows else lambda: None)
    monkeypatch.setattr(search, "FALLBACK_WINDOWS", windows or (0.6,))
    tried = []
    real = search._collect
    monkeypatch.setattr(search, "_collect", lambda qs, *a, **k: tried.append(qs) or real(qs, *a, **k))
    found = search._bounded_search(
        Article.objects.search("ferry"), "ferry", sort=sort, page_number=1, cap=5, with_facets=False, walk=True
    )
    order = search.OLDEST_FIRST if sort == "oldest" else search.NEWEST_FIRST
    expected = list(Article.objects.search("ferry").order_by(*order).values_list("headline", flat=True)[:5])
    headlines = [a.headline for a in found.page]
    assert len(tried) == len(windows or ())
    if windows == (0.01,):  # the window holds fewer: the first of those, and no walk past them
        assert len(headlines) < 5
        assert headlines == expected[: len(headlines)]
    else:
        assert headlines == expected
        assert found.capped


# --- a person filter with a word in most of their articles: their mentions walked by date --------


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_walking_a_persons_mentions_gives_the_same_results(client, monkeypatch, sort):
    person = make_person("Ada Quayle")
    _dated_ferries(person=person)
    make_article(headline="Harbour", body_text="no crossing here", people=[person])
    monkeypatch.setattr(search, "CAP", 6)
    monkeypatch.setattr(search, "PERSON_WALK_MIN_SHARE", 10.0)  # never
    _, expected = results(client, q="ferry", person="ada-quayle", sort=sort)
    walks = []
    real = search._walk_mentions
    monkeypatch.setattr(search, "_walk_mentions", lambda *a, **k: walks.append(a[1]) or real(*a, **k))
    monkeypatch.setattr(search, "PERSON_WALK_MIN_SHARE", 0.0)  # always
    response, headlines = results(client, q="ferry", person="ada-quayle", sort=sort)
    assert walks == [person.pk]
    assert headlines == expected
    assert response.context["results"].capped  # 15 matches, CAP 6
    if sort != "relevance":
        order = search.OLDEST_FIRST if sort == "oldest" else search.NEWEST_FIRST
        everything = Article.objects.search("ferry").filter(mentions__person=person).order_by(*order)
        assert headlines == [a.headline for a in everything[:6]]


def test_the_filtered_person_is_found_in_the_queryset():
    person = make_person("Ada Quayle")
    assert search._mentioned_person(Article.objects.search("ferry").mentioning(person).naming(person)) == person.pk
    assert search._mentioned_person(Article.objects.search("ferry")) is None
    assert search._mentioned_person(Article.objects.exclude(mentions__person=person)) is None


def test_estimated_rows_gives_one_estimate_per_queryset():
    make_article(headline="Ferry")
    querysets = [Article.objects.search("ferry"), Article.objects.all()]
    estimates = search.estimated_rows(*querysets)
    assert len(estimates) == 2 and all(e >= 1 for e in estimates)
    assert estimates == [search.estimated_matches(qs) for qs in querysets]


@pytest.mark.parametrize(
    ("estimates", "expected"),
    [
        ((10, 10, 10**6), "bitmap"),  # a rare word in an outlet: collected from the index
        ((10, 10**5, 10**6), "walk"),  # a common word in an outlet: walked by date
        ((10, 9 * 10**5, 10**6), "walk"),
    ],
)
def test_plan_with_facets_follows_the_words_own_estimate(monkeypatch, estimates, expected):
    source = make_source("Port Post")
    make_article(headline="Ferry", body_text="ferry", source=source)
    calls = []
    monkeypatch.setattr(search, "_collect_then_sort", lambda *a, **k: calls.append("bitmap") or [])
    monkeypatch.setattr(search, "_walk_mentions", lambda *a, **k: calls.append("mentions") or [])
    monkeypatch.setattr(search, "estimated_rows", lambda *qs: list(estimates))
    found = search.run_search(Article.objects.search("ferry").filter(source=source), "ferry")
    assert calls == ([expected] if expected != "walk" else [])
    if expected == "walk":
        assert [a.headline for a in found.page] == ["Ferry"]


@pytest.mark.parametrize(("share", "expected"), [(0.9, ["mentions"]), (0.2, ["bitmap"])])
def test_plan_with_a_person_walks_their_mentions_for_very_common_words(monkeypatch, share, expected):
    person = make_person("Ada Quayle")
    make_article(headline="Ferry", body_text="ferry", people=[person])
    calls = []
    monkeypatch.setattr(search, "_collect_then_sort", lambda *a, **k: calls.append("bitmap") or [])
    monkeypatch.setattr(search, "_walk_mentions", lambda *a, **k: calls.append("mentions") or [])
    monkeypatch.setattr(search, "estimated_rows", lambda *qs: [10, share * 10**6, 10**6])
    search.run_search(Article.objects.search("ferry").mentioning(person).naming(person), "ferry")
    assert calls == expected
