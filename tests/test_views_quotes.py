"""A page for every quotation and quotation search (issue 14.1, 14.2).

Everyone and every outlet here is invented; the quotations are our own writing.
"""

from __future__ import annotations

import datetime
import json
import re

import pytest

from articles import citations
from articles.models import Quote
from articles.page_queries import outlet_counts, quoted_topics, same_words
from articles.search import QUOTE_SORTS, QuoteSearchRequest, mark_quotes, search_quotes
from articles.search.highlight import quote_in_context
from tests.conftest import make_article, make_person, make_source, make_topic

pytestmark = pytest.mark.django_db

WORDS = "We will not go back to the quay without a signed contract"


@pytest.fixture
def wire(db):
    """One quotation carried by three outlets (one of them a partial, one with other punctuation and case),
    and an unrelated quotation by the same speaker."""
    ines = make_person("Ines Varga", description="Harbour workers' union")
    selim = make_person("Selim Erdoğlu", description="Mayor of Port Ardent")
    gazette, courier = make_source("Harbour Gazette"), make_source("Valley Courier")
    digest = make_source("Coast Digest")
    harbour = make_topic("Harbour")
    first = make_article(
        headline="Dockers vote to stay out",
        source=gazette,
        published=datetime.date(2025, 3, 3),
        body_text=f"The vote was close.\n\nVarga spoke after it. “{WORDS},” she said. Erdoğlu left early.",
        quotes=[(ines, WORDS)],
        people=[selim],
        topics=[harbour],
    )
    copy = make_article(
        headline="Union holds the line at the quay",
        source=courier,
        published=datetime.date(2025, 3, 5),
        body_text="Another day without ferries.",
        quotes=[(ines, "we will NOT go back to the quay — without a signed contract!")],
    )
    partial = make_article(
        headline="Quay dispute: what was said",
        source=digest,
        published=datetime.date(2025, 3, 4),
        body_text="A summary of the week.",
        quotes=[(ines, "not go back to the quay without a signed")],
    )
    other = make_article(
        headline="Council budget passes",
        source=courier,
        published=datetime.date(2025, 2, 1),
        body_text="Money for the library.",
        quotes=[(ines, "The library budget is a good start for the town")],
    )
    return {
        "ines": ines,
        "selim": selim,
        "harbour": harbour,
        "first": first.quotes.get(),
        "copy": copy.quotes.get(),
        "partial": partial.quotes.get(),
        "other": other.quotes.get(),
        "sources": (gazette, courier, digest),
    }


# --- The quotation's page ---------------------------------------------------------------------------


