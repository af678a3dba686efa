"""Wire copies (issue 14.3): one story published by several outlets is found when stored, grouped, listed
once with "also published by N outlets", and its quotations count once for the person quoted.

The story, the outlets and the people are our own fiction."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.db import connection

from articles import wire
from articles.ingest import pipeline
from articles.ingest.formats import ParsedArticle
from articles.ingest.sanitize import text_to_html
from articles.models import Article, Person

PARAGRAPHS = [
    "The ferry link between Port Ardent and the island of Sellholm will stop for three weeks from Monday, "
    "the regional transport board said on Thursday, after inspectors found cracks in the loading ramp at "
    "the island's only pier.",
    "Around four hundred people cross the strait every day, most of them workers at the fish plant and "
    "pupils at the secondary school in Port Ardent. The board said a replacement boat without a car deck "
    "would run twice a day while the ramp is rebuilt.",
    '"We cannot let anyone drive onto a ramp that might fold under a lorry," said Orla Fenwick, who chairs '
    'the transport board. "The repair will take three weeks if the steel arrives on time."',
    "Shopkeepers on Sellholm said the closure came at the worst moment, a week before the autumn market, "
    "when traders from the mainland usually bring their vans across on the morning boat.",
    "The island council asked the board to pay for a second passenger boat at weekends. Fenwick said the "
    "board would look at the request but could not promise anything before the inspectors report again.",
    "The ramp was last rebuilt eleven years ago, when a storm tore away two of its supports. Engineers then "
    "expected it to last twenty years.",
]


def story(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def parsed(headline: str, body: str, source: str, day: dt.date, url: str = "") -> ParsedArticle:
    return ParsedArticle(
        headline=headline,
        body_text=body,
        body_html=text_to_html(body),
        origin=f"test:{source}",
        source=source,
        published=day,
        url=url,
    )


DAY = dt.date(2026, 9, 17)
# The agency's copy as three fictional outlets ran it: another headline, a paragraph cut or added,
# the outlet's own footer.
COURIER = parsed("Sellholm ferry halted for ramp repairs", story(*PARAGRAPHS), "Strait Courier", DAY)
LEDGER = parsed(
    "Three weeks without the car ferry for Sellholm",
    story(*PARAGRAPHS[:5], "Subscribe to the Northfield Ledger for island news every morning."),
    "Northfield Ledger",
    DAY,
)
BEACON = parsed(
    "Cracked ramp stops island ferry",
    story(
        *PARAGRAPHS[:3],
        "Parents at the school said pupils would have to leave home an hour earlier to catch the first boat.",
        *PARAGRAPHS[3:5],
    ),
    "Harrow Beacon",
    DAY + dt.timedelta(days=1),
)


def store(*articles: ParsedArticle):
    report = pipeline.run_items(list(articles), workers=1)
    assert not report.rejected, report.rejected
    return report


def group_of(headline: str) -> tuple[int | None, list[str]]:
    article = Article.objects.get(headline=headline)
    head = article.copy_of_id or article.pk
    members = Article.objects.filter(pk=head) | Article.objects.filter(copy_of=head)
    return head, sorted(members.values_list("source__name", flat=True))


@pytest.mark.django_db
def test_a_wire_story_from_three_outlets_is_one_search_result_also_published_by_two(client):
    store(COURIER, LEDGER, BEACON)
    html = client.get("/search/", {"q": "Sellholm ferry ramp"}).content.decode()
    assert html.count('class="card"') == 1
    assert "also published by 2 outlets" in html
    head = Article.objects.get(copy_of__isnull=True, headline__in=[COURIER.headline, LEDGER.headline])
    assert head.headline == COURIER.headline  # published first (the Beacon's came a day later)
    assert sorted(Article.objects.filter(copy_of=head).values_list("source__name", flat=True)) == [
        "Harrow Beacon",
        "Northfield Ledger",
    ]
    for path in ("/articles/", "/"):  # the lists too
        listed = client.get(path).content.decode()
        assert listed.count(COURIER.headline) == 1, path
        assert LEDGER.headline not in listed and BEACON.headline not in listed, path
        assert "also published by 2 outlets" in listed


@pytest.mark.django_db
def test_copies_stored_in_separate_runs_join_the_group(client):
    store(COURIER)
    store(LEDGER)
    store(BEACON)
    assert group_of(BEACON.headline)[1] == ["Harrow Beacon", "Northfield Ledger", "Strait Courier"]


@pytest.mark.django_db
def test_article_page_lists_every_other_copy(client, django_assert_max_num_queries):
    store(COURIER, LEDGER, BEACON)
    copy = Article.objects.get(headline=LEDGER.headline)
    with django_assert_max_num_queries(9):
        html = client.get(copy.get_absolute_url()).content.decode()
    assert "The same story elsewhere" in html
    assert COURIER.headline in html and BEACON.headline in html
    assert "Strait Courier" in html and "Harrow Beacon" in html


@pytest.mark.django_db
def test_related_articles_list_a_story_once_and_not_the_pages_own_copies(client):
    # Another story naming the board's chair: the copies above name her too, so they are all "related".
    other = parsed(
        "Transport board names new ferry inspector",
        "The regional transport board appointed a new ferry inspector on Friday, its chair Orla Fenwick said.",
        "Strait Courier",
        DAY + dt.timedelta(days=3),
    )
    store(COURIER, LEDGER, BEACON, other)
    page = client.get(Article.objects.get(headline=other.headline).get_absolute_url()).content.decode()
    related = page.split("Related articles", 1)[1]
    # one card for the wire story, whichever copy
    assert sum(related.count(a.headline) for a in (COURIER, LEDGER, BEACON)) == 1
    copy = client.get(Article.objects.get(headline=LEDGER.headline).get_absolute_url()).content.decode()
    # on a copy's page its group is "the same story elsewhere" only, never again among the related
    assert copy.count(COURIER.headline) == copy.count(BEACON.headline) == 1


@pytest.mark.django_db
def test_an_earlier_copy_stored_later_heads_the_group(client):
    store(LEDGER, BEACON)
    early = parsed(COURIER.headline, COURIER.body_text, "Strait Courier", DAY - dt.timedelta(days=1))
    store(early)
    head, members = group_of(BEACON.headline)
    assert Article.objects.get(pk=head).headline == COURIER.headline
    assert members == ["Harrow Beacon", "Northfield Ledger", "Strait Courier"]
    assert Article.objects.get(pk=head).copy_outlets == 2
    assert set(Article.objects.exclude(pk=head).values_list("copy_outlets", flat=True)) == {0}


def test_light_edits_keep_a_copy_and_shared_boilerplate_does_not_make_one():
    # A copy: another headline is not compared, a paragraph cut, another added, another footer.
    assert wire.similarity(COURIER.body_text, LEDGER.body_text) >= wire.SAME_STORY
    assert wire.similarity(COURIER.body_text, BEACON.body_text) >= wire.SAME_STORY
    assert set(wire.bands(COURIER.body_text)) & set(wire.bands(BEACON.body_text))
    # Two stories of one outlet with its long standard footer.
    footer = (
        "The Strait Courier is published by Strait Media in Port Ardent. Letters to the editor may be sent to "
        "the newsroom at the harbour office, and corrections are printed on page two of the next edition."
    )
    other = story(
        "The Port Ardent rowing club won the autumn regatta on Saturday, beating crews from four harbour "
        "towns on a windy course off the breakwater.",
        "The club's women's eight led from the start and crossed the line two lengths ahead of Sellholm, "
        "whose crew had trained on the strait since the spring.",
        footer,
    )
    assert wire.similarity(story(*PARAGRAPHS[:2], footer), other) < wire.SAME_STORY


@pytest.mark.django_db
def test_different_stories_sharing_an_outlet_footer_stay_apart():
    footer = (
        "The Strait Courier is published by Strait Media in Port Ardent. Letters to the editor may be sent to "
        "the newsroom at the harbour office, and corrections are printed on page two of the next edition. "
        "Subscriptions cost twelve crowns a month and include the weekend magazine and the tide tables."
    )
    first = story(PARAGRAPHS[0], PARAGRAPHS[1], footer)
    second = story(
        "The Port Ardent rowing club won the autumn regatta on Saturday, beating crews from four harbour "
        "towns on a windy course off the breakwater, where the wind turned twice during the final race.",
        "The club's women's eight led from the start and crossed the line two lengths ahead of Sellholm, "
        "whose crew had trained on the strait since the spring and had won the regatta for three years.",
        footer,
    )
    store(parsed("Ferry halted", first, "Strait Courier", DAY), parsed("Rowers win", second, "Strait Courier", DAY))
    assert not Article.objects.filter(copy_of__isnull=False).exists()


@pytest.mark.django_db
def test_the_same_article_again_makes_no_group_with_itself():
    url = "https://courier.example/sellholm-ferry"
    first = parsed(COURIER.headline, COURIER.body_text, "Strait Courier", DAY, url=url)
    store(first)
    report = store(first)  # the same text again: skipped
    assert report.skipped == 1
    edited = parsed(COURIER.headline, COURIER.body_text + "\n\nThis story was updated.", "Strait Courier", DAY, url)
    report = store(edited)  # the same URL with new text: the article updated, not a copy of itself
    assert report.updated == 1
    article = Article.objects.get()
    assert article.copy_of_id is None and article.copy_outlets == 0


@pytest.mark.django_db
def test_a_copys_quotations_count_once_on_the_persons_page(client):
    store(COURIER, LEDGER, BEACON)
    fenwick = Person.objects.get(name="Orla Fenwick")
    assert fenwick.quotes.count() == 6  # two in each copy
    html = client.get(fenwick.get_absolute_url()).content.decode()
    assert "2 quotations" in html


@pytest.mark.django_db
def test_data_quality_page_lists_wire_copy_groups(admin_client):
    store(COURIER, LEDGER, BEACON)
    html = admin_client.get("/admin/data-quality/").content.decode()
    assert "Wire copies to confirm (1)" in html
    head = Article.objects.get(copy_of__isnull=True)
    assert f"/admin/articles/article/{head.pk}/change/" in html
    assert LEDGER.headline in html and BEACON.headline in html


@pytest.mark.django_db
def test_find_wire_copies_groups_articles_stored_before_detection():
    store(COURIER, LEDGER, BEACON)
    with connection.cursor() as cursor:  # as migration 0029 left the rows stored before it
        cursor.execute("UPDATE articles_article SET wire_bands = NULL, copy_of_id = NULL, copy_outlets = 0")
    call_command("find_wire_copies", verbosity=0)
    head, members = group_of(LEDGER.headline)
    assert members == ["Harrow Beacon", "Northfield Ledger", "Strait Courier"]
    assert Article.objects.get(pk=head).copy_outlets == 2
    assert not Article.objects.filter(wire_bands__isnull=True).exists()


@pytest.mark.django_db
def test_a_copys_quotations_count_once_among_the_most_quoted_and_their_topics():
    from articles.models import Topic
    from articles.page_queries import most_quoted_people, quoted_topics

    store(COURIER, LEDGER, BEACON)
    ferries = Topic.objects.create(name="Ferries", slug="ferries")
    for article in Article.objects.all():
        article.topics.add(ferries)
    [fenwick] = most_quoted_people(DAY - dt.timedelta(days=30))
    assert (fenwick.name, fenwick.quote_count) == ("Orla Fenwick", 2)
    assert [(topic.name, topic.quotes) for topic in quoted_topics(fenwick)] == [("Ferries", 2)]


# --- Staff split and join groups ------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_split_a_wrong_copy_from_its_group_and_join_another(client):
    from tests.test_admin import article_data, form_errors, staff

    store(COURIER, LEDGER, BEACON)
    head = Article.objects.get(headline=COURIER.headline)
    ledger = Article.objects.get(headline=LEDGER.headline)
    client.force_login(staff("Editors"))

    def change(article: Article, copy_of: Article | None):
        return client.post(
            f"/admin/articles/article/{article.pk}/change/",
            article_data(
                headline=article.headline,
                body_html=article.body_html,  # the text unchanged: only the group changes
                published=article.published.isoformat(),
                published_precision="day",
                source=article.source_id,
                copy_of=copy_of.pk if copy_of else "",
            ),
        )

    response = change(ledger, None)  # "not a copy": it stands alone
    assert response.status_code == 302, form_errors(response)
    head.refresh_from_db()
    assert head.copy_outlets == 1  # the Beacon only
    listed = client.get("/articles/").content.decode()
    assert LEDGER.headline in listed and "also published by 1 outlet" in listed

    # A copy of a copy is refused, naming the article to choose instead.
    beacon = Article.objects.get(headline=BEACON.headline)
    response = change(ledger, beacon)
    assert response.status_code == 200
    assert f"“{BEACON.headline}” is itself a copy: choose the article it copies, “{COURIER.headline}”." in (
        form_errors(response)
    )

    response = change(ledger, head)  # back in the group
    assert response.status_code == 302, form_errors(response)
    head.refresh_from_db()
    assert head.copy_outlets == 2


# --- A group's first-published article deleted: the copies form the group again ---------------------------


def regrouped() -> dict[str, tuple[str | None, int]]:
    """Each remaining article's outlet: (the outlet of the article it is a copy of, its copy_outlets)."""
    return {
        a.source.name: (a.copy_of.source.name if a.copy_of else None, a.copy_outlets)
        for a in Article.objects.select_related("source", "copy_of__source")
    }


