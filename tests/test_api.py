"""The read-only JSON API (issue 14.4): the pages' filters, cursor pagination, 400s for bad input, throttling.

Everyone here is invented (tests/conftest.py's archive)."""

import pytest
from django.core.cache import caches
from django.db.models import F

from articles import api
from articles.models import Article, Person, Quote
from tests.conftest import make_article, make_person, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_budget():
    caches["default"].clear()  # each test starts with its client's whole budget


def get(client, url: str, status: int = 200, **extra) -> dict:
    response = client.get(url, **extra)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def walk(client, url: str) -> list[dict]:
    """Every page, following `next`."""
    found = []
    while url:
        page = get(client, url)
        found += page["results"]
        url = page["next"]
    return found


def test_index_names_the_lists(client):
    assert get(client, "/api/") == {
        name: f"http://testserver/api/{name}/" for name in ("articles", "quotes", "people", "outlets", "topics")
    }


def test_articles_page_by_cursor_in_the_page_order_with_ids_and_urls(client, archive):
    a = archive["articles"]
    first = get(client, "/api/articles/?limit=3")
    assert [r["id"] for r in first["results"]] == [a["strike"].pk, a["rents"].pk, a["ferry"].pk]
    strike = first["results"][0]
    assert strike["archive_url"] == "http://testserver" + a["strike"].get_absolute_url()
    assert strike["source"] == {"slug": "harbour-gazette", "name": "Harbour Gazette"}
    assert strike["published"] == "2025-03-10" and strike["topics"] == [{"slug": "transport", "name": "Transport"}]
    assert {p["name"] for p in strike["people"]} == {"Ines Varga", "Selim Erdoğlu", "Tomasz Brell"}
    assert first["next"].startswith("http://testserver/api/articles/?limit=3&cursor=")
    second = get(client, first["next"])
    assert [r["id"] for r in second["results"]] == [a["undated"].pk] and second["next"] is None
    assert [r["id"] for r in walk(client, "/api/articles/?limit=1&sort=oldest")] == list(
        Article.objects.order_by(F("published").asc(nulls_last=True), "id").values_list("pk", flat=True)
    )


def test_articles_take_the_filters_of_the_articles_page_and_next_keeps_them(client, archive):
    a, tomasz = archive["articles"], archive["people"]["tomasz"]
    assert [r["id"] for r in walk(client, f"/api/articles/?person={tomasz.slug}&limit=1")] == [
        a["strike"].pk,
        a["ferry"].pk,
    ]
    assert [r["id"] for r in walk(client, "/api/articles/?topic=transport&q=ferry&limit=1")] == [
        a["strike"].pk,
        a["ferry"].pk,
    ]
    courier = archive["sources"]["courier"]
    assert len(walk(client, f"/api/articles/?source={courier.slug}&quotes=yes&limit=1")) == 2


def test_quotes_take_the_filters_of_quotation_search(client, archive):
    selim, ines, tomasz = (archive["people"][k] for k in ("selim", "ines", "tomasz"))
    said = walk(client, f"/api/quotes/?speaker={selim.slug}&limit=1")
    assert [q["text"] for q in said] == ["The port must reopen", "Rents are the first problem of this city"]
    assert said[0]["speaker"] == selim.name and said[0]["headline"] == "Harbour strike enters second week"
    about = get(client, f"/api/quotes/?q=contract&mentioning={tomasz.slug}")["results"]
    assert [(q["text"], q["speaker"]) for q in about] == [("We will not go back without a contract", ines.name)]


