"""Dates that are unknown or approximate stay so (issue 14.6): "2017" and "April 2017" are kept as a year and a
month from every input, shown, cited and exported as such, and matched by date ranges when their period overlaps.

Everyone, every outlet and every quotation here is invented.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from articles import citations
from articles.ingest.formats import Dated, Options, parse_html, parse_moment
from articles.models import Article, DatePrecision, Quote
from tests.conftest import make_article, make_person, make_source
from tests.test_admin import article_data, staff

pytestmark = pytest.mark.django_db

MONTH, YEAR, DAY = DatePrecision.MONTH, DatePrecision.YEAR, DatePrecision.DAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017", Dated(dt.date(2017, 1, 1), None, YEAR)),
        ("2017-04", Dated(dt.date(2017, 4, 1), None, MONTH)),
        ("April 2017", Dated(dt.date(2017, 4, 1), None, MONTH)),
        ("Apr. 2017", Dated(dt.date(2017, 4, 1), None, MONTH)),
        ("2017-04-05", Dated(dt.date(2017, 4, 5), None, DAY)),
        ("Sept 2017", Dated(dt.date(2017, 9, 1), None, MONTH)),
        ("Sept. 2017", Dated(dt.date(2017, 9, 1), None, MONTH)),
        (
            "Tue, 05 Sept 2017 22:30:00 +0000",
            Dated(dt.date(2017, 9, 5), dt.datetime(2017, 9, 5, 22, 30, tzinfo=dt.UTC), DAY),
        ),
        (2017, Dated(dt.date(2017, 1, 1), None, YEAR)),  # a year written as a JSON number, not a timestamp
        (1504650600, Dated(dt.date(2017, 9, 5), dt.datetime(2017, 9, 5, 22, 30, tzinfo=dt.UTC), DAY)),  # a timestamp
    ],
)
def test_a_year_or_a_month_alone_is_read_as_such(text, expected):
    assert parse_moment(text) == expected


def test_a_month_that_is_no_month_is_refused_by_name():
    with pytest.raises(ValueError, match="unreadable date '2017-13'"):
        parse_moment("2017-13")


def stored(tmp_path, name: str, content: str, *args) -> Article:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    call_command("ingest", str(path), *args, stdout=open("/dev/null", "w"), stderr=open("/dev/null", "w"))
    return Article.objects.get()


BODY = "The ferry board of Port Elden met again on Tuesday and agreed to keep the winter timetable for now."


def test_json_with_a_year_only_is_stored_as_that_year(tmp_path):
    article = stored(
        tmp_path, "a.json", json.dumps({"headline": "Ferry board keeps timetable", "body": BODY, "date": "2017"})
    )
    assert (article.published, article.published_precision) == (dt.date(2017, 1, 1), YEAR)


def test_json_with_a_year_as_a_number_is_stored_as_that_year(tmp_path):
    article = stored(
        tmp_path, "a.json", json.dumps({"headline": "Ferry board keeps timetable", "body": BODY, "date": 2017})
    )
    assert (article.published, article.published_precision) == (dt.date(2017, 1, 1), YEAR)


def test_feed_entry_dated_by_its_month_is_stored_as_that_month(tmp_path):
    rss = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Elden Weekly</title>
<item><title>Ferry board keeps timetable</title><link>https://elden-weekly.example/a</link>
<pubDate>April 2017</pubDate><description>{BODY}</description></item></channel></rss>"""
    article = stored(tmp_path, "feed.xml", rss)
    assert (article.published, article.published_precision) == (dt.date(2017, 4, 1), MONTH)


def test_page_whose_metadata_gives_a_year_is_stored_as_that_year():
    paragraphs = "".join(f"<p>{BODY.replace('Tuesday', day)}</p>" for day in ("Monday", "Tuesday", "Friday"))
    page = f"""<html><head><title>Ferry board keeps timetable</title>
<meta property="article:published_time" content="2017"></head>
<body><article><h1>Ferry board keeps timetable</h1>{paragraphs}</article></body></html>"""
    [parsed] = parse_html(page, "https://elden-weekly.example/ferry", Options())
    assert (parsed.published, parsed.published_precision) == (dt.date(2017, 1, 1), YEAR)


def test_plain_text_takes_a_month_given_on_the_command_line(tmp_path):
    article = stored(tmp_path, "a.txt", f"Ferry board keeps timetable\n\n{BODY}\n", "--date", "2017-04")
    assert (article.published, article.published_precision) == (dt.date(2017, 4, 1), MONTH)


