"""Export: every article as one JSON object per line — the format `ingest` reads back; and the downloads
of the site's lists (CSV and JSON Lines, below).

Export → empty database → ingest → export gives byte-identical output (tests/test_export.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from typing import TextIO

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, QuerySet
from django.db.models.functions import JSONObject
from django.http import StreamingHttpResponse

from articles import keyset
from articles.keyset import Key, date_key
from articles.models import Article, ArticleTopic, DatePrecision, Mention, Quote, dated, url_for
from newsarchive.replicas import read_alias


def export_record(
    *,
    headline: str,
    body: str,
    body_html: str,
    source: str | None,
    via: str | None,
    published: dt.date | None,
    url: str,
    byline: str,
    people: list[str],
    topics: list[str],
    quotes: list[dict],
    published_at: dt.datetime | None = None,
    feed_url: str = "",
    entry_id: str = "",
    published_precision: str = DatePrecision.DAY,
) -> dict:
    """One article in the export format; the key order is part of the format. `published` is the
    publisher's date as far as it is known ("2025-03-10", or "2025-03" and "2025" for a month or a
    year alone, which `ingest` reads back as such), `published_at` the moment (UTC) when known; a
    feed entry's `feed_url` and `entry_id` are its identity, so reading its feed again after an
    import finds it."""
    return {
        "headline": headline,
        "body": body,
        "body_html": body_html,
        "source": source,
        "via": via,
        "published": dated(published, published_precision)[0] or None,
        "published_at": published_at.astimezone(dt.UTC).isoformat() if published_at else None,
        "url": url,
        "feed_url": feed_url,
        "entry_id": entry_id,
        "byline": byline,
        "people": people,
        "topics": topics,
        "quotes": quotes,
    }


def for_export(articles: QuerySet) -> QuerySet:
    """`articles` with what an export record reads, in one statement: outlet and aggregator joined; the names
    of the people and topics, and the quotations, as arrays beside each article.

    Arrays rather than prefetch_related(): Django's prefetching built a related manager and a queryset for
    every article, two thirds of a download's time (cProfile, 5,000 articles of the bench corpus). The search
    documents (search_text, search_vector: as large as the text) are never exported, so never read."""
    quotes = Quote.objects.filter(article=OuterRef("pk")).order_by("position")
    return (
        articles.select_related("source", "via")
        .defer("search_text", "search_vector")
        .annotate(
            export_people=ArraySubquery(
                Mention.objects.filter(article=OuterRef("pk")).order_by("person__name").values("person__name")
            ),
            export_topics=ArraySubquery(
                ArticleTopic.objects.filter(article=OuterRef("pk")).order_by("topic__name").values("topic__name")
            ),
            export_quotes=ArraySubquery(
                quotes.values(
                    json=JSONObject(
                        text="text",
                        speaker="person__name",
                        speaker_as_written="speaker_as_written",
                        speaker_kind="speaker_kind",
                        partial="partial",
                    )
                )
            ),
        )
    )


def article_record(article: Article) -> dict:
    """An article read through for_export() in the export format."""
    return export_record(
        headline=article.headline,
        body=article.body_text,
        body_html=article.body_html,
        source=article.source.name if article.source else None,
        via=article.via.name if article.via else None,
        published=article.published,
        published_precision=article.published_precision,
        published_at=article.published_at,
        url=article.url,
        feed_url=article.feed_url,
        entry_id=article.entry_id,
        byline=article.byline,
        people=article.export_people,
        topics=article.export_topics,
        # In the format's key order (the database's JSON object has its own).
        quotes=[{key: q[key] for key in QUOTE_KEYS} for q in article.export_quotes],
    )


# A quotation as the export format nests it in its article, in this key order. `speaker_kind` (person /
# organisation / unknown) says what speaks when no person is named ("the ministry said"): `ingest` reads it back.
QUOTE_KEYS = ("text", "speaker", "speaker_as_written", "speaker_kind", "partial")
QUOTE_FIELDS = ("text", "person__name", "speaker_as_written", "speaker_kind", "partial")  # what quote_record() reads


def quote_record(quote: Quote) -> dict:
    """A quotation as the export format nests it in its article."""
    return {
        "text": quote.text,
        "speaker": quote.person.name if quote.person else None,
        "speaker_as_written": quote.speaker_as_written,
        "speaker_kind": quote.speaker_kind,
        "partial": quote.partial,
    }


def article_records(batch_size: int = 2000) -> Iterator[dict]:
    """Every article's export record, in id order, one statement per batch (not per article)."""
    for article in for_export(Article.objects.order_by("pk")).iterator(chunk_size=batch_size):
        yield article_record(article)


