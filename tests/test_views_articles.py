"""/articles/ (the filtered list) and /articles/<id>/<slug>/ (one article)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import page_queries
from articles.search import pagination
from tests.conftest import make_article, make_person, make_source, make_topic

pytestmark = pytest.mark.django_db


def headlines(client, **params):
    response = client.get(reverse("article_list"), params)
    assert response.status_code == 200, response.content[:800]
    return [article.headline for article in response.context["page"]]


def test_lists_newest_first_with_undated_last(client, archive):
    assert headlines(client) == [
        "Harbour strike enters second week",
        "Council debates rent caps",
        "New ferry timetable published",
        "Letters to the editor",
    ]


def test_oldest_first(client, archive):
    # The undated last, either way (issue 14.6).
    assert headlines(client, sort="oldest")[-4:] == [
        "New ferry timetable published",
        "Council debates rent caps",
        "Harbour strike enters second week",
        "Letters to the editor",
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"source": "valley-courier"},
            {"Council debates rent caps", "New ferry timetable published", "Letters to the editor"},
        ),
        ({"person": "selim-erdoglu"}, {"Harbour strike enters second week", "Council debates rent caps"}),
        ({"person": "tomasz-brell"}, {"Harbour strike enters second week", "New ferry timetable published"}),
        ({"topic": "transport"}, {"Harbour strike enters second week", "New ferry timetable published"}),
        ({"date_from": "2025-03-08"}, {"Harbour strike enters second week"}),
        ({"date_to": "2025-03-07"}, {"Council debates rent caps", "New ferry timetable published"}),
        ({"date_from": "2025-03-01", "date_to": "2025-03-09"}, {"Council debates rent caps"}),
        ({"year": "2025", "month": "1"}, {"New ferry timetable published"}),
        ({"year": "2025", "month": "3"}, {"Harbour strike enters second week", "Council debates rent caps"}),
        ({"year": "2019"}, set()),
        ({"quotes": "yes", "source": "valley-courier"}, {"Council debates rent caps", "New ferry timetable published"}),
        ({"quotes": "no"}, {"Letters to the editor"}),
        ({"q": "ferry", "topic": "transport"}, {"Harbour strike enters second week", "New ferry timetable published"}),
        ({"source": "valley-courier", "topic": "housing", "person": "selim-erdoglu"}, {"Council debates rent caps"}),
    ],
)
def test_each_filter_and_combinations(client, archive, params, expected):
    assert set(headlines(client, **params)) == expected


def test_person_filter_names_the_person_and_offers_to_remove_it(client, archive):
    response = client.get(reverse("article_list"), {"person": "ines-varga", "source": "harbour-gazette"})
    assert b'Articles mentioning <a href="/people/ines-varga/">Ines Varga</a>' in response.content
    assert b'href="?source=harbour-gazette"' in response.content


@pytest.mark.parametrize("typed", ["Selim Erdoğlu", "selim erdoglu", "SELIM ERDOGLU."])
def test_person_filter_takes_a_name_as_typed(client, archive, typed):
    assert set(headlines(client, person=typed)) == {"Harbour strike enters second week", "Council debates rent caps"}


def test_person_filter_with_an_unknown_name_says_so(client, archive):
    response = client.get(reverse("article_list"), {"person": "Selma Erdo"})
    assert response.status_code == 400
    assert "No one in the archive is called “Selma Erdo”" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"source": "no-such-outlet"}, "source"),
        ({"person": "nobody"}, "person"),
        ({"topic": "<script>"}, "topic"),
        ({"year": "abc"}, "year"),
        ({"year": "2020.5"}, "year"),
        ({"year": "99999999999999999999"}, "year"),
        ({"year": "0"}, "year"),
        ({"month": "13"}, "month"),
        ({"month": "-1"}, "month"),
        ({"date_from": "2025-02-30"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        # Found by QA: a range ending before it starts was an empty page here, a 400 saying so on /quotes/.
        ({"date_from": "2025-03-09", "date_to": "2025-03-01"}, "date_to"),
        ({"quotes": "maybe"}, "quotes"),
        ({"sort": "random()"}, "sort"),
        ({"person": "x\x00y"}, "person"),
        ({"q": "ferry\x00"}, "q"),
    ],
)
def test_invalid_filters_give_a_400_page_with_the_error_not_all_articles(client, archive, params, field):
    response = client.get(reverse("article_list"), params)
    assert response.status_code == 400
    assert field in response.context["filter"].errors
    assert "page" not in response.context
    assert b"could not be used" in response.content


@pytest.mark.parametrize("page", ["0", "-1", "abc", "2.5", "999999", "99999999999999999999999", "", "1e3"])
def test_odd_page_numbers_show_a_real_page(client, page):
    for i in range(25):
        make_article(headline=f"Item {i}")
    response = client.get(reverse("article_list"), {"page": page})
    assert response.status_code == 200
    assert response.context["page"].number in (1, 2)


def test_pagination_keeps_the_filters(client):
    source = make_source("Port Post")
    for i in range(45):
        make_article(headline=f"Item {i}", source=source)
    response = client.get(reverse("article_list"), {"source": "port-post", "page": 2})
    assert len(response.context["page"]) == 20
    assert b'href="?source=port-post&amp;page=3"' in response.content
    assert b'href="?source=port-post&amp;page=1"' in response.content


def test_page_links_show_both_ends_and_two_either_side():
    page = pagination.paginate(list(range(300)), 7, per_page=10, known_count=300)
    gap = page.paginator.ELLIPSIS
    assert page.links == [1, gap, 5, 6, 7, 8, 9, gap, 30]
    assert pagination.paginate(list(range(300)), 1, per_page=10, known_count=300).links == [1, 2, 3, gap, 30]
    assert pagination.paginate(list(range(50)), 3, per_page=10, known_count=50).links == [1, 2, 3, 4, 5]


def test_count_is_capped(client, monkeypatch):
    monkeypatch.setattr(pagination.BoundedPaginator.__init__, "__defaults__", (pagination.PER_PAGE,))
    monkeypatch.setattr(pagination.BoundedPaginator.__init__, "__kwdefaults__", {"cap": 30, "known_count": None})
    for i in range(35):
        make_article(headline=f"Item {i}")
    response = client.get(reverse("article_list"))
    assert b"30+ articles" in response.content
    assert response.context["page"].paginator.num_pages == 2


@pytest.mark.parametrize("size", [3, 30])
def test_list_query_budget(client, grow_archive, django_assert_max_num_queries, size):
    articles = grow_archive(size)
    person = articles[0].quotes.get().person
    # count, rows, the outlet, topic and language <select>s, and the person slug = 6
    with django_assert_max_num_queries(6):
        response = client.get(reverse("article_list"), {"person": person.slug, "quotes": "yes"})
    assert response.status_code == 200
    with django_assert_max_num_queries(5):
        client.get(reverse("article_list"))


# --- one article --------------------------------------------------------------------------


def test_article_page_shows_outlet_aggregator_date_byline_body(client, archive):
    article = archive["articles"]["strike"]
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert '<a class="outlet" href="/sources/harbour-gazette/">Harbour Gazette</a>' in html
    assert 'via <a href="/sources/newswire-digest/">Newswire Digest</a>' in html
    assert '<time datetime="2025-03-10">10 March 2025</time>' in html
    assert "Mara Quill" in html
    assert "<p>Dock workers kept the harbour closed.</p>" in html


def test_quotations_are_listed_with_speakers_linked(client, archive):
    response = client.get(archive["articles"]["strike"].get_absolute_url())
    html = response.content.decode()
    assert "<p>We will not go back without a contract</p>" in html
    assert '<a href="/people/ines-varga/">Ines Varga</a>' in html
    assert '<a href="/people/selim-erdoglu/">Selim Erdoğlu</a>' in html
    assert '<a href="/people/tomasz-brell/">Tomasz Brell</a>' in html  # mentioned, not quoted
    assert '<a href="/topics/transport/">Transport</a>' in html


def test_quotations_are_marked_in_the_body(client):
    speaker = make_person("Oriane Kasselbrook")
    make_article(
        headline="Quay",
        body_text="She said: the quay stays open & free. Then left.",
        quotes=[(speaker, "the quay stays open & free")],
    )
    article = make_article(headline="Quay 2", body_text="x")
    article.body_html = '<p title="the quay stays open &amp; free">She said: the quay stays open &amp; free.</p>'
    article.save()
    quote = article.quotes.create(text="the quay stays open & free", position=0, person=speaker)
    html = client.get(article.get_absolute_url()).content.decode()
    # Marked in the text, not inside the attribute, as the anchor its quotation page links to.
    assert (
        '<p title="the quay stays open &amp; free">She said: '
        f'<mark class="quote-mark" id="q-{quote.pk}">the quay stays open &amp; free</mark>.</p>'
    ) in html


def test_related_articles_share_people(client, archive):
    response = client.get(archive["articles"]["rents"].get_absolute_url())
    assert [a.headline for a in response.context["related"]] == ["Harbour strike enters second week"]


def test_related_articles_most_shared_first_then_newest(client):
    import datetime

    from tests.conftest import make_topic

    ada, bo, cy = make_person("Ada Quill"), make_person("Bo Renner"), make_person("Cy Marsh")
    ferries = make_topic("Ferries")
    day = datetime.date(2025, 5, 1)
    article = make_article(headline="Main", people=[ada, bo], topics=[ferries], published=day)
    make_article(headline="Both, old", people=[ada, bo], published=day - datetime.timedelta(days=300))
    make_article(headline="Ada, newer", people=[ada, cy], published=day - datetime.timedelta(days=2))
    make_article(headline="Ada, older", people=[ada], published=day - datetime.timedelta(days=9))
    make_article(headline="Ferries only", topics=[ferries], published=day)
    make_article(headline="Unrelated", people=[cy], published=day)
    response = client.get(article.get_absolute_url())
    assert [a.headline for a in response.context["related"]] == [
        "Both, old",
        "Ada, newer",
        "Ada, older",
        "Ferries only",
    ]


def test_related_articles_count_what_they_share_beyond_the_windows_they_came_from(client):
    # page_queries._RELATED_SQL counts a candidate's shared people (topics) from the windows it came from
    # only when it is in every one of them; otherwise from its own mentions (topic links).
    import datetime

    from articles.page_queries import RELATED_WINDOW
    from tests.conftest import make_topic

    ada, bo = make_person("Ada Quill"), make_person("Bo Renner")
    ferries, trams = make_topic("Ferries"), make_topic("Trams")
    day = datetime.date(2025, 5, 1)
    # Older than each person's window: found through a topic only, yet it names both.
    make_article(
        headline="Both, beyond the windows", people=[ada, bo], topics=[ferries], published=day.replace(year=2020)
    )
    for n in range(RELATED_WINDOW):
        make_article(headline=f"Ada {n}", people=[ada], published=day - datetime.timedelta(days=n + 1))
        make_article(headline=f"Bo {n}", people=[bo], published=day - datetime.timedelta(days=n + 1))
    make_article(headline="Ada, trams", people=[ada], topics=[trams], published=day - datetime.timedelta(days=30))
    make_article(headline="Both topics, nobody", topics=[ferries, trams], published=day)
    article = make_article(headline="Main", people=[ada, bo], topics=[ferries, trams], published=day)
    response = client.get(article.get_absolute_url())
    assert [a.headline for a in response.context["related"]] == [
        "Both, beyond the windows",
        "Ada, trams",
        "Bo 0",
        "Ada 0",
        "Bo 1",
    ]


def test_old_slug_redirects_permanently(client, archive):
    article = archive["articles"]["strike"]
    response = client.get(reverse("article_detail", args=[article.pk, "old-headline"]))
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_unknown_article_is_a_friendly_404(client, archive):
    response = client.get("/articles/999999/anything/")
    assert response.status_code == 404
    assert b"find that page" in response.content


@pytest.mark.parametrize("size", [3, 30])
def test_article_page_query_budget(client, grow_archive, django_assert_max_num_queries, size):
    article = grow_archive(size)[0]
    # the article with its outlets, quotations and speakers, people, topics and related articles: one statement
    with django_assert_max_num_queries(1):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200


def test_article_page_statements_are_prepared_once_per_connection(client, grow_archive):
    first, second = grow_archive(2)
    client.get(first.get_absolute_url())  # prepares them on this connection, if nothing had
    with CaptureQueriesContext(connection) as queries:
        response = client.get(second.get_absolute_url())
    assert response.status_code == 200
    assert "Harbour report 1" in response.content.decode()
    # The page's statement (related articles included): run, not planned again.
    assert [query["sql"].split()[0] for query in queries] == ["EXECUTE"]


def test_article_page_statements_run_their_generic_plan_from_the_first(client, grow_archive):
    # Planned once per connection: PostgreSQL's default plans a prepared statement again at each of its first
    # five runs, and went on planning related articles at every page.
    articles = grow_archive(3)
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    connection.na_prepared = None
    for article in articles:
        assert client.get(article.get_absolute_url()).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'na_%%'")
        assert cursor.fetchall() == [(3, 0)]


@pytest.mark.django_db(transaction=True)  # the page's statements outside a transaction, as under gunicorn
def test_a_server_session_without_the_prepared_statements_still_serves_the_page(client, monkeypatch, caplog):
    # Behind a pooler in transaction mode, the next statement may run in a session that never saw the PREPARE.
    monkeypatch.setattr(page_queries, "_prepare", True)
    article = make_article(headline="Tram depot reopens at Quillon Cross", body_text="The depot reopened.")
    assert client.get(article.get_absolute_url()).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # as another server session would be
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Tram depot reopens at Quillon Cross" in response.content.decode()
    assert "no longer prepared" in caplog.text
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.get_absolute_url()).status_code == 200
    assert not [query for query in queries if query["sql"].split()[0] in ("PREPARE", "EXECUTE")]


@pytest.mark.django_db(transaction=True)
def test_a_statement_the_session_holds_already_is_run_not_prepared_again(client, monkeypatch):
    # Its PREPARE ran but the EXECUTE sent with it failed (a statement timeout, say): the session has it.
    monkeypatch.setattr(page_queries, "_prepare", True)
    article = make_article(headline="Tram depot reopens at Quillon Cross", body_text="The depot reopened.")
    assert client.get(article.get_absolute_url()).status_code == 200
    connection.na_prepared = None  # as if never prepared here
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Tram depot reopens at Quillon Cross" in response.content.decode()
    # Its PREPARE refused ("already exists"), then run.
    assert [query["sql"].split()[0] for query in queries] == ["PREPARE", "EXECUTE"]
    assert page_queries._prepare
    with CaptureQueriesContext(connection) as again:
        assert client.get(article.get_absolute_url()).status_code == 200
    assert [query["sql"].split()[0] for query in again] == ["EXECUTE"]


def test_no_match_says_so_and_offers_to_clear(client, archive):
    response = client.get(reverse("article_list"), {"year": "2019"})
    assert b"No article matches these filters" in response.content


def test_quote_cards_escape_what_they_show(client):
    from articles.models import Quote

    article = make_article(
        headline="Pier <b>vote</b>",
        source=make_source("Coast & Country"),
        quotes=[(None, "We said <script>alert(1)</script> no")],
    )
    Quote.objects.filter(article=article).update(speaker_as_written="A & B <i>Ltd</i>", partial=True)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert (
        '<blockquote class="partial"><p>We said &lt;script&gt;alert(1)&lt;/script&gt; no</p></blockquote>\n'
        "  <figcaption>A &amp; B &lt;i&gt;Ltd&lt;/i&gt;\n"
    ) in html


def test_a_persons_articles_in_date_order_either_way_undated_at_the_end(client):
    import datetime

    ada = make_person("Ada Quill")
    for day, headline in ((3, "March"), (1, "January"), (None, "Undated"), (2, "February")):
        published = datetime.date(2024, day, 1) if day else None
        make_article(headline=headline, people=[ada], published=published)
    make_article(headline="Someone else", published=datetime.date(2024, 4, 1))
    assert headlines(client, person="ada-quill") == ["March", "February", "January", "Undated"]
    assert headlines(client, person="ada-quill", sort="newest") == ["March", "February", "January", "Undated"]
    assert headlines(client, person="ada-quill", sort="oldest") == ["January", "February", "March", "Undated"]


def test_outlet_choices_keep_the_choice_and_escape_names(client):
    make_article(source=make_source("Coast & Country", slug="coast-country"))
    make_source("Bay <Echo>", slug="bay-echo")
    html = client.get(reverse("article_list"), {"source": "coast-country"}).content.decode()
    assert '<option value="coast-country" selected>Coast &amp; Country</option>' in html
    assert '<option value="bay-echo">Bay &lt;Echo&gt;</option>' in html
    assert '<option value="">Any outlet</option>' in html


def test_article_cards_escape_what_they_show(client):
    import datetime

    make_article(
        headline="Tide <tables> & times",
        byline="Jo <b>Lee</b>",
        published=datetime.date(2025, 3, 5),
        body_text="Ferries <script>run</script> late & early.",
        source=make_source("Bay & Sound"),
    )
    html = client.get(reverse("article_list")).content.decode()
    assert ">Tide &lt;tables&gt; &amp; times</a></h3>" in html
    assert (
        '<p class="meta"><span class="outlet">Bay &amp; Sound</span> · <time datetime="2025-03-05">5 March 2025'
        "</time> · Jo &lt;b&gt;Lee&lt;/b&gt;</p>"
    ) in html
    assert '<p class="excerpt">Ferries &lt;script&gt;run&lt;/script&gt; late &amp; early.</p>' in html


def test_a_card_cuts_a_long_opening_after_a_whole_word(client):
    # The card shows 240 characters of the text: "departments" crosses that line, so the card ends after
    # "municipal" with " …", not in half a word ("municipal depa"); the opening has fewer than 40 words.
    opening = (
        "Independent assessors commissioned by Harbourview councillors concluded yesterday that residential "
        "evictions decreased substantially following introduction of stabilised tenancies, according to "
        "statistics assembled by the municipal "
    )
    assert 230 < len(opening) < 240 < len(opening + "departments")
    make_article(headline="Evictions fall", body_text=opening + "departments and the port authority.")
    html = client.get(reverse("article_list")).content.decode()
    assert f'<p class="excerpt">{opening.rstrip()} …</p>' in html


def test_article_side_lists_escape_what_they_show(client):
    import datetime

    quill = make_person('Ada <b>"Quill"</b>')
    docks = make_topic("Docks & <i>'piers'</i>")
    article = make_article(headline="Harbour board meets", people=[quill], topics=[docks])
    make_article(
        headline="Ferry <script>alert(1)</script> & rents",
        source=make_source("Bay <Echo> & Co"),
        published=datetime.date(2024, 3, 5),
        quotes=[(quill, "Fares stay as they are.")],
        topics=[docks],
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    person_link = f'<a href="{quill.get_absolute_url()}">Ada &lt;b&gt;&quot;Quill&quot;&lt;/b&gt;</a>'
    assert f'<ul class="plain"><li>{person_link}</li></ul>' in html
    topic_link = f'<a href="{docks.get_absolute_url()}">Docks &amp; &lt;i&gt;&#x27;piers&#x27;&lt;/i&gt;</a>'
    assert f'<ul class="chips"><li>{topic_link}</li></ul>' in html
    assert (
        "Ferry &lt;script&gt;alert(1)&lt;/script&gt; &amp; rents</a> "
        '<span class="meta">Bay &lt;Echo&gt; &amp; Co, <time datetime="2024-03-05">5 Mar 2024</time></span></li></ul>'
    ) in html


def test_article_side_lists_say_who_is_quoted(client):
    quill, rook = make_person("Ada Quill"), make_person("Ben Rook")
    article = make_article(headline="Harbour board meets", people=[rook], quotes=[(quill, "Fares stay.")])
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        f'<li><a href="{quill.get_absolute_url()}">Ada Quill</a> <span class="tag">quoted</span></li>'
        f'<li><a href="{rook.get_absolute_url()}">Ben Rook</a></li>'
    ) in html


@pytest.mark.parametrize(
    "text",
    ["", "One", "One two three", "One  two\nthree\u00a0four five six", " lead\tspace and a tail  ", "a b c …", "a b …"],
)
@pytest.mark.parametrize("count", [1, 2, 3, 30])
def test_opening_words_is_truncatewords(text, count):
    # archive.opening_words splits only the words it keeps (an article page's description of a long body)
    from django.template.defaultfilters import truncatewords

    from articles.templatetags.archive import opening_words

    assert opening_words(text, count) == truncatewords(text, count)


def test_the_description_is_the_bodys_first_thirty_words(client):
    words = [f"w{n}" for n in range(40)]
    article = make_article(headline="Pier lights", body_text=" ".join(words) + " <b>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'<meta name="description" content="{" ".join(words[:30])} …">' in html