@pytest.mark.django_db
def test_deleting_a_groups_first_article_makes_the_oldest_copy_head_the_others(client):
    store(COURIER, LEDGER, BEACON)
    Article.objects.get(headline=COURIER.headline).delete()
    # The Ledger's copy came out the same day as the Courier's, the Beacon's a day later.
    assert regrouped() == {"Northfield Ledger": (None, 1), "Harrow Beacon": ("Northfield Ledger", 0)}
    listed = client.get("/articles/").content.decode()
    assert LEDGER.headline in listed and BEACON.headline not in listed
    assert "also published by 1 outlet" in listed


@pytest.mark.django_db
def test_deleting_heads_in_the_admin_regroups_their_copies(admin_client):
    store(COURIER, LEDGER, BEACON)
    courier = Article.objects.get(headline=COURIER.headline)
    response = admin_client.post(f"/admin/articles/article/{courier.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert regrouped() == {"Northfield Ledger": (None, 1), "Harrow Beacon": ("Northfield Ledger", 0)}
    # Bulk delete from the list, the new head and another article together: the Beacon stands alone.
    ledger = Article.objects.get(headline=LEDGER.headline)
    other = Article.objects.create(headline="Harbour dues rise", body_html="<p>x</p>", body_text="x")
    response = admin_client.post(
        "/admin/articles/article/",
        {"action": "delete_selected", "_selected_action": [ledger.pk, other.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert regrouped() == {"Harrow Beacon": (None, 0)}


@pytest.mark.django_db
def test_deleting_a_head_with_one_of_its_copies_or_by_sql_regroups_the_rest():
    later = parsed("Ferry ramp: the island waits", story(*PARAGRAPHS), "Sellholm Post", DAY + dt.timedelta(days=2))
    store(COURIER, LEDGER, BEACON, later)
    assert Article.objects.get(headline=COURIER.headline).copy_outlets == 3
    Article.objects.filter(headline__in=[COURIER.headline, LEDGER.headline]).delete()
    assert regrouped() == {"Harrow Beacon": (None, 1), "Sellholm Post": ("Harrow Beacon", 0)}
    beacon = Article.objects.get(headline=BEACON.headline).pk
    with connection.cursor() as cursor:  # not through Django at all
        for table in ("articles_mention", "articles_quote", "articles_article_topics"):
            cursor.execute(f"DELETE FROM {table} WHERE article_id = %s", [beacon])
        cursor.execute("DELETE FROM articles_article WHERE id = %s", [beacon])
    assert regrouped() == {"Sellholm Post": (None, 0)}


@pytest.mark.django_db
def test_deleting_a_copy_takes_its_outlet_off_the_heads_count():
    store(COURIER, LEDGER, BEACON)
    Article.objects.get(headline=BEACON.headline).delete()
    assert regrouped() == {"Strait Courier": (None, 1), "Northfield Ledger": ("Strait Courier", 0)}


# --- A wire story's quotations count once in a person's figures (issue 14.3) ----------------------------

# Who else the story names, in every copy: the chair's figures and theirs must count the story once.
COUNCIL = (
    '"We were told about the cracks on Wednesday night," said Tomas Brevik, who leads the island council. '
    "Fenwick said the board had warned the council as soon as it knew."
)
# A quotation only the Beacon's copy carries: not a repeat, so it counts.
SCHOOL_BUS = '"The school bus will meet the first boat every morning," Fenwick told the Beacon.'


def three_copies_naming_the_council() -> None:
    store(
        parsed(COURIER.headline, story(COURIER.body_text, COUNCIL), "Strait Courier", DAY),
        parsed(LEDGER.headline, story(LEDGER.body_text, COUNCIL), "Northfield Ledger", DAY),
        parsed(BEACON.headline, story(BEACON.body_text, COUNCIL, SCHOOL_BUS), "Harrow Beacon", DAY + dt.timedelta(1)),
    )
    assert Article.objects.filter(copy_of__isnull=False).count() == 2


def cards(html: str) -> list[str]:
    return [card.split("</blockquote>", 1)[0] for card in html.split('<figure class="quote">')[1:]]


@pytest.mark.django_db
def test_quotation_search_lists_a_wire_storys_quotation_once_quoted_in_three_outlets(client):
    three_copies_naming_the_council()
    html = client.get("/quotes/", {"q": "ramp lorry"}).content.decode()
    assert len(cards(html)) == 1  # not one for each outlet
    assert "quoted in 3 outlets" in html
    html = client.get("/quotes/", {"speaker": "orla-fenwick"}).content.decode()
    found = cards(html)
    assert len(found) == 3, found  # the two of the story, once, and the one only the Beacon carried
    assert sum("school bus" in card for card in found) == 1
    facet = html.split('id="facet-speaker"', 1)[1].split("</ul>", 1)[0]
    assert "Orla Fenwick" in facet and ">3<" in facet.replace(" ", "")
    # An outlet's own quotations are all there when it is the filter, repeats of the story included.
    ledger = client.get("/quotes/", {"source": "northfield-ledger", "speaker": "orla-fenwick"}).content.decode()
    assert len(cards(ledger)) == 2


@pytest.mark.django_db
def test_a_persons_page_counts_a_wire_story_once(client, django_assert_max_num_queries):
    three_copies_naming_the_council()
    fenwick = Person.objects.get(name="Orla Fenwick")
    with django_assert_max_num_queries(8):  # as test_views_people pins it
        html = client.get(fenwick.get_absolute_url()).content.decode()
    assert "3 quotations" in html  # the story's two once, and the Beacon's own
    assert "quoted in 3 outlets" in html
    named_with = html.split("Often named with", 1)[1].split("</ol>", 1)[0]
    assert "Tomas Brevik" in named_with and "1 article<" in named_with  # one story, not three articles
    latest = html.split('id="articles-title"', 1)[1].split("</ul>", 1)[0]
    assert latest.count("<li>") == 1, latest  # the story once, as /articles/?person= lists it
    brevik = client.get(Person.objects.get(name="Tomas Brevik").get_absolute_url()).content.decode()
    assert "1 quotation" in brevik and "quoted in 3 outlets" in brevik


@pytest.mark.django_db
def test_most_quoted_and_topics_count_a_quotation_only_a_copy_carries():
    from articles.models import Topic
    from articles.page_queries import most_quoted_people, quoted_topics

    three_copies_naming_the_council()
    ferries = Topic.objects.create(name="Ferries", slug="ferries")
    for article in Article.objects.all():
        article.topics.add(ferries)
    quoted = {p.name: p.quote_count for p in most_quoted_people(DAY - dt.timedelta(days=30))}
    assert quoted == {"Orla Fenwick": 3, "Tomas Brevik": 1}
    fenwick = Person.objects.get(name="Orla Fenwick")
    assert [(topic.name, topic.quotes) for topic in quoted_topics(fenwick)] == [("Ferries", 3)]


@pytest.mark.django_db
def test_a_name_in_one_wire_story_only_is_named_once_for_the_data_quality_page():
    from articles import quality
    from articles.models import Mention

    store(COURIER, LEDGER, BEACON)
    authority = Person.objects.create(name="Sellholm Pier Authority", slug="sellholm-pier-authority")
    Mention.objects.bulk_create([Mention(article=a, person=authority) for a in Article.objects.all()])
    # Three outlets ran the story: still one story naming it, so it is listed to be declared no person.
    assert authority in quality.organisation_like_people()


@pytest.mark.django_db
def test_a_storys_quotations_count_once_after_its_group_changes(client):
    from articles.models import Quote

    def fenwick_quotations() -> int:
        return Quote.objects.filter(person__name="Orla Fenwick").one_per_story().count()

    store(COURIER, LEDGER, BEACON)
    assert fenwick_quotations() == 2
    Article.objects.get(headline=COURIER.headline).delete()  # the Ledger heads the Beacon now (0031)
    assert fenwick_quotations() == 2
    html = client.get(Person.objects.get(name="Orla Fenwick").get_absolute_url()).content.decode()
    assert "2 quotations" in html and "quoted in 2 outlets" in html
    beacon = Article.objects.get(headline=BEACON.headline)
    Article.objects.filter(pk=beacon.pk).update(copy_of=None)  # staff split it off: its own story
    assert fenwick_quotations() == 4
    Article.objects.filter(pk=beacon.pk).update(copy_of=Article.objects.get(headline=LEDGER.headline))
    assert fenwick_quotations() == 2
    # Staff correct the words of a quotation in the copy: no longer the same words, so counted.
    quote = Quote.objects.filter(article=beacon).first()
    quote.text = "We cannot let anyone drive a lorry onto that ramp."
    quote.save()
    assert fenwick_quotations() == 3


@pytest.mark.django_db
def test_the_people_admin_counts_a_wire_storys_quotations_once(admin_client, django_assert_max_num_queries):
    three_copies_naming_the_council()
    # session, user, savepoint, count, the page (quotations counted in a subquery), full count, release: none a row
    with django_assert_max_num_queries(8):
        response = admin_client.get("/admin/articles/person/")
    counts = {person.name: person.n_quotes for person in response.context["cl"].result_list}
    # As the person pages say: the story's two once and the Beacon's own; Brevik's one once, not in each outlet.
    assert counts == {"Orla Fenwick": 3, "Tomas Brevik": 1}
    html = response.content.decode()
    assert '<td class="field-quote_count">3</td>' in html
    fewest_first = admin_client.get("/admin/articles/person/", {"o": "3"}).context["cl"].result_list
    assert [person.name for person in fewest_first] == ["Tomas Brevik", "Orla Fenwick"]


@pytest.mark.django_db
def test_a_list_narrowed_to_an_outlet_shows_that_outlets_own_copy(client):
    store(COURIER, LEDGER, BEACON)
    # The Ledger's copy is not the story's head (the Courier's is), but a reader asking for the Ledger's
    # articles, or searching within the Ledger, must find it: as /sources/northfield-ledger/ lists it.
    for path, params in (
        ("/articles/", {"source": "northfield-ledger"}),
        ("/search/", {"q": "Sellholm ferry ramp", "source": "northfield-ledger"}),
        ("/search/", {"source": "northfield-ledger"}),
    ):
        html = client.get(path, params).content.decode()
        assert html.count(LEDGER.headline) == 1, (path, params)
        assert COURIER.headline not in html and BEACON.headline not in html, (path, params)
    # Without the outlet the story is still listed once, under its head.
    html = client.get("/articles/").content.decode()
    assert html.count(COURIER.headline) == 1 and LEDGER.headline not in html


@pytest.mark.django_db
def test_a_lists_downloads_and_api_carry_a_wire_story_as_its_page_does(client):
    """Found by QA: /search/?q=storm said "3 results" and its "Download all matches" gave 5 rows; a topic page said
    "8 articles" and its download 10: the downloads (and /api/articles/, "the filters of /articles/") carried every
    copy of a wire story, where the page, the search feed and the quotation downloads list it once."""
    store(COURIER, LEDGER, BEACON)
    fenwick = Person.objects.get(name="Orla Fenwick")
    for params in ({}, {"q": "Sellholm ferry"}, {"person": fenwick.slug}):
        for path in ("/articles/", "/search/"):
            for fmt in ("csv", "jsonl"):
                response = client.get(path, {**params, "format": fmt})
                text = b"".join(response.streaming_content).decode()
                assert text.count("Sellholm") and text.count(COURIER.headline) == 1, (path, params, fmt)
                assert LEDGER.headline not in text and BEACON.headline not in text, (path, params, fmt)
        api = [a["headline"] for a in client.get("/api/articles/", params).json()["results"]]
        assert api == [COURIER.headline], params
    # Narrowed to an outlet, that outlet's own copy, as on the page.
    for path in ("/articles/", "/search/"):
        text = b"".join(client.get(path, {"source": "northfield-ledger", "format": "csv"}).streaming_content).decode()
        assert LEDGER.headline in text and COURIER.headline not in text, path
    api = client.get("/api/articles/", {"source": "northfield-ledger"}).json()["results"]
    assert [a["headline"] for a in api] == [LEDGER.headline]


def outlet_facet(html: str) -> dict[str, tuple[int, str]]:
    """The search page's outlet facet: {outlet: (count, link)}."""
    from html import unescape

    facet = html.split("<h2>Outlet</h2>", 1)[1].split("</ul>", 1)[0]
    rows = re.findall(r'<a href="([^"]+)">([^<]+)</a> <span class="count">(\d+)</span>', facet)
    return {unescape(label): (int(n), unescape(href)) for href, label, n in rows}


ENGINEER = '"The new steel is already on order," said Petra Lunde, the board\'s chief engineer.'


@pytest.mark.django_db
def test_search_counts_a_wire_story_under_each_outlet_that_ran_it(client, django_assert_max_num_queries):
    # The Courier and the Beacon kept the engineer's words; the Ledger cut them.
    store(
        parsed(COURIER.headline, story(COURIER.body_text, ENGINEER), "Strait Courier", DAY),
        LEDGER,
        parsed(BEACON.headline, story(BEACON.body_text, ENGINEER), "Harrow Beacon", DAY + dt.timedelta(days=1)),
    )
    # The Ledger's own story on the ferry, no copy of the agency's: the Ledger ran two of the matches.
    store(
        parsed(
            "Sellholm ferry crew ask for a new rota",
            "The crew of the Sellholm ferry asked the transport board for a new rota, saying the ramp repairs "
            "left them idle for weeks while the relief boat ran with a crew from the mainland.",
            "Northfield Ledger",
            DAY + dt.timedelta(days=5),
        )
    )
    assert Article.objects.filter(copy_of__isnull=False).count() == 2
    # The time limit's savepoint, setting and release; the estimate; the matches; the page's rows; the facets (the
    # copies' outlets in the same statement); the person card: as many as before copies were counted.
    with django_assert_max_num_queries(8):
        html = client.get("/search/", {"q": "Sellholm ferry ramp"}).content.decode()
    assert html.count('class="card"') == 2  # the agency's story once, under its head (the Courier's)
    facet = outlet_facet(html)
    assert {outlet: n for outlet, (n, _) in facet.items()} == {
        "Northfield Ledger": 2,
        "Harrow Beacon": 1,
        "Strait Courier": 1,
    }
    for outlet, (n, link) in facet.items():  # each outlet's link lists as many as the facet says
        assert client.get("/search/" + link).content.decode().count('class="card"') == n, outlet
    # Narrowed to a person, a copy counts only where its own text names them: not the Ledger's, which cut her.
    for params in ({"q": "ramp", "person": "petra-lunde"}, {"person": "petra-lunde"}):
        facet = outlet_facet(client.get("/search/", params).content.decode())
        assert {outlet: n for outlet, (n, _) in facet.items()} == {"Harrow Beacon": 1, "Strait Courier": 1}, params
        for outlet, (n, link) in facet.items():
            assert client.get("/search/" + link).content.decode().count('class="card"') == n, (params, outlet)
    # Narrowed to an outlet, the facet counts that outlet's own articles alone.
    html = client.get("/search/", {"q": "Sellholm ferry ramp", "source": "strait-courier"}).content.decode()
    assert {outlet: n for outlet, (n, _) in outlet_facet(html).items()} == {"Strait Courier": 1}
