"""Downloads of the lists (issue 14.4): ?format=csv|jsonl on /articles/, /search/ and /quotes/ gives every row the
page's filters select, streamed by keyset batches, each row with its stable id and its page's URL.

Everyone here is invented (tests/conftest.py's archive)."""

import csv
import datetime
import io
import json

import pytest
from django.db.models import F

from articles import export, keyset
from articles.keyset import Key, date_key
from articles.models import Article, Quote
from tests.conftest import make_article, make_source

# Oldest first as every list gives it: the undated last (issue 14.6).
UNDATED_LAST = (F("published").asc(nulls_last=True), F("id").asc())

pytestmark = pytest.mark.django_db


def download(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response.streaming  # written as it is read, never whole in memory
    return response, b"".join(response.streaming_content).decode()


def csv_rows(client, url: str) -> list[dict]:
    response, text = download(client, url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(text)))


def jsonl_rows(client, url: str) -> list[dict]:
    response, text = download(client, url)
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    return [json.loads(line) for line in text.splitlines()]


def test_outlet_articles_as_csv_newest_first_undated_last_with_id_and_page_url(client, archive):
    courier = archive["sources"]["courier"]
    a = archive["articles"]
    response, _ = download(client, f"/articles/?source={courier.slug}&format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="articles.csv"'
    rows = csv_rows(client, f"/articles/?source={courier.slug}&format=csv")
    assert [int(r["id"]) for r in rows] == [a["rents"].pk, a["ferry"].pk, a["undated"].pk]
    assert list(rows[0]) == export.ARTICLE_CSV_COLUMNS
    rents = rows[0]
    assert rents["archive_url"] == "http://testserver" + a["rents"].get_absolute_url()
    assert rents["headline"] == "Council debates rent caps" and rents["source"] == "Valley Courier"
    assert rents["published"] == "2025-03-07" and rents["people"] == "Selim Erdoğlu" and rents["topics"] == "Housing"
    assert rents["quotes"] == "1" and rents["body"] == "Rents rose for the fifth year in Port Ardent."
    # The row's URL is the article's page.
    assert client.get(rents["archive_url"].removeprefix("http://testserver")).status_code == 200


def test_person_articles_as_json_lines_are_the_export_format_with_id_and_url_first(client, archive):
    tomasz, a = archive["people"]["tomasz"], archive["articles"]
    rows = jsonl_rows(client, f"/articles/?person={tomasz.slug}&format=jsonl")
    assert [r["id"] for r in rows] == [a["strike"].pk, a["ferry"].pk]
    strike = rows[0]
    assert list(strike)[:3] == ["id", "archive_url", "headline"]
    assert {k: v for k, v in strike.items() if k not in ("id", "archive_url")} == next(
        r for r in export.article_records() if r["headline"] == "Harbour strike enters second week"
    )
    oldest = jsonl_rows(client, f"/articles/?person={tomasz.slug}&sort=oldest&format=jsonl")
    assert [r["id"] for r in oldest] == [a["ferry"].pk, a["strike"].pk]


def test_topic_download_has_the_filters_of_the_page(client, archive):
    transport, a = archive["topics"]["transport"], archive["articles"]
    rows = jsonl_rows(client, f"/articles/?topic={transport.slug}&date_from=2025-03-01&format=jsonl")
    assert [r["id"] for r in rows] == [a["strike"].pk]


def test_search_download_is_every_match_newest_first(client, archive):
    a = archive["articles"]
    rows = csv_rows(client, "/search/?q=ferry&format=csv")
    assert [int(r["id"]) for r in rows] == [a["strike"].pk, a["ferry"].pk, a["undated"].pk]
    assert csv_rows(client, "/search/?q=ferry&sort=oldest&format=csv")[-1]["id"] == str(a["undated"].pk)
    gazette = archive["sources"]["gazette"]
    assert [r["id"] for r in jsonl_rows(client, f"/search/?q=ferry&source={gazette.slug}&format=jsonl")] == [
        a["strike"].pk
    ]


def test_a_person_quotations_as_csv_with_their_article(client, archive):
    selim, a = archive["people"]["selim"], archive["articles"]
    rows = csv_rows(client, f"/quotes/?speaker={selim.slug}&format=csv")
    assert list(rows[0]) == export.QUOTE_COLUMNS
    assert [r["text"] for r in rows] == ["The port must reopen", "Rents are the first problem of this city"]
    port = rows[0]
    quote = a["strike"].quotes.get(text="The port must reopen")
    assert port["id"] == str(quote.pk) and port["archive_url"] == "http://testserver" + quote.get_absolute_url()
    assert port["speaker"] == "Selim Erdoğlu" and port["published"] == "2025-03-10"
    assert port["article_id"] == str(a["strike"].pk) and port["headline"] == "Harbour strike enters second week"
    assert port["article_archive_url"] == "http://testserver" + a["strike"].get_absolute_url()
    assert port["source"] == "Harbour Gazette"


def test_quotation_downloads_say_what_speaks(client, db):
    observer = make_source("Marrow Bay Observer")
    article = make_article(
        source=observer,
        headline="Harbour board keeps the night ferry",
        body_text="“No further delays,” the harbour board said. “Fares stay,” a spokeswoman said.",
        published=datetime.date(2025, 4, 2),
        quotes=[(None, "No further delays,"), (None, "Fares stay,")],
    )
    for position, written, kind in ((0, "the harbour board", "organisation"), (1, "a spokeswoman", "person")):
        Quote.objects.filter(article=article, position=position).update(speaker_as_written=written, speaker_kind=kind)
    expected = [("the harbour board", "organisation"), ("a spokeswoman", "person")]
    for fmt, read in (("csv", csv_rows), ("jsonl", jsonl_rows)):
        rows = read(client, f"/quotes/?source={observer.slug}&sort=oldest&format={fmt}")
        assert [(r["speaker_as_written"], r["speaker_kind"]) for r in rows] == expected, fmt
    [row] = jsonl_rows(client, f"/articles/?source={observer.slug}&format=jsonl")
    assert [(q["speaker_as_written"], q["speaker_kind"]) for q in row["quotes"]] == expected


def test_quotation_search_download_with_words_and_mentioning(client, archive):
    ines, tomasz = archive["people"]["ines"], archive["people"]["tomasz"]
    rows = jsonl_rows(client, f"/quotes/?q=contract&mentioning={tomasz.slug}&format=jsonl")
    assert [(r["text"], r["speaker"]) for r in rows] == [("We will not go back without a contract", ines.name)]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/articles/?format=xlsx", "format must be one of csv, jsonl"),
        ("/articles/?source=no-such-outlet&format=csv", "source:"),
        ("/search/?year=twenty&format=csv", "year:"),
        ("/quotes/?speaker=Nobody+Atall&format=jsonl", "No one in the archive is called"),
        ("/quotes/?format=csv", "Add words or a filter"),
        ("/quotes/?q=port&date_from=2025-03-09&date_to=2025-03-01&format=csv", "before its start"),
        ("/articles/?date_from=2025-03-09&date_to=2025-03-01&format=csv", "before its start"),
    ],
)
def test_bad_parameters_are_a_400_with_a_message(client, archive, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_cell_that_would_be_a_spreadsheet_formula_is_quoted(client, archive):
    make_article(headline='=HYPERLINK("http://evil.example","click")', source=archive["sources"]["wire"])
    rows = csv_rows(client, f"/articles/?source={archive['sources']['wire'].slug}&format=csv")
    assert rows[0]["headline"] == '\'=HYPERLINK("http://evil.example","click")'


def test_downloads_stream_past_the_page_cache(client, archive, settings):
    settings.PAGE_CACHE_ENTRIES = 100
    url = f"/articles/?source={archive['sources']['courier'].slug}&format=csv"
    first = csv_rows(client, url)
    make_article(headline="Late ferry news", source=archive["sources"]["courier"], published=datetime.date(2025, 4, 1))
    assert [r["headline"] for r in csv_rows(client, url)] == ["Late ferry news"] + [r["headline"] for r in first]


def test_many_rows_come_in_batches_in_the_page_order_with_a_few_queries_a_batch(
    client, grow_archive, monkeypatch, django_assert_max_num_queries
):
    made = grow_archive(9)
    for _ in range(3):  # undated ones come last, read as their own phase
        make_article(published=None, source=made[0].source)
    monkeypatch.setattr(export, "BATCH", 4)
    expected = list(Article.objects.newest_first().values_list("pk", flat=True))
    # One statement a batch (people, topics and quotations come as arrays beside each article): the 9 dated
    # articles in batches of 4, 4 and 1, then the 3 undated ones.
    with django_assert_max_num_queries(4):
        rows = jsonl_rows(client, "/articles/?format=jsonl")
    assert [r["id"] for r in rows] == expected
    monkeypatch.setattr(export, "BATCH", 5)
    oldest = csv_rows(client, "/articles/?sort=oldest&format=csv")
    assert [int(r["id"]) for r in oldest] == list(Article.objects.order_by(*UNDATED_LAST).values_list("pk", flat=True))


# --- keyset.rows() itself ------------------------------------------------------------------------------------


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("batch", [1, 2, 3, 50])
def test_keyset_reads_every_row_once_in_order_from_any_cursor(db, descending, batch):
    days = [datetime.date(2025, 1, 1), datetime.date(2025, 1, 1), None, datetime.date(2024, 6, 1), None]
    for day in days * 2:
        make_article(published=day)
    order = (date_key("published", descending), Key("id", descending))
    expected = list(
        (Article.objects.newest_first() if descending else Article.objects.order_by(*UNDATED_LAST)).values_list(
            "pk", flat=True
        )
    )
    rows = list(keyset.rows(Article.objects.all(), order, batch=batch))
    assert [a.pk for a in rows] == expected
    for i, row in enumerate(rows):  # resumed after any row, dated or not, the rest follows exactly
        after = keyset.key_values(row, order)
        assert [a.pk for a in keyset.rows(Article.objects.all(), order, after=after, batch=batch)] == expected[i + 1 :]


def test_each_list_page_links_its_downloads_with_its_filters(client, archive):
    import re

    transport, selim = archive["topics"]["transport"], archive["people"]["selim"]
    pages = {
        f"/articles/?source={archive['sources']['courier'].slug}&page=1": 3,
        "/search/?q=ferry": 3,
        "/quotes/?q=port": 1,
        f"/topics/{transport.slug}/": 2,
        f"/sources/{archive['sources']['gazette'].slug}/": 1,
        f"/people/{selim.slug}/": 2,
    }
    for url, count in pages.items():
        html = client.get(url).content.decode()
        [link] = re.findall(r'<p class="downloads">.*?<a href="([^"]+)" download>CSV</a>', html)
        link = link.replace("&amp;", "&")
        target = link if link.startswith("/") else url.split("?")[0] + link
        assert "page=" not in target  # every row, not one page's
        assert len(csv_rows(client, target)) == count, url