def test_quotes_by_outlet_alone_page_through_the_articles_in_order(client, archive):
    courier, gazette = archive["sources"]["courier"], archive["sources"]["gazette"]
    assert [q["text"] for q in walk(client, f"/api/quotes/?source={courier.slug}&limit=1")] == [
        "Rents are the first problem of this city",
        "Two crossings a day is what we can do",
    ]
    # Within an article, in the order they are written; a cursor of this order is refused by the speaker's.
    first = get(client, f"/api/quotes/?source={gazette.slug}&limit=1")
    assert [q["text"] for q in first["results"] + get(client, first["next"])["results"]] == [
        "We will not go back without a contract",
        "The port must reopen",
    ]
    cursor = first["next"].split("cursor=")[1]
    speaker = archive["people"]["ines"].slug
    assert "cursor" in get(client, f"/api/quotes/?speaker={speaker}&cursor={cursor}", status=400)["error"]


def test_one_article_with_its_text_and_quotations_and_one_quotation(client, archive, django_assert_max_num_queries):
    strike = archive["articles"]["strike"]
    listed = get(client, f"/api/articles/?source={archive['sources']['gazette'].slug}")["results"][0]
    assert listed["api_url"] == f"http://testserver/api/articles/{strike.pk}/"
    # the article and its outlet, its people, its topics, its quotations and their speakers
    with django_assert_max_num_queries(4):
        one = get(client, f"/api/articles/{strike.pk}/")
    assert {k: v for k, v in one.items() if k in listed} == listed
    assert one["body"] == "Dock workers kept the harbour closed.\n\nThe ferry timetable was cut again."
    said = one["quotes"][0]
    assert said["text"] == "We will not go back without a contract" and said["speaker_slug"] == "ines-varga"
    with django_assert_max_num_queries(1):
        alone = get(client, said["archive_url"].replace("/quotes/", "/api/quotes/").removeprefix("http://testserver"))
    assert alone["id"] == said["id"] and alone["headline"] == strike.headline and alone["speaker"] == "Ines Varga"
    assert "No article has the id 999999" in get(client, "/api/articles/999999/", status=404)["error"]
    assert "No quotation" in get(client, "/api/quotes/999999/", status=404)["error"]


def test_quotations_say_what_speaks(client, db):
    observer = make_source("Marrow Bay Observer")
    article = make_article(
        source=observer,
        headline="Harbour board keeps the night ferry",
        body_text="“No further delays,” the harbour board said. “Fares stay,” a spokeswoman said.",
        quotes=[(None, "No further delays,"), (None, "Fares stay,")],
    )
    for position, written, kind in ((0, "the harbour board", "organisation"), (1, "a spokeswoman", "person")):
        Quote.objects.filter(article=article, position=position).update(speaker_as_written=written, speaker_kind=kind)
    expected = [("the harbour board", "organisation"), ("a spokeswoman", "person")]
    listed = get(client, f"/api/quotes/?source={observer.slug}")["results"]
    assert [(q["speaker_as_written"], q["speaker_kind"]) for q in listed] == expected
    one = get(client, f"/api/articles/{article.pk}/")["quotes"]
    assert [(q["speaker_as_written"], q["speaker_kind"]) for q in one] == expected
    alone = get(client, f"/api/quotes/{one[0]['id']}/")
    assert alone["speaker_kind"] == "organisation"


def test_people_outlets_and_topics(client, archive):
    assert [p["name"] for p in walk(client, "/api/people/?limit=2")] == ["Ines Varga", "Selim Erdoğlu", "Tomasz Brell"]
    [selim] = get(client, "/api/people/?q=erdoglu")["results"]
    assert selim["slug"] == "selim-erdoglu" and selim["description"] == "Mayor of Port Ardent"
    assert get(client, selim["quotes"].removeprefix("http://testserver"))["results"][0]["speaker"] == selim["name"]
    assert [p["name"] for p in get(client, "/api/people/?letter=T")["results"]] == ["Tomasz Brell"]
    outlets = walk(client, "/api/outlets/?limit=1")
    assert [o["name"] for o in outlets] == ["Harbour Gazette", "Newswire Digest", "Valley Courier"]
    gazette_articles = get(client, outlets[0]["articles"].removeprefix("http://testserver"))["results"]
    assert [r["headline"] for r in gazette_articles] == ["Harbour strike enters second week"]
    assert [t["name"] for t in walk(client, "/api/topics/?limit=1")] == ["Housing", "Transport"]