def test_quote_page_shows_words_speaker_article_and_context(client, wire, django_assert_max_num_queries):
    quote = wire["first"]
    # The quotation with its speaker, article and outlet; the same words elsewhere (+ its articles and
    # speakers); the time limit's savepoint and setting.
    with django_assert_max_num_queries(8):
        response = client.get(f"/quotes/{quote.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<p>{WORDS}</p>" in html
    assert '<a href="/people/ines-varga/">Ines Varga</a>' in html
    assert "Dockers vote to stay out" in html and "Harbour Gazette" in html and "3 March 2025" in html
    # The paragraph around it, the quotation marked, and the link to its place in the article.
    assert f"Varga spoke after it. “<mark>{WORDS}</mark>,” she said. Erdoğlu left early." in html
    assert f'href="{quote.article.get_absolute_url()}#q-{quote.pk}"' in html


def test_same_words_elsewhere_oldest_first_with_partial_versions(wire):
    rows, complete = same_words(wire["copy"])
    assert complete
    # The first publication first; the partial (4 March) between; the unrelated quotation not at all.
    assert [q.pk for q in rows] == [wire["first"].pk, wire["partial"].pk, wire["copy"].pk]
    assert [q.exact for q in rows] == [True, False, True]
    assert rows[0].article.source.name == "Harbour Gazette"


def test_same_words_of_a_short_quotation_are_exact_copies_only(db):
    speaker = make_person("Oriane Kasselbrook")
    mine = make_article(quotes=[(speaker, "Never again")]).quotes.get()
    copy = make_article(quotes=[(speaker, "never again!")]).quotes.get()
    make_article(quotes=[(speaker, "Never again will the quay close, never again")])
    rows, _ = same_words(mine)
    assert sorted(q.pk for q in rows) == sorted([mine.pk, copy.pk])


def test_quote_page_lists_same_words_and_links_each_to_its_place(client, wire):
    html = client.get(f"/quotes/{wire['copy'].pk}/").content.decode()
    section = html[html.index('id="same-title"') :]
    assert "2 other articles carry these words, in 3 outlets" in section
    first = wire["first"]
    assert f'href="{first.article.get_absolute_url()}#q-{first.pk}"' in section
    assert "first published" in section and "a partial or edited version" in section


def test_citations_plain_csl_json_and_bibtex(wire):
    quote = Quote.objects.select_related("article__source", "person").get(pk=wire["first"].pk)
    url = f"https://archive.example/quotes/{quote.pk}/"
    assert citations.plain_text(quote, url) == (
        f"Ines Varga, quoted in “Dockers vote to stay out”, Harbour Gazette, 3 March 2025: “{WORDS}” NewsArchive, {url}"
    )
    [item] = json.loads(citations.csl_json(quote, url))
    assert item["type"] == "article-newspaper"
    assert item["container-title"] == "Harbour Gazette"
    assert item["issued"] == {"date-parts": [[2025, 3, 3]]}
    assert item["note"] == f"Quoting Ines Varga: “{WORDS}”"
    bib = citations.bibtex(quote, url)
    assert bib.startswith(f"@article{{newsarchive-quote-{quote.pk},\n  title = {{{{Dockers vote to stay out}}}},")
    assert "  journal = {Harbour Gazette},\n  year = {2025},\n  date = {2025-03-03}," in bib


def test_bibtex_escapes_its_special_characters(db):
    article = make_article(headline="Rates up 5% & fees_{new}", body_text="x")
    quote = Quote.objects.create(article=article, text="50% more & no #refunds", position=0)
    quote = Quote.objects.select_related("article__source", "person").get(pk=quote.pk)
    bib = citations.bibtex(quote, "https://archive.example/")
    assert r"title = {{Rates up 5\% \& fees\_\{new\}}}" in bib
    assert r"50\% more \& no \#refunds" in bib


@pytest.mark.parametrize(("fmt", "content_type"), [("json", "csl+json"), ("bib", "x-bibtex"), ("txt", "text/plain")])
def test_citation_downloads(client, wire, fmt, content_type):
    response = client.get(f"/quotes/{wire['first'].pk}/cite.{fmt}")
    assert response.status_code == 200
    assert content_type in response["Content-Type"]
    assert f'filename="quotation-{wire["first"].pk}.{fmt}"' in response["Content-Disposition"]


@pytest.mark.parametrize("path", ["/quotes/999999/", "/quotes/1/cite.pdf", "/quotes/999999/cite.bib"])
def test_unknown_quotation_or_format_is_404(client, wire, path):
    assert client.get(path).status_code == 404


# --- The place in the article -------------------------------------------------------------------------


def test_article_page_marks_each_quotation_with_its_anchor(client, wire):
    quote = wire["first"]
    html = client.get(quote.article.get_absolute_url()).content.decode()
    assert f'<mark class="quote-mark" id="q-{quote.pk}">{WORDS}</mark>' in html


class _Q:
    def __init__(self, pk, text, position):
        self.pk, self.text, self.position = pk, text, position


def test_mark_quotes_marks_the_occurrence_position_points_at():
    body_text = "Stay calm, he said.\n\nLater: stay calm, he said again."
    html = "<p>Stay calm, he said.</p><p>Later: stay calm, he said again.</p>"
    assert mark_quotes(html, [_Q(7, "stay calm", body_text.index("stay calm"))], body_text) == (
        '<p>Stay calm, he said.</p><p>Later: <mark class="quote-mark" id="q-7">stay calm</mark>, he said again.</p>'
    )


def test_mark_quotes_across_tags_and_references_leaves_the_markup_whole():
    html = '<p>She said <a href="/x?a>b">the quay &amp; <em>the</em> ferry</a> stay.</p>'
    marked = mark_quotes(html, [_Q(3, "the quay & the ferry", 9)], "She said the quay & the ferry stay.")
    assert marked == (
        '<p>She said <a href="/x?a>b"><mark class="quote-mark" id="q-3">the quay &amp; </mark>'
        '<em><mark class="quote-mark">the</mark></em><mark class="quote-mark"> ferry</mark></a> stay.</p>'
    )


def test_mark_quotes_overlapping_quotation_gets_an_anchor_only():
    html = "<p>We want the quay open today.</p>"
    text = "We want the quay open today."
    marked = mark_quotes(html, [_Q(1, "We want the quay open", 0), _Q(2, "the quay open today", 8)], text)
    assert marked == (
        '<p><mark class="quote-mark" id="q-1">We want <span class="quote-anchor" id="q-2"></span>'
        "the quay open</mark> today.</p>"
    )


def test_quote_in_context_escapes_the_paragraph():
    body = "First.\n\n<b>Ruiz</b> said “the quay & the ferry” loudly.\n\nLast."
    quote = _Q(1, "the quay & the ferry", body.index("the quay"))
    assert quote_in_context(body, quote) == (
        "&lt;b&gt;Ruiz&lt;/b&gt; said “<mark>the quay &amp; the ferry</mark>” loudly."
    )


# --- Outlet counts and the person page --------------------------------------------------------------


def test_outlet_counts_count_outlets_carrying_the_exact_words(wire):
    counts = outlet_counts([wire["first"].pk, wire["other"].pk])
    assert counts == {wire["first"].pk: 2, wire["other"].pk: 1}  # the partial is not the same words


def test_person_page_shows_outlet_counts_and_topics_without_a_query_per_row(
    client, wire, django_assert_max_num_queries
):
    # person with aliases; quotations' count and page; outlet counts; latest articles; named with; quoted
    # topics; chart.
    with django_assert_max_num_queries(8):
        html = client.get("/people/ines-varga/").content.decode()
    assert html.count("quoted in 2 outlets") == 2  # the first publication and its copy
    assert f'href="/quotes/{wire["first"].pk}/"' in html
    topics = html[html.index('id="topics-title"') :]
    assert '<a href="/quotes/?speaker=ines-varga&amp;topic=harbour">Harbour</a>' in topics


def test_person_page_query_count_does_not_grow_with_quotations(client, grow_archive, django_assert_max_num_queries):
    articles = grow_archive(24)
    speaker = articles[0].quotes.get().person
    with django_assert_max_num_queries(8):
        assert client.get(speaker.get_absolute_url()).status_code == 200


def test_quoted_topics_rank_a_speakers_topics(wire):
    assert [(t.name, t.quotes) for t in quoted_topics(wire["ines"])] == [("Harbour", 1)]


# --- Quotation search --------------------------------------------------------------------------------


def test_search_quotes_by_words_only_not_the_article_body(wire):
    found = search_quotes(QuoteSearchRequest(text="library"))
    assert [q.pk for q in found.page] == [wire["other"].pk]
    assert search_quotes(QuoteSearchRequest(text="ferries")).total == 0  # in a body, not in a quotation


def test_search_quotes_speaker_and_mentioning(wire):
    by_ines_naming_selim = search_quotes(QuoteSearchRequest(speaker=wire["ines"], mentioning=wire["selim"]))
    assert [q.pk for q in by_ines_naming_selim.page] == [wire["first"].pk]  # Erdoğlu is named in its article


def test_mentioning_finds_a_surname_in_the_quotation_itself(db):
    ines, selim = make_person("Ines Varga"), make_person("Selim Erdoğlu")
    make_article(quotes=[(ines, "Erdoglu never came to the quay")])  # the accent folded, and no Mention row
    found = search_quotes(QuoteSearchRequest(speaker=ines, mentioning=selim))
    assert found.total == 1


def test_search_quotes_filters_dates_outlet_topic_and_orders(wire):
    gazette, courier, _ = wire["sources"]
    march = QuoteSearchRequest(
        text="quay", date_from=datetime.date(2025, 3, 4), date_to=datetime.date(2025, 3, 31), sort="oldest"
    )
    assert [q.pk for q in search_quotes(march).page] == [wire["partial"].pk, wire["copy"].pk]
    assert [q.pk for q in search_quotes(QuoteSearchRequest(text="quay", source=courier)).page] == [wire["copy"].pk]
    assert [q.pk for q in search_quotes(QuoteSearchRequest(text="quay", topic=wire["harbour"])).page] == [
        wire["first"].pk
    ]


def test_search_quotes_by_the_articles_filters_alone_newest_or_oldest_first(wire):
    """Without words or a speaker the quotations are read through their articles' dates: same order."""
    _, courier, _ = wire["sources"]
    newest = search_quotes(QuoteSearchRequest(source=courier))
    assert [q.pk for q in newest.page] == [wire["copy"].pk, wire["other"].pk]
    oldest = search_quotes(QuoteSearchRequest(source=courier, sort="oldest"))
    assert [q.pk for q in oldest.page] == [wire["other"].pk, wire["copy"].pk]
    march = QuoteSearchRequest(date_from=datetime.date(2025, 3, 4), date_to=datetime.date(2025, 3, 5))
    assert [q.pk for q in search_quotes(march).page] == [wire["copy"].pk, wire["partial"].pk]


def test_search_quotes_facets_by_speaker_and_outlet(wire):
    result = search_quotes(QuoteSearchRequest(text="quay"))
    assert result.facets["speaker"] == [{"value": "ines-varga", "label": "Ines Varga", "n": 3}]
    assert [row["label"] for row in result.facets["source"]] == ["Coast Digest", "Harbour Gazette", "Valley Courier"]


def test_quote_search_page(client, wire, django_assert_max_num_queries):
    # The filters' people by slug (2); the time limit's savepoint, setting and release; the matches; the
    # page's quotations with their marked words; their outlet counts; the form's outlets, topics and languages.
    with django_assert_max_num_queries(11):
        response = client.get("/quotes/?q=quay&speaker=ines-varga&mentioning=selim-erdoglu")
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 quotation" in html
    assert "<mark>quay</mark>" in html
    assert "quoted in 2 outlets" in html
    assert "Said by: Ines Varga" in html and "Mentioning: Selim Erdoğlu" in html


def test_quote_search_page_query_count_does_not_grow_with_results(client, grow_archive, django_assert_max_num_queries):
    grow_archive(30)
    with django_assert_max_num_queries(9):  # as above, without the two people
        response = client.get("/quotes/?q=harbour")
    assert response.status_code == 200
    assert len(re.findall(r'<figure class="quote">', response.content.decode())) == 20


def test_best_match_without_words_says_the_quotations_are_newest_first(client, wire):
    """Found by QA: /quotes/?speaker=…&sort=relevance (a link kept after the words were taken out) listed the
    quotations newest first, and the "Order:" line marked no order at all."""
    html = client.get("/quotes/", {"speaker": "ines-varga", "sort": "relevance"}).content.decode()
    assert '<strong aria-current="true">Newest first</strong>' in html


def test_quote_search_page_without_words_or_filters_searches_nothing(client, wire):
    response = client.get("/quotes/")
    assert response.status_code == 200
    assert "results" not in response.context
    assert "How to search the quotations" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "speaker=nobody-at-all",
        "mentioning=No Such Person",
        "source=no-such-outlet",
        "topic=%00",
        "date_from=2025-02-30",
        "date_from=2025-03-10&date_to=2025-03-01",
        "language=zz",
        "sort=loudest",
    ],
)
def test_quote_search_bad_parameters_are_400(client, wire, query):
    response = client.get(f"/quotes/?{query}")
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