def test_the_database_refuses_an_approximate_date_that_is_not_the_start_of_its_period():
    for published, precision in ((dt.date(2017, 4, 5), MONTH), (dt.date(2017, 4, 1), YEAR), (None, MONTH)):
        with pytest.raises(IntegrityError, match="article_published_precision"), transaction.atomic():
            make_article(published=published, published_precision=precision)


@pytest.fixture
def dated(db):
    """The same outlet's articles dated to the day, to the month, to the year and not at all, each with a quotation
    by Mara Tolle, the harbour master."""
    mara, outlet = make_person("Mara Tolle"), make_source("Elden Weekly")

    def article(headline, published, precision=DAY):
        return make_article(
            headline=headline,
            source=outlet,
            published=published,
            published_precision=precision,
            quotes=[(mara, f"The quay stays open, said of {headline.lower()}.")],
        )

    return {
        "mara": mara,
        "day": article("Quay repairs begin", dt.date(2017, 4, 10)),
        "month": article("Quay repairs halfway", dt.date(2017, 4, 1), MONTH),
        "year": article("Quay repairs in review", dt.date(2017, 1, 1), YEAR),
        "unknown": article("Quay repairs remembered", None),
    }


def test_pages_show_a_date_as_far_as_it_is_known(client, dated):
    page = client.get(dated["month"].get_absolute_url()).content.decode()
    assert '<time datetime="2017-04">April 2017</time>' in page
    assert "1 April 2017" not in page
    listing = client.get("/articles/").content.decode()
    assert '<time datetime="2017">2017</time>' in listing
    assert "date unknown" in listing
    assert "date unknown" in client.get(dated["unknown"].get_absolute_url()).content.decode()
    quote = Quote.objects.get(article=dated["month"])
    assert '<time datetime="2017-04">April 2017</time>' in client.get(f"/quotes/{quote.pk}/").content.decode()


def test_citations_give_only_the_known_parts_of_the_date(dated):
    quote = Quote.objects.select_related("article__source", "person").get(article=dated["month"])
    url = f"https://archive.example/quotes/{quote.pk}/"
    assert ", Elden Weekly, April 2017: “" in citations.plain_text(quote, url)
    [item] = json.loads(citations.csl_json(quote, url))
    assert item["issued"] == {"date-parts": [[2017, 4]]}
    bib = citations.bibtex(quote, url)
    assert "  year = {2017},\n  date = {2017-04},\n  month = {4}," in bib
    year = Quote.objects.select_related("article__source", "person").get(article=dated["year"])
    assert json.loads(citations.csl_json(year, url))[0]["issued"] == {"date-parts": [[2017]]}
    assert "month =" not in citations.bibtex(year, url)


def test_api_downloads_and_export_keep_the_precision(client, dated, tmp_path):
    article = client.get(f"/api/articles/{dated['month'].pk}/").json()
    assert (article["published"], article["published_precision"]) == ("2017-04", "month")
    rows = [json.loads(line) for line in client.get("/articles/?format=jsonl").getvalue().decode().splitlines()]
    assert {row["headline"]: row["published"] for row in rows} == {
        "Quay repairs begin": "2017-04-10",
        "Quay repairs halfway": "2017-04",
        "Quay repairs in review": "2017",
        "Quay repairs remembered": None,
    }
    quotes = client.get(f"/quotes/?speaker={dated['mara'].slug}&format=csv").getvalue().decode()
    assert ",2017-04," in quotes and ",2017," in quotes
    # Exported and read back, a year stays a year.
    exported = tmp_path / "export.jsonl"
    call_command("export", "--output", str(exported), stderr=open("/dev/null", "w"))
    Article.objects.all().delete()
    call_command("ingest", str(exported), stdout=open("/dev/null", "w"), stderr=open("/dev/null", "w"))
    assert Article.objects.get(headline="Quay repairs in review").published_precision == YEAR


def headlines(client, url: str) -> set[str]:
    page = client.get(url)
    assert page.status_code == 200
    return {h for h in ("begin", "halfway", "in review", "remembered") if f"Quay repairs {h}" in page.content.decode()}


def test_a_date_range_takes_the_months_and_years_it_overlaps_and_says_so(client, dated):
    # 15 April to 30 June 2017: April 2017 and 2017 overlap it; the 10th of April and no date do not.
    assert headlines(client, "/articles/?date_from=2017-04-15&date_to=2017-06-30") == {"halfway", "in review"}
    assert headlines(client, "/articles/?date_from=2017-05-01") == {"in review"}
    assert headlines(client, "/articles/?year=2017&month=4") == {"begin", "halfway", "in review"}
    page = client.get("/articles/").content.decode()
    assert "dated only by its month or year is included when that month or year overlaps the range" in page
    assert 'aria-describedby="id_date_to_helptext"' in page