def test_people_of_the_same_name_but_case_page_by_id(client, db):
    # Names are unique ignoring case and accents, but the order is by the name as written, then id.
    for name in ("Ana Bell", "Ána Bellow", "Ana Belt", "Ana Ben"):
        make_person(name)
    assert [p["name"] for p in walk(client, "/api/people/?limit=1")] == list(
        Person.objects.order_by("name", "id").values_list("name", flat=True)
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/articles/?source=no-such-outlet", "source:"),
        ("/api/articles/?year=twenty", "year:"),
        ("/api/articles/?limit=0", "limit must be"),
        ("/api/articles/?limit=lots", "limit must be"),
        ("/api/articles/?limit=201", "limit must be"),
        ("/api/articles/?cursor=garbage", "cursor"),
        ("/api/quotes/", "Add words"),
        ("/api/quotes/?speaker=Nobody+Atall", "No one in the archive is called"),
        ("/api/quotes/?q=port&date_from=2025-03-09&date_to=2025-03-01", "before its start"),
        ("/api/articles/?date_from=2025-03-09&date_to=2025-03-01", "before its start"),
        ("/api/people/?letter=%C3%9F", "letter:"),
    ],
)
def test_bad_parameters_are_400_with_a_message(client, archive, url, message):
    assert message in get(client, url, status=400)["error"]


def test_a_changed_or_foreign_cursor_is_refused(client, archive):
    page = get(client, "/api/articles/?limit=1")
    cursor = page["next"].split("cursor=")[1]
    tampered = cursor[:-3] + ("AAA" if cursor[-3:] != "AAA" else "BBB")
    assert "cursor" in get(client, f"/api/articles/?limit=1&cursor={tampered}", status=400)["error"]
    # A cursor of the newest-first list in the oldest-first one, or in another list.
    assert "cursor" in get(client, f"/api/articles/?limit=1&sort=oldest&cursor={cursor}", status=400)["error"]
    assert "cursor" in get(client, f"/api/people/?cursor={cursor}", status=400)["error"]


def test_each_client_is_throttled_with_retry_after(client, archive, monkeypatch):
    monkeypatch.setattr(api, "REQUESTS_PER_MINUTE", 3)
    for _ in range(3):
        get(client, "/api/topics/")
    refused = client.get("/api/topics/")
    assert refused.status_code == 429 and "3 requests a minute" in refused.json()["error"]
    assert 1 <= int(refused["Retry-After"]) <= 60
    get(client, "/api/topics/", REMOTE_ADDR="192.0.2.7")  # another client still has its budget


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        # articles (outlet joined), their people, their topics; and the undated articles, read after the
        # dated ones, when a page reaches the end of the dated (keyset.rows()'s two phases)
        ("/api/articles/?limit=20", 3 + 1),
        ("/api/articles/?limit=20&sort=oldest", 3 + 1),
        # + the outlet, person and topic of the filters, and the languages the language filter offers
        ("/api/articles/?limit=20&source={source}&topic={topic}&person={person}", 4 + 4),
        # the speaker; the quotations with their article, outlet and speaker joined (and the undated ones)
        ("/api/quotes/?limit=20&speaker={person}", 1 + 2),
        # one statement each: a name is never NULL, so there is one phase
        ("/api/people/?limit=20", 1),
        ("/api/outlets/?limit=20", 1),
        ("/api/topics/?limit=20", 1),
    ],
)
def test_query_counts_do_not_grow_with_the_page(client, grow_archive, django_assert_max_num_queries, url, budget):
    made = grow_archive(30)
    article = made[0]
    person = article.quotes.first().person
    url = url.format(source=article.source.slug, topic=article.topics.first().slug, person=person.slug)
    with django_assert_max_num_queries(budget):
        page = get(client, url)
    assert page["results"]
    if page["next"]:  # the next page costs the same
        with django_assert_max_num_queries(budget):
            get(client, page["next"])