def write_jsonl(records, out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


# --- Downloads of the site's lists (issue 14.4): ?format=csv or ?format=jsonl on /articles/, /search/, /quotes/ ---
#
# The rows are read by keyset (articles/keyset.py), a batch at a time, and written as they come, so a million of
# them stream in flat memory. Every row starts with its stable id and the URL of its page in the archive.
# An article's JSON Lines row is the export format above with those two keys first: `ingest` reads a download
# back (it ignores keys it does not know).

ARTICLES_NEWEST = (date_key("published", True), Key("id", True))  # article_published_idx
ARTICLES_OLDEST = (date_key("published", False), Key("id", False))
# A person's articles by the mention's copy of the date: mention_person_published_idx (ArticleFilter.filter_person).
MENTIONS_NEWEST = (date_key("mentions__published", True), Key("id", True))
MENTIONS_OLDEST = (date_key("mentions__published", False), Key("id", False))
QUOTES_NEWEST = (date_key("published", True), Key("article_id", True), Key("position"))  # QUOTES_NEWEST_FIRST
QUOTES_OLDEST = (date_key("published", False), Key("article_id"), Key("position"))
# The same order through the article's own date (Quote.published is its copy), for the article's filters alone
# (outlet, dates, topic, language, mentioning): the planner then walks article_published_idx or
# article_source_published_idx and takes each article's quotations, where by the quotation's date it sorted all
# of an outlet's quotations for each batch (~360 ms a page of 50 at 2.5M quotations; as search.quotes._bounded).
QUOTES_BY_ARTICLE_NEWEST = (date_key("article__published", True), Key("article_id", True), Key("position"))
QUOTES_BY_ARTICLE_OLDEST = (date_key("article__published", False), Key("article_id"), Key("position"))


def quote_order(*, oldest: bool, by_quotation: bool) -> tuple[tuple[Key, ...], str]:
    """The keyset order of a quotation list, and its name (a cursor is valid in its own order only):
    `by_quotation` with words or a speaker (their indexes hold the quotation's date), else by the article."""
    if by_quotation:
        return (QUOTES_OLDEST, "q-old") if oldest else (QUOTES_NEWEST, "q-new")
    return (QUOTES_BY_ARTICLE_OLDEST, "qa-old") if oldest else (QUOTES_BY_ARTICLE_NEWEST, "qa-new")


ARTICLE_CSV_COLUMNS = [
    "id", "archive_url", "headline", "source", "via", "published", "published_at", "url", "byline",
    "people", "topics", "quotes", "body",
]  # fmt: skip
QUOTE_COLUMNS = [
    "id", "archive_url", "text", "speaker", "speaker_as_written", "speaker_kind", "partial", "published",
    "article_id", "article_archive_url", "headline", "source", "article_url",
]  # fmt: skip
FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}
BATCH = 500


class Links:
    """Absolute URLs of archive pages, for a million rows: the site's root before models.url_for's path (which
    fills a pattern reversed once: reverse() costs ~40 us a call)."""

    def __init__(self, root: str):
        self.root = root  # scheme and host: https://news.example

    def article(self, pk: int, slug: str) -> str:
        return self.root + url_for("article_detail", pk, slug)

    def quote(self, pk: int) -> str:
        return self.root + url_for("quote_detail", pk)


def article_rows(articles: QuerySet, order: tuple[Key, ...], links: Links) -> Iterator[dict]:
    """Download rows of `articles` (filtered, in any order: `order` replaces it)."""
    listed = for_export(articles).using(read_alias())  # chosen now (see below)
    return (
        {"id": article.pk, "archive_url": links.article(article.pk, article.slug), **article_record(article)}
        for article in keyset.rows(listed, order, batch=BATCH)
    )


def quote_listing(quotes: QuerySet) -> QuerySet:
    """`quotes` with what quote_row() reads, in the same statement."""
    return quotes.select_related("article__source", "person").only(
        *QUOTE_FIELDS,
        *("published", "article_id", "position"),
        *("article__slug", "article__headline", "article__url", "article__source__name"),
        "article__published_precision",
    )


def quote_row(quote: Quote, links: Links) -> dict:
    """A quotation read through quote_listing(): its id, page, words and speaker, and its article."""
    article = quote.article
    return {
        "id": quote.pk,
        "archive_url": links.quote(quote.pk),
        **quote_record(quote),
        "published": dated(quote.published, article.published_precision)[0] or None,  # "2025-03" for a month
        "article_id": article.pk,
        "article_archive_url": links.article(article.pk, article.slug),
        "headline": article.headline,
        "source": article.source.name if article.source else None,
        "article_url": article.url,
    }


def quote_rows(quotes: QuerySet, order: tuple[Key, ...], links: Links) -> Iterator[dict]:
    """Download rows of `quotes` (filtered; `order` replaces any order): the quotation, and its article."""
    listed = quote_listing(quotes).using(read_alias())  # chosen now (see below)
    return (quote_row(quote, links) for quote in keyset.rows(listed, order, batch=BATCH))


# article_rows() and quote_rows() are plain functions returning generators, so that they choose the database
# (a replica for a public request, newsarchive/replicas.py) while the view runs: the rows are read later, as
# the server sends the response, after ReplicaReadsMiddleware has stopped saying what the request may read.


def _csv_cell(value) -> str | int | bool:
    if isinstance(value, list):
        # Names joined; a list of quotations (dicts) as their number.
        value = len(value) if value and isinstance(value[0], dict) else "; ".join(value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        # A headline or quotation from a feed must not run as a formula in a spreadsheet (OWASP "CSV injection").
        return "'" + value
    return "" if value is None else value


class _Line:
    """csv.writer's file: hands back each line it writes."""

    def write(self, text: str) -> str:
        return text


def _chunks(lines: Iterator[str], size: int = 200) -> Iterator[str]:
    """Lines grouped, so the server writes a few large pieces rather than a million small ones."""
    chunk = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= size:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


def csv_lines(rows: Iterator[dict], columns: list[str]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(columns)
    for row in rows:
        yield writer.writerow([_csv_cell(row.get(column)) for column in columns])


def jsonl_lines(rows: Iterator[dict]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def download(rows: Iterator[dict], *, fmt: str, columns: list[str], filename: str) -> StreamingHttpResponse:
    """`rows` streamed as CSV (`columns`) or JSON Lines (every key), as an attachment `filename`.<fmt>."""
    lines = csv_lines(rows, columns) if fmt == "csv" else jsonl_lines(rows)
    response = StreamingHttpResponse(_chunks(lines), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