@pytest.mark.parametrize("query", ["q=%26%26%26", "q=the", "page=abc&q=quay", "page=99999&q=quay", "q=" + "x" * 500])
def test_quote_search_odd_words_and_pages_are_never_an_error(client, wire, query):
    assert client.get(f"/quotes/?{query}").status_code == 200


def test_an_organisation_quoted_says_so_on_its_page_and_its_card(client):
    article = make_article(
        headline="Ministry defends the dredging contract",
        body_text="“The contract is lawful and will stand,” the ministry said.",
    )
    quote = Quote.objects.create(
        article=article,
        text="The contract is lawful and will stand,",
        position=0,
        speaker_as_written="the ministry",
        speaker_kind=Quote.SpeakerKind.ORGANISATION,
    )
    page = client.get(f"/quotes/{quote.pk}/").content.decode()
    assert 'the ministry — <span class="speaker-kind">organisation</span>' in page
    card = client.get(article.get_absolute_url()).content.decode()
    assert 'the ministry <span class="speaker-kind">(organisation)</span>' in card


# --- Wire copies (issue 14.3): a quotation listed once is counted under every outlet that ran it ------------------


def outlet_facet(html: str) -> dict[str, tuple[int, str]]:
    """The outlet facet's rows: {outlet: (count, link)}."""
    from html import unescape

    facet = html.split('id="facet-source"', 1)[1].split("</ul>", 1)[0]
    rows = re.findall(r'<a href="([^"]+)">([^<]+)</a> <span class="count">(\d+)</span>', facet)
    return {unescape(label): (int(n), unescape(href)) for href, label, n in rows}