def test_quotation_search_ranges_count_an_articles_month_or_year(client, dated):
    mara = dated["mara"]
    for extra in (f"&speaker={mara.slug}", "&q=quay", "&source=" + dated["day"].source.slug):
        found = headlines(client, f"/quotes/?date_from=2017-04-15&date_to=2017-06-30{extra}")
        assert found == {"halfway", "in review"}, extra
    assert "month or year overlaps the range" in client.get("/quotes/").content.decode()


def test_staff_set_a_month_only_and_any_day_of_it_will_do(client):
    client.force_login(staff("Editors"))
    assert 'name="published_precision"' in client.get("/admin/articles/article/add/").content.decode()
    data = article_data(headline="Quay repairs planned", published="2017-04-17", published_precision="month")
    response = client.post("/admin/articles/article/add/", data)
    assert response.status_code == 302
    article = Article.objects.get(headline="Quay repairs planned")
    assert (article.published, article.published_precision) == (dt.date(2017, 4, 1), MONTH)
    data = article_data(headline="Quay repairs dreamt of", published="", published_precision="year")
    assert "Give a date in that month or year" in client.post("/admin/articles/article/add/", data).content.decode()


def ordered(client, url: str) -> list[str]:
    page = client.get(url).content.decode()
    found = [(page.index(f"Quay repairs {h}"), h) for h in ("begin", "halfway", "in review", "remembered")]
    return [h for _, h in sorted(found)]


def test_oldest_first_a_year_or_month_alone_sorts_as_its_first_day_and_the_undated_come_last(client, dated):
    mara = dated["mara"]
    expected = ["in review", "halfway", "begin", "remembered"]
    assert ordered(client, "/articles/?sort=oldest") == expected
    assert ordered(client, f"/articles/?person={mara.slug}&sort=oldest") == expected
    assert ordered(client, "/search/?q=quay&sort=oldest") == expected
    assert ordered(client, f"/quotes/?speaker={mara.slug}&sort=oldest") == expected
    assert ordered(client, f"/quotes/?source={dated['day'].source.slug}&sort=oldest") == expected
    api = client.get("/api/articles/?sort=oldest").json()["results"]
    assert [a["headline"].removeprefix("Quay repairs ") for a in api] == expected
    # Newest first, as before: the undated last too.
    assert ordered(client, "/articles/") == ["begin", "halfway", "in review", "remembered"]


def test_oldest_first_pages_run_from_the_dated_into_the_undated(client):
    outlet = make_source("Elden Weekly")
    for day in (3, 1, 2):
        make_article(headline=f"Dated {day}", source=outlet, published=dt.date(2020, 1, day))
    undated = [make_article(headline=f"Undated {i}", source=outlet).headline for i in range(25)]

    def page(number):
        return [a.headline for a in client.get(f"/articles/?sort=oldest&page={number}").context["page"]]

    assert page(1) == ["Dated 1", "Dated 2", "Dated 3", *undated[:17]]
    assert page(2) == undated[17:]


def test_the_admin_writes_a_date_as_far_as_it_is_known(admin_client, dated):
    """Found by QA: the admin's article list and the data-quality page wrote "2017" as "1 Jan 2017" and "April
    2017" as "1 Apr 2017" (the stored first day), so staff read a day the source never gave."""
    outlet = dated["day"].source
    copy = make_article(
        headline="Quay repairs halfway, again", source=make_source("Tollbridge Crier"), published=dt.date(2017, 4, 1)
    )
    Article.objects.filter(pk=copy.pk).update(published_precision=MONTH, copy_of=dated["month"])
    make_article(
        headline="Quay repairs reviewed by nobody",
        source=outlet,
        published=dt.date(2017, 1, 1),
        published_precision=YEAR,
        quotes=[(None, "Nobody knows who said this of the quay.")],
    )

    listing = admin_client.get("/admin/articles/article/").content.decode()
    assert '<td class="field-published_known">Apr 2017</td>' in listing
    assert "1 Apr 2017" not in listing and "1 Jan 2017" not in listing
    quality = admin_client.get("/admin/data-quality/").content.decode()
    assert "Nobody knows who said this" in quality and "Quay repairs halfway, again" in quality
    assert "1 Apr 2017" not in quality and "1 Jan 2017" not in quality
    assert '<time datetime="2017-04">Apr 2017</time>' in quality  # the copy and its group's head
    assert '<time datetime="2017">2017</time>' in quality  # the unattributed quotation's article
