"""Export: every article as one JSON object per line — the format `ingest` reads back.

Export → empty database → ingest → export gives byte-identical output (tests/test_export.py).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import TextIO

from django.db.models import Prefetch

from articles.models import Article, Person, Quote, Topic


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
) -> dict:
    """One article in the export format; the key order is part of the format. `published` is the
    publisher's date, `published_at` the moment (UTC) when known; a feed entry's `feed_url` and
    `entry_id` are its identity, so reading its feed again after an import finds it."""
    return {
        "headline": headline,
        "body": body,
        "body_html": body_html,
        "source": source,
        "via": via,
        "published": published.isoformat() if published else None,
        "published_at": published_at.astimezone(dt.UTC).isoformat() if published_at else None,
        "url": url,
        "feed_url": feed_url,
        "entry_id": entry_id,
        "byline": byline,
        "people": people,
        "topics": topics,
        "quotes": quotes,
    }


def article_records(batch_size: int = 2000) -> Iterator[dict]:
    """Every article's export record, in id order, a few queries per batch (not per article)."""
    articles = (
        Article.objects.order_by("pk")
        .select_related("source", "via")
        .prefetch_related(
            Prefetch("people", queryset=Person.objects.order_by("name").only("name")),
            Prefetch("topics", queryset=Topic.objects.order_by("name").only("name")),
            Prefetch("quotes", queryset=Quote.objects.order_by("position").select_related("person")),
        )
    )
    for article in articles.iterator(chunk_size=batch_size):
        yield export_record(
            headline=article.headline,
            body=article.body_text,
            body_html=article.body_html,
            source=article.source.name if article.source else None,
            via=article.via.name if article.via else None,
            published=article.published,
            published_at=article.published_at,
            url=article.url,
            feed_url=article.feed_url,
            entry_id=article.entry_id,
            byline=article.byline,
            people=[p.name for p in article.people.all()],
            topics=[t.name for t in article.topics.all()],
            quotes=[
                {
                    "text": q.text,
                    "speaker": q.person.name if q.person else None,
                    "speaker_as_written": q.speaker_as_written,
                    "partial": q.partial,
                }
                for q in article.quotes.all()
            ],
        )


def write_jsonl(records, out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