def test_quote_search_counts_a_wire_storys_quotation_under_each_outlet_that_ran_it(
    client, django_assert_max_num_queries
):
    from tests.test_wire_copies import cards, three_copies_naming_the_council

    three_copies_naming_the_council()
    # The speaker by slug; the time limit's savepoint, setting and release; the matches, with the other outlets that
    # ran those of a wire story; the page's quotations; their outlet counts; the form's outlets, topics and languages.
    with django_assert_max_num_queries(10):
        html = client.get("/quotes/", {"speaker": "orla-fenwick"}).content.decode()
    assert len(cards(html)) == 3  # the story's two once, and the one only the Beacon carried
    facet = outlet_facet(html)
    # Every outlet that ran the story carried its two; the Beacon its own third as well.
    assert {outlet: n for outlet, (n, _) in facet.items()} == {
        "Harrow Beacon": 3,
        "Northfield Ledger": 2,
        "Strait Courier": 2,
    }
    for outlet, (n, link) in facet.items():  # each outlet's link finds as many as the facet says
        assert len(cards(client.get("/quotes/" + link).content.decode())) == n, outlet
    # Words of the story: one quotation, found under each of the three outlets, the Ledger's although it
    # restyled them (still a repeat: the same words once case and punctuation are folded).
    ledgers = Quote.objects.filter(article__source__slug="northfield-ledger", text__icontains="lorry")
    assert ledgers.update(text="We cannot let anyone drive onto a ramp that might fold under a LORRY!") == 1
    assert ledgers.get().repeated
    for sort in QUOTE_SORTS:
        result = search_quotes(QuoteSearchRequest(text="ramp lorry", sort=sort))
        assert result.total == 1
        assert sorted((row["label"], row["n"]) for row in result.facets["source"]) == [
            ("Harrow Beacon", 1),
            ("Northfield Ledger", 1),
            ("Strait Courier", 1),
        ], sort
